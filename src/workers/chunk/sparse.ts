// Sparse columns (chunk format 3). A Windows chunk has hundreds of data.* fields, most held by a few events of
// it; a full column costs 4 bytes (dictionary id) or 8 bytes (number) per event of the chunk whatever the field
// holds, to build, to hand to the engine worker, to store and to read back. build() therefore keeps a dict or
// num column that fewer than half the chunk's events carry as its present entries only: `rows` (chunk-local,
// ascending) and, entry by entry, `ids` / `values`. A row not in `rows` lacks the field.
// Example: ids [0, 3, 0, 0, 1] (5 rows) -> rows [1, 4], ids [3, 1].
// Chunks written before format 3 have no `rows`: every reader treats a missing `rows` as a dense column.

/** A column is kept sparse when at most this share of the chunk's events carry it. */
const SPARSE_SHARE = 0.5;

/** Entry index of a row in ascending rows[0, length), or -1 when the row lacks the field. */
export function entryOf(rows: Uint32Array, row: number, length = rows.length): number {
  let lo = 0, hi = length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const r = rows[mid];
    if (r < row) lo = mid + 1;
    else if (r > row) hi = mid - 1;
    else return mid;
  }
  return -1;
}

/** The sparse form of ids[0, n) (0 = absent), or undefined when the column is better kept dense. */
export function sparseIds(ids: Uint32Array, n: number): { rows: Uint32Array; ids: Uint32Array } | undefined {
  let present = 0;
  for (let r = 0; r < n; r++) if (ids[r] !== 0) present++;
  if (present > n * SPARSE_SHARE) return undefined;
  const rows = new Uint32Array(present), out = new Uint32Array(present);
  for (let r = 0, i = 0; i < present; r++) {
    if (ids[r] === 0) continue;
    rows[i] = r;
    out[i++] = ids[r];
  }
  return { rows, ids: out };
}

/** The sparse form of values[0, n) (NaN = absent), or undefined when the column is better kept dense. */
export function sparseValues(values: Float64Array, n: number): { rows: Uint32Array; values: Float64Array } | undefined {
  let present = 0;
  for (let r = 0; r < n; r++) if (values[r] === values[r]) present++;
  if (present > n * SPARSE_SHARE) return undefined;
  const rows = new Uint32Array(present), out = new Float64Array(present);
  for (let r = 0, i = 0; i < present; r++) {
    const v = values[r];
    if (v !== v) continue;
    rows[i] = r;
    out[i++] = v;
  }
  return { rows, values: out };
}

/** Ids per row [0, n) of a column in either form (a copy when sparse): readers that want one id per row. */
export function denseIds(col: { ids: Uint32Array; rows?: Uint32Array }, n: number): Uint32Array {
  if (col.rows === undefined) return col.ids;
  const out = new Uint32Array(n), rows = col.rows, ids = col.ids;
  for (let i = 0; i < rows.length; i++) out[rows[i]] = ids[i];
  return out;
}

/** Values per row [0, n) of a column in either form (a copy when sparse; NaN = absent). */
export function denseValues(col: { values: Float64Array; rows?: Uint32Array }, n: number): Float64Array {
  if (col.rows === undefined) return col.values;
  const out = new Float64Array(n).fill(NaN), rows = col.rows, values = col.values;
  for (let i = 0; i < rows.length; i++) out[rows[i]] = values[i];
  return out;
}
