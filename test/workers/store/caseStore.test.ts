// The case store and catalog in Node with fake-indexeddb: chunks written and read back equal after a
// reopen, per-file stored totals, deleting a file, listing and deleting cases (and their databases).
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { CaseStore } from '../../../src/workers/store/caseStore.ts';
import { getCase, listCases, putCase, removeCase } from '../../../src/workers/store/catalog.ts';
import { CASE_DB_PREFIX } from '../../../src/workers/store/schema.ts';
import type { EventChunk } from '../../../src/workers/chunk/chunk.ts';
import { freshCaseId, ledgerRow, makeChunk } from './fixtures.ts';

async function readAll(store: CaseStore): Promise<EventChunk[]> {
  const out: EventChunk[] = [];
  await store.forEachChunk(({ format, fileId, seq, count, columns }) => out.push({ format, fileId, seq, count, columns }), 2);
  return out;
}

describe('CaseStore', () => {
  it('reads back after a reopen exactly the chunks it wrote, in file then seq order', async () => {
    const id = freshCaseId('roundtrip');
    const store = await CaseStore.open(id);
    const a = await store.addFile(ledgerRow('a.log'));
    const b = await store.addFile(ledgerRow('b.log'));
    const written = [makeChunk(b, 0, 50), makeChunk(a, 1, 40, 7), makeChunk(a, 0, 40, 7)];
    for (const c of written) await store.putChunk(c);
    store.close();

    const again = await CaseStore.open(id);
    const read = await readAll(again);
    expect(read.map((c) => [c.fileId, c.seq])).toEqual([[a, 0], [a, 1], [b, 0]]);
    expect(read).toEqual([written[2], written[1], written[0]]);
    expect((await again.files()).map((f) => f.path)).toEqual(['a.log', 'b.log']);
    again.close();
  });

  it('knows per file how many events, unparsed records and bytes are stored', async () => {
    const store = await CaseStore.open(freshCaseId('totals'));
    const a = await store.addFile(ledgerRow('a.log'));
    await store.putChunk(makeChunk(a, 0, 100, 10));
    await store.putChunk(makeChunk(a, 1, 30, 10));
    const t = (await store.storedByFile()).get(a);
    expect(t).toMatchObject({ chunks: 2, events: 130, unparsed: 10 + 3 });
    expect(t!.bytes).toBeGreaterThan(130 * 8);
    store.close();
  });

  it('deletes one file: its chunks, its totals and its ledger row, and nothing else', async () => {
    const store = await CaseStore.open(freshCaseId('delete-file'));
    const a = await store.addFile(ledgerRow('a.log'));
    const b = await store.addFile(ledgerRow('b.log'));
    for (let seq = 0; seq < 3; seq++) await store.putChunk(makeChunk(a, seq, 20));
    await store.putChunk(makeChunk(b, 0, 20));
    await store.deleteFile(a);
    expect((await readAll(store)).map((c) => [c.fileId, c.seq])).toEqual([[b, 0]]);
    expect([...(await store.storedByFile()).keys()]).toEqual([b]);
    expect((await store.files()).map((f) => f.path)).toEqual(['b.log']);
    store.close();
  });
});

describe('catalog', () => {
  it('lists cases newest first with their counts, and deleting a case deletes its database', async () => {
    const older = { id: freshCaseId('old'), name: 'Old', createdMs: 1000, events: 5, unparsed: 1, files: 1, sourceBytes: 10, storedBytes: 400 };
    const newer = { id: freshCaseId('new'), name: 'New', createdMs: 2000, events: 0, unparsed: 0, files: 0, sourceBytes: 0 };
    await putCase(older);
    await putCase(newer);
    const store = await CaseStore.open(older.id);
    store.close();

    const listed = (await listCases()).filter((c) => c.id === older.id || c.id === newer.id);
    expect(listed).toEqual([newer, older]);

    await removeCase(older.id);
    expect(await getCase(older.id)).toBeUndefined();
    const names = (await indexedDB.databases()).map((d) => d.name);
    expect(names).not.toContain(CASE_DB_PREFIX + older.id);
  });
});
