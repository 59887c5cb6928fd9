// Chunk bodies outside IndexedDB (case schema 8) with the in-memory body store standing in for OPFS: big chunks
// become body files recorded by a ChunkRef, small ones stay in IndexedDB, every reader gets the same chunks as a
// store without bodies; removal, rewrites, a full disk, a failed transaction after the write, orphans left by a
// closed tab, and a body removed by another tab while this one reads.
import 'fake-indexeddb/auto';
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { openDB } from 'idb';
import { CaseStore } from '../../../src/workers/store/caseStore.ts';
import { MemoryBackend, setBodyBackend } from '../../../src/workers/store/chunkBodies.ts';
import { BODY_MIN_BYTES, CaseBodies } from '../../../src/workers/store/caseBodies.ts';
import { repairInterrupted } from '../../../src/workers/store/repair.ts';
import { CASE_DB_PREFIX, type ChunkMeta } from '../../../src/workers/store/schema.ts';
import { describeChunk } from '../../../src/workers/store/chunkMeta.ts';
import type { EventChunk } from '../../../src/workers/chunk/chunk.ts';
import type { FileLedgerEntry } from '../../../src/workers/api.ts';
import { freshCaseId, ledgerRow, makeChunk } from './fixtures.ts';

let backend: MemoryBackend;
beforeEach(() => setBodyBackend((backend = new MemoryBackend())));
afterAll(() => setBodyBackend(undefined));

const BIG = 4_000; // events: a chunk estimated over BODY_MIN_BYTES
const SMALL = 20;

async function readAll(store: CaseStore, batch = 3): Promise<EventChunk[]> {
  const out: EventChunk[] = [];
  await store.forEachChunk(({ format, fileId, seq, count, columns }) => out.push({ format, fileId, seq, count, columns }), batch);
  return out;
}

async function metaRows(id: string): Promise<ChunkMeta[]> {
  const db = await openDB(CASE_DB_PREFIX + id);
  const rows = (await db.getAll('chunkMeta')) as ChunkMeta[];
  db.close();
  return rows;
}

const files = (id: string) => [...(backend.cases.get(id)?.keys() ?? [])].sort();

describe('chunk bodies', () => {
  it('writes big chunks as body files and small ones into IndexedDB; every reader gets what a store without bodies gives', async () => {
    expect(describeChunk(makeChunk(1, 0, BIG)).bytes).toBeGreaterThanOrEqual(BODY_MIN_BYTES);
    expect(describeChunk(makeChunk(1, 0, SMALL)).bytes).toBeLessThan(BODY_MIN_BYTES);
    const id = freshCaseId('bodies');
    const store = await CaseStore.open(id);
    const a = await store.addFile(ledgerRow('a.log'));
    const written = [makeChunk(a, 0, BIG, 7), makeChunk(a, 1, SMALL, 7), makeChunk(a, 2, BIG, 7)];
    for (const c of written) await store.putChunk(c);
    await store.putChunks([makeChunk(a + 1, 0, SMALL), makeChunk(a + 1, 1, BIG)]);
    store.close();

    const meta = await metaRows(id);
    expect(meta.map((m) => [m.seq, m.body !== undefined])).toEqual([[0, true], [1, false], [2, true], [0, false], [1, true]]);
    expect(files(id)).toEqual(meta.flatMap((m) => (m.body === undefined ? [] : [m.body])).sort());

    setBodyBackend(undefined);
    const plainId = freshCaseId('plain');
    const plain = await CaseStore.open(plainId);
    for (const c of [...written, makeChunk(a + 1, 0, SMALL), makeChunk(a + 1, 1, BIG)]) await plain.putChunk(c);
    setBodyBackend(backend);

    const again = await CaseStore.open(id);
    const read = await readAll(again);
    expect(read).toEqual(await readAll(plain));
    expect(read.slice(0, 3)).toEqual(written);
    const stored: unknown[] = [], plainStored: unknown[] = [];
    await again.forEachStoredChunk((c) => stored.push(c), 2);
    await plain.forEachStoredChunk((c) => plainStored.push(c), 2);
    expect(stored).toEqual(plainStored);
    const one: EventChunk[] = [];
    await again.forEachFileChunk(a, ({ format, fileId, seq, count, columns }) => void one.push({ format, fileId, seq, count, columns }), 2);
    expect(one).toEqual(written);
    expect(await again.storedByFile()).toEqual(await plain.storedByFile());
    again.close();
    plain.close();
  });

  it('removes a file\'s bodies with its rows, and the chunks after a seq (live follow), counting them', async () => {
    const id = freshCaseId('remove');
    const store = await CaseStore.open(id);
    const a = await store.addFile(ledgerRow('a.log'));
    const b = await store.addFile(ledgerRow('b.log'));
    for (let seq = 0; seq < 3; seq++) await store.putChunk(makeChunk(a, seq, BIG));
    await store.putChunk(makeChunk(b, 0, BIG));
    await store.putChunk(makeChunk(b, 1, SMALL));
    await store.putChunk(makeChunk(b, 2, BIG));
    expect(files(id)).toHaveLength(5);
    await store.deleteFile(a);
    expect(files(id)).toEqual((await metaRows(id)).flatMap((m) => (m.body === undefined ? [] : [m.body])).sort());
    expect(files(id)).toHaveLength(2);
    expect(await store.deleteChunksFrom(b, 1)).toBe(2);
    expect(files(id)).toHaveLength(1);
    expect((await readAll(store)).map((c) => [c.fileId, c.seq])).toEqual([[b, 0]]);
    store.close();
  });

  it('a rewritten chunk (re-time) gets a new body; the old one goes after the commit', async () => {
    const id = freshCaseId('rewrite');
    const store = await CaseStore.open(id);
    const a = await store.addFile(ledgerRow('a.log'));
    await store.putChunk(makeChunk(a, 0, BIG));
    const [before] = files(id);
    const moved = makeChunk(a, 0, BIG);
    (moved.columns.ts as { values: Float64Array }).values.fill(42);
    await store.putChunk(moved);
    expect(files(id)).toHaveLength(1);
    expect(files(id)[0]).not.toBe(before);
    expect(await readAll(store)).toEqual([moved]);
    // and back to a small chunk in IndexedDB: its body goes too
    await store.putChunk(makeChunk(a, 0, SMALL));
    expect(files(id)).toEqual([]);
    expect((await readAll(store))[0].count).toBe(SMALL);
    store.close();
  });

  it('a body the file system refuses is kept in IndexedDB, with every later chunk of that open; no bytes stay', async () => {
    const id = freshCaseId('quota');
    const store = await CaseStore.open(id);
    const a = await store.addFile(ledgerRow('a.log'));
    await store.putChunk(makeChunk(a, 0, BIG));
    let refusals = 0;
    backend.failWrite = () => (++refusals, new DOMException('The quota has been exceeded.', 'QuotaExceededError'));
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    await store.putChunk(makeChunk(a, 1, BIG));
    await store.putChunks([makeChunk(a, 2, SMALL), makeChunk(a, 3, BIG)]);
    expect(warn).toHaveBeenCalledTimes(1);
    warn.mockRestore();
    backend.failWrite = undefined;
    // one refusal, then no more attempts: the half-written body is gone, only chunk 0's file stays
    expect(refusals).toBe(1);
    expect(files(id)).toHaveLength(1);
    expect([...(await store.storedByFile()).values()]).toMatchObject([{ chunks: 4, events: 3 * BIG + SMALL }]);
    expect(await readAll(store)).toEqual([makeChunk(a, 0, BIG), makeChunk(a, 1, BIG), makeChunk(a, 2, SMALL), makeChunk(a, 3, BIG)]);
    store.close();
    // a later open tries files again (the refusal may have been a passing one)
    const again = await CaseStore.open(id);
    await again.putChunk(makeChunk(a, 4, BIG));
    expect(files(id)).toHaveLength(2);
    expect(await readAll(again)).toHaveLength(5);
    again.close();
  });

  it('a body write that never answers counts as a refusal after its deadline; the write that lands late is removed', async () => {
    // Chromium's OPFS once left createSyncAccessHandle() pending for good: the ingest sat at "Reading…" for minutes
    const id = freshCaseId('stall');
    const bodies = new CaseBodies(await backend.dir(id), BODY_MIN_BYTES, 20);
    let release = () => {};
    backend.stallWrite = new Promise<void>((r) => { release = r; });
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const first = await bodies.place(makeChunk(1, 0, BIG));
    const second = await bodies.place(makeChunk(1, 1, BIG));
    expect(warn).toHaveBeenCalledTimes(1);
    expect(String(warn.mock.calls[0][0])).toContain('TimeoutError: writing a chunk file did not finish within 0.02 s');
    warn.mockRestore();
    // both chunks whole in their rows, no body named
    for (const [placed, seq] of [[first, 0], [second, 1]] as const) {
      expect(placed.body).toBeUndefined();
      expect(placed.meta.body).toBeUndefined();
      expect(placed.row).toMatchObject({ key: [1, seq], count: BIG });
    }
    backend.stallWrite = undefined;
    release();
    await vi.waitFor(() => expect(files(id)).toEqual([]));
  });

  it('a transaction that fails after the body was written leaves no row and removes the body', async () => {
    const id = freshCaseId('abort');
    const store = await CaseStore.open(id);
    const a = await store.addFile(ledgerRow('a.log'));
    // a ledger row whose key is not a valid key makes the transaction fail
    await expect(store.putChunk(makeChunk(a, 0, BIG), [{ id: Number.NaN } as FileLedgerEntry])).rejects.toMatchObject({ name: 'DataError' });
    expect(files(id)).toEqual([]);
    expect(await store.chunkCount()).toBe(0);
    store.close();
  });

  it('bodies no row names (a tab closed between write and commit) are removed on open under the lock; named ones stay', async () => {
    const id = freshCaseId('orphans');
    const store = await CaseStore.open(id);
    const a = await store.addFile(ledgerRow('a.log'));
    await store.putChunk(makeChunk(a, 0, BIG));
    const dir = await backend.dir(id);
    await dir.write(`${a}-1-dead.ldc`, new Uint8Array(1000));
    await dir.write(`${a}-0-older.ldc`, new Uint8Array(10));
    expect(files(id)).toHaveLength(3);
    await repairInterrupted(store);
    expect(files(id)).toEqual((await metaRows(id)).map((m) => m.body).sort());
    expect(await readAll(store)).toHaveLength(1);
    store.close();
  });

  it('a chunk removed or rewritten by the writing tab while this one reads is skipped or read anew, never an error', async () => {
    const id = freshCaseId('reader');
    const writer = await CaseStore.open(id);
    const a = await writer.addFile(ledgerRow('a.log'));
    for (let seq = 0; seq < 4; seq++) await writer.putChunk(makeChunk(a, seq, BIG));
    const dir = await backend.dir(id);
    const realRead = dir.read;
    // the writer acts after this tab has read the rows and before it reads their bodies
    let acted: Promise<void> | undefined;
    const act = async () => {
      await writer.deleteChunksFrom(a, 3); // chunk 3 goes
      const moved = makeChunk(a, 1, BIG);
      (moved.columns.ts as { values: Float64Array }).values.fill(7);
      await writer.putChunk(moved); // chunk 1 is rewritten under a new name; its old body goes
    };
    backend.dir = async () => ({ ...dir, read: async (name: string) => { await (acted ??= act()); return realRead(name); } });
    const reading = await CaseStore.open(id);
    const seen = await readAll(reading, 8);
    expect(seen.map((c) => c.seq)).toEqual([0, 1, 2]);
    expect((seen[1].columns.ts as { values: Float64Array }).values[0]).toBe(7);
    reading.close();
    writer.close();
  });
});
