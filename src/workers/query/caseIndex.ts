// The in-memory columnar index of the open case (DESIGN "query"): built chunk by chunk, during ingest
// and when a stored case is reopened. Row ids are global, in arrival order, and stable.
// Example: addChunk(builder.build(fileId, 0)) appends rows [rowCount, rowCount + chunk.count).
import type { EventFields } from '../../core/schema.ts';
import type { WireChunk } from '../chunk/packedDict.ts';
import { DictField, NumField, TextField, grownCapacity, type Field } from './fields.ts';
import { TimeOrder } from './timeOrder.ts';
import { DerivedFields, type Derivation, type DerivedHost } from './derived.ts';

export interface ChunkInfo { base: number; count: number; fileId: number; seq: number }

export class CaseIndex {
  rowCount = 0;
  /** bumped by every addChunk: caches (catalog, sort keys) compare it */
  version = 0;
  readonly chunks: ChunkInfo[] = [];
  // Map, not an object: field names come from log data (data.* keys) and may be "__proto__"
  private readonly fieldMap = new Map<string, Field>();
  private capacity = 0;
  private readonly time = new TimeOrder();
  private readonly emptyTs = new Float64Array(0);
  private readonly derived = new DerivedFields();
  // what DerivedFields may do to the index: add and remove its own fields
  private readonly host: DerivedHost = {
    capacity: () => this.capacity,
    field: (name) => this.fieldMap.get(name),
    addField: (f) => void this.fieldMap.set(f.name, f),
    removeField: (name) => void this.fieldMap.delete(name),
  };

  /** Room for `rows` rows in all, allocated once (a reopen knows the case's size: no regrowth as chunks arrive). */
  reserve(rows: number): void {
    if (rows > this.capacity) {
      this.capacity = rows;
      for (const f of this.fieldMap.values()) if (f.kind !== 'text') f.resize(rows);
    }
  }

  /** A chunk as built or as stored (dictionary columns may be packed: chunk/packedDict.ts). */
  addChunk(chunk: WireChunk): void {
    const base = this.rowCount, count = chunk.count;
    if (count === 0) return;
    if (base + count > this.capacity) this.grow(base + count);
    for (const name of Object.keys(chunk.columns)) {
      const col = chunk.columns[name];
      let field = this.fieldMap.get(name);
      if (field === undefined) {
        field = col.kind === 'dict' ? new DictField(name, this.capacity)
          : col.kind === 'num' ? new NumField(name, this.capacity) : new TextField(name);
        this.fieldMap.set(name, field);
      }
      // a column whose kind disagrees with the field's (an older stored schema) is left out, not coerced
      if (field.kind === 'dict' && col.kind === 'dict') field.append(col, base, count);
      else if (field.kind === 'num' && col.kind === 'num') field.append(col, base, count);
      else if (field.kind === 'text' && col.kind === 'text') field.append(col, base, count, 'spans' in col && col.spans !== undefined ? this.rawField() : undefined);
    }
    this.chunks.push({ base, count, fileId: chunk.fileId, seq: chunk.seq });
    this.time.add(base, count);
    this.rowCount += count;
    this.derived.extend(this.host, base, count);
    this.version++;
  }

  /** Sets the fields computed from other fields (GeoIP loc) and derives them for every row already here. */
  setDerivations(derivations: readonly Derivation[]): void {
    this.derived.reset(this.host, derivations);
    for (const c of this.chunks) this.derived.extend(this.host, c.base, c.count);
    this.version++;
  }

  /** The raw text field, which format 4 columns hold spans of (chunk/rawSpans.ts): made here if the chunk lists raw later. */
  private rawField(): TextField | undefined {
    let f = this.fieldMap.get('raw');
    if (f === undefined) this.fieldMap.set('raw', f = new TextField('raw'));
    return f.kind === 'text' ? f : undefined;
  }

  field(name: string): Field | undefined {
    return this.fieldMap.get(name);
  }

  fieldNames(): string[] {
    return [...this.fieldMap.keys()];
  }

  /** ts of every row (NaN when missing); length >= rowCount. */
  get ts(): Float64Array {
    const f = this.fieldMap.get('ts');
    return f !== undefined && f.kind === 'num' ? f.values : this.emptyTs;
  }

  timeOrder(): Uint32Array {
    return this.time.orderOf(this.ts);
  }

  timeRank(): Uint32Array {
    return this.time.rankOf(this.ts);
  }

  chunkOf(row: number): ChunkInfo {
    const c = this.chunks;
    let lo = 0, hi = c.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if (c[mid].base <= row) lo = mid;
      else hi = mid - 1;
    }
    return c[lo];
  }

  valueOf(name: string, row: number): string | number | undefined {
    return this.fieldMap.get(name)?.valueOf(row);
  }

  /** One event as flat fields (pages, detail view): built only for the rows asked for. */
  event(row: number): EventFields {
    const out = Object.create(null) as EventFields;
    for (const [name, field] of this.fieldMap) {
      const v = field.valueOf(row);
      if (v !== undefined) out[name] = v;
    }
    return out;
  }

  private grow(needed: number): void {
    this.capacity = grownCapacity(this.capacity, needed);
    for (const f of this.fieldMap.values()) if (f.kind !== 'text') f.resize(this.capacity);
  }
}
