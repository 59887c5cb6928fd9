// Chunk format 4 (issue 15): a text column other than raw (message, ts.raw) holds, for a row whose value is a
// piece of the same row's raw value, that piece's place in raw (start, length: characters of raw) instead of a
// second copy of the text. A syslog line's message is the end of its raw line and its timestamp the start: on a
// 10,000-event auth.log chunk the message and ts.raw copies were 0.9 of 3.1 MB stored, and IndexedDB costs CPU by
// the byte. Rows whose value is not in raw (a Windows message rendered from the record, an escaped JSON string,
// a row without raw) keep their own text as before (their span in the column's own text, or `wide`).
// Only the ingest worker writes spans (ChunkBuilder spanFields, built with byte text: byteText.ts); every reader
// takes both forms: the case index (query/fields.ts TextSegment), the template miner (packedValueAt) and
// unpackChunk, which gives the chunk back in format 3's string form (hand-over, re-time, re-read, CLI).
// Example: raw 'Nov 30 sshd: Failed x', message 'Failed x' -> spans.start [13], spans.length [8], message's own
// text '' for that row.
import { appendBytes, finishBytes, newByteText, packedValueAt } from './byteText.ts';
import type { PackedTextColumn, TextLike } from './packedText.ts';
import { wideIndexOf, wideValue } from './wideText.ts';

export type SpanArray = Uint8Array | Uint16Array | Uint32Array;

/** Row i's value is raw(i).slice(start[i], start[i] + length[i]) when length[i] > 0; else the column's own. */
export interface RawSpans { start: SpanArray; length: SpanArray }

/** The format of chunks whose text columns may carry `spans` (format 3 chunks never do). */
export const SPANS_FORMAT = 4;

/** The text columns the ingest worker writes as spans of raw where it can. */
export const SPAN_FIELDS: ReadonlySet<string> = new Set(['message', 'ts.raw']);

/** One span column while its chunk is built: dense per row (a 0 length = the row's own text). */
export interface SpanBuild { start: Uint32Array; length: Uint32Array; any: boolean; misses: number; hits: number }

export function newSpanBuild(room: number): SpanBuild {
  return { start: new Uint32Array(room), length: new Uint32Array(room), any: false, misses: 0, hits: 0 };
}

export function growSpanBuild(b: SpanBuild, room: number): void {
  const start = new Uint32Array(room), length = new Uint32Array(room);
  start.set(b.start);
  length.set(b.length);
  b.start = start;
  b.length = length;
}

/** indexOf is tried only over raw values up to this length (a multi-MB line is not searched per event) */
const SCAN_MAX = 16_384;
/** a chunk whose values were not found inside raw this often (and mostly not) stops searching with indexOf */
const GIVE_UP_MISSES = 64;

/**
 * Records `value` as a span of `raw` when raw holds it: true when it did (the row then writes no own text).
 * Raw ending with it (a syslog message) or starting with it (a syslog timestamp) is checked first; any other
 * occurrence found by indexOf holds the same characters, so any occurrence is correct.
 */
export function trySpan(b: SpanBuild, row: number, raw: string, value: string): boolean {
  const n = value.length;
  if (n === 0 || n > raw.length) return false;
  let at = -1;
  if (raw.endsWith(value)) at = raw.length - n;
  else if (raw.startsWith(value)) at = 0;
  else if (raw.length <= SCAN_MAX && (b.misses < GIVE_UP_MISSES || b.hits > b.misses)) {
    at = raw.indexOf(value);
    if (at < 0) b.misses++;
    else b.hits++;
  }
  if (at < 0) return false;
  b.start[row] = at;
  b.length[row] = n;
  b.any = true;
  return true;
}

/** a[0, n) in the narrowest unsigned array that holds its largest value (a copy) */
export function narrowest(a: Uint32Array, n: number): SpanArray {
  let max = 0;
  for (let i = 0; i < n; i++) if (a[i] > max) max = a[i];
  return max <= 0xff ? Uint8Array.from(a.subarray(0, n)) : max <= 0xffff ? Uint16Array.from(a.subarray(0, n)) : a.slice(0, n);
}

/** The finished spans of rows [0, n) in the narrowest arrays that hold them; undefined when no row is a span. */
export function finishSpans(b: SpanBuild, n: number): RawSpans | undefined {
  if (!b.any) return undefined;
  return { start: narrowest(b.start, n), length: narrowest(b.length, n) };
}

/** One row's value of a text column in either form (string, or packed bytes), spans aside. */
function ownValueAt(col: TextLike, row: number): string | undefined {
  if ('textBytes' in col) return packedValueAt(col, row);
  const start = row === 0 ? 0 : col.ends[row - 1], end = col.ends[row];
  if (end > start) return col.text.slice(start, end);
  const w = wideIndexOf(col.wide, row);
  return w < 0 || col.wide === undefined ? undefined : wideValue(col.wide, w);
}

/** Row `row`'s value of a column that may hold spans; `raw` is the same chunk's raw column. */
export function spannedValueAt(col: TextLike & { spans?: RawSpans }, row: number, raw: TextLike | undefined): string | undefined {
  const spans = col.spans;
  const n = spans === undefined ? 0 : spans.length[row];
  if (n === 0 || spans === undefined) return ownValueAt(col, row);
  const r = raw === undefined ? undefined : ownValueAt(raw, row);
  if (r === undefined) throw new Error('bug: a span of raw in a row without raw');
  return r.slice(spans.start[row], spans.start[row] + n);
}

/**
 * The column with every span written out as its own text: exactly the column a builder without spans makes
 * of the same values (byteText.ts, as packTextColumn would pack the string-built one).
 */
export function unspanColumn(col: PackedTextColumn & { spans?: RawSpans }, raw: TextLike | undefined, count: number): PackedTextColumn {
  const b = newByteText(undefined);
  const ends = new Uint32Array(count);
  let length = 0;
  for (let row = 0; row < count; row++) {
    const v = spannedValueAt(col, row, raw);
    if (v !== undefined) length = appendBytes(b, row, v);
    ends[row] = length;
  }
  return finishBytes(b, ends);
}
