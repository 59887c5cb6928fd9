// The ledger rows of a running ingest, written in batches (issue 9 item 11). An archive of many small members
// wrote up to four IndexedDB transactions per member (add the row, note its parser, the chunk, the final row);
// here a row is written with the member's chunk, in the chunk's transaction, or by a flush at most every
// FLUSH_MS, so a small member costs one transaction, and small members' chunks that arrive while one is being
// written share the next transaction. Row ids come from the store's key generator: the first
// row is added for real, the next ones take the ids after it (an explicit key above the generator moves the
// generator past it, so a later plain add cannot collide).
// Reload safety: a chunk is never stored without its row (same transaction); a row queued when the tab dies
// belongs to a member with no stored events, which the archive's unit row counts as never read (units.ts).
import type { FileLedgerEntry } from '../api.ts';
import type { WireChunk } from '../chunk/packedDict.ts';
import type { CaseStore } from './caseStore.ts';

const FLUSH_MS = 250;
/** chunks of at most this many events are written several to a transaction, up to GROUP_MAX */
const GROUP_ROWS = 1_000;
const GROUP_MAX = 64;
/**
 * A small chunk that finds no transaction running waits this long for others to share its transaction: in
 * Chromium the engine was mostly waiting for the ingest worker, so chunks rarely arrived during a write (2,000
 * two-line members: 2,000 chunks in 1,300 transactions, 1,006 of them with one chunk). The reading side never
 * waits for it: up to 64 chunks are in flight and a member's tail confirms its writes up to 64 members later.
 */
const GATHER_MS = 16;

export class LedgerBatch {
  private readonly pending = new Map<number, FileLedgerEntry>();
  private nextId: number | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private failure: unknown;
  private readonly chunks: { chunk: WireChunk; resolve: () => void; reject: (e: unknown) => void }[] = [];
  private writing = false;

  constructor(private readonly store: CaseStore) {}

  /**
   * The first id of a range the reading thread gives out itself (ingestBundle's firstRowId), so no member
   * waits for a round trip to learn its id. A row added then deleted in one transaction moves the store's key
   * generator past the id: a later plain add cannot take it, and no id of a removed row is given again.
   */
  async reserveIds(): Promise<number> {
    this.nextId ??= await this.store.reserveFileId();
    return this.nextId;
  }

  /** A new row: its id at once (the one it carries, from reserveIds' range); written with the next chunk or flush. */
  async addFile(entry: Omit<FileLedgerEntry, 'id'> & { id?: number }): Promise<number> {
    if (entry.id !== undefined) {
      this.nextId = Math.max(this.nextId ?? 0, entry.id + 1);
      this.queue({ ...entry } as FileLedgerEntry);
      return entry.id;
    }
    if (this.nextId === undefined) {
      const id = await this.store.addFile(entry);
      this.nextId ??= id + 1;
      return id;
    }
    const id = this.nextId++;
    this.queue({ ...entry, id } as FileLedgerEntry);
    return id;
  }

  async putFile(entry: FileLedgerEntry): Promise<void> {
    this.throwFailure();
    this.queue({ ...entry });
  }

  async deleteFile(id: number): Promise<void> {
    // a row still queued must not be written after it was removed; written ones are deleted with their chunks
    this.pending.delete(id);
    await this.store.deleteFile(id);
  }

  /**
   * The chunk and every queued row, in one transaction; resolves when it is written. Chunks handed over while
   * a transaction runs wait for it and go together in the next one when they are small (an archive of many
   * small members: one transaction per member was most of the engine's time); a big chunk goes alone.
   */
  putChunk(chunk: WireChunk): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.chunks.push({ chunk, resolve, reject });
      if (this.writing) return;
      this.writing = true;
      // a shared chunk (chunk/runs.ts) is already many members' group: it does not wait for company
      if (chunk.count <= GROUP_ROWS && chunk.runs === undefined) setTimeout(() => void this.writeChunks(), GATHER_MS);
      else void this.writeChunks();
    });
  }

  private async writeChunks(): Promise<void> {
    this.writing = true;
    while (this.chunks.length > 0) {
      let n = 1;
      const small = (i: number) => this.chunks[i].chunk.count <= GROUP_ROWS;
      if (small(0)) while (n < this.chunks.length && n < GROUP_MAX && small(n)) n++;
      const group = this.chunks.splice(0, n);
      const rows = this.take();
      try {
        if (group.length === 1) await this.store.putChunk(group[0].chunk, rows);
        else await this.store.putChunks(group.map((g) => g.chunk), rows);
        for (const g of group) g.resolve();
      } catch (e) {
        // the rows were not written: queue them again, unless a newer version was queued meanwhile
        for (const r of rows) if (!this.pending.has(r.id)) this.pending.set(r.id, r);
        for (const g of group) g.reject(e);
      }
    }
    this.writing = false;
  }

  /** Writes every queued row now (the end of an ingest, before the ledger is read). */
  async flush(): Promise<void> {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
    const rows = this.take();
    // the transaction is created now, in call order: a later chunk's transaction with newer rows runs after it
    if (rows.length > 0) await this.store.putFiles(rows);
  }

  private queue(row: FileLedgerEntry): void {
    this.pending.set(row.id, row);
    this.timer ??= setTimeout(() => {
      this.timer = undefined;
      this.flush().catch((e: unknown) => { this.failure = e; }); // the next putFile throws it
    }, FLUSH_MS);
  }

  private take(): FileLedgerEntry[] {
    const rows = [...this.pending.values()];
    this.pending.clear();
    return rows;
  }

  private throwFailure(): void {
    if (this.failure === undefined) return;
    const e = this.failure;
    this.failure = undefined;
    throw e;
  }
}
