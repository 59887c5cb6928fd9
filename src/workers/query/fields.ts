// Per-field column stores of the case index: one global dictionary + id array per keyword field,
// one Float64Array per numeric field, the chunks' joined text per text field. No per-event objects.
import type { DictLike } from '../chunk/packedDict.ts';
import { remapEntries } from './dictAdopt.ts';
import { NumField } from './numField.ts';
import { TextField, TextSegment } from './textField.ts';
import { SparseRows } from './sparseRows.ts';
import { idWidth, type IdArray } from '../chunk/caseIds.ts';

/** Dictionary ids sized to the dictionary: most keyword fields have < 256 values, so 1 byte per row. */
export type { IdArray };

/** Capacity growth: 1.5x keeps the slack (and so the heap per event) lower than doubling. */
export function grownCapacity(current: number, needed: number): number {
  return Math.max(needed, Math.ceil(current * 1.5), 1024);
}

const widthFor = idWidth;

function newIds(width: 8 | 16 | 32, capacity: number): IdArray {
  return width === 8 ? new Uint8Array(capacity) : width === 16 ? new Uint16Array(capacity) : new Uint32Array(capacity);
}

/**
 * A sparse entry costs its row (2 bytes, sparseRows.ts) and its id (1, 2 or 4 bytes, like a dense id), against
 * a dense id per row of the case: with 1-byte ids a field stays sparse below 1 row in 3.
 */
const SPARSE_ROW_BYTES = 2;

/**
 * One keyword field of the case. Dense: an id per row (1, 2 or 4 bytes). Sparse: the rows that have a value
 * and their ids, for a field few events carry (Windows cases have hundreds of data.* fields, most in a few
 * percent of events: dense, each would cost a byte per event of the whole case). A field starts sparse and
 * turns dense for good when it is common enough, or when a reader asks for `ids` (a query, facet or detector
 * over it): readers see one dense array either way, and only the fields actually read pay for one.
 */
export class DictField {
  readonly kind = 'dict';
  /** values[id - 1]; id 0 = the event lacks the field */
  readonly values: string[] = [];
  /** events per id (index 0 unused): catalog samples and facets over every row need no scan */
  counts = new Uint32Array(16);
  present = 0;
  /** values already in the case's stored dictionary (store/caseDict.ts): the rest are written with the next chunk */
  stored = 0;
  // Map, not an object: log text such as "__proto__" or "constructor" must be an ordinary key. Built when first
  // needed and caught up with values added since: values taken as case ids (pushValue) are never hashed here.
  private lookupMap: Map<string, number> | undefined;
  private lookupSize = 0;
  private lowerCache: string[] = [];
  private rankCache: Uint32Array | undefined;
  private dense: IdArray | undefined;
  /** sparse: rows with a value, ascending, and their ids (sparseIds[i] is the id of entry i) */
  private sparse = new SparseRows();
  private sparseIds: IdArray = new Uint8Array(0);

  constructor(readonly name: string, private capacity: number) {}

  /** The id of every row (0 = no value), length >= the case's rows. Makes a sparse field dense. */
  get ids(): IdArray {
    return this.dense ?? this.densify();
  }

  /** Stored as (row, id) pairs rather than an id per row (tests and memory figures). */
  get isSparse(): boolean {
    return this.dense === undefined;
  }

  /** Appends a chunk's column (packed or not) at rows [base, base + count): local dict ids are remapped to global ones. */
  append(col: DictLike, base: number, count: number): void {
    this.appendMapped(col, base, count, this.remap(col));
  }

  /** remap[i + 1] = this field's id of the column's entry i, interned (dictAdopt.ts remapEntries). */
  remap(col: DictLike): Uint32Array {
    return remapEntries(col, this.lookup(), (v) => this.intern(v));
  }

  /**
   * Appends a column whose ids are already this field's (case ids, chunk/caseIds.ts): a dense column is copied
   * as it is, with one counting pass; no value is looked up.
   */
  appendCaseIds(col: { ids: IdArray; rows?: Uint32Array }, base: number, count: number): void {
    const max = this.values.length, src = col.ids;
    if (this.dense === undefined || col.rows !== undefined) {
      for (let i = 0; i < src.length; i++) if (src[i] > max) throw pastDictionary(this.name, src[i], max);
      this.appendMapped(col, base, count, identity(max + 1));
      return;
    }
    this.ensureWidth();
    const ids = this.dense, counts = this.counts;
    let top = 0;
    for (let i = 0; i < count; i++) {
      const id = src[i];
      if (id > top) top = id;
      counts[id]++;
    }
    if (top > max) throw pastDictionary(this.name, top, max);
    ids.set(src.subarray(0, count), base);
    this.present += count - counts[0];
    counts[0] = 0;
  }

  /** Adds the values past the field's own (a list this field's values are a prefix of: derived.ts), without lookups. */
  extendValues(values: readonly string[]): void {
    for (let i = this.values.length; i < values.length; i++) this.pushValue(values[i]);
  }

  /** Adds a value at the next id without looking it up (the caller knows it is new: a case id's value). */
  pushValue(value: string): number {
    const id = this.values.push(value);
    this.growCounts(id);
    return id;
  }

  /** Finds or adds a value: its id. */
  intern(value: string): number {
    const lookup = this.lookup();
    let id = lookup.get(value);
    if (id === undefined) {
      id = this.values.push(value);
      lookup.set(value, id);
      this.lookupSize = id;
      this.growCounts(id);
    }
    return id;
  }

  /**
   * Lets the value Map go (it is built again when next needed): the end of an ingest that interned a field not
   * kept case-wide (dictSession.ts), whose Map would hold an entry per value of a mostly distinct field.
   */
  dropLookup(): void {
    this.lookupMap = undefined;
    this.lookupSize = 0;
  }

  private lookup(): Map<string, number> {
    const map = (this.lookupMap ??= new Map<string, number>());
    const v = this.values;
    // values are distinct: each is set once, at its own id
    for (let i = this.lookupSize; i < v.length; i++) map.set(v[i], i + 1);
    this.lookupSize = v.length;
    return map;
  }

  private growCounts(maxId: number): void {
    if (maxId < this.counts.length) return;
    let size = this.counts.length * 2;
    while (size <= maxId) size *= 2;
    const next = new Uint32Array(size);
    next.set(this.counts);
    this.counts = next;
  }

  private appendMapped(col: { ids: ArrayLike<number>; rows?: Uint32Array }, base: number, count: number, remap: Uint32Array): void {
    const src = col.ids, counts = this.counts;
    // a sparse chunk column (format 3) lists its present rows: entry i is chunk row rows[i]
    const rows = col.rows, entries = rows === undefined ? count : rows.length;
    this.ensureWidth();
    if (this.dense !== undefined) {
      const ids = this.dense;
      for (let i = 0; i < entries; i++) {
        const id = remap[src[i]];
        ids[base + (rows === undefined ? i : rows[i])] = id;
        counts[id]++;
      }
    } else {
      const sparse = this.sparse;
      for (let i = 0; i < entries; i++) {
        const id = remap[src[i]];
        if (id === 0) {
          counts[0]++;
          continue;
        }
        if (sparse.count === this.sparseIds.length) this.growSparse(sparse.count + 1);
        this.sparseIds[sparse.count] = id;
        sparse.push(base + (rows === undefined ? i : rows[i]));
        counts[id]++;
      }
    }
    this.present += entries - counts[0];
    counts[0] = 0;
    const w = this.sparseIds.BYTES_PER_ELEMENT;
    if (this.dense === undefined && this.sparse.count * (SPARSE_ROW_BYTES + w) > (base + count) * w) this.densify();
  }

  resize(capacity: number): void {
    this.capacity = capacity;
    if (this.dense === undefined) return;
    const next = newIds(widthFor(this.values.length), capacity);
    next.set(this.dense.subarray(0, Math.min(this.dense.length, capacity)));
    this.dense = next;
  }

  valueOf(row: number): string | undefined {
    const id = this.dense !== undefined ? this.dense[row] : this.sparseIdAt(row);
    return id === 0 ? undefined : this.values[id - 1];
  }

  /** Lower-cased values (index id - 1), extended as the dictionary grows. */
  lowerValues(): string[] {
    const v = this.values, low = this.lowerCache;
    for (let i = low.length; i < v.length; i++) low.push(v[i].toLowerCase());
    return low;
  }

  /** rank[id] = position of the value in sorted order (id 0 ranks last): sorting rows by a keyword field. */
  ranks(): Uint32Array {
    const d = this.values.length;
    if (this.rankCache !== undefined && this.rankCache.length === d + 1) return this.rankCache;
    const order = Array.from({ length: d }, (_, i) => i + 1);
    const low = this.lowerValues();
    const nums = new Float64Array(d);
    for (let i = 0; i < d; i++) nums[i] = low[i] === '' ? NaN : Number(low[i]);
    order.sort((a, b) => compareKeys(nums[a - 1], low[a - 1], nums[b - 1], low[b - 1]) || compareKeys(NaN, this.values[a - 1], NaN, this.values[b - 1]));
    const rank = new Uint32Array(d + 1);
    for (let i = 0; i < d; i++) rank[order[i]] = i;
    rank[0] = d;
    this.rankCache = rank;
    return rank;
  }

  // widen the id array, dense or sparse (8 -> 16 -> 32 bits), when the dictionary outgrows it
  private ensureWidth(): void {
    const ids = this.dense ?? this.sparseIds;
    const w = widthFor(this.values.length);
    if (w > ids.BYTES_PER_ELEMENT * 8) {
      const next = newIds(w, ids.length);
      next.set(ids);
      if (this.dense !== undefined) this.dense = next;
      else this.sparseIds = next;
    }
  }

  private densify(): IdArray {
    const ids = newIds(widthFor(this.values.length), this.capacity);
    const sids = this.sparseIds;
    this.sparse.forEach((row, i) => { ids[row] = sids[i]; });
    this.dense = ids;
    this.sparse = new SparseRows();
    this.sparseIds = new Uint8Array(0);
    return ids;
  }

  private growSparse(needed: number): void {
    const ids = newIds(widthFor(this.values.length), Math.max(needed, Math.ceil(this.sparseIds.length * 1.5), 64));
    ids.set(this.sparseIds);
    this.sparseIds = ids;
  }

  /** binary search over the sparse rows: 0 when the row has no value */
  private sparseIdAt(row: number): number {
    const i = this.sparse.find(row);
    return i < 0 ? 0 : this.sparseIds[i];
  }
}

function pastDictionary(field: string, id: number, size: number): Error {
  return new Error(`bug: ${field}: case id ${id} past the dictionary (${size} values)`);
}

let identityIds = new Uint32Array(0);
/** [0, 1, ..., n - 1] (shared, read only): ids that are already the field's pass through appendMapped unchanged. */
function identity(n: number): Uint32Array {
  if (identityIds.length < n) {
    identityIds = new Uint32Array(Math.max(n, identityIds.length * 2, 1024));
    for (let i = 0; i < identityIds.length; i++) identityIds[i] = i;
  }
  return identityIds;
}

/** Numbers first (so "9" < "10", as for pids and event ids), then text by code unit. */
export function compareText(a: string, b: string): number {
  return compareKeys(a === '' ? NaN : Number(a), a, b === '' ? NaN : Number(b), b);
}

function compareKeys(na: number, a: string, nb: number, b: string): number {
  const aNum = na === na, bNum = nb === nb;
  if (aNum && bNum) return na - nb;
  if (aNum !== bNum) return aNum ? -1 : 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

export { NumField };
export { TextField, TextSegment };
export type Field = DictField | NumField | TextField;
