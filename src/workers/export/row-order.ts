// The rows of a result in the export's sort, a batch at a time: time order walks the index's time permutation
// (no copy of the rows), any other sort sorts the row ids once (4 bytes a row) with the table's comparator,
// so an export writes exactly what the table shows, in the same order.
import type { SortSpec } from '../api.ts';
import type { CaseIndex } from '../query/caseIndex.ts';
import { rowComparator } from '../query/results/sortKeys.ts';

/** rows: ascending row ids of the result (QueryEngine.rows) */
export function* orderedRows(index: CaseIndex, rows: Uint32Array, sort: SortSpec | undefined, batch: number): Generator<number[]> {
  const cmp = sort === undefined ? undefined : rowComparator(index, sort);
  if (cmp !== undefined) {
    const sorted = rows.slice().sort(cmp);
    for (let i = 0; i < sorted.length; i += batch) yield Array.from(sorted.subarray(i, i + batch));
    return;
  }
  const member = new Uint8Array(index.rowCount);
  for (let i = 0; i < rows.length; i++) member[rows[i]] = 1;
  const order = index.timeOrder(), ts = index.ts, n = order.length;
  // descending: newest first, rows without a time still last (as the table pages them)
  let timed = n;
  if (sort?.dir === 'desc') while (timed > 0 && ts[order[timed - 1]] !== ts[order[timed - 1]]) timed--;
  const at = sort?.dir === 'desc' ? (i: number) => (i < timed ? order[timed - 1 - i] : order[i]) : (i: number) => order[i];
  let out: number[] = [];
  for (let i = 0; i < n; i++) {
    const row = at(i);
    if (row >= member.length || member[row] === 0) continue;
    out.push(row);
    if (out.length >= batch) {
      yield out;
      out = [];
    }
  }
  if (out.length > 0) yield out;
}
