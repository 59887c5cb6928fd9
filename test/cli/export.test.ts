// `logdrop export`: the same exporters as the app on files from disk, to stdout, with the provenance sidecar.
import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import Papa from 'papaparse';
import { exportCommand } from '../../src/cli/export.ts';
import { isLiveFormula } from '../../src/workers/export/neutralise.ts';

const HOSTILE = join(import.meta.dirname, '../fixtures/hostile/html-payloads.log');

async function run(options: Parameters<typeof exportCommand>[1], paths = [HOSTILE]) {
  const out = new PassThrough(), err = new PassThrough();
  let stdout = '', stderr = '';
  out.on('data', (b: Buffer) => { stdout += b.toString('utf8'); });
  err.on('data', (b: Buffer) => { stderr += b.toString('utf8'); });
  const r = await exportCommand(paths, options, out, err);
  return { ...r, stdout, stderr };
}

describe('logdrop export', () => {
  it('--format csv writes the default columns, no live formula, and the provenance file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'logdrop-export-'));
    const r = await run({ format: 'csv', zone: 'Asia/Kathmandu', provenancePath: join(dir, 'p.json') });
    expect(r.code).toBe(0);
    const rows = Papa.parse<string[]>(r.stdout, { skipEmptyLines: true, delimiter: ',' }).data;
    expect(rows[0]).toEqual(['ts', 'obs.host.name', 'app.name', 'init.host.ip', 'target.usr.name', 'outcome', 'message']);
    expect(rows).toHaveLength(6);
    expect(rows.flat().some(isLiveFormula)).toBe(false);
    expect(rows[1][0]).toMatch(/\+05:45$/);
    const p = JSON.parse(readFileSync(join(dir, 'p.json'), 'utf8')) as { rows: number; files: { path: string; sha256: string }[]; timeZone: string };
    expect(p).toMatchObject({ rows: 5, timeZone: 'Asia/Kathmandu', files: [{ path: 'html-payloads.log' }] });
    expect(p.files[0].sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(r.stderr).toContain('exported 5 events');
  });

  it('--format bulk with --query and --index; bad formats, zones and queries exit 2 in words', async () => {
    const r = await run({ format: 'bulk', query: 'app.name:app', indexName: 'hostile' });
    const lines = r.stdout.trim().split('\n');
    expect(lines).toHaveLength(6);
    expect(JSON.parse(lines[0])).toEqual({ index: { _index: 'hostile' } });
    expect((await run({ format: 'xlsx' })).stderr).toContain('unknown format "xlsx"');
    expect((await run({ format: 'csv', zone: 'Nowhere/Land' })).code).toBe(2);
    const bad = await run({ format: 'ndjson', query: 'a:(' });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('query error');
  });

  it('--redact-map pseudonymises the export, raw text included, and writes the mapping table', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'logdrop-redact-'));
    const log = join(dir, 'auth.log');
    writeFileSync(log, [
      'Jan  5 08:00:01 bastion sshd[101]: Failed password for alice from 198.51.100.7 port 40001 ssh2',
      'Jan  5 08:00:02 bastion sshd[102]: Accepted password for alice from 198.51.100.7 port 40002 ssh2',
      'Jan  5 08:00:03 bastion sshd[103]: Failed password for bob from 2001:db8:ffff::9 port 40003 ssh2',
    ].join('\n') + '\n');
    const r = await run({ format: 'ndjson', redactMapPath: join(dir, 'map.csv') }, [log]);
    expect(r.code).toBe(0);
    expect(r.stdout).not.toMatch(/198\.51\.100\.7|2001:db8:ffff::9|alice|bob|bastion/);
    const events = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as Record<string, string>);
    expect(events.map((e) => e['init.host.ip'])).toEqual(['10.0.0.1', '10.0.0.1', '2001:db8::1']);
    expect(events[0].raw).toBe(`Jan  5 08:00:01 ${events[0]['obs.host.name']} sshd[101]: Failed password for ${events[0]['target.usr.name']} from 10.0.0.1 port 40001 ssh2`);
    const map = Papa.parse<string[]>(readFileSync(join(dir, 'map.csv'), 'utf8'), { skipEmptyLines: true, delimiter: ',' }).data;
    expect(map[0]).toEqual(['kind', 'pseudonym', 'original']);
    expect(new Map(map.slice(1).map(([, p, o]) => [p, o])).get('10.0.0.1')).toBe('198.51.100.7');
    expect(r.stderr).toContain('redacted');
  });
});
