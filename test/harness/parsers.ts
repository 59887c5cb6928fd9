// The parser test kit: one reference date, a ParseContext as the pipeline makes one, a whole text through
// framing + parse (the ingest's steps minus decoding and storage), a Head as ingest builds it, and the sniff
// winner. Samples are checked once, for every registered parser, by test/parsers/registry.test.ts.
import { YearGuesser, type TimeSettings } from '../../src/core/time.ts';
import type { EventFields } from '../../src/core/schema.ts';
import type { Result } from '../../src/core/result.ts';
import { createFramer } from '../../src/parsers/framing/index.ts';
import type { RecordFramer } from '../../src/parsers/framing/types.ts';
import { PARSERS } from '../../src/parsers/index.ts';
import type { Head, ParseContext, TextParser } from '../../src/parsers/types.ts';

/** The one reference date of the tests ("now" for year inference): the same on every machine, unlike file mtimes. */
export const REFERENCE_MS = Date.UTC(2026, 0, 1);

/** UTC, reference REFERENCE_MS, unless `time` says otherwise. */
export const UTC: TimeSettings = { tzOffsetMinutes: 0, referenceMs: REFERENCE_MS };

export interface CtxOptions {
  file?: string;
  /** collects the patterns the parser reports through ctx.hit */
  hits?: Set<string>;
  time?: Partial<TimeSettings>;
}

export function makeCtx({ file = 'test.log', hits, time }: CtxOptions = {}): ParseContext {
  const settings: TimeSettings = { ...UTC, ...time };
  return { file, time: settings, years: new YearGuesser(settings), state: new Map(), hit: hits ? (p) => hits.add(p) : undefined };
}

/** Parses one record; fails the test when the parser refuses it. */
export function parseOk(parser: TextParser, record: string, ctx: ParseContext = makeCtx()): EventFields {
  const r = parser.parse(record, ctx);
  if (!r.ok) throw new Error(`${parser.id} refused ${JSON.stringify(record)}: ${r.error}`);
  return r.value;
}

export interface Rec { text: string; line: number; offset: number }

/** Runs a framer over a text the way ingest does: lines without terminators (a final \r dropped), 1-based numbers, byte offsets. */
export function frameText(framer: RecordFramer, text: string): Rec[] {
  const out: Rec[] = [];
  const emit = (t: string, line: number, offset: number) => { out.push({ text: t, line, offset }); };
  const lines = text.split('\n');
  if (lines.length > 1 && lines[lines.length - 1] === '') lines.pop();
  let offset = 0;
  lines.forEach((l, i) => {
    framer.line(l.endsWith('\r') ? l.slice(0, -1) : l, i + 1, offset, emit);
    offset += Buffer.byteLength(l) + 1;
  });
  framer.end(emit);
  return out;
}

/** Cuts text into the parser's records as its framer does for file content. */
export function frameAll(parser: TextParser, text: string): Rec[] {
  return frameText(createFramer(parser.framing), text);
}

/** Frames text and parses each record as the ingest does: blank and meta records are skipped. */
export function parseText(parser: TextParser, text: string, ctx: ParseContext): Result<EventFields>[] {
  const out: Result<EventFields>[] = [];
  for (const r of frameAll(parser, text)) {
    if (r.text.trim() === '' || parser.isMeta?.(r.text, ctx)) continue;
    out.push(parser.parse(r.text, ctx));
  }
  return out;
}

export interface FileResult { events: EventFields[]; unparsed: { text: string; error: string }[]; meta: number }

/** A whole file's text through one parser: events, unparsed records with why, meta records counted. */
export function parseFile(parser: TextParser, text: string, file = 'file'): FileResult {
  const ctx = makeCtx({ file });
  const res: FileResult = { events: [], unparsed: [], meta: 0 };
  for (const r of frameAll(parser, text)) {
    if (parser.isMeta?.(r.text, ctx)) { res.meta++; continue; }
    const p = parser.parse(r.text, ctx);
    if (p.ok) res.events.push(p.value);
    else res.unparsed.push({ text: r.text, error: p.error });
  }
  return res;
}

/** A Head as ingest builds it: the first 64 KiB, decoded, and its first complete lines. */
export function makeHead(bytes: Uint8Array, name = ''): Head {
  const head = bytes.subarray(0, 65536);
  let text = new TextDecoder('utf-8').decode(head);
  if (head[0] === 0xff && head[1] === 0xfe) text = new TextDecoder('utf-16le').decode(head);
  const parts = text.split(/\r?\n/);
  if (bytes.length > head.length) parts.pop(); // the last line may be cut
  return { name, bytes: head, text, lines: parts.slice(0, 50) };
}

/** A Head of the given lines (no name: content alone must decide). */
export function headOfLines(lines: string[]): Head {
  const text = lines.join('\n') + '\n';
  return { name: '', bytes: new TextEncoder().encode(text), text, lines };
}

/** The parser content sniffing picks: the best score over PARSERS, earlier wins ties. */
export function bestParser(head: Head): { id: string; score: number } {
  let best = { id: '', score: -1 };
  for (const p of PARSERS) {
    const s = p.sniff(head);
    if (s > best.score) best = { id: p.id, score: s };
  }
  return best;
}
