// The columnar chunk: how events are stored in IndexedDB and handed between workers (DESIGN "Storage").
// A few thousand events per record: numbers in typed arrays, repeated strings as dictionary ids,
// long text (raw, message) joined into one string with end offsets. No per-event objects survive.
import { NUMERIC_FIELDS, type EventFields } from '../../core/schema.ts';

/** Repeated strings: ids[i] = 0 when event i lacks the field, else dict[ids[i] - 1]. */
export interface DictColumn { kind: 'dict'; dict: string[]; ids: Uint32Array }
/** Numbers: NaN when the event lacks the field. */
export interface NumColumn { kind: 'num'; values: Float64Array }
/** Long unique text: event i is text.slice(ends[i-1] ?? 0, ends[i]); an absent value is ''. */
export interface TextColumn { kind: 'text'; text: string; ends: Uint32Array }
export type Column = DictColumn | NumColumn | TextColumn;

export interface EventChunk {
  /** file ledger id (store's files table) the events came from */
  fileId: number;
  /** order of the chunk within its file, from 0 */
  seq: number;
  count: number;
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
 * Why column by column at build time: one field across all the chunk's events is a tight loop with one
 * kind of work and one dictionary hot in cache, several times faster than sorting each event's fields
 * into columns as it arrives (measured: the builder was the ingest's largest cost).
 */
export class ChunkBuilder {
  private events: EventFields[] = [];
  /** every field seen in this chunk, in first-seen order */
  private fields = new Set<string>(ALWAYS);

  constructor(private readonly capacity: number) {}

  get size(): number {
    return this.events.length;
  }

  get full(): boolean {
    return this.events.length >= this.capacity;
  }

  add(event: EventFields): void {
    this.events.push(event);
    const fields = this.fields;
    for (const field in event) if (!fields.has(field)) fields.add(field);
  }

  build(fileId: number, seq: number): EventChunk {
    const events = this.events;
    const columns: Record<string, Column> = Object.create(null) as Record<string, Column>;
    for (const field of this.fields) {
      const kind = columnKindOf(field);
      columns[field] = kind === 'num' ? numColumn(events, field) : kind === 'dict' ? dictColumn(events, field) : textColumn(events, field);
    }
    this.events = [];
    this.fields = new Set(ALWAYS);
    return { fileId, seq, count: events.length, columns };
  }
}

function numColumn(events: EventFields[], field: string): NumColumn {
  const values = new Float64Array(events.length);
  for (let i = 0; i < events.length; i++) {
    const v = events[i][field];
    values[i] = v === undefined ? NaN : typeof v === 'number' ? v : Number(v);
  }
  return { kind: 'num', values };
}

function dictColumn(events: EventFields[], field: string): DictColumn {
  const ids = new Uint32Array(events.length);
  const index = new Map<string, number>();
  const dict: string[] = [];
  // consecutive events often repeat a value (host, app, file): skip the map lookup then
  let last: string | undefined;
  let lastId = 0;
  for (let i = 0; i < events.length; i++) {
    const v = events[i][field];
    if (v === undefined) continue;
    const s = typeof v === 'string' ? v : String(v);
    if (s === last) {
      ids[i] = lastId;
      continue;
    }
    let id = index.get(s);
    if (id === undefined) {
      id = dict.push(s);
      index.set(s, id);
    }
    ids[i] = id;
    last = s;
    lastId = id;
  }
  return { kind: 'dict', dict, ids };
}

function textColumn(events: EventFields[], field: string): TextColumn {
  const ends = new Uint32Array(events.length);
  const parts: string[] = [];
  let length = 0;
  for (let i = 0; i < events.length; i++) {
    const v = events[i][field];
    if (v !== undefined) {
      const s = typeof v === 'string' ? v : String(v);
      parts.push(s);
      length += s.length;
    }
    ends[i] = length;
  }
  return { kind: 'text', text: parts.join(''), ends };
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
  if (col.kind === 'num') {
    const v = col.values[row];
    return Number.isNaN(v) ? undefined : v;
  }
  if (col.kind === 'dict') {
    const id = col.ids[row];
    return id === 0 ? undefined : col.dict[id - 1];
  }
  const start = row === 0 ? 0 : col.ends[row - 1];
  const end = col.ends[row];
  return end > start ? col.text.slice(start, end) : undefined;
}

/** The chunk's typed-array buffers: transferred (not copied) when a chunk crosses to another worker. */
export function chunkBuffers(chunk: EventChunk): ArrayBuffer[] {
  const out: ArrayBuffer[] = [];
  for (const field in chunk.columns) {
    const col = chunk.columns[field];
    const arr = col.kind === 'num' ? col.values : col.kind === 'dict' ? col.ids : col.ends;
    if (arr.buffer instanceof ArrayBuffer) out.push(arr.buffer);
  }
  return out;
}
