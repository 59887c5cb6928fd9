// Unsharing (case schema 10, chunk/runs.ts): before any operation on one file's stored chunks (remove, re-time,
// re-read, live follow's cut), the shared rows holding that file's runs are rewritten as one ordinary chunk per
// run, with their meta rows, and the shared rows deleted, in ONE transaction: the file's chunks are then the
// range [fileId, 0..] again and the operation proceeds as it did before shared chunks. Files being removed
// (`dropping`) get no rows written: a shared row holding only such files is just deleted, in the removal's
// own transaction (caseStore.ts deleteFiles).
// The rows and the dictionary are read first, in one read transaction (an IndexedDB write transaction commits
// as soon as it awaits anything but its own requests); only the tab holding the case's write lock unshares.
// A reader in another tab that read the shared row before the commit skips the runs' new rows (caseStore.ts
// forEachStoredChunk): it never sees a row twice.
import type { IDBPDatabase, IDBPObjectStore, StoreNames } from 'idb';
import { unpackChunk } from '../chunk/packedDict.ts';
import { splitRuns } from '../chunk/splitRuns.ts';
import { valuesOfRuns, withLocalDicts } from './caseDict.ts';
import { inlineRow, isRef, type Placed } from './caseBodies.ts';
import type { CaseSchema, StoredChunk } from './schema.ts';

type Key = [number, number];

/** The shared rows to rewrite and what each becomes (its runs' chunks, but those of files being removed). */
export interface UnsharePlan { rows: { key: Key; parts: Placed[] }[] }

/** Above this many files the meta rows are read whole once rather than a range per file. */
const RANGES_MAX = 64;

/** Reads the shared rows naming a run of `fileIds` and splits them; `dropping`: those files are being removed. */
export async function planUnshare(db: IDBPDatabase<CaseSchema>, fileIds: readonly number[], dropping: boolean): Promise<UnsharePlan> {
  const ids = new Set(fileIds);
  const metas = ids.size > RANGES_MAX
    ? (await db.getAll('chunkMeta')).filter((m) => ids.has(m.fileId))
    : (await Promise.all([...ids].map((f) => db.getAll('chunkMeta', IDBKeyRange.bound([f, 0], [f, Infinity]))))).flat();
  const keys = new Map<string, Key>();
  for (const m of metas) if (m.shared !== undefined) keys.set(`${m.shared[0]},${m.shared[1]}`, m.shared);
  if (keys.size === 0) return { rows: [] };
  const read = db.transaction(['chunks', 'dict']);
  const dict = read.objectStore('dict');
  const [rows, dictKeys, dictRuns] = await Promise.all([
    Promise.all([...keys.values()].map((k) => read.objectStore('chunks').get(k))), dict.getAllKeys(), dict.getAll(), read.done,
  ]);
  const shared = rows.filter((r): r is StoredChunk => r !== undefined && !isRef(r) && r.runs !== undefined);
  const values = valuesOfRuns(dictKeys.map((key, i) => ({ key, run: dictRuns[i] })));
  return {
    rows: shared.map((row) => {
      const kept = (f: number) => !dropping || !ids.has(f);
      // a row of removed files only: deleted, nothing to rebuild
      const parts = (row.runs ?? []).some((r) => kept(r.fileId)) ? splitRuns(unpackChunk(withLocalDicts(row, values))).filter((c) => kept(c.fileId)) : [];
      return { key: row.key, parts: parts.map(inlineRow) };
    }),
  };
}

type Stores = ArrayLike<StoreNames<CaseSchema>>;

/**
 * The plan's writes, in the caller's transaction (its `chunks` and `chunkMeta` stores): a row another call
 * unshared since it was read (whose runs may since be removed) is not written again. Gives the requests made,
 * for the caller to await with the transaction (a failed one rejects there, not unhandled).
 */
export async function applyUnshare(
  chunks: IDBPObjectStore<CaseSchema, Stores, 'chunks', 'readwrite'>, meta: IDBPObjectStore<CaseSchema, Stores, 'chunkMeta', 'readwrite'>, plan: UnsharePlan,
): Promise<Promise<unknown>[]> {
  if (plan.rows.length === 0) return [];
  const still = await Promise.all(plan.rows.map((p) => chunks.getKey(p.key)));
  return plan.rows.filter((_p, i) => still[i] !== undefined).flatMap((p) => [
    chunks.delete(p.key), ...p.parts.flatMap((part) => [chunks.put(part.row), meta.put(part.meta)]),
  ]);
}

/** Unshares every shared row holding a run of `fileId` (its own transaction); returns how many were rewritten. */
export async function unshareFile(db: IDBPDatabase<CaseSchema>, fileId: number): Promise<number> {
  const plan = await planUnshare(db, [fileId], false);
  if (plan.rows.length === 0) return 0;
  const tx = db.transaction(['chunks', 'chunkMeta'], 'readwrite');
  try {
    await Promise.all(await applyUnshare(tx.objectStore('chunks'), tx.objectStore('chunkMeta'), plan));
  } finally {
    await tx.done;
  }
  return plan.rows.length;
}
