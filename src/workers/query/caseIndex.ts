// The in-memory columnar index of the open case (DESIGN "query"): built chunk by chunk, during ingest
// and when a stored case is reopened. Row ids are global, in arrival order, and stable.
// Example: addChunk(builder.build(fileId, 0)) appends rows [rowCount, rowCount + chunk.count).
import type { EventFields } from '../../core/schema.ts';
import type { WireChunk } from '../chunk/packedDict.ts';
import { DictField, NumField, TextField, grownCapacity, type Field } from './fields.ts';
import { TimeOrder } from './timeOrder.ts';
import { DerivedFields, type Derivation, type DerivedHost } from './derived.ts';
import { joinValues, type DictSnapshot } from '../chunk/caseIds.ts';
import { FIELD_MAX_BYTES, heldBytes, overBudget } from '../chunk/caseFieldBudget.ts';
import type { CaseDictionary, DictDelta } from '../store/caseDict.ts';
import { fileOfRow, type ChunkRun } from '../chunk/runs.ts';

/** A chunk's rows in the index; a shared chunk (chunk/runs.ts) keeps its runs: read a row's file with fileOf. */
export interface ChunkInfo { base: number; count: number; fileId: number; seq: number; runs?: ChunkRun[] }

export class CaseIndex implements CaseDictionary {
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
  /** the stored dictionary adopted at a reopen (store/caseDict.ts), given to each field when it is created */
  private adopted = new Map<string, readonly string[]>();
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

  /** Rows allocated in the dense fields (>= rowCount). */
  get reservedRows(): number {
    return this.capacity;
  }

  /** Capacity down to the row count (the end of an ingest that reserved ahead: query/ingestCapacity.ts). */
  fit(): void {
    if (this.capacity > this.rowCount) {
      this.capacity = this.rowCount;
      for (const f of this.fieldMap.values()) if (f.kind !== 'text') f.resize(this.rowCount);
    }
  }

  /** A chunk as built or as stored (dictionary columns may be packed: chunk/packedDict.ts). */
  /**
   * Columns of case ids (chunk/caseIds.ts) must be as stored (StoredCaseColumn: query/dictSession.ts resolves
   * an ingest worker's chunk first); their ids are the fields' ids and are copied as they are.
   */
  addChunk(chunk: WireChunk): void {
    const base = this.rowCount, count = chunk.count;
    if (count === 0) return;
    if (base + count > this.capacity) this.grow(base + count);
    for (const name of Object.keys(chunk.columns)) {
      const col = chunk.columns[name];
      const field = this.fieldFor(name, col.kind);
      // a column whose kind disagrees with the field's (an older stored schema) is left out, not coerced
      if (field.kind === 'dict' && col.kind === 'dict') {
        if ('caseIds' in col) field.appendCaseIds(col, base, count);
        else if ('caseFrom' in col) throw new Error(`bug: ${name}: an ingest worker's case ids are resolved (dictSession.ts) before addChunk`);
        else field.append(col, base, count);
      }
      else if (field.kind === 'num' && col.kind === 'num') field.append(col, base, count);
      else if (field.kind === 'text' && col.kind === 'text') field.append(col, base, count, 'spans' in col && col.spans !== undefined ? this.rawField() : undefined);
    }
    this.deflateAlongRaw(chunk, base);
    this.chunks.push(chunk.runs === undefined ? { base, count, fileId: chunk.fileId, seq: chunk.seq } : { base, count, fileId: chunk.fileId, seq: chunk.seq, runs: chunk.runs });
    this.time.add(base, count);
    this.rowCount += count;
    this.derived.extend(this.host, base, count);
    this.version++;
  }

  /** The chunk's other text (message, parse.error) goes deflated with its raw, past the case's budget (textField.ts). */
  private deflateAlongRaw(chunk: WireChunk, base: number): void {
    const raw = this.fieldMap.get('raw');
    if (raw?.kind !== 'text' || !(raw.segmentOf(base)?.deflating ?? false)) return;
    for (const name of Object.keys(chunk.columns)) {
      const f = this.fieldMap.get(name);
      if (f?.kind === 'text' && f !== raw) f.deflateAlong(raw, base);
    }
  }

  /** Creates the chunk's fields the index lacks, in column order (as addChunk would): dictSession.ts, before a write. */
  ensureFields(chunk: WireChunk): void {
    for (const name of Object.keys(chunk.columns)) this.fieldFor(name, chunk.columns[name].kind);
  }

  /** The case's stored dictionary (store/caseDict.ts), before the first chunk: stored case ids then apply as they are. */
  adoptDictionary(values: Map<string, readonly string[]>): void {
    if (this.rowCount > 0) throw new Error('the stored dictionary is adopted before any chunk');
    this.adopted = values;
  }

  /**
   * Every stored keyword field's values (derived fields are never stored): what the ingest worker starts from.
   * A field past the worker's budgets (chunk/caseFieldBudget.ts) is named in `local`, without its values.
   */
  dictSnapshot(): DictSnapshot {
    const names: string[] = [], all: (readonly string[])[] = [];
    const add = (name: string, values: readonly string[]): void => {
      names.push(name);
      all.push(values);
    };
    for (const [name, f] of this.fieldMap) if (f.kind === 'dict' && !this.derived.fieldNames.has(name) && f.values.length > 0) add(name, f.values);
    for (const [name, values] of this.adopted) if (!this.fieldMap.has(name)) add(name, values);
    const out: DictSnapshot = { fields: [], texts: [], ends: [], local: [] };
    const over = new Set(overBudget(all.map(snapshotBytes)));
    for (let i = 0; i < names.length; i++) {
      if (over.has(i)) {
        out.local?.push(names[i]);
        continue;
      }
      const { text, ends } = joinValues(all[i]);
      out.fields.push(names[i]);
      out.texts.push(text);
      out.ends.push(ends);
    }
    return out;
  }

  /** Values of the chunks' fields not yet in the stored dictionary, in id order. */
  pending(): DictDelta[] {
    const out: DictDelta[] = [];
    for (const [name, f] of this.fieldMap) {
      if (f.kind !== 'dict' || f.values.length === f.stored || this.derived.fieldNames.has(name)) continue;
      out.push({ field: name, firstId: f.stored + 1, values: f.values.slice(f.stored) });
    }
    return out;
  }

  /** The deltas' transaction committed. */
  stored(deltas: readonly DictDelta[]): void {
    for (const d of deltas) {
      const f = this.fieldMap.get(d.field);
      if (f !== undefined && f.kind === 'dict') f.stored = Math.max(f.stored, d.firstId - 1 + d.values.length);
    }
  }

  /** The field of that name, created (with its adopted stored values, if any) when the index lacks it. */
  fieldFor(name: string, kind: Field['kind']): Field {
    let field = this.fieldMap.get(name);
    if (field === undefined) {
      field = kind === 'dict' ? new DictField(name, this.capacity) : kind === 'num' ? new NumField(name, this.capacity) : new TextField(name);
      const adopted = this.adopted.get(name);
      if (adopted !== undefined && field.kind === 'dict') {
        for (const v of adopted) field.pushValue(v);
        field.stored = adopted.length;
      }
      this.fieldMap.set(name, field);
    }
    return field;
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

  /** The ledger id of the file row `row` came from (a shared chunk holds several files' rows). */
  fileOf(row: number): number {
    const c = this.chunkOf(row);
    return fileOfRow(c, row - c.base);
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

/** What a field's values would hold in the ingest worker (its characters summed only when that can matter). */
function snapshotBytes(values: readonly string[]): number {
  const least = heldBytes(values.length, 0);
  if (least > FIELD_MAX_BYTES) return least;
  let chars = 0;
  for (const v of values) chars += v.length;
  return heldBytes(values.length, chars);
}
