// The hostile fixtures (test/fixtures/hostile, see its README) through the real ingest path: no crash,
// every file accounted for with a plain message, nothing polluted, and a 10 MB single line kept whole.
import { describe, expect, it } from 'vitest';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { ingestPaths, ingestSources, sourceFromBytes } from '../../harness/ingest.ts';

const DIR = join(import.meta.dirname, '../../fixtures/hostile');
const FIXTURES = readdirSync(DIR).filter((f) => !/\.(md|ts)$/.test(f)).map((f) => join(DIR, f));

type Row = [path: string, state: string, parser: string, events: number, message: RegExp | ''];

const EXPECTED: Row[] = [
  ['binary.png', 'skipped', '', 0, /binary file skipped/],
  ['crlf.log', 'done', 'syslog3164', 3, ''],
  ['deep-nesting.json', 'done', 'generic', 1, ''],
  ['empty.log', 'skipped', '', 0, /empty file/],
  ['encrypted.zip/plain.log', 'done', 'syslog3164', 5, ''],
  ['html-payloads.log', 'done', 'syslog3164', 5, ''],
  ['latin1.log', 'done', 'syslog3164', 1, ''],
  ['nested.zip/inner.zip/a.log', 'done', 'syslog3164', 3, ''],
  ['nested.zip/inner.zip/logs.tar.gz/logs.tar/var/log/b.log', 'done', 'syslog3164', 4, ''],
  ['nested.zip/c.log.gz/c.log', 'done', 'syslog3164', 2, ''],
  ['nul-bytes.log', 'done', 'apache-access', 4, ''],
  ['proto-keys.jsonl', 'done', 'json', 4, ''],
  ['random.bin', 'skipped', '', 0, /binary file skipped/],
  ['trailing-garbage.tar.gz/trailing-garbage.tar/logs/app.log', 'done', 'syslog3164', 20, /stray bytes after the end of the gzip data were ignored/],
  ['truncated.gz/truncated', 'damaged', 'syslog3164', 159, /gzip data truncated/],
  ['utf16be-bom.log', 'done', 'csv', 2, ''],
  ['utf16le-bom.log', 'done', 'csv', 2, ''],
  ['utf16le-nobom.log', 'done', 'csv', 2, ''],
  ['zip-bomb-ish.zip/bomb.log', 'incomplete', 'generic', 1, /^stopped after .* of 40\.0 MiB: the expansion budget of 16\.0 MiB \(the storage left to this site\) is used up/],
  ['encrypted.zip/secret.log', 'skipped', '', 0, /encrypted zip entry skipped/],
];

describe('hostile inputs through the ingest pipeline', () => {
  it('every fixture is accounted for with a plain message, and the others still ingest', async () => {
    // the app's budget is the storage left to the site: 16 MiB left stops the 40 MiB bomb, visibly
    const run = await ingestPaths(FIXTURES, { hideNames: true, budget: { bytes: 16 * 1024 * 1024, name: 'the storage left to this site' } });
    const rows: Row[] = run.ledger.map((e) => [e.path, e.state, e.parserId, e.events + e.unparsed, e.message === undefined ? '' : /./]);
    expect(rows.map((r) => r.slice(0, 4))).toEqual(EXPECTED.map((r) => r.slice(0, 4)));
    // cut by the budget: not marked done, no hash of the prefix as if it were the file
    expect(run.ledger.find((e) => e.path === 'zip-bomb-ish.zip/bomb.log')?.sha256).toBe('');
    run.ledger.forEach((e, i) => {
      const want = EXPECTED[i][4];
      if (want === '') expect(e.message).toBeUndefined();
      else expect(e.message).toMatch(want);
    });
    expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
    const payloads = run.events.filter((e) => e['col.file'] === 'html-payloads.log').map((e) => String(e.raw));
    expect(payloads.some((r) => r.includes('<script>alert(1)</script>'))).toBe(true);
  });

  it('keeps a 10 MB single line whole, as one event', async () => {
    const line = `Jan  1 00:00:00 host app[1]: ${'A'.repeat(10 * 1024 * 1024)}`;
    const run = await ingestSources([sourceFromBytes('long.log', new TextEncoder().encode(line), Date.UTC(2026, 0, 1))]);
    expect(run.ledger[0]).toMatchObject({ state: 'done', events: 1, unparsed: 0 });
    expect(String(run.events[0].raw).length).toBe(line.length);
  });
});
