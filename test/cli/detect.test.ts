// `logdrop detect` called as a function on files written by the test (no corpus needed): one JSON line per
// alert with rule id/name, severity, first-evidence time, group fields and file/line evidence; a summary on
// stderr; --rules adds Sigma rules (files, folders, zips) with rejected ones named on stderr.
import { describe, expect, it } from 'vitest';
import { Writable } from 'node:stream';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { strToU8, zipSync } from 'fflate';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { detect } from '../../src/cli/detect.ts';

class Collect extends Writable {
  text = '';
  override _write(chunk: Buffer | string, _enc: BufferEncoding, done: () => void): void {
    this.text += chunk.toString();
    done();
  }
}

const dir = mkdtempSync(join(tmpdir(), 'logdrop-detect-'));
const AUTH = join(dir, 'auth.log');
writeFileSync(AUTH, [
  ...Array.from({ length: 6 }, (_, i) => `Mar  3 02:00:${String(i * 5).padStart(2, '0')} web01 sshd[${100 + i}]: Failed password for invalid user u${i} from 203.0.113.45 port ${40000 + i} ssh2`),
  'Mar  3 02:01:00 web01 sshd[200]: Accepted password for deploy from 203.0.113.45 port 41000 ssh2',
].join('\n') + '\n');

describe('logdrop detect', () => {
  it('prints one alert per line with rule, severity, time, group key and evidence lines', async () => {
    const out = new Collect(), err = new Collect();
    const run = await detect([AUTH], [], {}, out, err);
    expect(run.code).toBe(0);
    const lines = out.text.trimEnd().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines.map((l) => [l['rule.id'], l['alert.severity'], l['init.host.ip']])).toEqual([
      ['builtin.bruteforce.ip', 'high', '203.0.113.45'],
      ['builtin.success-after-failures', 'critical', '203.0.113.45'],
    ]);
    const brute = lines[0];
    expect(brute['rule.name']).toBe('Brute force from one address');
    expect(brute.ts).toMatch(/^\d{4}-03-03T02:00:00\.000Z$/);
    expect(brute.evidence).toEqual(Array.from({ length: 6 }, (_, i) => ({ 'col.file': 'auth.log', 'col.line': i + 1 })));
    expect((lines[1].evidence as unknown[]).at(-1)).toEqual({ 'col.file': 'auth.log', 'col.line': 7 });
    expect(err.text).toContain('2 alerts (1 critical, 1 high) from 7 events');
    expect(err.text).toContain('builtin.new-country: 0 alerts; waiting: waiting for GeoIP enrichment');
  });

  it('--rules adds Sigma rules from files, folders and zips: one alert per matching event; rejected rules named', async () => {
    const rules = join(dir, 'rules');
    mkdirSync(rules, { recursive: true });
    const rule = (id: string, title: string, needle: string) => [
      `title: ${title}`, `id: ${id}`, 'status: test', 'logsource:', '  product: linux', '  service: sshd',
      'detection:', '  keywords:', `    - '${needle}'`, '  condition: keywords', 'level: medium', '',
    ].join('\n');
    writeFileSync(join(rules, 'failed.yml'), rule('5f0e2c1a-0000-4000-8000-000000000001', 'SSH failed password', 'Failed password'));
    writeFileSync(join(rules, 'broken.yml'), 'title: broken\ndetection:\n  sel: [\n');
    const zip = join(dir, 'more.zip');
    writeFileSync(zip, zipSync({ 'repo/rules/accepted.yaml': strToU8(rule('5f0e2c1a-0000-4000-8000-000000000002', 'SSH accepted password', 'Accepted password')) }));
    const out = new Collect(), err = new Collect();
    const run = await detect([AUTH], [rules, zip], {}, out, err);
    const lines = out.text.trimEnd().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    const sigma = lines.filter((l) => String(l['rule.id']).startsWith('5f0e2c1a'));
    expect(sigma.map((l) => l['rule.name'])).toEqual([...Array(6).fill('SSH failed password'), 'SSH accepted password']);
    expect(sigma[0].evidence).toEqual([{ 'col.file': 'auth.log', 'col.line': 1 }]);
    expect(run.alerts.length).toBe(lines.length);
    expect(err.text).toContain('Sigma: 2 rules active, 0 inactive (no matching log source), 1 rejected');
    expect(err.text).toMatch(/rejected .*broken\.yml/);
  });
});
