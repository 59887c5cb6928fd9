// Test helper for the storage upgrade tests: a case written the way older code wrote it. The files go through
// the ingest as they did then (`options`), each chunk is stored in the form that code stored (`stored`), in a
// database of that version with the stores that version had (createOldCaseStores), and the case is listed in the catalog.
import { openDB, type IDBPDatabase } from 'idb';
import type { FileLedgerEntry } from '../../../src/workers/api.ts';
import type { EventChunk } from '../../../src/workers/chunk/chunk.ts';
import type { WireChunk } from '../../../src/workers/chunk/packedDict.ts';
import { ingestBundle, type BundleIngestOptions } from '../../../src/workers/ingest/ingestBundle.ts';
import type { BundleSource } from '../../../src/parsers/containers/types.ts';
import { putCase } from '../../../src/workers/store/catalog.ts';
import { describeChunk } from '../../../src/workers/store/chunkMeta.ts';
import { CASE_DB_PREFIX } from '../../../src/workers/store/schema.ts';

/**
 * The object stores a case database had at schema `version`, as the code of that time made them (written out
 * here, not through caseStore.ts's upgrade steps, which are what the upgrade tests check): chunkMeta since 2,
 * alerts and alertStates since 3, dict since 6.
 */
export function createOldCaseStores(d: IDBPDatabase, version: number): void {
  d.createObjectStore('files', { keyPath: 'id', autoIncrement: true });
  d.createObjectStore('chunks', { keyPath: 'key' });
  d.createObjectStore('settings');
  if (version >= 2) d.createObjectStore('chunkMeta', { keyPath: ['fileId', 'seq'] });
  if (version >= 3) {
    d.createObjectStore('alerts', { keyPath: 'id' });
    d.createObjectStore('alertStates', { keyPath: 'id' });
  }
  if (version >= 6) d.createObjectStore('dict');
}

export interface OldCase {
  /** the case database's version (3 to 5: the stores are the same) */
  version: number;
  sources: BundleSource[];
  options: BundleIngestOptions;
  /** the chunk as that code's putChunk stored it (its key is added) */
  stored: (chunk: WireChunk) => WireChunk | EventChunk;
}

export async function writeOldCase(id: string, { version, sources, options, stored }: OldCase): Promise<void> {
  const rows = new Map<number, FileLedgerEntry>();
  const chunks: (WireChunk | EventChunk)[] = [];
  let nextId = 1;
  await ingestBundle(sources, options, {
    addFile: async (row) => { const rid = nextId++; rows.set(rid, { ...row, id: rid }); return rid; },
    updateFile: async (row) => { rows.set(row.id, { ...row }); },
    progress: () => {},
    chunk: async (c) => { chunks.push(stored(c)); },
  });
  const db = await openDB(CASE_DB_PREFIX + id, version, { upgrade: (d) => createOldCaseStores(d, version) });
  for (const row of rows.values()) await db.put('files', row);
  for (const c of chunks) {
    await db.put('chunks', { ...c, key: [c.fileId, c.seq] });
    await db.put('chunkMeta', describeChunk(c));
  }
  db.close();
  const events = [...rows.values()].reduce((n, r) => n + r.events, 0);
  await putCase({ id, name: `Written by schema ${version}`, createdMs: 1, events, unparsed: 0, files: rows.size, sourceBytes: 0 });
}
