// A numeric field of the case index. Dense: a Float64Array over every row (NaN = absent). Sparse: the rows
// that have a value and their values, for a field few events carry (ports, byte counts, data.* numbers of a
// Windows case: dense, each costs 8 bytes per event of the whole case). Like DictField (fields.ts), a field
// starts sparse and turns dense for good when common enough, or when a reader asks for `values` (a range
// query, a sort, a histogram, a detector): readers see one dense array either way, and only the fields
// actually read pay for one. `valueOf(row)` (event and page rows, exports) reads a sparse field by binary search.
import type { NumColumn } from '../chunk/chunk.ts';
import { SparseRows } from './sparseRows.ts';

/** A sparse entry (a 2-byte row, sparseRows.ts, + the value, 10 bytes) against 8 bytes per row dense: sparse under 4 rows in 5. */
const SPARSE_ENTRY_BYTES = 10, DENSE_ROW_BYTES = 8;

export class NumField {
  readonly kind = 'num';
  present = 0;
  private dense: Float64Array | undefined;
  /** sparse: rows with a value, ascending, and their values (sparseValues[i] is entry i's) */
  private sparse = new SparseRows();
  private sparseValues = new Float64Array(0);

  constructor(readonly name: string, private capacity: number) {}

  /** The value of every row (NaN = none), length >= the case's rows. Makes a sparse field dense. */
  get values(): Float64Array {
    return this.dense ?? this.densify();
  }

  /** Stored as (row, value) pairs rather than a value per row (tests and memory figures). */
  get isSparse(): boolean {
    return this.dense === undefined;
  }

  /** Appends a chunk's column (dense, or sparse since chunk format 3) at rows [base, base + count). */
  append(col: NumColumn, base: number, count: number): void {
    const rows = col.rows, src = col.values, entries = rows === undefined ? Math.min(count, src.length) : rows.length;
    let present = 0;
    if (this.dense !== undefined) {
      const values = this.dense;
      if (rows === undefined) values.set(src.subarray(0, entries), base);
      for (let i = 0; i < entries; i++) {
        const v = src[i];
        if (v !== v) continue;
        present++;
        if (rows !== undefined) values[base + rows[i]] = v;
      }
    } else {
      const sparse = this.sparse;
      for (let i = 0; i < entries; i++) {
        const v = src[i];
        if (v !== v) continue;
        present++;
        if (sparse.count === this.sparseValues.length) this.growSparse(sparse.count + 1);
        this.sparseValues[sparse.count] = v;
        sparse.push(base + (rows === undefined ? i : rows[i]));
      }
    }
    this.present += present;
    if (this.dense === undefined && this.sparse.count * SPARSE_ENTRY_BYTES > (base + count) * DENSE_ROW_BYTES) this.densify();
  }

  resize(capacity: number): void {
    this.capacity = capacity;
    const old = this.dense;
    if (old === undefined) return;
    const next = new Float64Array(capacity);
    next.set(old.subarray(0, Math.min(old.length, capacity)));
    if (capacity > old.length) next.fill(NaN, old.length);
    this.dense = next;
  }

  valueOf(row: number): number | undefined {
    let v: number;
    if (this.dense !== undefined) v = this.dense[row];
    else {
      const at = this.sparse.find(row);
      if (at < 0) return undefined;
      v = this.sparseValues[at];
    }
    return v === v ? v : undefined;
  }

  /** Up to `limit` distinct values in row order (the field catalog's samples), without making the field dense. */
  firstDistinct(limit: number, rowCount: number): number[] {
    const seen = new Set<number>();
    const values = this.dense ?? this.sparseValues, end = this.dense !== undefined ? Math.min(rowCount, values.length) : this.sparse.count;
    for (let i = 0; i < end && seen.size < limit; i++) if (values[i] === values[i]) seen.add(values[i]);
    return [...seen];
  }

  private densify(): Float64Array {
    const values = new Float64Array(this.capacity).fill(NaN);
    const sv = this.sparseValues;
    this.sparse.forEach((row, i) => { values[row] = sv[i]; });
    this.dense = values;
    this.sparse = new SparseRows();
    this.sparseValues = new Float64Array(0);
    return values;
  }

  private growSparse(needed: number): void {
    const values = new Float64Array(Math.max(needed, Math.ceil(this.sparseValues.length * 1.5), 64));
    values.set(this.sparseValues);
    this.sparseValues = values;
  }
}
