// The columnar chunk: how events are stored in IndexedDB and handed between workers (DESIGN "Storage").
// A few thousand events per record: numbers in typed arrays, repeated strings as dictionary ids,
// long text (raw, message) joined into one string with end offsets. No per-event objects survive.
import { NUMERIC_FIELDS, type EventFields } from '../../core/schema.ts';
import { hasWide, oneByteCopy, splitWide, wideIndexOf, wideValue, type WideText } from './wideText.ts';
import { entryOf, sparseIds, sparseValues } from './sparse.ts';
import { appendBytes, finishBytes, newByteText, type ByteTextBuild } from './byteText.ts';
import type { WireChunk, WireColumn } from './packedDict.ts';
import { joinValues, narrowIds, type CaseDictBuilder, type CaseField, type LocalDictColumn } from './caseIds.ts';
import type { ChunkRun } from './runs.ts';
import { finishSpans, growSpanBuild, newSpanBuild, SPANS_FORMAT, trySpan, type SpanBuild } from './rawSpans.ts';

export type { WideText } from './wideText.ts';

/**
 * Repeated strings: ids[i] = 0 when event i lacks the field, else dict[ids[i] - 1]. Since format 3 a column
 * may be sparse (sparse.ts): then ids[i] is the id of chunk row rows[i] and the other rows lack the field.
 */
export interface DictColumn { kind: 'dict'; dict: string[]; ids: Uint32Array; rows?: Uint32Array }
/** Numbers: NaN when the event lacks the field. Sparse like DictColumn when `rows` is set (format 3). */
export interface NumColumn { kind: 'num'; values: Float64Array; rows?: Uint32Array }
/**
 * Long unique text: event i is text.slice(ends[i-1] ?? 0, ends[i]); an absent value is ''. Since format 2,
 * values holding a character above U+00FF are in `wide` instead (their span in `text` is empty): see wideText.ts.
 */
export interface TextColumn { kind: 'text'; text: string; ends: Uint32Array; wide?: WideText }
export type Column = DictColumn | NumColumn | TextColumn;

/**
 * 1 (absent): text columns without `wide`; 2: text columns may carry `wide`; 3: dict and num columns may be
 * sparse (`rows`, sparse.ts). Every reader reads all three. Format 4 (rawSpans.ts SPANS_FORMAT): packed text
 * columns may carry spans of raw: a builder with span fields writes it when a column has some, and unpackChunk
 * gives such a chunk back as format 3.
 */
export const CHUNK_FORMAT = 3;

export interface EventChunk {
  /** chunk format: absent in chunks written before format 2 */
  format?: number;
  /** file ledger id (store's files table) the events came from */
  fileId: number;
  /** order of the chunk within its file, from 0 */
  seq: number;
  count: number;
  /** a shared chunk (case schema 10, runs.ts): the rows of several files, file after file; fileId/seq are then its key */
  runs?: ChunkRun[];
  /** every field any event in the chunk carries; ts, raw, message, col.line, col.offset, parser.name always */
  columns: Record<string, Column>;
}

/** Fields kept as joined text rather than dictionaries: nearly unique per event (a dictionary would cost a map insert per event). */
export const TEXT_FIELDS = new Set(['raw', 'message', 'parse.error', 'ts.raw']);

export function columnKindOf(field: string): Column['kind'] {
  return NUMERIC_FIELDS.has(field) ? 'num' : TEXT_FIELDS.has(field) ? 'text' : 'dict';
}

/** last/lastId: consecutive events often repeat a value (host, app, file): skip the map lookup then */
const ALWAYS = ['ts', 'raw', 'message', 'col.line', 'col.offset', 'parser.name'];

/**
 * Accumulates events into one chunk; build() returns it and the builder can be reused.
 * Hot path (every event of an ingest): fields are read with for-in, whose value loads V8 serves from the
 * object's enum cache, and each field's column is found by position: events from one parser list their
 * fields in nearly the same order, so comparing the field name with the one seen at that position last time
 * (a pointer compare for property names) usually replaces the map lookup. Both measured: reading fields by
 * name across events of many shapes, or looking each column up by name, cost more than parsing did.
 * Columns start small and double up to the capacity: an archive of 10,000 two-line members builds 10,000
 * chunks, and allocating (and NaN-filling) every column at full capacity for each was most of its ingest time.
 * After a chunk filled up, the next one of the same file starts at full size, so big files do not regrow.
 */
export class ChunkBuilder {
  private columns = new Map<string, ColumnBuild>();
  private rows = 0;
  /** the field name and column last seen at each position of an event's field list */
  private posField: string[] = [];
  private posColumn: ColumnBuild[] = [];
  /** values every event of the file has unless it says otherwise (col.file, parser.name, parser.version) */
  private constants: [string, string][] = [];
  /** rows every column has room for (grows by doubling up to capacity) */
  private room = 0;
  /** rows of the last chunk built: where the next chunk's columns start */
  private lastRows = 0;
  /** the byte-built text columns' scratch buffers, kept from chunk to chunk */
  private readonly scratch = new Map<string, Uint8Array>();

  /**
   * `byteText`: text fields built straight as Latin-1 bytes (byteText.ts); the chunk is then taken with
   * buildWire(). The ingest worker builds every text field so: it posts the bytes anyway (packedText.ts).
   * `spanFields` (byte text fields only): a value found inside the row's raw is kept as a span of it
   * (rawSpans.ts, chunk format 4).
   */
  /** `caseDict`: dictionary columns carry case ids (caseIds.ts), looked up in the ingest's case dictionary. */
  constructor(
    private readonly capacity: number, private readonly byteText: ReadonlySet<string> = NO_FIELDS,
    private readonly spanFields: ReadonlySet<string> = NO_FIELDS, private readonly caseDict?: CaseDictBuilder,
  ) {
    for (const f of spanFields) if (!byteText.has(f)) throw new Error(`bug: span field ${f} is not built as bytes`);
    this.reset();
  }

  get size(): number {
    return this.rows;
  }

  get full(): boolean {
    return this.rows >= this.capacity;
  }

  /** Sets values for the rows that do not carry the field themselves, for this and the following chunks. */
  setConstants(constants: Record<string, string>): void {
    this.constants = Object.entries(constants);
  }

  add(event: EventFields): void {
    if (this.rows === this.room) this.grow();
    const row = this.rows++;
    const posField = this.posField, posColumn = this.posColumn;
    let at = 0;
    for (const field in event) {
      const value = event[field];
      let col: ColumnBuild;
      if (posField[at] === field) {
        col = posColumn[at];
      } else {
        col = this.column(field);
        posField[at] = field;
        posColumn[at] = col;
      }
      at++;
      if (col.kind === 'num') col.values[row] = typeof value === 'number' ? value : Number(value);
      else if (col.kind === 'dict') appendDict(col, row, typeof value === 'string' ? value : String(value));
      else appendText(col, row, typeof value === 'string' ? value : String(value), col.spans === undefined ? undefined : event.raw);
    }
  }

  build(fileId: number, seq: number): EventChunk {
    if (this.byteText.size > 0 || this.caseDict !== undefined) throw new Error('bug: a builder of byte text or case id columns builds with buildWire()');
    return this.buildWire(fileId, seq) as EventChunk;
  }

  /** The chunk with its byte-built text columns packed (PackedTextColumn); the rest as build() gives them. */
  buildWire(fileId: number, seq: number): WireChunk {
    const n = this.rows;
    for (const [field, value] of this.constants) this.fillConstant(field, value, n);
    const columns: WireChunk['columns'] = Object.create(null) as WireChunk['columns'];
    let format = CHUNK_FORMAT;
    for (const [field, col] of this.columns) {
      if (col.kind === 'text' && col.bytes !== undefined) {
        const packed = finishBytes(col.bytes, fillEnds(col, n));
        const spans = col.spans === undefined ? undefined : finishSpans(col.spans, n);
        if (spans !== undefined) format = SPANS_FORMAT;
        columns[field] = spans === undefined ? packed : { ...packed, spans };
        this.scratch.set(field, col.bytes.bytes);
      } else columns[field] = col.kind === 'dict' && col.shared === undefined && this.caseDict !== undefined ? localColumn(col, n) : finish(col, n);
    }
    this.lastRows = n;
    const unparsed = this.caseDict === undefined ? undefined : this.unparsedRows(n);
    // between chunks: fields that proved mostly distinct or too big stop being kept case-wide (caseFieldBudget.ts)
    this.caseDict?.endChunk();
    this.reset();
    const chunk: WireChunk = { format, fileId, seq, count: n, columns };
    // case ids cannot be read without the case's dictionary: the count measure.ts needs is taken here
    if (unparsed !== undefined) chunk.unparsed = unparsed;
    return chunk;
  }

  private column(field: string): ColumnBuild {
    let col = this.columns.get(field);
    if (col === undefined) {
      col = this.newColumn(field);
      this.columns.set(field, col);
    }
    return col;
  }

  private fillConstant(field: string, value: string, n: number): void {
    const col = this.column(field);
    if (col.kind !== 'dict') throw new Error(`bug: constant field ${field} is not a dictionary column`);
    let id = col.shared !== undefined ? col.shared.idOf(value) : col.distinct ? col.dict.indexOf(value) + 1 : col.index.get(value);
    if (id === undefined || id === 0) {
      id = col.dict.push(value);
      col.index.set(value, id);
    }
    for (let r = 0; r < n; r++) if (col.ids[r] === 0) col.ids[r] = id;
  }

  private reset(): void {
    this.rows = 0;
    this.columns = new Map();
    // the position cache points at this chunk's columns: start it afresh with them
    this.posField = [];
    this.posColumn = [];
    this.room = Math.min(this.capacity, Math.max(FIRST_ROOM, this.lastRows));
    for (const f of ALWAYS) this.columns.set(f, this.newColumn(f));
  }

  private newColumn(field: string): ColumnBuild {
    const col = newColumn(field, this.room);
    if (col.kind === 'text' && this.byteText.has(field)) col.bytes = newByteText(this.scratch.get(field));
    if (col.kind === 'dict' && this.caseDict !== undefined) {
      // a field not kept case-wide gets a chunk dictionary, the engine interns it (LocalDictColumn)
      const shared = this.caseDict.field(field);
      if (!shared.local) col.shared = shared;
    }
    if (col.kind === 'text' && this.spanFields.has(field)) col.spans = newSpanBuild(this.room);
    return col;
  }

  /** Rows of the chunk being built whose parser.name is 'unparsed' (before reset). */
  private unparsedRows(n: number): number {
    const col = this.columns.get('parser.name');
    if (col === undefined || col.kind !== 'dict') return 0;
    let count = 0;
    if (col.shared === undefined) {
      // a chunk-local column (its entries may repeat)
      for (let r = 0; r < n; r++) if (col.ids[r] !== 0 && col.dict[col.ids[r] - 1] === 'unparsed') count++;
      return count;
    }
    const id = col.shared.find('unparsed');
    if (id !== undefined) for (let r = 0; r < n; r++) if (col.ids[r] === id) count++;
    return count;
  }

  /** Doubles every column's room (past the capacity only when a caller adds to a full builder). */
  private grow(): void {
    this.room = Math.max(this.room * 2, FIRST_ROOM);
    for (const col of this.columns.values()) growColumn(col, this.room);
  }
}

/** rows a chunk's columns start with when its file's previous chunk (if any) was small */
const FIRST_ROOM = 64;
const NO_FIELDS: ReadonlySet<string> = new Set();

/**
 * probing: values looked up so far; `distinct` is set once the column proved mostly distinct (no lookups).
 * `shared`: the field's case dictionary (caseIds.ts): ids are case ids, `index` and `dict` stay empty.
 */
interface DictBuild {
  kind: 'dict'; index: Map<string, number>; dict: string[]; ids: Uint32Array; last: string | undefined; lastId: number; probing: number; distinct: boolean;
  shared?: CaseField;
}
interface NumBuild { kind: 'num'; values: Float64Array }
/**
 * rows before `filled` have their end offset written; later rows are written when the column catches up.
 * `oneByte`: the joined narrow text is copied to one byte a character (oneByteCopy in wideText.ts): every text
 * column but raw.
 */
interface TextBuild { kind: 'text'; parts: string[]; ends: Uint32Array; length: number; filled: number; oneByte: boolean; bytes?: ByteTextBuild; spans?: SpanBuild }
type ColumnBuild = DictBuild | NumBuild | TextBuild;

function newColumn(field: string, capacity: number): ColumnBuild {
  const kind = columnKindOf(field);
  if (kind === 'num') return { kind, values: new Float64Array(capacity).fill(NaN) };
  if (kind === 'dict') return { kind, index: new Map(), dict: [], ids: new Uint32Array(capacity), last: undefined, lastId: 0, probing: 0, distinct: false };
  return { kind, parts: [], ends: new Uint32Array(capacity), length: 0, filled: 0, oneByte: field !== 'raw' };
}

function growColumn(col: ColumnBuild, room: number): void {
  if (col.kind === 'num') {
    const values = new Float64Array(room).fill(NaN);
    values.set(col.values);
    col.values = values;
  } else if (col.kind === 'dict') {
    const ids = new Uint32Array(room);
    ids.set(col.ids);
    col.ids = ids;
  } else {
    const ends = new Uint32Array(room);
    ends.set(col.ends);
    col.ends = ends;
    if (col.spans !== undefined) growSpanBuild(col.spans, room);
  }
}

/**
 * A DictColumn's entries are in order of first use but may repeat: readers compare values, never one chunk's
 * ids, for equality (the case index interns them). After PROBE_VALUES lookups, a column whose values were at
 * least DISTINCT_SHARE distinct stops looking values up for the rest of the chunk: a map insert per event (a
 * timestamp or message kept as data.*) cost a third of a JSON-lines ingest, and the index interns them anyway.
 */
const PROBE_VALUES = 512;
const DISTINCT_SHARE = 0.9;

/** consecutive events often repeat a value (host, app, file): the last one skips the map lookup */
function appendDict(col: DictBuild, row: number, s: string): void {
  if (s !== col.last) {
    if (col.shared !== undefined) {
      // one lookup in the ingest's case dictionary: no chunk dictionary, no distinct mode (a case id is unique)
      col.last = s;
      col.lastId = col.shared.idOf(s);
      col.ids[row] = col.lastId;
      return;
    }
    if (!col.distinct && ++col.probing === PROBE_VALUES && col.dict.length >= PROBE_VALUES * DISTINCT_SHARE) {
      col.distinct = true;
      col.index.clear();
    }
    if (col.distinct) {
      col.last = s;
      col.lastId = col.dict.push(s);
      col.ids[row] = col.lastId;
      return;
    }
    let id = col.index.get(s);
    if (id === undefined) {
      id = col.dict.push(s);
      col.index.set(s, id);
    }
    col.last = s;
    col.lastId = id;
  }
  col.ids[row] = col.lastId;
}

/** `raw`: the event's raw value, given for a span column (rawSpans.ts): a value inside it is kept as a span */
function appendText(col: TextBuild, row: number, s: string, raw?: unknown): void {
  const ends = col.ends;
  for (let r = col.filled; r < row; r++) ends[r] = col.length; // earlier rows without the field
  // a span leaves the row's own text empty
  const spanned = typeof raw === 'string' && col.spans !== undefined && trySpan(col.spans, row, raw, s);
  if (spanned) { /* nothing to write */ } else if (col.bytes !== undefined) col.length = appendBytes(col.bytes, row, s);
  else {
    col.parts.push(s);
    col.length += s.length;
  }
  ends[row] = col.length;
  col.filled = row + 1;
}

/** A chunk dictionary column of a builder of case ids, for a field not kept case-wide (caseIds.ts LocalDictColumn). */
function localColumn(col: DictBuild, n: number): LocalDictColumn {
  const sparse = sparseIds(col.ids, n);
  const { text, ends } = joinValues(col.dict);
  return sparse === undefined
    ? { kind: 'dict', local: true, dictText: text, dictEnds: ends, ids: col.ids.slice(0, n) }
    : { kind: 'dict', local: true, dictText: text, dictEnds: ends, ids: sparse.ids, rows: sparse.rows };
}

/** The ends of rows [0, n), rows after the last value included. */
function fillEnds(col: TextBuild, n: number): Uint32Array {
  for (let r = col.filled; r < n; r++) col.ends[r] = col.length;
  return col.ends.slice(0, n);
}

function finish(col: ColumnBuild, n: number): WireColumn {
  if (col.kind === 'num') {
    const sparse = sparseValues(col.values, n);
    return sparse === undefined ? { kind: 'num', values: col.values.slice(0, n) } : { kind: 'num', values: sparse.values, rows: sparse.rows };
  }
  if (col.kind === 'dict') {
    const sparse = sparseIds(col.ids, n);
    if (col.shared !== undefined) {
      const size = col.shared.size, entries = col.shared.take();
      return sparse === undefined
        ? { kind: 'dict', ...entries, ids: narrowIds(col.ids, n, size) }
        : { kind: 'dict', ...entries, ids: narrowIds(sparse.ids, sparse.ids.length, size), rows: sparse.rows };
    }
    return sparse === undefined ? { kind: 'dict', dict: col.dict, ids: col.ids.slice(0, n) } : { kind: 'dict', dict: col.dict, ids: sparse.ids, rows: sparse.rows };
  }
  const ends = fillEnds(col, n);
  const text = col.parts.join('');
  if (!hasWide(text)) return { kind: 'text', text: col.oneByte ? oneByteCopy(text) : text, ends };
  const split = splitWide(col.parts, col.ends, n);
  return { kind: 'text', ...split, text: col.oneByte ? oneByteCopy(split.text) : split.text };
}

/** Reads one event back as flat fields (export, detail view, CLI): absent fields are left out. */
export function eventAt(chunk: EventChunk, row: number): EventFields {
  const out: EventFields = Object.create(null) as EventFields;
  for (const field in chunk.columns) {
    const v = valueAt(chunk.columns[field], row);
    if (v !== undefined) out[field] = v;
  }
  return out;
}

export function valueAt(col: Column, row: number): string | number | undefined {
  if (col.kind !== 'text') {
    // a sparse column (format 3) holds entries for its present rows only
    const at = col.rows === undefined ? row : entryOf(col.rows, row);
    if (at < 0) return undefined;
    if (col.kind === 'num') {
      const v = col.values[at];
      return Number.isNaN(v) ? undefined : v;
    }
    const id = col.ids[at];
    return id === 0 ? undefined : col.dict[id - 1];
  }
  const start = row === 0 ? 0 : col.ends[row - 1];
  const end = col.ends[row];
  if (end > start) return col.text.slice(start, end);
  const w = wideIndexOf(col.wide, row);
  return w < 0 ? undefined : wideValue(col.wide as WideText, w);
}

/** The chunk's typed-array buffers: transferred (not copied) when a chunk crosses to another worker. */
export function chunkBuffers(chunk: EventChunk): ArrayBuffer[] {
  const out: ArrayBuffer[] = [];
  for (const field in chunk.columns) {
    const col = chunk.columns[field];
    const arr = col.kind === 'num' ? col.values : col.kind === 'dict' ? col.ids : col.ends;
    if (arr.buffer instanceof ArrayBuffer) out.push(arr.buffer);
    if (col.kind !== 'text' && col.rows !== undefined && col.rows.buffer instanceof ArrayBuffer && col.rows.byteLength > 0) out.push(col.rows.buffer);
    if (col.kind === 'text' && col.wide !== undefined) {
      for (const a of [col.wide.rows, col.wide.ends]) if (a.buffer instanceof ArrayBuffer && a.byteLength > 0) out.push(a.buffer);
    }
  }
  return out;
}
