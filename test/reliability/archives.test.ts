// Issue 9 items 2-6 through the engine (fake-indexeddb): interrupted archives, duplicates, members whose
// names clean to one path, a member named '..', a legitimately repetitive gzip. Every text input is
// accounted for: lines in = events + unparsed (+ blank lines).
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { gzipSync, zipSync } from 'fflate';
import { createEngine } from '../../src/workers/engine.ts';
import { inThreadRunner, type IngestRunner } from '../../src/workers/ingest/runner.ts';
import { CASE_DB_PREFIX } from '../../src/workers/store/schema.ts';
import { openDB } from 'idb';
import type { DuplicateQuestion } from '../../src/workers/api.ts';
import { accounted, dropped, dyingRunner, enc, pausingRunner, syslogLines, total } from './helpers.ts';

const MEMBERS = 120;
const LINES = 7;
const bigZip = () => {
  const files: Record<string, Uint8Array> = {};
  for (let m = 0; m < MEMBERS; m++) files[`logs/m${String(m).padStart(4, '0')}.log`] = enc(syslogLines(LINES, `m${m}`));
  return zipSync(files);
};

describe('a reload in the middle of an archive (item 2)', () => {
  it.each(['skip', 'replace'] as const)('is recorded as one unit, and opening it again (%s) never duplicates', async (answer) => {
    const zip = bigZip();
    const a = createEngine({ runIngest: dyingRunner(41) }); // the tab goes away while reading member 41
    const info = await a.createCase(`interrupted ${answer}`);
    await expect(a.ingest([dropped('big.zip', zip)], {}, () => {})).rejects.toThrow('tab closed');

    const b = createEngine(); // the reloaded tab
    await b.openCase(info.id);
    const rows = await b.ledger();
    const unit = rows.find((r) => r.path === 'big.zip');
    // before: 40 rows done, one 'incomplete', the 79 members never read mentioned nowhere
    expect(rows.filter((r) => r.state === 'done')).toHaveLength(40);
    expect(rows.filter((r) => r.path.startsWith('big.zip/') && r.state === 'incomplete')).toHaveLength(1);
    expect(unit?.state).toBe('incomplete');
    expect(unit?.message).toMatch(/^Reading of this archive was interrupted \(tab closed or reloaded\): 40 of its files are stored whole, 1 is incomplete, about 79 of its 120 entries were never read\. Open big\.zip again to resume/);

    const asked: DuplicateQuestion[] = [];
    await b.ingest([dropped('big.zip', zip)], {}, () => {}, async (q) => { asked.push(q); return answer; });
    expect(asked).toEqual([{ by: 'interrupted', path: 'big.zip', existingPath: 'big.zip', existingEvents: 40 * LINES, complete: 40 }]);
    const after = await b.ledger();
    // before: removing and opening again gave 40 + 120 members' events
    expect(await total(b)).toBe(MEMBERS * LINES);
    expect(after.filter((r) => r.path.startsWith('big.zip/'))).toHaveLength(MEMBERS);
    expect(after.every((r) => r.state === 'done')).toBe(true);
    expect(accounted(after)).toBe(MEMBERS * LINES);
    expect((await b.listCases()).find((c) => c.id === info.id)).toMatchObject({ events: MEMBERS * LINES, files: MEMBERS });
  });
});

describe('a reload in the middle of an archive read into shared chunks (items 2 and 11)', () => {
  // as the browser's ingest worker reads: text as bytes, spans, small members' chunks shared (chunk/runs.ts)
  const worker = { textAsBytes: true, textSpans: true, shareSmallChunks: true };
  const sharing: IngestRunner = (files, options, hooks) => inThreadRunner(files, { ...options, ...worker } as typeof options, hooks);
  const dyingSharing = (dieAt: number): IngestRunner => (files, options, hooks) => dyingRunner(dieAt)(files, { ...options, ...worker } as typeof options, hooks);

  it.each(['skip', 'replace'] as const)('opening it again (%s) gives every line once, members held when the tab died included', async (answer) => {
    const zip = bigZip();
    const a = createEngine({ runIngest: dyingSharing(41) });
    const info = await a.createCase(`interrupted shared ${answer}`);
    await expect(a.ingest([dropped('big.zip', zip)], {}, () => {})).rejects.toThrow('tab closed');

    const b = createEngine({ runIngest: sharing });
    await b.openCase(info.id);
    const rows = await b.ledger();
    const whole = rows.filter((r) => r.path.startsWith('big.zip/') && r.state === 'done');
    // members whose shared chunk was not written when the tab died are not whole; every stored event is a whole member's
    expect(whole.length).toBeLessThanOrEqual(40);
    expect(await total(b)).toBe(whole.length * LINES);
    expect(rows.find((r) => r.path === 'big.zip')?.message).toMatch(new RegExp(`^Reading of this archive was interrupted \\(tab closed or reloaded\\): ${whole.length} of its files are stored whole`));

    await b.ingest([dropped('big.zip', zip)], {}, () => {}, async () => answer);
    const after = await b.ledger();
    expect(await total(b)).toBe(MEMBERS * LINES);
    expect(after.filter((r) => r.path.startsWith('big.zip/'))).toHaveLength(MEMBERS);
    expect(after.every((r) => r.state === 'done')).toBe(true);
    expect(accounted(after)).toBe(MEMBERS * LINES);
    // and a reload reads the same from the stored (shared) chunks
    const c = createEngine();
    await c.openCase(info.id);
    expect(await total(c)).toBe(MEMBERS * LINES);
    const db = await openDB(CASE_DB_PREFIX + info.id);
    const keys = (await db.getAllKeys('chunks')) as [number, number][];
    db.close();
    // shared rows (negative seq) were written: fewer rows than members
    expect(keys.some((k) => k[1] < 0)).toBe(true);
    expect(keys.length).toBeLessThan(MEMBERS);
  });
});

describe('the same file opened twice (item 3)', () => {
  const log = syslogLines(300);
  it.each([['skip', 300], ['replace', 300], ['keep', 600]] as const)('asks once, by path and size, then %s', async (answer, events) => {
    const engine = createEngine();
    await engine.createCase(`twice ${answer}`);
    await engine.ingest([dropped('auth.log', log)], {}, () => {});
    const asked: DuplicateQuestion[] = [];
    await engine.ingest([dropped('auth.log', log)], {}, () => {}, async (q) => { asked.push(q); return answer; });
    expect(asked).toEqual([{ by: 'path-size', path: 'auth.log', existingPath: 'auth.log', existingEvents: 300 }]);
    // before: 600 events, no word
    expect(await total(engine)).toBe(events);
    expect(await engine.ledger()).toHaveLength(events / 300);
  });

  it('catches a renamed copy by its SHA-256 once read, and skipping it removes what it stored', async () => {
    const engine = createEngine();
    await engine.createCase('renamed');
    await engine.ingest([dropped('auth.log', log)], {}, () => {});
    const asked: DuplicateQuestion[] = [];
    const done = await engine.ingest([dropped('copy-of-auth.log', log), dropped('new.log', syslogLines(5))], {}, () => {}, async (q) => { asked.push(q); return 'skip'; });
    expect(asked).toEqual([{ by: 'hash', path: 'copy-of-auth.log', existingPath: 'auth.log', existingEvents: 300 }]);
    expect(done.files.map((f) => f.path)).toEqual(['new.log']);
    expect(await total(engine)).toBe(305);
    expect((await engine.ledger()).map((f) => f.path)).toEqual(['auth.log', 'new.log']);
  });

  it.each(['replace', 'skip'] as const)('an archive opened again (%s) keeps a row per member, identical and empty members included', async (answer) => {
    // three members with the same bytes, three empty, four of their own: ten files, whatever their bytes
    const files: Record<string, Uint8Array> = {};
    for (let m = 0; m < 10; m++) files[`logs/m${m}.log`] = m < 3 ? enc(syslogLines(4, 'twin')) : m < 6 ? new Uint8Array(0) : enc(syslogLines(4, `own${m}`));
    const zip = zipSync(files);
    const engine = createEngine();
    await engine.createCase(`again ${answer}`);
    const asked: DuplicateQuestion[] = [];
    await engine.ingest([dropped('a.zip', zip)], {}, () => {}, async (q) => { asked.push(q); return 'keep'; });
    // asked about the first twin only (empty files are not copies of one another); both twins kept, noted
    expect(asked.map((q) => [q.by, q.path])).toEqual([['hash', 'a.zip/logs/m1.log']]);
    expect((await engine.ledger()).filter((r) => r.message?.includes('same content'))).toHaveLength(2);
    asked.length = 0;
    await engine.ingest([dropped('a.zip', zip)], {}, () => {}, async (q) => { asked.push(q); return answer; });
    expect(asked.map((q) => q.by)).toEqual(['path-size']);
    const rows = await engine.ledger();
    // before: each identical or empty member removed the one of the same drop before it ('replace'), or was dropped ('skip')
    expect(rows.map((r) => r.path).sort()).toEqual(Object.keys(files).map((p) => `a.zip/${p}`).sort());
    expect(await total(engine)).toBe(7 * 4);
    expect(accounted(rows)).toBe(7 * 4);
  });

  it('a cancelled copy is replaced without a question: never two partial copies', async () => {
    const pause = pausingRunner();
    const engine = createEngine({ runIngest: pause.runner });
    await engine.createCase('cancelled then again');
    const big = syslogLines(80_000);
    const first = engine.ingest([dropped('big.log', big)], {}, () => {});
    await pause.started;
    await engine.cancelIngest();
    pause.release();
    expect((await first).files[0].state).toBe('cancelled');
    const asked: DuplicateQuestion[] = [];
    await engine.ingest([dropped('big.log', big)], {}, () => {}, async (q) => { asked.push(q); return 'keep'; });
    expect(asked).toEqual([]);
    expect((await engine.ledger()).map((f) => [f.path, f.state, f.events])).toEqual([['big.log', 'done', 80_000]]);
    expect(await total(engine)).toBe(80_000);
  });

  it('without anyone to ask, both are kept and the second says it is a copy', async () => {
    const engine = createEngine();
    await engine.createCase('no one asked');
    await engine.ingest([dropped('auth.log', log)], {}, () => {});
    await engine.ingest([dropped('again/auth.log', log)], {}, () => {});
    expect((await engine.ledger())[1].message).toBe('same content (SHA-256) as auth.log, also in this case');
  });
});

describe('archive members with hostile names (items 4 and 5)', () => {
  it('members whose paths clean to one name keep their own rows, and re-reading one leaves the others alone', async () => {
    const zip = zipSync({ '../../x.log': enc(syslogLines(3, 'one')), 'a/../../../x.log': enc(syslogLines(4, 'two')), 'x.log': enc(syslogLines(5, 'three')) });
    const engine = createEngine();
    await engine.createCase('same names');
    await engine.ingest([dropped('t.zip', zip)], {}, () => {});
    const rows = await engine.ledger();
    expect(rows.map((r) => [r.path, r.member, r.nameInArchive, r.events])).toEqual([
      ['t.zip/x.log', 0, '../../x.log', 3], ['t.zip/x.log', 1, 'a/../../../x.log', 4], ['t.zip/x.log', 2, undefined, 5],
    ]);
    expect(rows[0].message).toBe('named "../../x.log" in the archive: shown as x.log (\'..\' steps and a leading \'/\' removed)');
    // before: re-reading one with another parser read all three into its row (30 -> 34 events, the row said 3)
    const r = await engine.reingestFile(rows[1].id, { parserId: 'generic' });
    expect(r.ok && r.file).toMatchObject({ events: 4, parserId: 'generic' });
    expect(await total(engine)).toBe(12);
    expect((await engine.ledger()).map((f) => f.events)).toEqual([3, 4, 5]);
  });

  it('a member named ".." that holds data is read under a name of its own', async () => {
    const zip = zipSync({ '..': enc(syslogLines(31, 'dots')), 'ok.log': enc(syslogLines(30)) });
    const engine = createEngine();
    await engine.createCase('dots');
    await engine.ingest([dropped('d.zip', zip)], {}, () => {});
    const rows = await engine.ledger();
    // before: 61 lines in, 30 events, no row, no message
    expect(rows.map((r) => [r.path, r.state, r.events])).toEqual([['d.zip/[entry 1]', 'done', 31], ['d.zip/ok.log', 'done', 30]]);
    expect(rows[0].message).toMatch(/^named "\.\." in the archive/);
    expect(await total(engine)).toBe(61);
  });
});

describe('the expansion guard and real logs (item 6)', () => {
  it('a repetitive gzip well past 200:1 and 32 MiB is read whole, hashed whole, marked done', async () => {
    const line = 'Jan 15 10:30:00 web01 app[42]: health check ok\n';
    const n = 800_000; // 38 MB of text
    const gz = gzipSync(enc(line.repeat(n)), { level: 6 });
    expect(n * line.length / gz.length).toBeGreaterThan(200);
    const engine = createEngine();
    await engine.createCase('repetitive');
    const done = await engine.ingest([dropped('health.log.gz', gz)], {}, () => {});
    // before: cut at 32 MiB of output: 699,050 of 800,000 lines, row 'done', SHA-256 of the prefix only
    expect(done.files[0]).toMatchObject({ path: 'health.log.gz/health.log', state: 'done', events: n, bytesRead: n * line.length });
    expect(done.files[0].sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(accounted(done.files)).toBe(n);
  });

  it('an explicit limit stops a member visibly: incomplete, no hash, what was not read is named', async () => {
    const zip = zipSync({ 'a.log': enc(syslogLines(20_000)), 'b.log': enc(syslogLines(10)) });
    const engine = createEngine();
    await engine.createCase('limit');
    const done = await engine.ingest([dropped('l.zip', zip)], { maxExpandedBytes: 256 * 1024 }, () => {});
    expect(done.files.map((f) => [f.path, f.state, f.sha256])).toEqual([['l.zip/a.log', 'incomplete', ''], ['l.zip/b.log', 'incomplete', '']]);
    expect(done.files[0].message).toMatch(/^stopped after .* of .*: the expansion budget of 256\.0 KiB \(the limit set for this ingest\) is used up; the rest of this file was not read/);
    expect(done.files[1].message).toBe('not read: the expansion budget of 256.0 KiB (the limit set for this ingest) is used up');
  });
});

describe('many members (item 11)', () => {
  it('writes about one IndexedDB transaction per small member: its rows go with its chunk', async () => {
    const engine = createEngine();
    await engine.createCase('many members');
    const proto = IDBDatabase.prototype;
    const original = proto.transaction;
    let writes = 0;
    proto.transaction = function (this: IDBDatabase, ...args: Parameters<IDBDatabase['transaction']>) {
      if (args[1] === 'readwrite') writes++;
      return original.apply(this, args);
    } as IDBDatabase['transaction'];
    try {
      await engine.ingest([dropped('big.zip', bigZip())], {}, () => {});
    } finally {
      proto.transaction = original;
    }
    // before: 4 or more per member (add the row, note its parser, the chunk, the final row)
    expect(writes).toBeLessThanOrEqual(MEMBERS + 12);
    const rows = await engine.ledger();
    expect(rows.filter((r) => r.state === 'done')).toHaveLength(MEMBERS);
    expect(accounted(rows)).toBe(MEMBERS * LINES);
    expect(await total(engine)).toBe(MEMBERS * LINES);
  });
});
