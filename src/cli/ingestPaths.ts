// Files and folders on disk through the browser's ingest path (ingestBundle), for every CLI command:
// normalize prints each chunk as it comes; query indexes the chunks into the same query engine the
// worker uses. Node has no IndexedDB here: ledger ids are handed out in order and rows live in memory.
import type { FileLedgerEntry, IngestOptions } from '../workers/api.ts';
import { ingestBundle } from '../workers/ingest/ingestBundle.ts';
import { createQueryEngine, type QueryEngine } from '../workers/query/engine.ts';
import type { Derivation } from '../workers/query/derived.ts';
import type { EventChunk } from '../workers/store/chunk.ts';
import { sourcesFromPaths } from './sources.ts';

export async function ingestPaths(paths: string[], options: IngestOptions, onChunk: (chunk: EventChunk) => Promise<void> | void): Promise<FileLedgerEntry[]> {
  let nextId = 1;
  return ingestBundle(await sourcesFromPaths(paths), options, {
    addFile: async () => nextId++,
    updateFile: async () => {},
    progress: () => {},
    chunk: async (chunk) => { await onChunk(chunk); },
  });
}

export interface IngestedPaths { engine: QueryEngine; ledger: FileLedgerEntry[] }

export async function queryEngineFromPaths(paths: string[], options: IngestOptions, now?: () => number, derivations: readonly Derivation[] = []): Promise<IngestedPaths> {
  const engine = createQueryEngine(undefined, { now });
  engine.index.setDerivations(derivations);
  const ledger = await ingestPaths(paths, options, (chunk) => engine.addChunk(chunk));
  return { engine, ledger };
}
