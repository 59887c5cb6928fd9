// A shared chunk (case schema 10, issue 9 item 11): the rows of several small files (archive members) in one
// chunk, file after file. An archive of 10,000 two-line members made 10,000 chunks, each a message, an index
// append, an IndexedDB record and a meta row; shared, it makes one chunk per few dozen members.
// A chunk with `runs` holds runs[0].count rows of file runs[0].fileId (that file's chunk runs[0].seq), then
// runs[1].count rows of runs[1].fileId, and so on; its own fileId and seq are its key: the first run's file
// and -1 - the first run's seq (a negative seq, so no range over one file's chunks [fileId, 0..] holds it).
// Example: members 7 (2 rows) and 8 (3 rows) -> { fileId: 7, seq: -1, count: 5,
// runs: [{ fileId: 7, seq: 0, count: 2, unparsed: 0 }, { fileId: 8, seq: 0, count: 3, unparsed: 1 }] }.

/** One file's rows in a shared chunk. */
export interface ChunkRun {
  fileId: number;
  /** the file's chunk number these rows are (a member read whole: 0) */
  seq: number;
  count: number;
  /** rows of the run whose parser.name is 'unparsed' */
  unparsed: number;
}

/** What a chunk says about its files: only fileId/seq/count, and runs when shared. */
interface ChunkHead {
  fileId: number;
  seq: number;
  count: number;
  runs?: ChunkRun[];
}

/** The key a shared chunk is stored under, from its first run. */
export function sharedSeq(first: ChunkRun): number {
  return -1 - first.seq;
}

export function isShared(chunk: { runs?: ChunkRun[] }): boolean {
  return chunk.runs !== undefined;
}

/** The chunk's runs: its own, or one run of its file (unparsed given by the caller: measure.ts counts it). */
export function runsOf(chunk: ChunkHead, unparsed: number): ChunkRun[] {
  return chunk.runs ?? [{ fileId: chunk.fileId, seq: chunk.seq, count: chunk.count, unparsed }];
}

/** Throws unless the runs hold exactly the chunk's rows (a shared chunk read back or about to be stored). */
export function checkRunsCover(runs: readonly ChunkRun[], count: number): void {
  const total = runs.reduce((n, r) => n + r.count, 0);
  if (total !== count) throw new Error(`bug: a shared chunk's runs hold ${total} rows, the chunk ${count}`);
}

/** The file of row `row` (0-based, within the chunk). */
export function fileOfRow(chunk: ChunkHead, row: number): number {
  if (chunk.runs === undefined) return chunk.fileId;
  let end = 0;
  for (const r of chunk.runs) {
    end += r.count;
    if (row < end) return r.fileId;
  }
  throw new RangeError(`row ${row} is past the chunk's ${chunk.count} rows`);
}
