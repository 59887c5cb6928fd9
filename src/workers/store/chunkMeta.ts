// Written beside each chunk so the case's counts and size are known without reading the chunks back.
import type { WireChunk } from '../chunk/packedDict.ts';
import { chunkBytes, unparsedIn } from '../chunk/measure.ts';
import type { ChunkMeta } from './schema.ts';

export function describeChunk(chunk: WireChunk): ChunkMeta {
  return { fileId: chunk.fileId, seq: chunk.seq, count: chunk.count, unparsed: unparsedIn(chunk), bytes: chunkBytes(chunk) };
}
