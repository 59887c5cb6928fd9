// A text column (raw, message, ...) built straight as Latin-1 bytes (the PackedTextColumn the ingest worker
// posts and the store keeps, packedText.ts), value by value, instead of joining the values into one string,
// splitting out the wide ones (wideText.ts), copying message text to one byte a character (oneByteCopy) and
// encoding the joined string again (packTextColumn).
// Why: for EVTX, whose raw XML is ~1,300 characters a record, join + split + pack cost 2.3 + 0.5 CPU-s per
// 100k records in Node (a join of a chunk's 13 M characters alone ~130 ms, twice as much once one value is
// wide), about a quarter of the ingest worker's time; writing each value once costs ~0.4 CPU-s.
// The result is exactly what packTextColumn gives for the string-built column: same bytes, `ascii`, `ends`,
// `wide` (values holding a character above U+00FF, kept apart with an empty span) and key order
// (test/workers/chunk/byteText.test.ts compares the two on the corpus and on edge values).
import type { PackedTextColumn } from './packedText.ts';
import { wideIndexOf, wideValue } from './wideText.ts';

/** The column while its chunk is built; `bytes` is a scratch buffer reused from chunk to chunk. */
export interface ByteTextBuild {
  bytes: Uint8Array;
  length: number;
  ascii: boolean;
  wideRows: number[];
  wideParts: string[];
}

const encoder = new TextEncoder();

/** below this length a loop beats a call into the native encoder */
const LOOP_MAX = 64;

export function newByteText(scratch: Uint8Array | undefined): ByteTextBuild {
  return { bytes: scratch ?? new Uint8Array(256), length: 0, ascii: true, wideRows: [], wideParts: [] };
}

/** Appends row `row`'s value; returns the column's length after it (the row's end offset). */
export function appendBytes(col: ByteTextBuild, row: number, s: string): number {
  const at = col.length, n = s.length;
  if (at + n > col.bytes.length) {
    const bigger = new Uint8Array(Math.max(col.bytes.length * 2, at + n));
    bigger.set(col.bytes.subarray(0, at));
    col.bytes = bigger;
  }
  const b = col.bytes;
  if (n > LOOP_MAX) {
    // ASCII (most logs): one byte a character, written natively; otherwise it stops short or writes more
    const done = encoder.encodeInto(s, b.subarray(at, at + n));
    if (done.read === n && done.written === n) return col.length = at + n;
  }
  let high = false;
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c > 0xff) {
      // a character V8 keeps at two bytes: the value goes apart (wideText.ts), its span stays empty
      col.wideRows.push(row);
      col.wideParts.push(s);
      return at;
    }
    if (c > 0x7f) high = true;
    b[at + i] = c;
  }
  if (high) col.ascii = false;
  return col.length = at + n;
}

/** The finished column; `ends` already holds every row's end. The scratch buffer stays with the builder. */
export function finishBytes(col: ByteTextBuild, ends: Uint32Array): PackedTextColumn {
  const textBytes = col.bytes.slice(0, col.length);
  if (col.wideParts.length === 0) return { kind: 'text', ends, textBytes, ascii: col.ascii };
  const wideEnds = new Uint32Array(col.wideParts.length);
  let w = 0;
  for (let i = 0; i < col.wideParts.length; i++) wideEnds[i] = w += col.wideParts[i].length;
  const wide = { rows: Uint32Array.from(col.wideRows), text: col.wideParts.join(''), ends: wideEnds };
  return { kind: 'text', ends, wide, textBytes, ascii: col.ascii };
}

/** Block size of the Latin-1 decoding: fromCharCode takes the codes as an argument list. */
const BLOCK = 8192;

/** One row's value of a packed column (valueAt for the string form): the template miner reads a few messages. */
export function packedValueAt(col: PackedTextColumn, row: number): string | undefined {
  const start = row === 0 ? 0 : col.ends[row - 1], end = col.ends[row];
  if (end > start) {
    let s = '';
    for (let at = start; at < end; at += BLOCK) {
      s += String.fromCharCode.apply(null, col.textBytes.subarray(at, Math.min(end, at + BLOCK)) as unknown as number[]);
    }
    return s;
  }
  const w = wideIndexOf(col.wide, row);
  return w < 0 || col.wide === undefined ? undefined : wideValue(col.wide, w);
}
