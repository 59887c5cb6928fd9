// Written beside each chunk so the case's counts and size are known without reading the chunks back.
import type { WireChunk } from '../chunk/packedDict.ts';
import { chunkBytes, unparsedIn } from '../chunk/measure.ts';
import { checkRunsCover, sharedSeq } from '../chunk/runs.ts';
import type { ChunkMeta } from './schema.ts';

export function describeChunk(chunk: WireChunk): ChunkMeta {
  return { fileId: chunk.fileId, seq: chunk.seq, count: chunk.count, unparsed: unparsedIn(chunk), bytes: chunkBytes(chunk) };
}

/**
 * A shared chunk's meta rows (case schema 10, chunk/runs.ts): one per run, keyed as that file's chunk, naming the
 * shared row; the chunk's estimated bytes split by rows (they sum to the chunk's), unparsed as the runs say.
 */
export function describeRuns(chunk: WireChunk): ChunkMeta[] {
  const runs = chunk.runs ?? [];
  const first = runs[0];
  if (first === undefined || chunk.fileId !== first.fileId || chunk.seq !== sharedSeq(first)) {
    throw new Error(`bug: a shared chunk is keyed [${chunk.fileId}, ${chunk.seq}], not by its first run`);
  }
  checkRunsCover(runs, chunk.count);
  const bytes = chunkBytes(chunk), key: [number, number] = [chunk.fileId, chunk.seq];
  let rows = 0, given = 0;
  return runs.map((r) => {
    rows += r.count;
    const upTo = chunk.count === 0 ? bytes : Math.round((bytes * rows) / chunk.count);
    const meta: ChunkMeta = { fileId: r.fileId, seq: r.seq, count: r.count, unparsed: r.unparsed, bytes: upTo - given, shared: key };
    given = upTo;
    return meta;
  });
}
