// Case schema 5 -> 6: the case-wide dictionary (store/caseDict.ts, chunk/caseIds.ts). A case written as
// schema-5 code wrote it (packed chunks with their own dictionaries, no `dict` store) opens upgraded with the
// answers of the same files written now; a file added to it afterwards is stored as case ids, and the next
// reopen (adopting the stored dictionary, copying the ids) answers as the session that wrote it. A reopen after
// a file's removal answers as a case that never had that file.
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDB } from 'idb';
import { packChunk } from '../../../src/workers/chunk/packedDict.ts';
import { createEngine } from '../../../src/workers/engine.ts';
import { CaseStore } from '../../../src/workers/store/caseStore.ts';
import { CASE_DB_PREFIX, CASE_VERSION } from '../../../src/workers/store/schema.ts';
import { valuesOfRuns } from '../../../src/workers/store/caseDict.ts';
import { sourceFromBytes } from '../../harness/ingest.ts';
import { freshCaseId } from './fixtures.ts';
import { writeOldCase } from './oldCase.ts';
import { answers } from './caseAnswers.ts';

const DEMO = join(import.meta.dirname, '../../../public/demo');
const FIRST = ['var/log/auth.log.1', 'DC01/System.xml'];
const LATER = 'var/log/web02/auth.log';
const LAST_MODIFIED = 1772582400000;
const bytes = (path: string) => new Uint8Array(readFileSync(join(DEMO, path)));
const dropped = (paths: readonly string[]) => paths.map((p) => ({ path: `demo/${p}`, file: new File([bytes(p)], p.split('/').pop()!, { lastModified: LAST_MODIFIED }) }));

/** FIRST in a version-5 database, as schema-5 code stored it: packed chunks with their own dictionaries, no dict store. */
const writeSchema5Case = (id: string): Promise<void> => writeOldCase(id, {
  version: 5, sources: FIRST.map((p) => sourceFromBytes(`demo/${p}`, bytes(p), LAST_MODIFIED)), options: {}, stored: packChunk,
});

type RawColumn = { kind: string; caseIds?: boolean; ids?: Uint8Array | Uint16Array | Uint32Array; dictText?: string };

describe('case schema 6: the case-wide dictionary', () => {
  it('opens a schema-5 case with the same answers, stores what is added after as case ids, and a reopen adopts them', async () => {
    const oldId = freshCaseId('schema5');
    await writeSchema5Case(oldId);
    const upgraded = createEngine();
    await upgraded.openCase(oldId);
    const oldAnswers = await answers(upgraded);

    const writer = createEngine();
    const fresh = await writer.createCase('Written by schema 6');
    await writer.ingest(dropped(FIRST), {}, () => {});
    expect(await answers(writer)).toEqual(oldAnswers);
    const freshReader = createEngine();
    await freshReader.openCase(fresh.id);
    expect(await answers(freshReader)).toEqual(oldAnswers);

    // a file added to the upgraded case: stored as case ids; the next reopen answers as the writing session
    await upgraded.ingest(dropped([LATER]), {}, () => {});
    const afterAdd = await answers(upgraded);
    const reader = createEngine();
    await reader.openCase(oldId);
    expect(await answers(reader)).toEqual(afterAdd);
    await writer.ingest(dropped([LATER]), {}, () => {});
    expect(await answers(writer)).toEqual(afterAdd);

    const raw = await openDB(CASE_DB_PREFIX + oldId);
    expect(raw.version).toBe(CASE_VERSION);
    const chunks = (await raw.getAll('chunks')) as { key: [number, number]; columns: Record<string, RawColumn> }[];
    const oldChunks = chunks.filter((c) => c.key[0] <= 2), newChunks = chunks.filter((c) => c.key[0] > 2);
    expect(oldChunks.length).toBeGreaterThan(0);
    expect(newChunks.length).toBeGreaterThan(0);
    for (const c of oldChunks) expect(typeof c.columns['parser.name'].dictText).toBe('string');
    // every case id of a new chunk names a stored value
    const tx = raw.transaction('dict');
    const [keys, runs] = await Promise.all([tx.store.getAllKeys(), tx.store.getAll(), tx.done]);
    const dict = valuesOfRuns(keys.map((key, i) => ({ key: key as [string, number], run: runs[i] })));
    let ids = 0;
    for (const c of newChunks) {
      for (const [name, col] of Object.entries(c.columns)) {
        if (col.kind !== 'dict' || col.caseIds !== true) continue;
        const size = dict.get(name)?.length ?? 0;
        for (const id of col.ids!) expect(id <= size, name).toBe(true);
        ids += col.ids!.length;
      }
    }
    expect(ids).toBeGreaterThan(1000);
    raw.close();
  }, 180_000);

  it('a reopen after a removed file answers as a case that never had it (its values stay stored, unused)', async () => {
    const a = createEngine();
    const both = await a.createCase('two files');
    await a.ingest(dropped([...FIRST, LATER]), {}, () => {});
    const removed = (await a.ledger()).find((r) => r.path.endsWith(FIRST[1]))!;
    await a.removeFile(removed.id);
    const inSession = await answers(a);
    // more chunks after the removal: their ids follow the stored dictionary, which keeps the removed values
    await a.ingest(dropped([FIRST[1]]), {}, () => {});
    const afterAdd = await answers(a);

    const b = createEngine();
    await b.openCase(both.id);
    expect(await answers(b)).toEqual(afterAdd);

    const c = createEngine();
    await c.createCase('never had it');
    await c.ingest(dropped([FIRST[0], LATER]), {}, () => {});
    expect(await answers(c)).toEqual(inSession);

    const store = await CaseStore.open(both.id);
    const stored = await store.storedDictionary();
    expect(stored.get('parser.name')).toContain(removed.parserId);
    store.close();
  }, 180_000);
});
