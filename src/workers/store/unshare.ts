// Unsharing (case schema 10, chunk/runs.ts): before any operation on one file's stored chunks (remove, re-time,
// re-read, live follow's cut), the shared rows holding that file's runs are rewritten as one ordinary chunk per
// run, with their meta rows, and the shared rows deleted, in ONE transaction: the file's chunks are then the
// range [fileId, 0..] again and the operation proceeds as it did before shared chunks.
// The rows and the dictionary are read first, in one read transaction (an IndexedDB write transaction commits
// as soon as it awaits anything but its own requests); only the tab holding the case's write lock unshares.
// A reader in another tab that read the shared row before the commit skips the runs' new rows (caseStore.ts
// forEachStoredChunk): it never sees a row twice.
import type { IDBPDatabase } from 'idb';
import { unpackChunk } from '../chunk/packedDict.ts';
import { splitRuns } from '../chunk/splitRuns.ts';
import { valuesOfRuns, withLocalDicts } from './caseDict.ts';
import { inlineRow, isRef } from './caseBodies.ts';
import type { CaseSchema, StoredChunk } from './schema.ts';

type Key = [number, number];

/** Unshares every shared row holding a run of `fileId`; returns how many shared rows were rewritten. */
export async function unshareFile(db: IDBPDatabase<CaseSchema>, fileId: number): Promise<number> {
  const metas = await db.getAll('chunkMeta', IDBKeyRange.bound([fileId, 0], [fileId, Infinity]));
  const keys = new Map<string, Key>();
  for (const m of metas) if (m.shared !== undefined) keys.set(`${m.shared[0]},${m.shared[1]}`, m.shared);
  if (keys.size === 0) return 0;
  const read = db.transaction(['chunks', 'dict']);
  const dict = read.objectStore('dict');
  const [rows, dictKeys, dictRuns] = await Promise.all([
    Promise.all([...keys.values()].map((k) => read.objectStore('chunks').get(k))), dict.getAllKeys(), dict.getAll(), read.done,
  ]);
  const values = valuesOfRuns(dictKeys.map((key, i) => ({ key, run: dictRuns[i] })));
  const shared = rows.filter((r): r is StoredChunk => r !== undefined && !isRef(r) && r.runs !== undefined);
  if (shared.length === 0) return 0; // unshared meanwhile
  const placed = shared.map((row) => ({ key: row.key, parts: splitRuns(unpackChunk(withLocalDicts(row, values))).map(inlineRow) }));
  const tx = db.transaction(['chunks', 'chunkMeta'], 'readwrite');
  const chunks = tx.objectStore('chunks'), meta = tx.objectStore('chunkMeta');
  // a row another call unshared since it was read (and whose runs may since be removed) is not written again
  const still = await Promise.all(placed.map((p) => chunks.getKey(p.key)));
  const now = placed.filter((_p, i) => still[i] !== undefined);
  await Promise.all([
    ...now.flatMap((p) => [chunks.delete(p.key), ...p.parts.flatMap((part) => [chunks.put(part.row), meta.put(part.meta)])]),
    tx.done,
  ]);
  return now.length;
}
