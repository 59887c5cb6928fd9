// The appended bytes of a followed file -> events, through the same ingestFile as a dropped file.
// A segment is whole lines only (the follower keeps a partial last line unread until its newline arrives).
// ingestFile sees the file's preamble (the BOM and the leading header lines the parser counted as meta: a CSV
// header, W3C/Zeek '#' lines) followed by the new lines, so header-driven formats read the new rows with the
// same columns; the chunks it builds are then shifted to the file's own line numbers, byte offsets and seq.
import type { EventChunk, NumColumn } from '../chunk/chunk.ts';
import { ingestFile, type FileIngestResult } from '../ingest/ingestFile.ts';
import type { HasherFactory } from '../ingest/hashing.ts';
import type { TextEncoding } from '../../core/text/charset.ts';

/** A followed file's bytes are hashed nowhere: a growing file has no final digest (the ledger says so). */
const noHash: HasherFactory = () => ({ update: () => {}, hex: async () => '' });

export interface SegmentInput {
  path: string;
  lastModified: number;
  /** the file's preamble (see above); empty for headerless formats in UTF-8 without BOM */
  preamble: Uint8Array;
  /** lines in the preamble */
  preambleLines: number;
  /** whole lines, starting at `offset` in the file */
  bytes: Uint8Array;
  offset: number;
  /** lines of the file before `offset` */
  linesBefore: number;
}

export interface SegmentOptions {
  fileId: number;
  /** seq of the first chunk this segment writes */
  firstSeq: number;
  /** the parser chosen on the file's first segment (absent on the first: sniffed like a dropped file) */
  parserId?: string;
  timeLayout?: string;
  tzOffsetMinutes?: number;
  forcedYear?: number;
  signal?: AbortSignal;
  /** hold a record the segment's end left open (see SegmentResult.held) instead of emitting it unfinished */
  hold?: boolean;
}

export interface SegmentResult {
  result: FileIngestResult;
  chunks: number;
  /** the smallest file line that produced a row (event or unparsed); undefined when none did */
  firstRowLine?: number;
  /**
   * with `hold`: the unfinished last record, which was not read: it starts `bytes` into seg.bytes after `lines`
   * of its newlines (it may start mid-line: JSON values back to back). The follower consumes only up to there.
   */
  held?: { bytes: number; lines: number };
}

/** Parses one segment; each chunk, shifted to the file's positions, goes to onChunk (awaited in order). */
export async function ingestSegment(
  seg: SegmentInput, opts: SegmentOptions, onChunk: (chunk: EventChunk) => Promise<void>,
): Promise<SegmentResult> {
  const lineBase = seg.linesBefore - seg.preambleLines;
  const offsetBase = seg.offset - seg.preamble.length;
  const bytes = concat(seg.preamble, seg.bytes);
  let seq = opts.firstSeq;
  let firstRowLine: number | undefined;
  const pending: Promise<void>[] = [];
  const result = await ingestFile(
    { path: seg.path, size: bytes.length, lastModified: seg.lastModified, open: () => streamOf(bytes) },
    {
      fileId: opts.fileId, parserId: opts.parserId, timeLayout: opts.timeLayout, tzOffsetMinutes: opts.tzOffsetMinutes,
      forcedYear: opts.forcedYear, signal: opts.signal, hasher: noHash, holdIncomplete: opts.hold,
      drain: async () => { await Promise.all(pending); },
    },
    (chunk) => {
      shift(chunk, lineBase, offsetBase, seq++);
      const min = minOf(chunk.columns['col.line']);
      if (min !== undefined && (firstRowLine === undefined || min < firstRowLine)) firstRowLine = min;
      pending.push(onChunk(chunk));
    },
  );
  await Promise.all(pending);
  // the preamble's lines were meta on the first read and are meta again here: counted once, on the first read
  result.meta = Math.max(0, result.meta - seg.preambleLines);
  result.bytesRead = Math.max(0, result.bytesRead - seg.preamble.length);
  for (const issue of result.issues) {
    if (issue.line !== undefined) issue.line += lineBase;
    if (issue.offset !== undefined) issue.offset += offsetBase;
  }
  const at = result.held === undefined ? -1 : result.held.offset - seg.preamble.length;
  // a record held inside the preamble cannot be (the preamble is whole meta lines); read on as before then
  const held = result.held === undefined || at < 0 ? undefined : { bytes: at, lines: result.held.line - 1 - seg.preambleLines };
  return { result, chunks: seq - opts.firstSeq, firstRowLine, held };
}

function shift(chunk: EventChunk, lineBase: number, offsetBase: number, seq: number): void {
  chunk.seq = seq;
  add(chunk.columns['col.line'], lineBase);
  add(chunk.columns['col.offset'], offsetBase);
}

function add(col: EventChunk['columns'][string] | undefined, base: number): void {
  if (base === 0 || col === undefined || col.kind !== 'num') return;
  const v = (col as NumColumn).values;
  for (let i = 0; i < v.length; i++) v[i] += base; // NaN (absent) stays NaN
}

function minOf(col: EventChunk['columns'][string] | undefined): number | undefined {
  if (col === undefined || col.kind !== 'num') return undefined;
  let min: number | undefined;
  for (const x of col.values) if (x === x && (min === undefined || x < min)) min = x;
  return min;
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  if (a.length === 0) return b;
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}

function streamOf(bytes: Uint8Array): ReadableStream<Uint8Array> {
  return new ReadableStream({
    start(c) {
      if (bytes.length > 0) c.enqueue(bytes);
      c.close();
    },
  });
}

/** Where the last whole line of `bytes` ends (just after its newline), or 0 when there is none yet. */
export function wholeLinesEnd(bytes: Uint8Array, encoding: TextEncoding): number {
  if (encoding === 'utf-8') return bytes.lastIndexOf(0x0a) + 1;
  // UTF-16: a newline is one 2-byte code unit at an even position (segments start on a line boundary)
  const [lo, hi] = encoding === 'utf-16le' ? [0x0a, 0x00] : [0x00, 0x0a];
  for (let i = (bytes.length & ~1) - 2; i >= 0; i -= 2) if (bytes[i] === lo && bytes[i + 1] === hi) return i + 2;
  return 0;
}

/** Newlines in bytes[0, end) (the line count the next segment starts from). */
export function countLines(bytes: Uint8Array, end: number, encoding: TextEncoding): number {
  let n = 0;
  if (encoding === 'utf-8') {
    for (let i = bytes.indexOf(0x0a); i !== -1 && i < end; i = bytes.indexOf(0x0a, i + 1)) n++;
    return n;
  }
  const [lo, hi] = encoding === 'utf-16le' ? [0x0a, 0x00] : [0x00, 0x0a];
  for (let i = 0; i + 1 < end; i += 2) if (bytes[i] === lo && bytes[i + 1] === hi) n++;
  return n;
}

/** The byte where line `lines + 1` starts in bytes (after `lines` newlines), for the preamble. */
export function lineStart(bytes: Uint8Array, lines: number, encoding: TextEncoding, from: number): number {
  let at = from, n = 0;
  const step = encoding === 'utf-8' ? 1 : 2;
  const [lo, hi] = encoding === 'utf-16be' ? [0x00, 0x0a] : [0x0a, 0x00];
  while (n < lines && at < bytes.length) {
    if (step === 1 ? bytes[at] === 0x0a : bytes[at] === lo && bytes[at + 1] === hi) n++;
    at += step;
  }
  return at;
}
