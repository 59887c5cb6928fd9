// The ingest worker: a shell (DESIGN practice 4). It reads, decodes, frames and parses files into columnar
// chunks and hands each chunk (its buffers transferred, not copied) to the engine worker through the hooks.
import { expose, transfer } from 'comlink';
import type { DroppedFile, FileLedgerEntry } from '../api.ts';
import { ingestBundle, type BundleIngestOptions } from './ingestBundle.ts';
import { toSource, type RunnerHooks } from './runner.ts';
import { packChunk, wireBuffers, type WireChunk } from '../chunk/packedDict.ts';
import type { StoredChunk } from '../store/schema.ts';
import { workerHasher } from './workerHasher.ts';
import { carriedHooks, type CarryRows } from './carriedRows.ts';
import { readBodyHere } from '../store/remoteBodies.ts';

let abort: AbortController | undefined;

/**
 * A chunk this small is copied by the message, not transferred: a two-line member's chunk is ~44 buffers of
 * ~480 bytes in all, and transferring each buffer cost Chromium far more than copying them (3,000 two-line
 * members, builds alternated: the workers' CPU 12.7 -> 9.9 s with this alone). The builder's buffers are exact
 * size (buildWire), so the copy is the chunk's bytes; big chunks are still transferred.
 */
const COPY_MAX_EVENTS = 256;

const api = {
  async run(files: DroppedFile[], options: Omit<BundleIngestOptions, 'signal'>, hooks: RunnerHooks & { carry: CarryRows }): Promise<FileLedgerEntry[]> {
    abort = new AbortController();
    // rows ride with the next chunk: one message per small member, not three (carriedRows.ts). Dictionary
    // columns packed: one string per column to clone instead of one per entry (text columns are built as bytes
    // already: textAsBytes, chunk/byteText.ts); the buffers are transferred, not copied
    const carried = carriedHooks(hooks, (chunk) => {
      const packed = packChunk(chunk);
      return packed.count <= COPY_MAX_EVENTS ? packed : transfer(packed, wireBuffers(packed));
    });
    try {
      // small members' chunks go several to a shared chunk (gatherChunks.ts): one message, index append and
      // record per few dozen two-line members instead of one per member
      const ledger = await ingestBundle(files.map(toSource), {
        ...options, signal: abort.signal, hasher: workerHasher, textAsBytes: true, textSpans: true, shareSmallChunks: true,
      }, carried.hooks);
      await carried.settle();
      return ledger;
    } finally {
      carried.flushNow();
      abort = undefined;
    }
  },
  /**
   * A stored chunk's body read, expanded and decoded here for the engine worker (store/remoteBodies.ts): this
   * worker is idle while a case opens. Its arrays (each its own buffer) are transferred.
   */
  async readBody(caseId: string, name: string): Promise<StoredChunk> {
    const chunk = await readBodyHere(caseId, name);
    return transfer(chunk, wireBuffers(chunk as unknown as WireChunk));
  },
  cancel(): void {
    abort?.abort();
  },
};

export type IngestWorkerApi = typeof api;
expose(api);
