// Runs files through the same ingest path the worker uses (DESIGN practice 3), optionally with the
// name hidden (content sniffing must pick the same parser) and re-cut into tiny read chunks.
import { readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import type { EventFields } from '../../src/core/schema.ts';
import type { FileLedgerEntry, IngestOptions } from '../../src/workers/api.ts';
import { ingestBundle, type BundleIngestOptions } from '../../src/workers/ingest/ingestBundle.ts';
import { eventAt } from '../../src/workers/chunk/chunk.ts';
import type { BundleSource } from '../../src/parsers/containers/types.ts';

export interface IngestRun {
  events: EventFields[];
  ledger: FileLedgerEntry[];
}

export interface RunOptions extends IngestOptions, Pick<BundleIngestOptions, 'budget'> {
  hideNames?: boolean;
  /** re-cut the bytes into reads of this size (line splits across reads must not change the output) */
  chunkSize?: number;
  /** name the file gets inside the bundle (default: its base name) */
  name?: string;
}

export function sourceFromBytes(name: string, bytes: Uint8Array, lastModified: number, chunkSize = 64 * 1024): BundleSource {
  return {
    name, size: bytes.length, lastModified,
    stream: () => new ReadableStream<Uint8Array>({
      start(controller) {
        for (let at = 0; at < bytes.length; at += chunkSize) controller.enqueue(bytes.slice(at, at + chunkSize));
        controller.close();
      },
    }),
  };
}

export function sourceFromPath(path: string, opts: RunOptions = {}): BundleSource {
  return sourceFromBytes(opts.name ?? basename(path), new Uint8Array(readFileSync(path)), statSync(path).mtimeMs, opts.chunkSize);
}

export async function ingestSources(sources: BundleSource[], opts: RunOptions = {}): Promise<IngestRun> {
  const events: EventFields[] = [];
  let id = 1;
  const ledger = await ingestBundle(sources, opts, {
    addFile: async () => id++,
    updateFile: async () => {},
    progress: () => {},
    chunk: async (chunk) => {
      for (let row = 0; row < chunk.count; row++) events.push(eventAt(chunk, row));
    },
  });
  return { events, ledger };
}

export async function ingestPaths(paths: string[], opts: RunOptions = {}): Promise<IngestRun> {
  return ingestSources(paths.map((p) => sourceFromPath(p, opts)), opts);
}

/** The kit's one reference date (year inference is the same on every machine; file mtimes differ). */
export { REFERENCE_MS } from './parsers.ts';
