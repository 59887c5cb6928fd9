// Scans of text fields (raw, message, parse.error): substring search runs over each chunk's joined,
// lower-cased text (one indexOf per hit, not per row); regexes are tested row by row because a
// match must not run across two events and ^ / $ must mean the event's start and end.
import type { LinearRegex } from '../../core/regex.ts';
import { Bitset } from './bitset.ts';
import type { CaseIndex } from './caseIndex.ts';
import type { TextField, TextSegment } from './fields.ts';
import { wideValue } from '../chunk/wideText.ts';
import { lowerSameLength } from './text.ts';
import { bytesIndexOf, latin1Needle } from './textBlocks.ts';

/** Rows (global) of the segment whose value contains `needle` (lower-cased); accept() filters hits. */
function containsInto(seg: TextSegment, needle: string, out: Bitset, accept?: (row: number) => boolean): void {
  if (needle === '') {
    // every value holds the empty string: the rows with a value (`raw:""`; a scan for it found it at the end of
    // the text again and again, and never returned)
    for (let i = 0; i < seg.count; i++) if (seg.has(i) && (accept === undefined || accept(seg.base + i))) out.set(seg.base + i);
    return;
  }
  const blocks = seg.blocks;
  if (blocks === undefined) {
    const text = seg.lower();
    containsIn((from) => text.indexOf(needle, from), 0, 0, seg, needle.length, out, accept);
  } else {
    // kept deflated (long raw text, textBlocks.ts): block by block, in the lower-cased bytes (one a character, so
    // offsets agree), skipping blocks without a row to accept; a needle above U+00FF is only in wide values
    const bytes = latin1Needle(needle);
    for (let b = 0; b < blocks.count && bytes !== undefined; b++) {
      const from = blocks.rowStart[b];
      if (accept !== undefined && !anyAccepted(seg.base + from, seg.base + blocks.rowStart[b + 1], accept)) continue;
      const hay = blocks.lowerBytes(b);
      containsIn((at) => bytesIndexOf(hay, bytes, at), blocks.charStart[b], from, seg, needle.length, out, accept);
    }
  }
  if (seg.spans !== undefined) spansInto(seg, needle, out, accept);
  // values with a character above U+00FF are kept apart (chunk format 2): their span in `text` is empty
  const wide = seg.wide;
  if (wide === undefined) return;
  for (let i = 0; i < wide.rows.length; i++) {
    const row = seg.base + wide.rows[i];
    if (lowerSameLength(wideValue(wide, i)).includes(needle) && (accept === undefined || accept(row))) out.set(row);
  }
}

/**
 * Rows of `seg` whose value holds the needle (`len` characters), which `find(at)` finds in the lower-cased joined
 * text of its rows from local row `from` on (positions from 0 there), that text starting at character `offset` of
 * the segment's text (0 and 0: the whole segment).
 */
function containsIn(find: (at: number) => number, offset: number, from: number, seg: TextSegment, len: number, out: Bitset, accept?: (row: number) => boolean): void {
  const ends = seg.ends;
  let p = find(0), local = from;
  while (p !== -1) {
    // hits only move forward: walking the ends costs at most one step per event (cheaper than a binary search per hit)
    while (ends[local] - offset <= p) local++;
    const end = ends[local] - offset;
    if (p + len <= end) {
      const row = seg.base + local;
      if (accept === undefined || accept(row)) out.set(row);
      p = find(end); // next event: one hit per event is enough
    } else {
      p = find(p + 1); // the hit ran across two events
    }
  }
}

function anyAccepted(from: number, to: number, accept: (row: number) => boolean): boolean {
  for (let row = from; row < to; row++) if (accept(row)) return true;
  return false;
}

/**
 * Rows whose value is a span of raw (chunk format 4) holding `needle`: one indexOf pass over raw's lower-cased
 * text (the copy a raw search makes and keeps too: no lower-cased copy of the messages), a hit counted only
 * inside the row's span.
 */
function spansInto(seg: TextSegment, needle: string, out: Bitset, accept?: (row: number) => boolean): void {
  const spans = seg.spans, raw = seg.raw();
  if (spans === undefined || raw === undefined) return;
  const text = raw.lower(), ends = raw.ends, len = needle.length, starts = spans.start, lengths = spans.length;
  let p = text.indexOf(needle), local = 0;
  while (p !== -1) {
    while (ends[local] <= p) local++;
    const n = lengths[local], s = raw.start(local) + starts[local];
    if (n > 0 && p >= s && p + len <= s + n) {
      const row = seg.base + local;
      if (accept === undefined || accept(row)) out.set(row);
      p = text.indexOf(needle, ends[local]); // next event
    } else if (n > 0 && p < s) p = text.indexOf(needle, s); // a hit before the span (a syslog header)
    else p = text.indexOf(needle, ends[local]); // no span, or the hit runs past it: nothing later in the row fits
  }
  // a raw value kept apart (wide) has an empty span in raw's text: its rows' spans are read one by one
  const wide = raw.wide;
  if (wide === undefined) return;
  for (let i = 0; i < wide.rows.length; i++) {
    const local = wide.rows[i], row = seg.base + local;
    if (lengths[local] > 0 && lowerSameLength(seg.valueAt(local)).includes(needle) && (accept === undefined || accept(row))) out.set(row);
  }
}

function testInto(seg: TextSegment, re: LinearRegex, out: Bitset, within?: Bitset, accept?: (row: number) => boolean): void {
  const { ends, base } = seg;
  // a deflated text (textBlocks.ts) is read row by row, each block inflated once (valueAt keeps the last few)
  const text = seg.blocks === undefined ? seg.text : undefined;
  let start = 0;
  for (let i = 0; i < seg.count; i++) {
    const end = ends[i], row = base + i;
    if ((end > start || seg.wide !== undefined || seg.spans !== undefined) && (within === undefined || within.has(row)) && (accept === undefined || accept(row))) {
      // an empty span may be a wide value or a span of raw
      const value = end > start && text !== undefined ? text.slice(start, end) : seg.valueAt(i);
      if (value !== '' && re.test(value)) out.set(row);
    }
    start = end;
  }
}

/** A scan that yields one unit per chunk of text, then returns its result (see evaluate.ts). */
export type Steps<T> = Generator<number, T, void>;

/** Segments holding rows below n: rows added while a sliced query runs are not its business. */
function* segmentsBelow(field: TextField, n: number): Generator<TextSegment> {
  for (const seg of field.segments) {
    if (seg.base >= n) return;
    yield seg;
  }
}

export function* scanContains(field: TextField, needle: string, n: number): Steps<Bitset> {
  const out = new Bitset(n);
  for (const seg of segmentsBelow(field, n)) {
    containsInto(seg, needle, out);
    yield 1;
  }
  return out;
}

export function* scanTest(field: TextField, re: LinearRegex, n: number, within?: Bitset): Steps<Bitset> {
  const out = new Bitset(n);
  for (const seg of segmentsBelow(field, n)) {
    testInto(seg, re, out, within);
    yield 1;
  }
  return out;
}

/**
 * Free text searches `message`, and `raw` for events whose message is empty: unparsed records (and
 * formats whose parser found no message part) are then still found. Raw is not searched for every
 * event: it would double the scan and hit header text (host, time) the fields already cover;
 * `raw:"..."` searches it explicitly.
 */
export function* scanFree(index: CaseIndex, n: number, what: { needle: string } | { re: LinearRegex }, within?: Bitset): Steps<Bitset> {
  const out = new Bitset(n);
  const message = index.field('message'), raw = index.field('raw');
  const msg = message?.kind === 'text' ? message : undefined;
  if (msg !== undefined) {
    for (const seg of segmentsBelow(msg, n)) {
      if ('needle' in what) containsInto(seg, what.needle, out);
      else testInto(seg, what.re, out, within);
      yield 1;
    }
  }
  if (raw?.kind !== 'text') return out;
  for (const seg of segmentsBelow(raw, n)) {
    yield 1;
    const mseg = msg?.segmentOf(seg.base);
    if (mseg !== undefined && mseg.emptyCount() === 0) continue; // every event of this chunk has a message
    const messageEmpty = (row: number): boolean => {
      const s = mseg !== undefined && row < mseg.base + mseg.count ? mseg : msg?.segmentOf(row);
      if (s === undefined) return true;
      return !s.has(row - s.base);
    };
    if ('needle' in what) containsInto(seg, what.needle, out, messageEmpty);
    else testInto(seg, what.re, out, within, messageEmpty);
  }
  return out;
}
