// One case's database: the only code (with catalog.ts) that opens IndexedDB.
// Chunks are written one transaction per chunk, from the ingest worker, and read back chunk by chunk.
import { openDB, type IDBPDatabase } from 'idb';
import type { FileLedgerEntry } from '../api.ts';
import type { EventChunk } from './chunk.ts';
import { CASE_DB_PREFIX, CASE_VERSION, type CaseSchema } from './schema.ts';

export class CaseStore {
  private constructor(readonly caseId: string, private readonly db: IDBPDatabase<CaseSchema>) {}

  static async open(caseId: string): Promise<CaseStore> {
    const db = await openDB<CaseSchema>(CASE_DB_PREFIX + caseId, CASE_VERSION, {
      upgrade(d, oldVersion) {
        if (oldVersion < 1) {
          d.createObjectStore('files', { keyPath: 'id', autoIncrement: true });
          d.createObjectStore('chunks', { keyPath: 'key' });
          d.createObjectStore('settings');
        }
      },
      blocked() {
        console.warn(`case ${caseId}: an older tab holds the database open`);
      },
      // another tab deletes or upgrades this case: let go, or its request would wait forever
      blocking() {
        db.close();
      },
    });
    return new CaseStore(caseId, db);
  }

  close(): void {
    this.db.close();
  }

  /** Adds a ledger row and returns its new id (any id the entry carries is ignored: the store assigns it). */
  async addFile(entry: Omit<FileLedgerEntry, 'id'> & { id?: number }): Promise<number> {
    const { id: _ignored, ...row } = entry;
    return (await this.db.add('files', row as FileLedgerEntry)) as number;
  }

  async putFile(entry: FileLedgerEntry): Promise<void> {
    await this.db.put('files', entry);
  }

  async files(): Promise<FileLedgerEntry[]> {
    return this.db.getAll('files');
  }

  async putChunk(chunk: EventChunk): Promise<void> {
    await this.db.put('chunks', { ...chunk, key: [chunk.fileId, chunk.seq] });
  }

  /** Reads every chunk in key order (file, then seq), a batch at a time so memory stays bounded. */
  async forEachChunk(onChunk: (chunk: EventChunk) => void, batch = 8): Promise<void> {
    let lower: [number, number] | undefined;
    for (;;) {
      const range = lower === undefined ? undefined : IDBKeyRange.lowerBound(lower, true);
      const chunks = await this.db.getAll('chunks', range, batch);
      if (chunks.length === 0) return;
      for (const c of chunks) onChunk(c);
      lower = chunks[chunks.length - 1].key;
    }
  }

  /** Removes a file's chunks and ledger row (re-ingest with another parser, or "remove" an incomplete file). */
  async deleteFile(fileId: number): Promise<void> {
    const tx = this.db.transaction(['chunks', 'files'], 'readwrite');
    await tx.objectStore('chunks').delete(IDBKeyRange.bound([fileId, 0], [fileId, Infinity]));
    await tx.objectStore('files').delete(fileId);
    await tx.done;
  }

  async getSetting<T>(key: string): Promise<T | undefined> {
    return (await this.db.get('settings', key)) as T | undefined;
  }

  async setSetting(key: string, value: unknown): Promise<void> {
    await this.db.put('settings', value, key);
  }
}
