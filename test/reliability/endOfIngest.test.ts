// Issue 9 item 11: the end of an archive's ingest. The app reads the ledger once after an ingest; with
// rowsInResult false the engine's last report and result carry no rows, so a 10,000-member archive's rows are
// not cloned onto the page's main thread twice more (a 60-77 ms task). Without it, callers get every row.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { zipSync } from 'fflate';
import { createEngine } from '../../src/workers/engine.ts';
import type { IngestProgress } from '../../src/workers/api.ts';
import { dropped, enc, syslogLines } from './helpers.ts';
import { readLedger } from '../../src/app/state/readLedger.ts';

const MEMBERS = 60;
const zip = () => {
  const files: Record<string, Uint8Array> = {};
  for (let m = 0; m < MEMBERS; m++) files[`logs/m${m}.log`] = enc(syslogLines(3, `m${m}`));
  return zipSync(files);
};

describe('the rows at the end of an ingest', () => {
  it('rowsInResult false: the last report and the result carry none; the ledger has every row, as read', async () => {
    const engine = createEngine();
    await engine.createCase('rows once');
    const reports: IngestProgress[] = [];
    const done = await engine.ingest([dropped('many.zip', zip())], { rowsInResult: false }, (p) => reports.push(p));
    expect(done).toEqual({ files: [], done: true });
    expect(reports.at(-1)).toEqual({ files: [], done: true });
    // progress while reading still carried the rows (deltas)
    expect(new Set(reports.flatMap((r) => r.files.map((f) => f.id))).size).toBeGreaterThan(0);
    const ledger = await engine.ledger();
    expect(ledger).toHaveLength(MEMBERS);
    expect(ledger.every((r) => r.state === 'done' && r.events === 3)).toBe(true);
  });

  it('by default the last report and the result carry every row of the ingest', async () => {
    const engine = createEngine();
    await engine.createCase('rows in result');
    const reports: IngestProgress[] = [];
    const done = await engine.ingest([dropped('many.zip', zip())], {}, (p) => reports.push(p));
    expect(done.files).toHaveLength(MEMBERS);
    expect(reports.at(-1)?.files).toHaveLength(MEMBERS);
    expect(done.files.map((f) => f.id)).toEqual((await engine.ledger()).map((f) => f.id));
  });

  it('the page reads the ledger in pages: every row once, in id order, whatever the page size', async () => {
    const engine = createEngine();
    await engine.createCase('rows in pages');
    await engine.ingest([dropped('many.zip', zip())], { rowsInResult: false }, () => {});
    const whole = await engine.ledger();
    expect(whole).toHaveLength(MEMBERS);
    // a removed row leaves a gap in the ids: pages go by id, not by position
    await engine.removeFile(whole[7].id);
    const left = await engine.ledger();
    expect(left).toHaveLength(MEMBERS - 1);
    for (const size of [1, 7, MEMBERS - 1, MEMBERS, 1_000]) expect(await readLedger(engine, size)).toEqual(left);
    const pages: number[] = [];
    await readLedger({ ledgerPage: async (after, limit) => { pages.push(after); return engine.ledgerPage(after, limit); } }, 20);
    // 59 rows in pages of 20: three pages, each after the last id of the one before
    expect(pages).toEqual([-Infinity, left[19].id, left[39].id]);
  });
});

