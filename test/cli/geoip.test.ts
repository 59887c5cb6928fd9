// `logdrop normalize` enriches IP roles with the built-in GeoIP tables (run as a user runs it), and
// --geoip FILE puts the user's own data first.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
const line = (ip: string, s: number) => `Oct 17 12:00:0${s} web-01 sshd[7]: Failed password for root from ${ip} port 22 ssh2\n`;
const IPS = ['8.8.8.8', '2001:4860:4860::8888', '193.0.6.139', '10.1.2.3', '192.168.7.9'];

function run(args: string[]): Record<string, string>[] {
  const out = execFileSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  return out.trimEnd().split('\n').map((l) => JSON.parse(l) as Record<string, string>);
}

describe('logdrop normalize with GeoIP', () => {
  const dir = mkdtempSync(join(tmpdir(), 'logdrop-cli-geo-'));
  const log = join(dir, 'auth.log');
  writeFileSync(log, IPS.map(line).join(''));

  it('gives countries for public addresses and labels for private ones', () => {
    const events = run(['normalize', log]);
    expect(events.map((e) => [e['init.host.ip'], e['init.host.loc.country_short'], e['init.host.loc.label']])).toEqual([
      ['8.8.8.8', 'US', undefined],
      ['2001:4860:4860::8888', 'US', undefined],
      ['193.0.6.139', 'NL', undefined],
      ['10.1.2.3', undefined, 'private'],
      ['192.168.7.9', undefined, 'private'],
    ]);
    expect(events[0]).toMatchObject({ 'init.host.loc.country': 'United States', 'init.host.loc.asn': '15169', 'init.host.loc.org': 'Google LLC' });
  }, 120_000);

  it('--geoip adds the user\'s ranges before the built-in data', () => {
    const mine = join(dir, 'sites.csv');
    writeFileSync(mine, 'network,country_code,city\n10.1.0.0/16,FR,Lyon\n');
    const events = run(['normalize', '--geoip', mine, log]);
    expect(events[3]).toMatchObject({ 'init.host.loc.label': 'private', 'init.host.loc.country_short': 'FR', 'init.host.loc.city': 'Lyon' });
  }, 120_000);
});
