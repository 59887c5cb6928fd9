// The self-describing parser shape (DESIGN practice 1). One parser per file in formats/, registered in index.ts.
import type { EventFields } from '../core/schema.ts';
import type { Result } from '../core/result.ts';
import type { TimeSettings, YearGuesser } from '../core/time.ts';

/** The start of a file, given to every parser's sniff(). */
export interface Head {
  /** file name inside the bundle; may be '' when the name is hidden (content sniffing must still work) */
  name: string;
  /** the first bytes of the file (up to 64 KiB) */
  bytes: Uint8Array;
  /** those bytes decoded with the detected charset */
  text: string;
  /** the first complete lines of text (up to 50), without terminators */
  lines: string[];
}

/**
 * How a text file is cut into records before parse():
 * - line: one record per line
 * - json: one JSON value per record (JSON lines, pretty-printed values, top-level arrays, {"Records": [...]})
 * - xml-event: one <Event>...</Event> element per record (wevtutil output or an <Events> document)
 * - csv: one CSV record per record (lines joined while a quoted field is open, RFC 4180 2.6)
 * - modsec-audit: one ModSecurity native audit record per record (`--<boundary>-A--` to `--<boundary>-Z--`)
 */
export type Framing = 'line' | 'json' | 'xml-event' | 'csv' | 'modsec-audit';

export interface ParseContext {
  /** path of the file inside the bundle */
  file: string;
  time: TimeSettings;
  /** year inference for year-less timestamps, one per file */
  years: YearGuesser;
  /** per-file state for stateful formats (a CSV header, W3C #Fields, Zeek #fields); keys are the parser's own */
  state: Map<string, unknown>;
  /** test instrumentation: parsers report which named pattern matched, so the registry test can check coverage */
  hit?: (pattern: string) => void;
  /** the user's choice of time layout for this file (ledger), for parsers that learn it: a layout id, or 'none' */
  timeLayout?: string;
  /** what a learning parser learned from the file (set in prepare(), counted in parse()): shown in the ledger */
  learned?: LearnedLayout;
}

/** What a parser that learns its layout from the file found (the generic parser: time layout and header columns). */
export interface LearnedLayout {
  /** the time layout in words; absent when no layout explained the file's first lines */
  time?: string;
  /** the choice value that reproduces the time layout (what the ledger offers) */
  timeChoice?: string;
  /** records parsed, and those whose time the learned layout read at its learned place */
  lines: number;
  timeLines: number;
  /** the columns learned before the free text, in order (e.g. time, level, component) */
  header: string[];
}

export interface ParserSample {
  /**
   * one literal record as found in a real log; it goes through the parser's framer like file content, and
   * `expect` applies to the first record the framer emits (a CloudTrail {"Records": [...]} file, say)
   */
  input: string;
  /** lines of the same file that come before the input (CSV, W3C or Zeek headers): framed and parsed first */
  before?: string[];
  /** fields the parsed event must carry (a subset); `ts` as epoch ms computed for the default UTC settings */
  expect: EventFields;
}

interface ParserInfo {
  /** equals the file name in formats/ */
  id: string;
  title: string;
  /** bump when the output of the parser changes */
  version: string;
  /** the format's specification or best public description */
  url: string;
  /**
   * Confidence 0..1 that the file is in this format, from its head only (never from the name alone).
   * Specific parsers score high on a sure match so the generic ones after them do not win.
   */
  sniff(head: Head): number;
  samples: ParserSample[];
  /** names of the patterns the parser reports through ctx.hit; the registry test expects each hit by a sample */
  patterns?: readonly string[];
}

/** Text formats: the file is decoded, framed, and each record parsed on its own. */
export interface TextParser extends ParserInfo {
  kind: 'text';
  framing: Framing;
  /**
   * A record (a line, a JSON value's text, an <Event> element) -> the normalized fields, or why not.
   * The pipeline adds raw, col.*, parser.*; the parser adds everything else. A line record never ends in
   * '\r': the line splitter (core/text/lines.ts) drops the CR of CRLF.
   */
  parse(record: string, ctx: ParseContext): Result<EventFields>;
  /** lines that are part of the format but no event (W3C/Zeek '#' headers, blank CSV lines): skipped and counted */
  isMeta?(record: string, ctx: ParseContext): boolean;
  /** called once per file before the first parse() with the file's head: parsers that learn a layout do it here */
  prepare?(head: Head, ctx: ParseContext): void;
  /** time layouts the user may choose from in the ledger (parsers that learn one) */
  timeLayouts?(): { value: string; title: string }[];
}

/** What a binary parser hands back for every record it finds. */
export interface RecordSink {
  /** position: ordinal of the record in the file (1-based) and its byte offset */
  event(fields: EventFields, raw: string, ordinal: number, offset: number): void;
  unparsed(raw: string, ordinal: number, offset: number, reason: string): void;
  /**
   * A problem that is not a record (a corrupt chunk, a bad header): shown in the ledger. `lost`: records the
   * format says were there but could not be recovered (counted; 0 when data was lost but the count is unknown).
   */
  issue(offset: number, reason: string, lost?: number): void;
}

/** Binary formats (EVTX): the parser reads the bytes itself, streaming. */
export interface BinaryParser extends ParserInfo {
  kind: 'binary';
  parseBytes(chunks: AsyncIterable<Uint8Array>, ctx: ParseContext, sink: RecordSink): Promise<void>;
}

export type Parser = TextParser | BinaryParser;
