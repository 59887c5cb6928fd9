// A shared chunk (runs.ts) back as one ordinary chunk per run: what a per-file operation (store/unshare.ts) and
// the hand-over export (one chunk per file's run, format unchanged) need. Each run's rows are read back as events
// (eventAt) and built again with a ChunkBuilder, so every row reads exactly as it did: same fields, same values
// (a field a row lacks stays absent). The chunks get their own dictionaries, as every chunk built in the engine
// (re-time, re-read, hand-over import) does; readers take both forms.
// Example: { fileId: 7, seq: -1, count: 5, runs: [{ 7, 0, 2 }, { 8, 0, 3 }] } -> [{ 7, 0, count 2 }, { 8, 0, count 3 }].
import { ChunkBuilder, eventAt, type EventChunk } from './chunk.ts';
import { checkRunsCover } from './runs.ts';

/** The chunk's runs as ordinary chunks (a chunk without runs is given back alone). Takes the array form (unpackChunk). */
export function splitRuns(chunk: EventChunk): EventChunk[] {
  const runs = chunk.runs;
  if (runs === undefined) return [chunk];
  checkRunsCover(runs, chunk.count);
  const out: EventChunk[] = [];
  let row = 0;
  for (const run of runs) {
    const builder = new ChunkBuilder(Math.max(1, run.count));
    for (const end = row + run.count; row < end; row++) builder.add(eventAt(chunk, row));
    out.push(builder.build(run.fileId, run.seq));
  }
  return out;
}
