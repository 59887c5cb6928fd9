// One case's database: the only code (with catalog.ts) that opens IndexedDB.
// Chunks are written one transaction per chunk, from the ingest worker, and read back chunk by chunk.
// Since schema 8 a big chunk's value is a body file (OPFS, caseBodies.ts) written before its transaction,
// which records a ChunkRef; readers get the chunk either way. Since schema 10 a shared chunk (several small files'
// rows, chunk/runs.ts) is one inline row with a meta row per file; per-file operations unshare it first (unshare.ts).
import type { IDBPDatabase } from 'idb';
import type { FileLedgerEntry } from '../api.ts';
import type { Alert, AlertState } from '../../detect/types.ts';
import type { EventChunk } from '../chunk/chunk.ts';
import { packChunk, unpackChunk, type WireChunk } from '../chunk/packedDict.ts';
import { describeChunk, describeRuns } from './chunkMeta.ts';
import { isShared } from '../chunk/runs.ts';
import { splitRuns } from '../chunk/splitRuns.ts';
import { applyUnshare, planUnshare, unshareFile } from './unshare.ts';
import { openVersioned } from './openVersioned.ts';
import { runOf, valuesOfRuns, withLocalDicts, type CaseDictionary } from './caseDict.ts';
import { isCaseColumn, isStoredCaseColumn } from '../chunk/caseIds.ts';
import { CASE_DB_PREFIX, CASE_VERSION, type CaseSchema, type ChunkMeta, type StoredChunk } from './schema.ts';
import { BODY_MIN_BYTES, BODY_WRITE_DEADLINE_MS, CaseBodies, inlineRow, isRef, type ChunkRef, type ChunkRow, type Placed } from './caseBodies.ts';
import { remoteBodyReader } from './remoteBodies.ts';
import { bodyBackend, isNotFound } from './chunkBodies.ts';
import { readAlerts, replaceAlertRows, writeAlertGroups } from './alertGroups.ts';

/** What is stored of one file: the truth after an interrupted or failed ingest. */
export interface StoredTotals { chunks: number; events: number; unparsed: number; bytes: number }

export class CaseStore {
  /** whose ids chunks of case ids are in, and whose new values are written with them (caseDict.ts): set by loadIndex */
  dictionary: CaseDictionary | undefined;

  private constructor(readonly caseId: string, private readonly db: IDBPDatabase<CaseSchema>, private readonly bodies: CaseBodies | undefined) {}

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
            await meta.put(describeChunk(cur.value as StoredChunk)); // a version-1 case has no body files
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
        // 8: new big chunks may be body files (caseBodies.ts); older chunks stay in IndexedDB and are read there
        // 9: a full detection run's alerts are rows of groups (alertGroups.ts); older `alerts` rows are read as they are
        if (oldVersion < 9) d.createObjectStore('alertGroups');
        // 10: small files' rows may share one chunk row, with a meta row per file (chunk/runs.ts, unshare.ts);
        // nothing to convert: older chunks belong to one file each and are read as such
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
    const backend = await bodyBackend();
    if (backend === undefined) return new CaseStore(caseId, db, undefined);
    // bodies are read in another worker where one is wired (remoteBodies.ts)
    const remote = remoteBodyReader();
    return new CaseStore(caseId, db, new CaseBodies(await backend.dir(caseId), BODY_MIN_BYTES, BODY_WRITE_DEADLINE_MS, remote === undefined ? undefined : { caseId, read: remote }));
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

  /** The rows after id `afterId`, in id order, at most `limit` (the ledger read in pages). */
  async filesAfter(afterId: number, limit: number): Promise<FileLedgerEntry[]> {
    return this.db.getAll('files', IDBKeyRange.lowerBound(afterId, true), limit);
  }

  /** Ledger rows in one transaction (ledgerBatch.ts); the transaction is created before this returns. */
  async putFiles(entries: readonly FileLedgerEntry[]): Promise<void> {
    const tx = this.db.transaction('files', 'readwrite');
    const files = tx.objectStore('files');
    await Promise.all([...entries.map((e) => files.put(e)), tx.done]);
  }

  /**
   * Writes the chunk and its meta row in one transaction: both are stored, or neither. Ledger rows given
   * (ledgerBatch.ts: the chunk's own row among them) are written in the same transaction. A big chunk's body
   * file is written, flushed and closed first (caseBodies.ts); the transaction is the commit point.
   */
  async putChunk(chunk: WireChunk, rows: readonly FileLedgerEntry[] = []): Promise<void> {
    await this.record([chunk], rows);
  }

  /**
   * Several chunks, their meta rows and ledger rows in one transaction (ledgerBatch.ts: small archive members).
   * A chunk of case ids is written with the dictionary's values not yet stored (caseDict.ts): a stored case id
   * always names a stored value.
   */
  async putChunks(chunks: readonly WireChunk[], rows: readonly FileLedgerEntry[] = []): Promise<void> {
    await this.record(chunks, rows);
  }

  private async record(chunks: readonly WireChunk[], rows: readonly FileLedgerEntry[]): Promise<void> {
    const deltas = chunks.some(hasCaseIds) ? this.requireDictionary().pending() : [];
    const bodies = this.bodies;
    const placed: Placed[] = [];
    try {
      // a shared chunk (chunk/runs.ts, at most 1,000 rows) is never a body file: one row, a meta row per run
      for (const c of chunks) placed.push(isShared(c) ? sharedRow(c) : bodies === undefined ? inlineRow(c) : await bodies.place(c));
    } catch (e) {
      await bodies?.removeQuietly(placed.map((p) => p.body)); // a body that failed: nothing of this write stays
      throw e;
    }
    const tx = this.db.transaction(['chunks', 'chunkMeta', 'files', 'dict'], 'readwrite');
    const files = tx.objectStore('files'), store = tx.objectStore('chunks'), meta = tx.objectStore('chunkMeta'), dict = tx.objectStore('dict');
    const metas = placed.flatMap((p) => p.metas ?? [p.meta]);
    const keys = metas.map((m) => [m.fileId, m.seq] as [number, number]);
    let before: ChunkMeta[];
    try {
      // awaited together: a failed request (QuotaExceededError) rejects here, not as an unhandled promise.
      // With body files, the rows replaced (a re-timed chunk) are read first: their bodies go after the commit.
      [before] = await Promise.all([
        bodies === undefined || keys.length === 0 ? Promise.resolve([]) : meta.getAll(IDBKeyRange.bound(keys.reduce(minKey), keys.reduce(maxKey))),
        ...rows.map((r) => files.put(r)),
        ...deltas.map((d) => dict.put(runOf(d.values), [d.field, d.firstId])),
        ...placed.map((p) => store.put(p.row)),
        ...metas.map((m) => meta.put(m)),
        tx.done,
      ]);
    } catch (e) {
      await bodies?.removeQuietly(placed.map((p) => p.body)); // not recorded: orphans now, removed at once
      throw e;
    }
    if (deltas.length > 0) this.dictionary?.stored(deltas);
    if (bodies === undefined) return;
    const now = new Map(metas.map((m) => [`${m.fileId},${m.seq}`, m.body]));
    await bodies.removeQuietly(before.map((m) => {
      const key = `${m.fileId},${m.seq}`;
      return now.has(key) && m.body !== now.get(key) ? m.body : undefined;
    }));
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

  /**
   * The stored dictionary and the key of the last stored chunk, read in one transaction: every chunk up to that
   * key names only values the dictionary holds. A chunk committed later (another tab writing the case while this
   * one reads it) may name values written with it, after this read: readers stop at `last`.
   */
  async dictionaryPoint(): Promise<{ values: Map<string, string[]>; last: Key | undefined }> {
    const tx = this.db.transaction(['dict', 'chunks']);
    const dict = tx.objectStore('dict');
    const [keys, runs, cursor] = await Promise.all([dict.getAllKeys(), dict.getAll(), tx.objectStore('chunks').openKeyCursor(null, 'prev'), tx.done]);
    return { values: valuesOfRuns(keys.map((key, i) => ({ key, run: runs[i] }))), last: cursor?.key };
  }

  /** Chunks in the form every reader knows: case-id columns given their values (the dictionary read once). */
  private async localReader(): Promise<{ local: (chunk: StoredChunk) => EventChunk; last: Key | undefined }> {
    const { values, last } = await this.dictionaryPoint();
    return { local: (c) => unpackChunk(withLocalDicts(c, values)), last };
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

  /**
   * Reads every chunk in key order (file, then seq), in the array form (unpacked), a batch at a time; a shared
   * chunk as one ordinary chunk per run (chunk/splitRuns.ts: the hand-over file holds one chunk per meta row).
   */
  async forEachChunk(onChunk: (chunk: EventChunk) => void, batch = 8): Promise<void> {
    const { local, last } = await this.localReader();
    if (last !== undefined) await this.forEachStoredChunk((c) => { for (const part of splitRuns(local(c))) onChunk(part); }, batch, last);
  }

  /**
   * Reads every chunk in key order as stored (dictionary columns may be packed: the case index reads them so),
   * up to the key `upTo` when given (dictionaryPoint: chunks of case ids past it may name values not read).
   */
  async forEachStoredChunk(onChunk: (chunk: StoredChunk) => void, batch = 8, upTo?: Key): Promise<void> {
    const after = (key: Key): IDBKeyRange => (upTo === undefined ? IDBKeyRange.lowerBound(key, true) : IDBKeyRange.bound(key, upTo, true, false));
    // the next batch (rows, and the body files they name) is requested before this one is handed over
    let next = this.readBatch(upTo === undefined ? undefined : IDBKeyRange.upperBound(upTo), batch);
    // the runs of shared chunks handed over: a run's own row written after (unshared by the writing tab
    // between two batches, unshare.ts) holds the same rows and is skipped
    const given = new Set<string>();
    for (;;) {
      const { chunks, last, full } = await next;
      if (last === undefined) return;
      // a full batch ending at upTo has read everything asked for (a range past it would be empty: an error)
      next = full && (upTo === undefined || keyAfter(upTo, last)) ? this.readBatch(after(last), batch) : Promise.resolve(EMPTY);
      next.catch(() => undefined); // thrown where it is awaited; not unhandled if onChunk throws first
      for (const c of chunks) {
        const chunk = await c;
        if (chunk === undefined) continue;
        if (chunk.runs !== undefined) for (const r of chunk.runs) given.add(`${r.fileId},${r.seq}`);
        else if (given.size > 0 && given.has(`${chunk.key[0]},${chunk.key[1]}`)) continue;
        onChunk(chunk);
      }
    }
  }

  /** Reads one file's chunks in seq order, a batch at a time; awaits onChunk (it may write the chunk back). */
  async forEachFileChunk(fileId: number, onChunk: (chunk: EventChunk) => Promise<void> | void, batch = 8): Promise<void> {
    await unshareFile(this.db, fileId); // its runs in shared chunks become its own chunks first
    let lower = IDBKeyRange.bound([fileId, 0], [fileId, Infinity]);
    const { local, last: upTo } = await this.localReader();
    for (;;) {
      const { chunks, last } = await this.readBatch(lower, batch);
      if (last === undefined) return;
      for (const c of chunks) {
        const chunk = await c;
        // a chunk committed after the dictionary was read (dictionaryPoint) is not read
        if (chunk !== undefined && upTo !== undefined && !keyAfter(chunk.key, upTo)) await onChunk(local(chunk));
      }
      lower = IDBKeyRange.bound(last, [fileId, Infinity], true);
    }
  }

  /** A batch of rows; the body files they name start loading at once, in parallel (undefined: removed meanwhile). */
  private async readBatch(range: IDBKeyRange | undefined, batch: number): Promise<Batch> {
    const rows = await this.db.getAll('chunks', range, batch);
    const chunks = rows.map((r) => this.load(r));
    for (const c of chunks) c.catch(() => undefined); // each is awaited in turn; an early throw leaves the rest handled
    return { chunks, last: rows.at(-1)?.key, full: rows.length === batch };
  }

  private load(row: ChunkRow): Promise<StoredChunk | undefined> {
    return isRef(row) ? this.loadRef(row) : Promise.resolve(row);
  }

  private async loadRef(ref: ChunkRef, again = false): Promise<StoredChunk | undefined> {
    if (this.bodies === undefined) throw new Error('This case keeps its events in files this browser cannot open (no Origin Private File System here).');
    try {
      return await this.bodies.read(ref);
    } catch (e) {
      if (!isNotFound(e) || again) throw e;
      // the tab writing the case removed or rewrote the chunk after its row was read: read what the row says now
      const now = await this.db.get('chunks', ref.key);
      if (now === undefined) return undefined;
      if (!isRef(now)) return now;
      if (now.body === ref.body) throw new Error(`A stored chunk of this case is missing (file ${ref.key[0]}, chunk ${ref.key[1]}): remove that file and read it again.`, { cause: e });
      return this.loadRef(now, true);
    }
  }

  /** Removes a file's chunks and ledger row (re-ingest with another parser, or "remove" an incomplete file). */
  async deleteFile(fileId: number): Promise<void> {
    await this.deleteFiles([fileId]);
  }

  /**
   * Removes files' chunks and ledger rows in one transaction (an archive replaced: its members). The other files
   * of their shared chunks keep their rows, rewritten as ordinary chunks in that transaction (unshare.ts); a
   * shared chunk of removed files only is deleted whole.
   */
  async deleteFiles(fileIds: readonly number[]): Promise<void> {
    const plan = await planUnshare(this.db, fileIds, true);
    const tx = this.db.transaction(['chunks', 'chunkMeta', 'files'], 'readwrite');
    const chunks = tx.objectStore('chunks'), meta = tx.objectStore('chunkMeta');
    const ranges = fileIds.map((f) => IDBKeyRange.bound([f, 0], [f, Infinity]));
    let metas: ChunkMeta[][];
    try {
      const unshared = await applyUnshare(chunks, meta, plan);
      [metas] = await Promise.all([
        this.bodies === undefined ? Promise.resolve([]) : Promise.all(ranges.map((r) => meta.getAll(r))),
        ...unshared,
        ...ranges.flatMap((r) => [chunks.delete(r), meta.delete(r)]),
        ...fileIds.map((f) => tx.objectStore('files').delete(f)),
      ]);
    } finally {
      await tx.done;
    }
    await this.bodies?.removeQuietly(metas.flat().map((m) => m.body)); // after the commit: no row names them now
  }

  /**
   * Removes a file's chunks from seq `fromSeq` on, returning how many there were (live follow: chunks written
   * after the last saved offset, before the tab closed, are read again on resume rather than kept twice).
   */
  async deleteChunksFrom(fileId: number, fromSeq: number): Promise<number> {
    await unshareFile(this.db, fileId);
    const range = IDBKeyRange.bound([fileId, fromSeq], [fileId, Infinity]);
    const tx = this.db.transaction(['chunks', 'chunkMeta'], 'readwrite');
    const meta = tx.objectStore('chunkMeta');
    const [gone] = await Promise.all([this.bodies === undefined ? meta.count(range) : meta.getAll(range), tx.objectStore('chunks').delete(range), meta.delete(range), tx.done]);
    if (typeof gone === 'number') return gone;
    await this.bodies?.removeQuietly(gone.map((m) => m.body));
    return gone.length;
  }

  /** Removes body files no chunk row names (a tab closed between a write and its commit). Only under the case's lock. */
  async removeOrphanBodies(): Promise<number> {
    if (this.bodies === undefined) return 0;
    const named = new Set<string>();
    for (const m of await this.db.getAll('chunkMeta')) if (m.body !== undefined) named.add(m.body);
    return this.bodies.removeOrphans(named);
  }

  /** Replaces the stored alerts with this run's, in one transaction, as rows of groups (alertGroups.ts). */
  async putAlerts(alerts: readonly Alert[]): Promise<void> {
    await writeAlertGroups(this.db, alerts);
  }

  /** Removes the given alert ids and writes the new alerts, in one transaction (one detector re-run). */
  async replaceAlerts(remove: readonly string[], alerts: readonly Alert[]): Promise<void> {
    await replaceAlertRows(this.db, remove, alerts);
  }

  /** The stored alerts in id order (groups with the single rows over them). */
  async alerts(): Promise<Alert[]> {
    return readAlerts(this.db);
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

/** A shared chunk's row (inline, packed) and its meta rows, one per run (chunkMeta.ts describeRuns). */
function sharedRow(chunk: WireChunk): Placed {
  const metas = describeRuns(chunk);
  // no describeChunk: the runs carry the unparsed counts (a chunk of case ids cannot count them without the dictionary)
  return { row: { ...packChunk(chunk), key: [chunk.fileId, chunk.seq] }, meta: metas[0], metas };
}

function hasCaseIds(chunk: WireChunk): boolean {
  for (const name in chunk.columns) {
    const col = chunk.columns[name];
    if (isCaseColumn(col)) throw new Error(`bug: ${name}: an ingest worker's case ids are resolved (query/dictSession.ts) before they are stored`);
    if (isStoredCaseColumn(col)) return true;
  }
  return false;
}

interface Batch {
  chunks: Promise<StoredChunk | undefined>[];
  /** the last row's key; undefined: no rows */
  last: [number, number] | undefined;
  /** as many rows as asked: there may be more */
  full: boolean;
}
const EMPTY: Batch = { chunks: [], last: undefined, full: false };

type Key = [number, number];
const keyAfter = (a: Key, b: Key): boolean => a[0] > b[0] || (a[0] === b[0] && a[1] > b[1]);
const minKey = (a: Key, b: Key): Key => (a[0] < b[0] || (a[0] === b[0] && a[1] <= b[1]) ? a : b);
const maxKey = (a: Key, b: Key): Key => (minKey(a, b) === a ? b : a);
