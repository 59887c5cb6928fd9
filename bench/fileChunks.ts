// A file's columnar chunks as the ingest worker builds them (Node, no browser): the input of the index benches.
import { readFileSync } from 'node:fs';
import type { EventChunk } from '../src/workers/chunk/chunk.ts';
import { ingestFile } from '../src/workers/ingest/ingestFile.ts';

/** Reads `path` through ingestFile in 1 MiB pieces and keeps every chunk of 10,000 events. */
export async function chunksOf(path: string): Promise<EventChunk[]> {
  const bytes = new Uint8Array(readFileSync(path));
  const out: EventChunk[] = [];
  await ingestFile({
    path, lastModified: Date.UTC(2026, 5, 1),
    open: () => new ReadableStream<Uint8Array>({
      start(c) {
        for (let at = 0; at < bytes.length; at += 1 << 20) c.enqueue(bytes.subarray(at, at + (1 << 20)));
        c.close();
      },
    }),
  }, { chunkEvents: 10_000 }, (chunk) => void out.push(chunk));
  return out;
}
