// Cases written at other schema versions: an empty database (created without a version), a version-1
// case written by hand the way the first release wrote it, and a case from a newer app.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { openDB } from 'idb';
import { createEngine } from '../../../src/workers/engine.ts';
import { CaseStore } from '../../../src/workers/store/caseStore.ts';
import { putCase } from '../../../src/workers/store/catalog.ts';
import { CASE_DB_PREFIX, CASE_VERSION } from '../../../src/workers/store/schema.ts';
import { freshCaseId, ledgerRow, makeChunk } from './fixtures.ts';
import { createOldCaseStores } from './oldCase.ts';

const caseInfo = (id: string, name: string) => ({ id, name, createdMs: Date.now(), events: 0, unparsed: 0, files: 0, sourceBytes: 0 });

describe('case schema versions', () => {
  it('opens an empty database created without a version (version 1, no stores)', async () => {
    const id = freshCaseId('v0');
    (await openDB(CASE_DB_PREFIX + id, 1)).close();
    const store = await CaseStore.open(id);
    expect(await store.files()).toEqual([]);
    expect((await store.storedByFile()).size).toBe(0);
    store.close();
  });

  it('upgrades a version-1 case in place: its chunks stay readable and get counted', async () => {
    const id = freshCaseId('v1');
    const v1 = await openDB(CASE_DB_PREFIX + id, 1, { upgrade: (d) => createOldCaseStores(d, 1) });
    const fileId = (await v1.add('files', ledgerRow('old.log', { events: 25, unparsed: 5 }))) as number;
    for (const [seq, n] of [[0, 20], [1, 5]]) await v1.put('chunks', { ...makeChunk(fileId, seq, n, 5), key: [fileId, seq] });
    v1.close();
    await putCase(caseInfo(id, 'Old case'));

    const engine = createEngine();
    const info = await engine.openCase(id);
    expect(info).toMatchObject({ name: 'Old case', events: 25, unparsed: 5, files: 1 });
    expect(info.storedBytes).toBeGreaterThan(0);
    const all = await engine.query('');
    expect(all.ok && all.handle.total).toBe(25);
    const unparsed = await engine.query('parser.name:unparsed');
    expect(unparsed.ok && unparsed.handle.total).toBe(5);

    const store = await CaseStore.open(id);
    expect((await store.storedByFile()).get(fileId)).toMatchObject({ chunks: 2, events: 25, unparsed: 5 });
    store.close();
    const raw = await openDB(CASE_DB_PREFIX + id);
    expect(raw.version).toBe(CASE_VERSION);
    expect(raw.objectStoreNames.contains('chunkMeta')).toBe(true);
    raw.close();
  });

  it('refuses a case from a newer version with a message saying so, and keeps the open case', async () => {
    const engine = createEngine();
    const current = await engine.createCase('Current');
    const id = freshCaseId('future');
    const future = await openDB(CASE_DB_PREFIX + id, 99, { upgrade(d) { d.createObjectStore('somethingNew'); } });
    future.close();
    await putCase(caseInfo(id, 'From the future'));

    const message = 'This case was written by a newer version of Logdrop (schema 99); update the app to open it.';
    await expect(CaseStore.open(id)).rejects.toThrow(message);
    await expect(engine.openCase(id)).rejects.toThrow(message);
    expect((await engine.ledger())).toEqual([]);
    const q = await engine.query('');
    expect(q.ok).toBe(true);
    expect((await engine.listCases()).find((c) => c.id === current.id)).toBeDefined();
  });
});
