// Files and folders on disk through the browser's ingest path (ingestBundle), for every CLI command:
// normalize prints each chunk as it comes; query indexes the chunks into the same query engine the
// worker uses. Node has no IndexedDB here: ledger ids are handed out in order and rows live in memory.
import type { FileLedgerEntry, IngestOptions } from '../workers/api.ts';
import { ingestBundle } from '../workers/ingest/ingestBundle.ts';
import { createQueryEngine, type QueryEngine } from '../workers/query/engine.ts';
import type { Derivation } from '../workers/query/derived.ts';
import type { EventChunk } from '../workers/chunk/chunk.ts';
import { sourcesFromPaths } from './sources.ts';
import type { ExpandBudget } from '../parsers/containers/guard.ts';
import type { BundleSource } from '../parsers/containers/types.ts';

export async function ingestPaths(paths: string[], options: IngestOptions, onChunk: (chunk: EventChunk) => Promise<void> | void): Promise<FileLedgerEntry[]> {
  let nextId = 1;
  const sources = await sourcesFromPaths(paths);
  return ingestBundle(sources, { ...options, budget: cliBudget(options.maxExpandedBytes, sources) }, {
    addFile: async () => nextId++,
    updateFile: async () => {},
    progress: () => {},
    chunk: async (chunk) => { await onChunk(chunk); },
  });
}

/**
 * The CLI stores nothing, so there is no storage to run out of; what bounds a bomb is a budget the user can see
 * and change: --max-expanded, by default 100 times the input plus 1 GiB (a total, never a per-file ratio).
 */
function cliBudget(limit: number | undefined, sources: readonly BundleSource[]): ExpandBudget {
  if (limit !== undefined) return { bytes: limit, name: 'the limit set with --max-expanded' };
  const input = sources.reduce((n, s) => n + s.size, 0);
  return { bytes: 100 * input + 1024 ** 3, name: '100 times the input plus 1 GiB; raise it with --max-expanded' };
}

export interface IngestedPaths { engine: QueryEngine; ledger: FileLedgerEntry[] }

export async function queryEngineFromPaths(paths: string[], options: IngestOptions, now?: () => number, derivations: readonly Derivation[] = []): Promise<IngestedPaths> {
  const engine = createQueryEngine(undefined, { now });
  engine.index.setDerivations(derivations);
  const ledger = await ingestPaths(paths, options, (chunk) => engine.addChunk(chunk));
  return { engine, ledger };
}
