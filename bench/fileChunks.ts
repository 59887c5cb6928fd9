// A file's columnar chunks as the ingest worker builds them (Node, no browser): the input of the index benches.
import { readFileSync } from 'node:fs';
import type { EventChunk } from '../src/workers/chunk/chunk.ts';
import { ingestFile } from '../src/workers/ingest/ingestFile.ts';
import { byteSource } from './byteSource.ts';

/** Reads `path` through ingestFile and keeps every chunk of 10,000 events. */
export async function chunksOf(path: string): Promise<EventChunk[]> {
  const out: EventChunk[] = [];
  await ingestFile(byteSource(path, new Uint8Array(readFileSync(path))), { chunkEvents: 10_000 }, (chunk) => void out.push(chunk));
  return out;
}
