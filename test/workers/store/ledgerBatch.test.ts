// The batched ledger of an ingest (issue 9 item 11): ids from the store's key generator, rows written with
// their chunk in one transaction or by a flush, the newest version of a row wins, a removed row stays removed,
// and a plain add after the batch never collides with a batched id.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { CaseStore } from '../../../src/workers/store/caseStore.ts';
import { LedgerBatch } from '../../../src/workers/store/ledgerBatch.ts';
import { freshCaseId, ledgerRow, makeChunk } from './fixtures.ts';
import type { WireChunk } from '../../../src/workers/chunk/packedDict.ts';

/** Calls `onWrite` with each transaction's chunks as the store starts it (putChunk: one, putChunks: several). */
function watchWrites(store: CaseStore, onWrite: (chunks: readonly WireChunk[]) => void): void {
  const putChunks = store.putChunks.bind(store), putChunk = store.putChunk.bind(store);
  store.putChunks = (chunks, rows) => { onWrite(chunks); return putChunks(chunks, rows); };
  store.putChunk = (chunk, rows) => { onWrite([chunk]); return putChunk(chunk, rows); };
}

describe('LedgerBatch', () => {
  it('gives consecutive ids after the first real add, and writes a row with its chunk', async () => {
    const store = await CaseStore.open(freshCaseId('batch'));
    const earlier = await store.addFile(ledgerRow('earlier.log'));
    const batch = new LedgerBatch(store);
    const a = await batch.addFile(ledgerRow('a.log', { state: 'reading' }));
    const b = await batch.addFile(ledgerRow('b.log', { state: 'reading' }));
    const c = await batch.addFile(ledgerRow('c.log', { state: 'reading' }));
    expect([a, b, c]).toEqual([earlier + 1, earlier + 2, earlier + 3]);
    // b and c are only queued: not in the store yet
    expect((await store.files()).map((f) => f.path)).toEqual(['earlier.log', 'a.log']);
    await batch.putFile({ ...ledgerRow('b.log', { state: 'done', events: 5 }), id: b });
    await batch.putChunk(makeChunk(b, 0, 5));
    const rows = await store.files();
    expect(rows.map((f) => [f.path, f.state])).toEqual([['earlier.log', 'done'], ['a.log', 'reading'], ['b.log', 'done'], ['c.log', 'reading']]);
    expect((await store.storedByFile()).get(b)?.events).toBe(5);
    store.close();
  });

  it('flushes queued rows (newest version) and never writes a row removed before its flush', async () => {
    const store = await CaseStore.open(freshCaseId('flush'));
    const batch = new LedgerBatch(store);
    const a = await batch.addFile(ledgerRow('a.log', { state: 'reading' }));
    const b = await batch.addFile(ledgerRow('b.log', { state: 'reading' }));
    await batch.putFile({ ...ledgerRow('b.log', { state: 'reading', bytesRead: 10 }), id: b });
    await batch.putFile({ ...ledgerRow('b.log', { state: 'done', bytesRead: 20 }), id: b });
    const c = await batch.addFile(ledgerRow('dup.log'));
    await batch.deleteFile(c);
    await batch.flush();
    const rows = await store.files();
    expect(rows.map((f) => [f.id, f.path, f.state, f.bytesRead])).toEqual([[a, 'a.log', 'reading', 0], [b, 'b.log', 'done', 20]].map(
      ([id, p, s, n]) => [id, p, s, n === 0 ? 100 : n]));
    // a plain add afterwards takes an id after every batched row written
    const later = await store.addFile(ledgerRow('later.log'));
    expect(later).toBeGreaterThan(b);
    expect((await store.files()).map((f) => f.path)).toEqual(['a.log', 'b.log', 'later.log']);
    store.close();
  });

  it('writes queued rows on its own after a short while', async () => {
    const store = await CaseStore.open(freshCaseId('timer'));
    const batch = new LedgerBatch(store);
    await batch.addFile(ledgerRow('a.log'));
    const b = await batch.addFile(ledgerRow('b.log'));
    await new Promise((r) => setTimeout(r, 400));
    expect((await store.files()).map((f) => f.id)).toContain(b);
    store.close();
  });

  it('small chunks handed over in a short while share one transaction; a big one goes alone and at once', async () => {
    const store = await CaseStore.open(freshCaseId('gather'));
    const batch = new LedgerBatch(store);
    const first = await batch.reserveIds();
    const transactions: number[] = [];
    watchWrites(store, (chunks) => transactions.push(chunks.length));
    const writes: Promise<void>[] = [];
    // handed over in one turn, as messages that arrive together: whatever the machine's load, within the wait
    for (let m = 0; m < 5; m++) {
      void batch.addFile({ ...ledgerRow(`m${m}.log`, { state: 'reading' }), id: first + m });
      writes.push(batch.putChunk(makeChunk(first + m, 0, 2)));
    }
    await Promise.all(writes);
    expect(transactions).toEqual([5]);
    expect([...(await store.storedByFile()).values()].map((t) => t.events)).toEqual([2, 2, 2, 2, 2]);
    await batch.putChunk(makeChunk(first + 5, 0, 5_000));
    expect(transactions).toEqual([5, 1]);
    store.close();
  });

  it('a shared chunk (many members already) is written at once; a plain small chunk waits for company', async () => {
    const store = await CaseStore.open(freshCaseId('shared-now'));
    const batch = new LedgerBatch(store);
    const first = await batch.reserveIds();
    const started: string[] = [];
    watchWrites(store, (chunks) => started.push(chunks.length > 1 ? 'group' : chunks[0].runs === undefined ? 'plain' : 'shared'));
    for (let m = 0; m < 3; m++) void batch.addFile({ ...ledgerRow(`m${m}.log`, { state: 'reading' }), id: first + m });
    const shared = { ...makeChunk(first, -1, 4), runs: [{ fileId: first, seq: 0, count: 2, unparsed: 0 }, { fileId: first + 1, seq: 0, count: 2, unparsed: 0 }] };
    const written = batch.putChunk(shared);
    // in the same turn: no 16 ms wait (10,000 members in ~313 shared chunks waited ~5 s in all)
    expect(started).toEqual(['shared']);
    await written;
    const plain = batch.putChunk(makeChunk(first + 2, 0, 2));
    expect(started).toEqual(['shared']);
    await plain;
    expect(started).toEqual(['shared', 'plain']);
    expect([...(await store.storedByFile()).entries()].map(([id, t]) => [id - first, t.events])).toEqual([[0, 2], [1, 2], [2, 2]]);
    store.close();
  });

  it('reserves a range whose ids no row had and a later plain add never takes', async () => {
    const store = await CaseStore.open(freshCaseId('reserve'));
    const earlier = await store.addFile(ledgerRow('earlier.log'));
    const removed = await store.addFile(ledgerRow('removed.log'));
    await store.deleteFile(removed);
    const batch = new LedgerBatch(store);
    const first = await batch.reserveIds();
    // not the id of a removed row (its chunks or alert states could be taken for the new row's)
    expect(first).toBeGreaterThan(removed);
    // the reading side gives the ids itself; the rows are queued at once, written with a chunk
    expect(await batch.addFile({ ...ledgerRow('a.log', { state: 'reading' }), id: first })).toBe(first);
    expect(await batch.addFile({ ...ledgerRow('b.log', { state: 'reading' }), id: first + 1 })).toBe(first + 1);
    await batch.putChunk(makeChunk(first + 1, 0, 3));
    expect((await store.files()).map((f) => [f.id, f.path])).toEqual([[earlier, 'earlier.log'], [first, 'a.log'], [first + 1, 'b.log']]);
    // the batch's own plain add continues after them (a row written at the end: cancelled files)
    expect(await batch.addFile(ledgerRow('c.log'))).toBe(first + 2);
    await batch.flush();
    // and the store's generator moved past every given id
    expect(await store.addFile(ledgerRow('later.log'))).toBe(first + 3);
    store.close();
  });
});
