// One file of a bundle -> normalized events (DESIGN "The flow of data": decode, frame, detect, parse).
// The same function runs in the ingest worker, in vitest and in the CLI. Every record becomes an event
// or an unparsed event: for every file, records read = events + unparsed (blank/meta lines are counted apart).
import type { EventFields } from '../../core/schema.ts';
import { UNPARSED } from '../../core/schema.ts';
import type { ParseIssue } from '../../core/result.ts';
import type { FileReadSummary, ReadOptions } from '../api.ts';
import { YearGuesser, type TimeSettings } from '../../core/time.ts';
import { inThreadHasher, type ByteHasher, type HasherFactory } from './hashing.ts';
import { createLineSplitter } from '../../core/text/lines.ts';
import { sniffCharset, isProbablyBinary } from '../../core/text/charset.ts';
import { createFramer } from '../../parsers/framing/index.ts';
import type { BinaryParser, LearnedLayout, ParseContext, TextParser } from '../../parsers/types.ts';
import type { FileLayout } from '../api.ts';
import { buildHead, readHead } from './head.ts';
import { formatBytes } from '../../parsers/containers/guard.ts';
import { chooseParser } from './chooseParser.ts';
import { ChunkBuilder, TEXT_FIELDS, type EventChunk } from '../chunk/chunk.ts';
import { SPAN_FIELDS } from '../chunk/rawSpans.ts';
import type { WireChunk } from '../chunk/packedDict.ts';
import type { CaseDictBuilder } from '../chunk/caseIds.ts';
import { FallbackParsers } from './fallback.ts';
import { TemplateMiner } from './templates.ts';
import { MINING_BY_DEFAULT } from './miningSwitch.ts';

/** events per chunk: a few thousand per IndexedDB record (DESIGN "Storage") */
export const CHUNK_EVENTS = 10_000;

export interface IngestSource {
  /** path inside the bundle */
  path: string;
  size?: number;
  lastModified: number;
  open(): ReadableStream<Uint8Array>;
  /** the same bytes as a Blob when the source is a whole file (BundleEntry.whole): given to the hasher */
  whole?: Blob;
}

export interface FileIngestOptions extends ReadOptions {
  /** hide the file name from sniffing (tests: content alone must pick the parser) */
  hideName?: boolean;
  signal?: AbortSignal;
  /** test instrumentation passed to parsers (ctx.hit) */
  hit?: (pattern: string) => void;
  /** ledger id written on every chunk of this file (default 0) */
  fileId?: number;
  /** told once, after sniffing, which parser reads the file */
  onParser?: (parserId: string) => void;
  /** events per chunk (default CHUNK_EVENTS) */
  chunkEvents?: number;
  /** mine message templates (template.id, template.text); default true (benchmarks measure without) */
  templates?: boolean;
  /** awaited after every read: lets the storage side catch up so memory stays bounded */
  drain?: () => Promise<void>;
  /** where the SHA-256 is computed (default: this thread) */
  hasher?: HasherFactory;
  /**
   * live follow: a record still open at the end (pretty JSON, an <Event>, a quoted CSV field cut by a poll) is
   * not emitted; where it starts is returned in `held` so the caller reads it again with the rest next time
   */
  holdIncomplete?: boolean;
  /**
   * text columns (raw, message, ...) built straight as Latin-1 bytes (chunk/byteText.ts): chunks are then
   * WireChunks whose text columns are PackedTextColumns (the ingest worker, which posts the bytes anyway); the
   * callback must take WireChunks
   */
  textAsBytes?: boolean;
  /** dictionary columns in case ids from this ingest's case dictionary (chunk/caseIds.ts): the sink takes WireChunks */
  caseDict?: CaseDictBuilder;
  /** with textAsBytes: message and ts.raw found inside the row's raw kept as spans of it (chunk/rawSpans.ts, format 4) */
  textSpans?: boolean;
}

export interface FileIngestResult extends FileReadSummary {
  encoding: string;
  /** the first problems, with their file and unit (the rest are counted in `unparsed`) */
  issues: ParseIssue[];
  /** damaged: read to its end, but records were lost (see `lost`) */
  state: 'done' | 'skipped' | 'cancelled' | 'damaged';
  /** what a learning parser learned from the file (time layout and its share, header columns) */
  layout?: FileLayout;
  /** records the file's parser rejected that another parser read, per parser id (mixed files) */
  otherParsers?: Record<string, number>;
  /** with holdIncomplete: the line and byte offset (in this input) where the unfinished last record starts */
  held?: { line: number; offset: number };
}

/** The ledger's view of a learned layout: the share is over the file's events, not only the head. */
function layoutOf(l: LearnedLayout): FileLayout {
  return { time: l.time, timeChoice: l.timeChoice, timeShare: l.lines === 0 ? 0 : l.timeLines / l.lines, header: l.header };
}

/**
 * Receives each full chunk of the file's events, then the last partial one, in order. The per-file constants
 * col.file, parser.name and parser.version are filled in by the chunk builder, not set on every event object
 * (adding them to every event was a measurable share of the ingest); unparsed events carry their own
 * parser.name ('unparsed') and parser.version. The sink owns the chunk: it may transfer its buffers.
 */
export type ChunkSink = (chunk: EventChunk) => void;
export type WireChunkSink = (chunk: WireChunk) => void;
export type ProgressSink = (bytesRead: number, events: number, unparsed: number) => void;

const MAX_ISSUES = 20;

export async function ingestFile(
  src: IngestSource, opts: FileIngestOptions & { textAsBytes: true }, onChunk: WireChunkSink, onProgress?: ProgressSink,
): Promise<FileIngestResult>;
export async function ingestFile(
  src: IngestSource, opts: FileIngestOptions & { textAsBytes?: false }, onChunk: ChunkSink, onProgress?: ProgressSink,
): Promise<FileIngestResult>;
/** textAsBytes not known here: the sink takes either form */
export async function ingestFile(
  src: IngestSource, opts: FileIngestOptions, onChunk: WireChunkSink, onProgress?: ProgressSink,
): Promise<FileIngestResult>;
export async function ingestFile(
  src: IngestSource, opts: FileIngestOptions, onChunk: ChunkSink | WireChunkSink, onProgress?: ProgressSink,
): Promise<FileIngestResult> {
  const tz = opts.tzOffsetMinutes ?? 0;
  const result: FileIngestResult = {
    path: src.path, bytesRead: 0, parserId: '', confidence: 0, encoding: 'utf-8', events: 0, unparsed: 0, meta: 0,
    tzOffsetMinutes: tz, timeGuess: '', sha256: '', issues: [], state: 'done',
  };
  const reader = src.open().getReader();
  const hash = (opts.hasher ?? inThreadHasher)(src.whole);
  let hashed = false;
  const digest = () => {
    hashed = true;
    return hash.hex();
  };
  try {
    const head = await readHead(reader);
    for (const c of head.chunks) hash.update(c);
    const charset = sniffCharset(head.bytes);
    result.encoding = charset.encoding;
    if (head.bytes.length === 0) {
      result.state = 'skipped';
      result.message = 'empty file: nothing to read';
      result.sha256 = await digest();
      return result;
    }
    const headText = new TextDecoder(charset.encoding, { ignoreBOM: true }).decode(head.bytes.subarray(charset.bomLength));
    const sniffed = buildHead(opts.hideName ? '' : src.path, head.bytes, headText, head.done);
    const choice = chooseParser(sniffed, opts.parserId);
    if (choice === undefined || (choice.parser.kind === 'text' && isProbablyBinary(head.bytes, charset))) {
      result.state = 'skipped';
      result.message = 'binary file skipped: not recognised as a log';
      // the manifest hashes every file, parsed or not: read the rest without parsing it
      result.bytesRead = head.chunks.reduce((n, c) => n + c.length, 0);
      if (!head.done) await hashRest(reader, hash, result, opts);
      if (!opts.signal?.aborted) result.sha256 = await digest();
      return result;
    }
    result.parserId = choice.parser.id;
    result.confidence = choice.confidence;
    const time: TimeSettings = { tzOffsetMinutes: tz, referenceMs: src.lastModified, forcedYear: opts.forcedYear };
    const ctx: ParseContext = { file: src.path, time, years: new YearGuesser(time), state: new Map(), hit: opts.hit, timeLayout: opts.timeLayout };
    if (choice.parser.kind === 'text') choice.parser.prepare?.(sniffed, ctx);
    // a text parser is done with a read's bytes once the line splitter has decoded them: the hasher may take them
    const chunks = replay(head.chunks, head.done ? undefined : reader, result, opts, hash, choice.parser.kind === 'text');
    const builder = new ChunkBuilder(opts.chunkEvents ?? CHUNK_EVENTS, opts.textAsBytes === true ? TEXT_FIELDS : undefined,
      opts.textAsBytes === true && opts.textSpans === true ? SPAN_FIELDS : undefined, opts.caseDict);
    builder.setConstants({ 'col.file': src.path, 'parser.name': choice.parser.id, 'parser.version': choice.parser.version });
    opts.onParser?.(choice.parser.id);
    // message templates (Drain) are mined as events arrive and attached to each chunk as it is built
    const miner = (opts.templates ?? MINING_BY_DEFAULT) ? new TemplateMiner() : undefined;
    let seq = 0;
    const flush = () => {
      const chunk = builder.buildWire(opts.fileId ?? 0, seq++);
      miner?.attach(chunk);
      // the overloads tie the sink to textAsBytes: a ChunkSink is given only chunks without packed columns
      (onChunk as WireChunkSink)(chunk);
    };
    const sink = (event: EventFields) => {
      miner?.add(event);
      builder.add(event);
      if (builder.full) flush();
    };
    const counter = new EventCounter(src.path, choice.parser.id, result, sink, onProgress);
    try {
      if (choice.parser.kind === 'binary') await readBinary(choice.parser, chunks, ctx, counter);
      else result.held = await readText(choice.parser, chunks, ctx, counter, charset.encoding, charset.bomLength, opts.holdIncomplete === true);
    } finally {
      // what was parsed before a failure is kept too (the sink decides whether it can still be stored)
      if (builder.size > 0) flush();
    }
    // a parser may stop before the end (a binary format's trailer): the hash still covers every byte
    if (!head.done) await hashRest(reader, hash, result, opts);
    counter.progress();
    if (ctx.learned !== undefined) result.layout = layoutOf(ctx.learned);
    if (opts.signal?.aborted) {
      result.state = 'cancelled';
      result.message = `cancelled after ${formatBytes(result.bytesRead)}`;
    } else {
      result.sha256 = await digest();
      if (result.lost !== undefined) {
        result.state = 'damaged';
        result.message = lostMessage(result);
      }
    }
    return result;
  } finally {
    // a worker hasher holds state until it is finished: drop it when the file failed or was cancelled
    if (!hashed) {
      if (hash.abandon !== undefined) hash.abandon();
      else void digest();
    }
    reader.releaseLock();
  }
}

/**
 * The head chunks again, then the rest of the stream, counting bytes and honouring cancellation. `handOver`:
 * the consumer keeps nothing of a chunk once it asks for the next one, so each read is hashed after it was
 * consumed and the hasher may take it (no copy); else each read is hashed (copied) before it is handed on.
 */
async function* replay(
  first: Uint8Array[], rest: ReadableStreamDefaultReader<Uint8Array> | undefined, result: FileIngestResult,
  opts: FileIngestOptions, hash: ByteHasher, handOver: boolean,
): AsyncGenerator<Uint8Array> {
  for (const c of first) {
    result.bytesRead += c.length;
    yield c;
    await opts.drain?.();
  }
  if (rest === undefined) return;
  for (;;) {
    if (opts.signal?.aborted) return;
    const r = await rest.read();
    if (r.done) return;
    result.bytesRead += r.value.length;
    if (handOver && hash.take !== undefined) {
      yield r.value;
      hash.take(r.value);
    } else {
      hash.update(r.value);
      yield r.value;
    }
    await opts.drain?.();
    await hash.drain?.();
  }
}

/** Reads what is left of the stream into the hash only (nothing left after a parser that read to the end). */
async function hashRest(
  reader: ReadableStreamDefaultReader<Uint8Array>, hash: ByteHasher, result: FileIngestResult, opts: FileIngestOptions,
): Promise<void> {
  for (;;) {
    if (opts.signal?.aborted) return;
    const r = await reader.read();
    if (r.done) return;
    result.bytesRead += r.value.length;
    hash.update(r.value);
    await hash.drain?.();
  }
}

async function readText(
  parser: TextParser, chunks: AsyncIterable<Uint8Array>, ctx: ParseContext, counter: EventCounter,
  encoding: 'utf-8' | 'utf-16le' | 'utf-16be', bomLength: number, hold: boolean,
): Promise<{ line: number; offset: number } | undefined> {
  const splitter = createLineSplitter(encoding, bomLength);
  const framer = createFramer(parser.framing);
  const fallback = new FallbackParsers(parser, ctx);
  const onRecord = (text: string, line: number, offset: number) => {
    if (isBlank(text) || parser.isMeta?.(text, ctx)) {
      counter.meta();
      return;
    }
    const r = parser.parse(text, ctx);
    if (r.ok) {
      counter.event(r.value, text, line, offset);
      return;
    }
    const other = fallback.parse(text);
    if (other === undefined) {
      counter.unparsed(text, line, offset, r.error, 'line');
      return;
    }
    other.fields['parser.name'] = other.parser.id;
    other.fields['parser.version'] = other.parser.version;
    counter.byOther(other.parser.id);
    counter.event(other.fields, text, line, offset);
  };
  const onLine = (text: string, line: number, offset: number) => framer.line(text, line, offset, onRecord);
  for await (const bytes of chunks) {
    splitter.push(bytes, onLine);
    counter.progress();
  }
  splitter.end(onLine);
  const held = hold ? framer.pending?.() : undefined;
  if (held === undefined) framer.end(onRecord);
  return held;
}

async function readBinary(
  parser: BinaryParser, chunks: AsyncIterable<Uint8Array>, ctx: ParseContext, counter: EventCounter,
): Promise<void> {
  await parser.parseBytes(chunks, ctx, {
    event: (fields, raw, ordinal, offset) => counter.event(fields, raw, ordinal, offset),
    unparsed: (raw, ordinal, offset, reason) => counter.unparsed(raw, ordinal, offset, reason, 'record'),
    issue: (offset, reason, lost) => {
      counter.issue({ offset, reason, unit: 'chunk' });
      if (lost !== undefined) counter.lost(lost);
    },
  });
}

/** Completes each event with provenance and keeps the per-file counts, time range and first issues. */
class EventCounter {
  private lastProgress = 0;
  constructor(
    private readonly file: string, private readonly parserName: string, private readonly result: FileIngestResult, private readonly sink: (event: EventFields) => void, private readonly onProgress?: ProgressSink,
  ) {}

  event(fields: EventFields, raw: string, line: number, offset: number): void {
    fields.raw = raw;
    fields['col.line'] = line;
    fields['col.offset'] = offset;
    const r = this.result;
    const ts = fields.ts;
    if (typeof ts === 'number' && !Number.isNaN(ts)) {
      if (r.firstTs === undefined || ts < r.firstTs) r.firstTs = ts;
      if (r.lastTs === undefined || ts > r.lastTs) r.lastTs = ts;
    }
    const guess = fields['ts.guess'];
    if (guess !== undefined && guess !== '' && guess !== r.timeGuess) r.timeGuess = mergeGuess(r.timeGuess, String(guess));
    r.events++;
    this.sink(fields);
  }

  unparsed(raw: string, line: number, offset: number, reason: string, unit: 'line' | 'record'): void {
    this.result.unparsed++;
    if (this.result.issues.length < MAX_ISSUES) {
      this.result.issues.push(unit === 'line' ? { file: this.file, line, unit, reason } : { file: this.file, offset, unit, reason });
    }
    this.sink({
      raw, message: raw, 'col.line': line, 'col.offset': offset,
      'parser.name': UNPARSED, 'parser.version': '1', 'parse.error': reason, 'data.parser.tried': this.parserName,
    });
  }

  meta(): void {
    this.result.meta++;
  }

  lost(records: number): void {
    this.result.lost = (this.result.lost ?? 0) + records;
  }

  /** an event read by another parser than the file's (a mixed file): counted per parser for the ledger */
  byOther(parserId: string): void {
    const counts = (this.result.otherParsers ??= Object.create(null) as Record<string, number>);
    counts[parserId] = (counts[parserId] ?? 0) + 1;
  }

  issue(issue: Omit<ParseIssue, 'file'>): void {
    if (this.result.issues.length < MAX_ISSUES) this.result.issues.push({ file: this.file, ...issue });
  }

  /** throttled: at most every 100 ms */
  progress(): void {
    const now = Date.now();
    if (this.onProgress === undefined || now - this.lastProgress < 100) return;
    this.lastProgress = now;
    this.onProgress(this.result.bytesRead, this.result.events, this.result.unparsed);
  }
}

/** "5 records could not be recovered (damaged file): ..." with the first reason. */
function lostMessage(r: FileIngestResult): string {
  const n = r.lost ?? 0;
  const count = n > 0 ? `${n.toLocaleString('en-US')} record${n === 1 ? '' : 's'} could not be recovered` : 'part of the file could not be recovered';
  const first = r.issues.find((i) => i.unit === 'chunk');
  return `Damaged: ${count}${first === undefined ? '' : ` (${first.reason})`}`;
}

function mergeGuess(a: string, b: string): string {
  const set = new Set([...a.split(','), ...b.split(',')].filter((x) => x !== ''));
  return [...set].sort().join(',');
}

/** Blank or whitespace-only, without allocating a trimmed copy of every line. */
function isBlank(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c !== 32 && c !== 9 && c !== 13 && c !== 0xfeff) return false;
  }
  return true;
}
