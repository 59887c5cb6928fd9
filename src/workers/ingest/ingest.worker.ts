// The ingest worker: a shell (DESIGN practice 4). It reads, decodes, frames and parses files into columnar
// chunks and hands each chunk (its buffers transferred, not copied) to the engine worker through the hooks.
import { expose, transfer } from 'comlink';
import type { DroppedFile, FileLedgerEntry } from '../api.ts';
import { ingestBundle, type BundleIngestHooks, type BundleIngestOptions } from './ingestBundle.ts';
import { toSource } from './runner.ts';
import { chunkBuffers } from '../chunk/chunk.ts';
import { workerHasher } from './workerHasher.ts';

let abort: AbortController | undefined;

const api = {
  async run(files: DroppedFile[], options: Omit<BundleIngestOptions, 'signal'>, hooks: BundleIngestHooks): Promise<FileLedgerEntry[]> {
    abort = new AbortController();
    try {
      return await ingestBundle(files.map(toSource), { ...options, signal: abort.signal, hasher: workerHasher }, {
        addFile: (entry) => hooks.addFile(entry),
        updateFile: (entry) => hooks.updateFile(entry),
        progress: (files) => void hooks.progress(files),
        // always asked across the worker boundary: every runner caller provides both (a proxy cannot tell absent ones)
        admit: (entry) => hooks.admit!(entry),
        settled: (row) => hooks.settled!(row),
        chunk: (chunk) => hooks.chunk(transfer(chunk, chunkBuffers(chunk))),
      });
    } finally {
      abort = undefined;
    }
  },
  cancel(): void {
    abort?.abort();
  },
};

export type IngestWorkerApi = typeof api;
expose(api);
