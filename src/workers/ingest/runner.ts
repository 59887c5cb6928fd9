// How the engine runs an ingest: in this thread (Node: tests and the CLI), or in a dedicated ingest worker
// (the browser) so parsing uses the second core while the engine worker stores and indexes the chunks.
import type { DroppedFile, FileLedgerEntry } from '../api.ts';
import { ingestBundle, type BundleIngestHooks, type BundleIngestOptions } from './ingestBundle.ts';
import type { WireChunk } from '../chunk/packedDict.ts';

/** The engine's side of an ingest: chunks from the ingest worker arrive packed (chunk/packedDict.ts). */
export interface RunnerHooks extends Omit<BundleIngestHooks, 'chunk'> {
  chunk(chunk: WireChunk): Promise<void>;
}

export type IngestRunner = (
  files: DroppedFile[], options: BundleIngestOptions, hooks: RunnerHooks,
) => Promise<FileLedgerEntry[]>;

export const inThreadRunner: IngestRunner = (files, options, hooks) =>
  ingestBundle(files.map(toSource), options, hooks);

export function toSource({ path, file }: DroppedFile) {
  return { name: path, size: file.size, lastModified: file.lastModified, stream: () => file.stream(), blob: file };
}
