// One case's database: the only code (with catalog.ts) that opens IndexedDB.
// Chunks are written one transaction per chunk, from the ingest worker, and read back chunk by chunk.
import type { IDBPDatabase } from 'idb';
import type { FileLedgerEntry } from '../api.ts';
import type { Alert, AlertState } from '../../detect/types.ts';
import type { EventChunk } from '../chunk/chunk.ts';
import { packChunk, unpackChunk, type WireChunk } from '../chunk/packedDict.ts';
import { describeChunk } from './chunkMeta.ts';
import { openVersioned } from './openVersioned.ts';
import { runOf, valuesOfRuns, withLocalDicts, type CaseDictionary } from './caseDict.ts';
import { isCaseColumn, isStoredCaseColumn } from '../chunk/caseIds.ts';
import { CASE_DB_PREFIX, CASE_VERSION, type CaseSchema, type StoredChunk } from './schema.ts';

/** What is stored of one file: the truth after an interrupted or failed ingest. */
export interface StoredTotals { chunks: number; events: number; unparsed: number; bytes: number }

export class CaseStore {
  /** whose ids chunks of case ids are in, and whose new values are written with them (caseDict.ts): set by loadIndex */
  dictionary: CaseDictionary | undefined;

  private constructor(readonly caseId: string, private readonly db: IDBPDatabase<CaseSchema>) {}

  /** Opens (or creates) a case's database, upgrading an older schema; a newer one throws NewerSchemaError. */
  /** `onDeleted`: another tab deletes this case while it is open here (the connection is closed first). */
  static async open(caseId: string, onDeleted?: () => void): Promise<CaseStore> {
    const db: IDBPDatabase<CaseSchema> = await openVersioned<CaseSchema>(CASE_DB_PREFIX + caseId, CASE_VERSION, 'case', {
      async upgrade(d, oldVersion, _newVersion, tx) {
        // version 1's stores, by presence: a database created without a version (empty, at 1) gets them too
        if (oldVersion < 1 || !d.objectStoreNames.contains('files')) {
          d.createObjectStore('files', { keyPath: 'id', autoIncrement: true });
          d.createObjectStore('chunks', { keyPath: 'key' });
          d.createObjectStore('settings');
        }
        if (oldVersion < 2) {
          const meta = d.createObjectStore('chunkMeta', { keyPath: ['fileId', 'seq'] });
          // a version-1 case: describe its chunks once, one at a time (a cursor, not getAll: cases are large)
          for (let cur = await tx.objectStore('chunks').openCursor(); cur !== null; cur = await cur.continue()) {
            await meta.put(describeChunk(cur.value));
          }
        }
        if (oldVersion < 3) {
          // nothing to convert: a version-2 case gets its alerts on the next detection run (when it is opened)
          d.createObjectStore('alerts', { keyPath: 'id' });
          d.createObjectStore('alertStates', { keyPath: 'id' });
        }
        // 4: new chunks are stored packed (packedDict.ts); older chunks stay as they are and are read as such
        // 5: new chunks' text columns are stored as bytes (packedText.ts); older chunks are read as they are
        // 6: the case-wide dictionary (caseDict.ts); older chunks keep their own dictionaries and are read so
        if (oldVersion < 6) d.createObjectStore('dict');
        // 7: new chunks may hold spans of raw (format 4, rawSpans.ts); older chunks are read as they are
      },
      blocked() {
        console.warn(`case ${caseId}: an older tab holds the database open`);
      },
      // another tab deletes or upgrades this case: let go, or its request would wait forever
      blocking(_current, next) {
        db.close();
        if (next === null) onDeleted?.();
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

  /** An id no row has had and a plain add will not give: a row added and deleted in one transaction (ledgerBatch.ts). */
  async reserveFileId(): Promise<number> {
    const tx = this.db.transaction('files', 'readwrite');
    const files = tx.objectStore('files');
    // a placeholder row, never visible: it is deleted before the transaction commits
    const id = (await files.add({} as FileLedgerEntry)) as number;
    await files.delete(id);
    await tx.done;
    return id;
  }

  async files(): Promise<FileLedgerEntry[]> {
    return this.db.getAll('files');
  }

  /** Ledger rows in one transaction (ledgerBatch.ts); the transaction is created before this returns. */
  async putFiles(entries: readonly FileLedgerEntry[]): Promise<void> {
    const tx = this.db.transaction('files', 'readwrite');
    const files = tx.objectStore('files');
    await Promise.all([...entries.map((e) => files.put(e)), tx.done]);
  }

  /**
   * Writes the chunk and its meta row in one transaction: both are stored, or neither. Ledger rows given
   * (ledgerBatch.ts: the chunk's own row among them) are written in the same transaction.
   */
  async putChunk(chunk: WireChunk, rows: readonly FileLedgerEntry[] = []): Promise<void> {
    await this.putChunks([chunk], rows);
  }

  /**
   * Several chunks, their meta rows and ledger rows in one transaction (ledgerBatch.ts: small archive members).
   * A chunk of case ids is written with the dictionary's values not yet stored (caseDict.ts): a stored case id
   * always names a stored value.
   */
  async putChunks(chunks: readonly WireChunk[], rows: readonly FileLedgerEntry[] = []): Promise<void> {
    const deltas = chunks.some(hasCaseIds) ? this.requireDictionary().pending() : [];
    const tx = this.db.transaction(['chunks', 'chunkMeta', 'files', 'dict'], 'readwrite');
    const files = tx.objectStore('files'), store = tx.objectStore('chunks'), meta = tx.objectStore('chunkMeta'), dict = tx.objectStore('dict');
    // awaited together: a failed request (QuotaExceededError) rejects here, not as an unhandled promise
    await Promise.all([
      ...rows.map((r) => files.put(r)),
      ...deltas.map((d) => dict.put(runOf(d.values), [d.field, d.firstId])),
      ...chunks.flatMap((c) => [store.put({ ...packChunk(c), key: [c.fileId, c.seq] }), meta.put(describeChunk(c))]),
      tx.done,
    ]);
    if (deltas.length > 0) this.dictionary?.stored(deltas);
  }

  /** The stored case-wide dictionary: each field's values in id order (caseDict.ts). */
  async storedDictionary(): Promise<Map<string, string[]>> {
    const tx = this.db.transaction('dict');
    const [keys, runs] = await Promise.all([tx.store.getAllKeys(), tx.store.getAll(), tx.done]);
    return valuesOfRuns(keys.map((key, i) => ({ key, run: runs[i] })));
  }

  private requireDictionary(): CaseDictionary {
    if (this.dictionary === undefined) throw new Error('bug: a chunk of case ids is written to a case without its dictionary (loadIndex sets it)');
    return this.dictionary;
  }

  /** Chunks in the form every reader knows: case-id columns given their values (the dictionary read once). */
  private async localReader(): Promise<(chunk: StoredChunk) => EventChunk> {
    const values = await this.storedDictionary();
    return (c) => unpackChunk(withLocalDicts(c, values));
  }

  /** Per file id: chunks, events, unparsed and bytes actually stored (reads the small meta rows only). */
  async storedByFile(): Promise<Map<number, StoredTotals>> {
    const out = new Map<number, StoredTotals>();
    for (const m of await this.db.getAll('chunkMeta')) {
      const t = out.get(m.fileId) ?? { chunks: 0, events: 0, unparsed: 0, bytes: 0 };
      t.chunks++;
      t.events += m.count;
      t.unparsed += m.unparsed;
      t.bytes += m.bytes;
      out.set(m.fileId, t);
    }
    return out;
  }

  /** Events stored in every chunk (the small meta rows): the size of the case's index before it is read. */
  async storedEvents(): Promise<number> {
    let n = 0;
    for (const m of await this.db.getAll('chunkMeta')) n += m.count;
    return n;
  }

  /** Reads every chunk in key order (file, then seq), in the array form (unpacked), a batch at a time. */
  async forEachChunk(onChunk: (chunk: EventChunk) => void, batch = 8): Promise<void> {
    const local = await this.localReader();
    await this.forEachStoredChunk((c) => onChunk(local(c)), batch);
  }

  /** Reads every chunk in key order as stored (dictionary columns may be packed: the case index reads them so). */
  async forEachStoredChunk(onChunk: (chunk: StoredChunk) => void, batch = 8): Promise<void> {
    // the next batch is requested before this one is handed over: the database reads it meanwhile
    let next = this.db.getAll('chunks', undefined, batch);
    for (;;) {
      const chunks = await next;
      if (chunks.length === 0) return;
      next = chunks.length < batch ? Promise.resolve([]) : this.db.getAll('chunks', IDBKeyRange.lowerBound(chunks[chunks.length - 1].key, true), batch);
      for (const c of chunks) onChunk(c);
    }
  }

  /** Reads one file's chunks in seq order, a batch at a time; awaits onChunk (it may write the chunk back). */
  async forEachFileChunk(fileId: number, onChunk: (chunk: EventChunk) => Promise<void> | void, batch = 8): Promise<void> {
    let lower = IDBKeyRange.bound([fileId, 0], [fileId, Infinity]);
    const local = await this.localReader();
    for (;;) {
      const chunks = await this.db.getAll('chunks', lower, batch);
      if (chunks.length === 0) return;
      for (const c of chunks) await onChunk(local(c));
      lower = IDBKeyRange.bound(chunks[chunks.length - 1].key, [fileId, Infinity], true);
    }
  }

  /** Removes a file's chunks and ledger row (re-ingest with another parser, or "remove" an incomplete file). */
  async deleteFile(fileId: number): Promise<void> {
    const tx = this.db.transaction(['chunks', 'chunkMeta', 'files'], 'readwrite');
    const range = IDBKeyRange.bound([fileId, 0], [fileId, Infinity]);
    await Promise.all([
      tx.objectStore('chunks').delete(range),
      tx.objectStore('chunkMeta').delete(range),
      tx.objectStore('files').delete(fileId),
      tx.done,
    ]);
  }

  /**
   * Removes a file's chunks from seq `fromSeq` on, returning how many there were (live follow: chunks written
   * after the last saved offset, before the tab closed, are read again on resume rather than kept twice).
   */
  async deleteChunksFrom(fileId: number, fromSeq: number): Promise<number> {
    const range = IDBKeyRange.bound([fileId, fromSeq], [fileId, Infinity]);
    const tx = this.db.transaction(['chunks', 'chunkMeta'], 'readwrite');
    const [count] = await Promise.all([tx.objectStore('chunkMeta').count(range), tx.objectStore('chunks').delete(range), tx.objectStore('chunkMeta').delete(range), tx.done]);
    return count;
  }

  /** Replaces the stored alerts with this run's (one transaction: the old set or the new one, never a mix). */
  async putAlerts(alerts: readonly Alert[]): Promise<void> {
    const tx = this.db.transaction('alerts', 'readwrite');
    const store = tx.objectStore('alerts');
    await Promise.all([store.clear(), ...alerts.map((a) => store.put(a)), tx.done]);
  }

  /** Deletes the given alert ids and writes the new alerts, in one transaction (one detector re-run). */
  async replaceAlerts(remove: readonly string[], alerts: readonly Alert[]): Promise<void> {
    const tx = this.db.transaction('alerts', 'readwrite');
    const store = tx.objectStore('alerts');
    await Promise.all([...remove.map((id) => store.delete(id)), ...alerts.map((a) => store.put(a)), tx.done]);
  }

  async alerts(): Promise<Alert[]> {
    return this.db.getAll('alerts');
  }

  async alertStates(): Promise<AlertState[]> {
    return this.db.getAll('alertStates');
  }

  async putAlertState(state: AlertState): Promise<void> {
    await this.db.put('alertStates', state);
  }

  /** Every setting with its key, in key order (the case hand-over). */
  async settingEntries(): Promise<[string, unknown][]> {
    const tx = this.db.transaction('settings');
    const [keys, values] = await Promise.all([tx.store.getAllKeys(), tx.store.getAll(), tx.done]);
    return keys.map((k, i) => [k, values[i]]);
  }

  /** Alert statuses and notes in one transaction (an imported case). */
  async putAlertStates(states: readonly AlertState[]): Promise<void> {
    const tx = this.db.transaction('alertStates', 'readwrite');
    await Promise.all([...states.map((s) => tx.store.put(s)), tx.done]);
  }

  /** How many chunks are stored (reads the small meta rows' count). */
  async chunkCount(): Promise<number> {
    return this.db.count('chunkMeta');
  }

  async getSetting<T>(key: string): Promise<T | undefined> {
    return (await this.db.get('settings', key)) as T | undefined;
  }

  async setSetting(key: string, value: unknown): Promise<void> {
    await this.db.put('settings', value, key);
  }

  async deleteSetting(key: string): Promise<void> {
    await this.db.delete('settings', key);
  }
}

function hasCaseIds(chunk: WireChunk): boolean {
  for (const name in chunk.columns) {
    const col = chunk.columns[name];
    if (isCaseColumn(col)) throw new Error(`bug: ${name}: an ingest worker's case ids are resolved (query/dictSession.ts) before they are stored`);
    if (isStoredCaseColumn(col)) return true;
  }
  return false;
}
