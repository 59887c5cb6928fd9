// One open case's chunk bodies (chunkBodies.ts) as CaseStore uses them (case schema 8). A chunk estimated at
// BODY_MIN_BYTES or more is encoded into one buffer (chunkBody.ts), compressed (bodyCompression.ts) and written
// to its own file BEFORE the IndexedDB transaction that records it; its `chunks` row is then a ChunkRef { key, body } and its chunkMeta row
// names the body too. Smaller chunks (under 256 KiB estimated; an archive of 10,000 two-line members makes 10,000 tiny chunks) stay whole
// in IndexedDB, where one transaction holds many; so do all chunks of cases written before schema 8.
// Rules: a row never names a body not written (write, flush, close, then commit); a body no row names is an
// orphan (the tab died between the write and the commit, or a removal after a commit did not finish), removed
// on open under the case's lock (removeOrphans); a body is removed only after the commit that stops naming it.
import type { WireChunk } from '../chunk/packedDict.ts';
import { packChunk } from '../chunk/packedDict.ts';
import { describeChunk } from './chunkMeta.ts';
import { decodeChunkBody, encodeChunkBody } from './chunkBody.ts';
import { compressBody, expandBody } from './bodyCompression.ts';
import type { BodyDir } from './chunkBodies.ts';
import type { RemoteBodyReader } from './remoteBodies.ts';
import { within } from './deadline.ts';
import type { ChunkMeta, ChunkRef, StoredChunk } from './schema.ts';

export type { ChunkRef };
export type ChunkRow = StoredChunk | ChunkRef;

export function isRef(row: ChunkRow): row is ChunkRef {
  return typeof (row as Partial<ChunkRef>).body === 'string';
}

/**
 * Chunks estimated below this stay in IndexedDB (chunkMeta `bytes`: typed arrays, text at 2 bytes a character).
 * A body file costs a fixed ~6-9 ms of CPU to create, open, flush and close (bench/idb-put-browser.ts `files:KB`
 * against `idbkb:KB`, profile on disk, load ~28): IndexedDB is cheaper at 16 and 64 KiB (2.5-2.8 ms), equal at
 * 256 KiB (6 ms each), and 4x dearer at 2.5 MB (76-86 ms against 18-20 ms).
 */
export const BODY_MIN_BYTES = 256 * 1024;

/**
 * A body write still pending after this long is taken as a refusal (deadline.ts): its chunk and the next ones go
 * to IndexedDB. A normal write of a 2.5 MB body takes 20-90 ms; the bound leaves room for a machine under load.
 */
export const BODY_WRITE_DEADLINE_MS = 30_000;

export interface Placed {
  row: ChunkRow;
  meta: ChunkMeta;
  /** a shared chunk's meta rows, one per run (chunkMeta.ts describeRuns), recorded in place of `meta` */
  metas?: ChunkMeta[];
  /** the body written for this chunk, to remove if its transaction fails */
  body?: string;
}

let made = 0;
/** A name no other body of the case has had: a rewritten chunk (re-time) gets a new file, never the one a reader may be reading. */
function bodyName(fileId: number, seq: number): string {
  return `${fileId}-${seq}-${Date.now().toString(36)}${(made++).toString(36)}${Math.random().toString(36).slice(2, 6)}.ldc`;
}

/** The row to store for a chunk with no body store: the chunk itself, packed (as before schema 8). */
export function inlineRow(chunk: WireChunk): Placed {
  return { row: { ...packChunk(chunk), key: [chunk.fileId, chunk.seq] }, meta: describeChunk(chunk) };
}

export class CaseBodies {
  /** why body files were refused (then every later chunk of this open stays in IndexedDB) */
  private refused: string | undefined;

  /**
   * `remote` reads bodies in another worker (remoteBodies.ts) for case `caseId`; after its first failure this
   * open reads every body here.
   */
  constructor(private readonly dir: BodyDir, private readonly minBytes = BODY_MIN_BYTES, private readonly writeDeadlineMs = BODY_WRITE_DEADLINE_MS,
    private remote?: { caseId: string; read: RemoteBodyReader }) {}

  /**
   * The row and meta to record; a big chunk's body is written (flushed, closed) before this resolves. A body
   * the file system refuses is kept in IndexedDB instead, and so is every later chunk of this open: an
   * off-the-record window keeps OPFS in memory under a small quota (10M auth lines stopped at 7.7M events there
   * when a refusal stopped the file), and where the disk itself is full IndexedDB refuses the row in turn, which
   * stops the file as "storage is full" with what was stored counted (ingest's storage-failure path). A write
   * that does not finish within its deadline counts as a refusal.
   */
  async place(chunk: WireChunk): Promise<Placed> {
    const meta = describeChunk(chunk);
    const key: [number, number] = [chunk.fileId, chunk.seq];
    const inline = (): Placed => ({ row: { ...packChunk(chunk), key }, meta });
    if (meta.bytes < this.minBytes || this.refused !== undefined) return inline();
    const body = bodyName(chunk.fileId, chunk.seq);
    try {
      const bytes = await compressBody(encodeChunkBody({ ...packChunk(chunk), key }));
      // a write that lands after its deadline is removed then: no row will name it
      await within(this.dir.write(body, bytes), this.writeDeadlineMs, 'writing a chunk file', () => this.dir.remove(body));
    } catch (e) {
      await this.dir.remove(body).catch(() => undefined); // a full file system may have taken part of it
      this.refused = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
      console.warn(`chunk files refused (${this.refused}): this case's next chunks are kept in IndexedDB`);
      return inline();
    }
    return { row: { key, body }, meta: { ...meta, body }, body };
  }

  /** The stored chunk a ref names. */
  async read(ref: ChunkRef): Promise<StoredChunk> {
    const chunk = (await this.readRemote(ref.body)) ?? decodeChunkBody(await expandBody(await this.dir.read(ref.body)));
    chunk.key = ref.key;
    return chunk;
  }

  /** The body read by the other worker; undefined when there is none or it failed (then read here, from now on). */
  private async readRemote(name: string): Promise<StoredChunk | undefined> {
    const remote = this.remote;
    if (remote === undefined) return undefined;
    try {
      return await remote.read(remote.caseId, name);
    } catch {
      // a body removed or rewritten meanwhile, or no OPFS there: the local read says which (and what to do)
      this.remote = undefined;
      return undefined;
    }
  }

  /** Removes bodies no row names any more; a failure leaves orphans for the next open (never an error). */
  async removeQuietly(names: readonly (string | undefined)[]): Promise<void> {
    for (const name of names) if (name !== undefined) await this.dir.remove(name).catch(() => undefined);
  }

  /** Removes every body that no chunkMeta row names; returns how many. Only under the case's lock. */
  async removeOrphans(named: ReadonlySet<string>): Promise<number> {
    const orphans = (await this.dir.list()).filter((n) => !named.has(n));
    await this.removeQuietly(orphans);
    return orphans.length;
  }
}
