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

/** Fields kept as joined text rather than dictionaries: nearly unique per event. */
export const TEXT_FIELDS = new Set(['raw', 'message', 'parse.error']);

export function columnKindOf(field: string): Column['kind'] {
  return NUMERIC_FIELDS.has(field) ? 'num' : TEXT_FIELDS.has(field) ? 'text' : 'dict';
}

/** last/lastId: consecutive events often repeat a value (host, app, file): skip the map lookup then */
interface DictBuild { kind: 'dict'; index: Map<string, number>; dict: string[]; ids: Uint32Array; last: string | undefined; lastId: number }
interface NumBuild { kind: 'num'; values: Float64Array }
interface TextBuild { kind: 'text'; parts: string[]; ends: Uint32Array; length: number }
type ColumnBuild = DictBuild | NumBuild | TextBuild;

const ALWAYS = ['ts', 'raw', 'message', 'col.line', 'col.offset', 'parser.name'];

/** Accumulates events into one chunk; build() returns it and the builder can be reused. */
export class ChunkBuilder {
  private columns = new Map<string, ColumnBuild>();
  private n = 0;

  constructor(private readonly capacity: number) {
    this.reset();
  }

  get size(): number {
    return this.n;
  }

  get full(): boolean {
    return this.n >= this.capacity;
  }

  add(event: EventFields): void {
    const row = this.n++;
    for (const field in event) {
      const value = event[field];
      let col = this.columns.get(field);
      if (col === undefined) {
        col = this.newColumn(field);
        this.columns.set(field, col);
      }
      if (col.kind === 'num') {
        col.values[row] = typeof value === 'number' ? value : Number(value);
      } else if (col.kind === 'dict') {
        const s = typeof value === 'string' ? value : String(value);
        if (s === col.last) {
          col.ids[row] = col.lastId;
          continue;
        }
        let id = col.index.get(s);
        if (id === undefined) {
          col.dict.push(s);
          id = col.dict.length;
          col.index.set(s, id);
        }
        col.ids[row] = id;
        col.last = s;
        col.lastId = id;
      } else {
        const s = typeof value === 'string' ? value : String(value);
        // rows skipped since the last value of this field are '' (their ends equal the running length)
        for (let r = col.parts.length; r < row; r++) { col.parts.push(''); col.ends[r] = col.length; }
        col.parts.push(s);
        col.length += s.length;
        col.ends[row] = col.length;
      }
    }
  }

  build(fileId: number, seq: number): EventChunk {
    const n = this.n;
    const columns: Record<string, Column> = Object.create(null) as Record<string, Column>;
    for (const [field, col] of this.columns) {
      if (col.kind === 'num') columns[field] = { kind: 'num', values: col.values.slice(0, n) };
      else if (col.kind === 'dict') columns[field] = { kind: 'dict', dict: col.dict, ids: col.ids.slice(0, n) };
      else {
        for (let r = col.parts.length; r < n; r++) { col.parts.push(''); col.ends[r] = col.length; }
        columns[field] = { kind: 'text', text: col.parts.join(''), ends: col.ends.slice(0, n) };
      }
    }
    this.reset();
    return { fileId, seq, count: n, columns };
  }

  private reset(): void {
    this.n = 0;
    this.columns = new Map();
    for (const f of ALWAYS) this.columns.set(f, this.newColumn(f));
  }

  private newColumn(field: string): ColumnBuild {
    const kind = columnKindOf(field);
    if (kind === 'num') return { kind, values: new Float64Array(this.capacity).fill(NaN) };
    if (kind === 'dict') return { kind, index: new Map(), dict: [], ids: new Uint32Array(this.capacity), last: undefined, lastId: 0 };
    return { kind, parts: [], ends: new Uint32Array(this.capacity), length: 0 };
  }
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
