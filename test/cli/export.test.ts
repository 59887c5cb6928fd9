// `logdrop export`: the same exporters as the app on files from disk, to stdout, with the provenance sidecar.
import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync } from 'node:fs';
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
});
