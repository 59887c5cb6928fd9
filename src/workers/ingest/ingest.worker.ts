// The ingest worker: a shell (DESIGN practice 4). It reads, decodes, frames and parses files into columnar
// chunks and hands each chunk (its buffers transferred, not copied) to the engine worker through the hooks.
import { expose, transfer } from 'comlink';
import type { DroppedFile, FileLedgerEntry } from '../api.ts';
import { ingestBundle, type BundleIngestOptions } from './ingestBundle.ts';
import { toSource, type RunnerHooks } from './runner.ts';
import { packChunk, wireBuffers } from '../chunk/packedDict.ts';
import { workerHasher } from './workerHasher.ts';

let abort: AbortController | undefined;

const api = {
  async run(files: DroppedFile[], options: Omit<BundleIngestOptions, 'signal'>, hooks: RunnerHooks): Promise<FileLedgerEntry[]> {
    abort = new AbortController();
    try {
      return await ingestBundle(files.map(toSource), { ...options, signal: abort.signal, hasher: workerHasher, textAsBytes: true, textSpans: true }, {
        addFile: (entry) => hooks.addFile(entry),
        updateFile: (entry) => hooks.updateFile(entry),
        progress: (files) => void hooks.progress(files),
        // called only with options.duplicates, whose callers (caseIngest) provide both (a proxy cannot tell absent ones)
        deleteFile: (id) => hooks.deleteFile!(id),
        askDuplicate: (q) => hooks.askDuplicate!(q),
        // dictionary columns packed: one string per column to clone instead of one per entry (text columns are
        // built as bytes already: textAsBytes, chunk/byteText.ts)
        chunk: (chunk) => {
          const packed = packChunk(chunk);
          return hooks.chunk(transfer(packed, wireBuffers(packed)));
        },
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
