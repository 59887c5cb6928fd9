// ingestBundle with shared chunks (ingest/gatherChunks.ts, issue 9 item 11): the reading never waits on a chunk
// it still holds (a slow store, writes held back, a duplicate question, the end of the archive), the ledger is
// what it is without sharing, and a cancel or a failing store keeps the reliability behaviour: what a row says
// was stored is what the store took, a failed shared chunk makes each of its members incomplete.
import { describe, expect, it } from 'vitest';
import { zipSync } from 'fflate';
import type { DuplicateQuestion, FileLedgerEntry } from '../../../src/workers/api.ts';
import type { WireChunk } from '../../../src/workers/chunk/packedDict.ts';
import { runsOf } from '../../../src/workers/chunk/runs.ts';
import { ingestBundle, type BundleIngestHooks, type BundleIngestOptions } from '../../../src/workers/ingest/ingestBundle.ts';
import { sourceFromBytes } from '../../harness/ingest.ts';
import { enc, syslogLines } from '../../reliability/helpers.ts';

/** members of 1-3 lines, every fifth with a line no parser reads */
function zip(members: number): Uint8Array {
  const files: Record<string, Uint8Array> = {};
  for (let m = 0; m < members; m++) {
    files[`logs/m${String(m).padStart(4, '0')}.log`] = enc(syslogLines(1 + (m % 3), `m${m}`) + (m % 5 === 0 ? '\u0001\u0002 garbage\n' : ''));
  }
  return zipSync(files, { level: 1 });
}

/** A store: rows and per-file rows stored (from each chunk's runs); `write` decides when and whether a chunk is written. */
function store(write: (chunk: WireChunk, call: number) => Promise<void> = async () => {}) {
  const storedByFile = new Map<number, number>();
  const calls: WireChunk[] = [];
  let id = 1;
  const hooks: BundleIngestHooks<WireChunk> = {
    addFile: async (e) => e.id ?? id++,
    updateFile: async () => {},
    progress: () => {},
    chunk: async (c) => {
      calls.push(c);
      await write(c, calls.length);
      for (const r of runsOf(c, c.unparsed ?? 0)) storedByFile.set(r.fileId, (storedByFile.get(r.fileId) ?? 0) + r.count);
    },
  };
  return { hooks, storedByFile, calls };
}

const OPTIONS = { tzOffsetMinutes: 0, textAsBytes: true, textSpans: true } as const;

async function run(bytes: Uint8Array, share: boolean, s: ReturnType<typeof store>, extra: Partial<BundleIngestOptions> = {}): Promise<FileLedgerEntry[]> {
  return ingestBundle([sourceFromBytes('many.zip', bytes, 0)], { ...OPTIONS, shareSmallChunks: share, ...extra }, s.hooks);
}

const rowsOf = (ledger: FileLedgerEntry[]) => ledger.map((r) => ({ path: r.path, state: r.state, events: r.events, unparsed: r.unparsed, sha256: r.sha256 }));

/** every row says exactly what the store took of its file */
function storedAsSaid(ledger: FileLedgerEntry[], storedByFile: Map<number, number>): void {
  for (const r of ledger) expect(storedByFile.get(r.id) ?? 0, r.path).toBe(r.events + r.unparsed);
}

describe('ingestBundle with shared chunks', () => {
  it('finishes a few hundred tiny members with a slow store, with the ledger it gives without sharing, in far fewer chunks', async () => {
    const bytes = zip(300);
    const slow = () => new Promise<void>((r) => setTimeout(r, 3));
    const alone = store(slow), shared = store(slow);
    const a = await run(bytes, false, alone);
    const b = await run(bytes, true, shared);
    expect(rowsOf(b)).toEqual(rowsOf(a));
    expect(b).toHaveLength(300);
    expect(b.every((r) => r.state === 'done')).toBe(true);
    expect(b.filter((r) => r.unparsed === 1)).toHaveLength(60);
    storedAsSaid(b, shared.storedByFile);
    expect(alone.calls).toHaveLength(300);
    expect(shared.calls.length).toBeLessThanOrEqual(300 / 32 + 2);
    expect(shared.calls.every((c) => c.runs !== undefined)).toBe(true);
  });

  it('never waits on what it holds: writes held back until the reading stops, then let go, and every member is stored', async () => {
    let held = true;
    const waiting: (() => void)[] = [];
    let added = 0;
    const s = store((_c) => (held ? new Promise<void>((r) => waiting.push(r)) : Promise.resolve()));
    const addFile = s.hooks.addFile;
    s.hooks.addFile = (e) => { added++; return addFile(e); };
    const done = run(zip(400), true, s);
    let last = -1, still = 0;
    while (still < 20) {
      await new Promise((r) => setTimeout(r, 0));
      if (added === last) still++;
      else [last, still] = [added, 0];
    }
    // the reading stopped on a write the store holds (64 tails behind), never on a chunk held by the reading
    expect(added).toBeGreaterThanOrEqual(64);
    expect(added).toBeLessThan(400);
    expect(s.calls.length).toBeGreaterThan(0);
    held = false;
    for (const w of waiting.splice(0)) w();
    const ledger = await done;
    expect(ledger).toHaveLength(400);
    expect(ledger.every((r) => r.state === 'done')).toBe(true);
    storedAsSaid(ledger, s.storedByFile);
  });

  it('sends what it holds before a duplicate question goes to the user', async () => {
    const bytes = zip(40);
    const first = store();
    const known = await run(bytes, false, first);
    const s = store();
    const asked: { q: DuplicateQuestion; storedRows: number }[] = [];
    // the case holds m0020 whole: the reading meets it after 20 members it may still hold
    const m20 = known.find((r) => r.path.endsWith('m0020.log'))!;
    const ledger = await ingestBundle([sourceFromBytes('many.zip', bytes, 0)], {
      ...OPTIONS, shareSmallChunks: true, firstRowId: 100, duplicates: { known: [{ ...m20, id: 1 }], resumed: [] },
    }, {
      ...s.hooks,
      deleteFile: async () => {},
      askDuplicate: async (q) => {
        asked.push({ q, storedRows: s.calls.reduce((n, c) => n + c.count, 0) });
        return 'skip';
      },
    });
    expect(asked).toHaveLength(1);
    expect(asked[0].q.path).toMatch(/m0020\.log$/);
    // every member read before the question was handed to the store before it was asked
    const before = ledger.filter((r) => (r.member ?? 0) < 20);
    expect(asked[0].storedRows).toBe(before.reduce((n, r) => n + r.events + r.unparsed, 0));
    expect(ledger).toHaveLength(39);
    storedAsSaid(ledger, s.storedByFile);
  });

  it('a cancel mid-archive: what was read is stored and said so; nothing is left reading', async () => {
    const abort = new AbortController();
    const s = store(async (_c, call) => {
      if (call === 3) abort.abort();
    });
    const ledger = await run(zip(500), true, s, { signal: abort.signal });
    expect(ledger.length).toBeLessThan(500);
    expect(ledger.length).toBeGreaterThan(64);
    expect(ledger.some((r) => r.state === 'reading')).toBe(false);
    storedAsSaid(ledger, s.storedByFile);
  });

  it('a failing store: every member of the failed shared chunk is incomplete with what was stored (none), and the reading stops', async () => {
    const s = store(async (_c, call) => {
      if (call >= 2) throw Object.assign(new Error('no room'), { name: 'QuotaExceededError' });
    });
    const ledger = await run(zip(500), true, s);
    const failed = ledger.filter((r) => r.state === 'incomplete');
    // the whole second shared chunk (and any later one in flight) failed: each member of it says so
    const secondRuns = s.calls[1].runs!;
    expect(secondRuns.length).toBeGreaterThan(1);
    for (const run of secondRuns) {
      const row = ledger.find((r) => r.id === run.fileId)!;
      expect(row.state).toBe('incomplete');
      expect(row.events).toBe(0);
      expect(row.message).toMatch(/^Storage is full: 0 of this file's events were stored/);
    }
    expect(failed.length).toBeGreaterThanOrEqual(secondRuns.length);
    expect(ledger.length).toBeLessThan(500);
    storedAsSaid(ledger, s.storedByFile);
    expect(ledger.filter((r) => r.state === 'done').every((r) => s.storedByFile.get(r.id) === r.events + r.unparsed)).toBe(true);
  });

  it('shares members of hundreds of lines two by two, with a slow store and ~30,000 events in flight', async () => {
    // members of 490 lines: two to a shared chunk (SHARED_MAX_ROWS); 62 in flight pass MAX_PENDING_EVENTS (30,000)
    const files: Record<string, Uint8Array> = {};
    for (let m = 0; m < 100; m++) files[`big/m${String(m).padStart(3, '0')}.log`] = enc(syslogLines(490, `m${m}`));
    const s = store(() => new Promise<void>((r) => setTimeout(r, 40)));
    const ledger = await run(zipSync(files, { level: 1 }), true, s);
    expect(ledger.every((r) => r.state === 'done' && r.events === 490)).toBe(true);
    storedAsSaid(ledger, s.storedByFile);
    expect(s.calls.filter((c) => c.runs === undefined).length).toBeLessThanOrEqual(1);
    expect(s.calls).toHaveLength(50);
  });

  it('re-reading one member (onlyPath) keeps one chunk for it', async () => {
    const s = store();
    const ledger = await run(zip(10), true, s, { onlyPath: 'many.zip/logs/m0004.log' });
    expect(ledger).toHaveLength(1);
    expect(s.calls).toHaveLength(1);
    expect(s.calls[0].runs).toBeUndefined();
    expect(s.calls[0].seq).toBe(0);
  });
});
