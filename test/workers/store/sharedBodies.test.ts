// A shared chunk (case schema 10) in a case with body files (OPFS; MemoryBackend here): always one inline
// `chunks` row, however big its estimate (at most 1,000 rows, but long lines), so its runs never name a body; a
// member removed from it leaves the others readable and no body behind.
import 'fake-indexeddb/auto';
import { afterAll, describe, expect, it } from 'vitest';
import { openDB } from 'idb';
import { ChunkBuilder, type EventChunk } from '../../../src/workers/chunk/chunk.ts';
import { chunkBytes } from '../../../src/workers/chunk/measure.ts';
import { sharedSeq, type ChunkRun } from '../../../src/workers/chunk/runs.ts';
import { CaseStore } from '../../../src/workers/store/caseStore.ts';
import { BODY_MIN_BYTES } from '../../../src/workers/store/caseBodies.ts';
import { MemoryBackend, setBodyBackend } from '../../../src/workers/store/chunkBodies.ts';
import { CASE_DB_PREFIX } from '../../../src/workers/store/schema.ts';
import { freshCaseId, ledgerRow, makeChunk } from './fixtures.ts';

afterAll(() => setBodyBackend(undefined));

/** Three files of 300 long lines each in one shared chunk. */
function bigShared(): EventChunk {
  const b = new ChunkBuilder(900);
  const runs: ChunkRun[] = [];
  for (let f = 1; f <= 3; f++) {
    for (let i = 0; i < 300; i++) b.add({ ts: 1_700_000_000_000 + i, raw: `${'x'.repeat(400)} file ${f} line ${i}`, 'col.line': i + 1, 'col.offset': i * 420, 'parser.name': 'generic', 'col.file': `f${f}.log` });
    runs.push({ fileId: f, seq: 0, count: 300, unparsed: 0 });
  }
  return { ...b.build(1, sharedSeq(runs[0])), runs };
}

describe('shared chunks with body files', () => {
  it('stay inline, and unsharing writes inline rows and removes no body', async () => {
    const backend = new MemoryBackend();
    setBodyBackend(backend);
    const id = freshCaseId('shared-bodies');
    const store = await CaseStore.open(id);
    for (const f of [1, 2, 3, 4]) await store.addFile(ledgerRow(`f${f}.log`));
    const shared = bigShared();
    expect(chunkBytes(shared)).toBeGreaterThan(BODY_MIN_BYTES);
    await store.putChunks([shared, makeChunk(4, 0, 10_000)]);
    const files = () => [...(backend.cases.get(id)?.keys() ?? [])];
    expect(files().length).toBe(1); // the big ordinary chunk of file 4 only
    let db = await openDB(CASE_DB_PREFIX + id);
    expect((await db.getAll('chunkMeta')).map((m) => [m.fileId, m.body === undefined, m.shared])).toEqual([
      [1, true, [1, -1]], [2, true, [1, -1]], [3, true, [1, -1]], [4, false, undefined],
    ]);
    db.close();

    await store.deleteFile(2);
    expect(files().length).toBe(1);
    db = await openDB(CASE_DB_PREFIX + id);
    const rows = await db.getAll('chunks');
    db.close();
    expect(rows.map((r) => [r.key, 'body' in r])).toEqual([[[1, 0], false], [[3, 0], false], [[4, 0], true]]);
    const seen: [number, number][] = [];
    await store.forEachChunk((c) => void seen.push([c.fileId, c.count]));
    expect(seen).toEqual([[1, 300], [3, 300], [4, 10_000]]);
    expect([...(await store.storedByFile()).entries()].map(([f, t]) => [f, t.events])).toEqual([[1, 300], [3, 300], [4, 10_000]]);
    expect(await store.removeOrphanBodies()).toBe(0);
    store.close();
  });
});
