// Pages of events: time order by default (walk the index's time permutation, keep members, stop at
// the page end), or by any field (a bounded heap keeps the best offset+limit rows in one pass; deeper
// pages sort the whole set once and cache it). Only the rows of the page are turned into objects.
import type { EventRow, SortSpec } from '../../api.ts';
import type { CaseIndex } from '../caseIndex.ts';
import type { RowSet } from '../rowSet.ts';
import { rowComparator, type RowCompare } from './sortKeys.ts';

/** Up to this many rows (offset + limit) a heap selects the page; beyond, a full sort is cached. */
const HEAP_LIMIT = 20_000;

export function page(index: CaseIndex, set: RowSet, offset: number, limit: number, sort?: SortSpec, cache?: Map<string, Uint32Array>): EventRow[] {
  return pageRows(index, set, offset, limit, sort, cache).map((row) => ({ row, fields: index.event(row) }));
}

export function pageRows(index: CaseIndex, set: RowSet, offset: number, limit: number, sort?: SortSpec, cache?: Map<string, Uint32Array>): number[] {
  offset = Math.max(0, Math.floor(offset));
  limit = Math.max(0, Math.floor(limit));
  if (limit === 0 || offset >= set.size) return [];
  const cmp = sort === undefined ? undefined : rowComparator(index, sort);
  if (cmp === undefined) return timePage(index, set, offset, limit, sort?.dir === 'desc');
  const k = offset + limit;
  if (k <= HEAP_LIMIT) return selectTop(set.rows(), k, cmp).slice(offset, k);
  const key = `${sort!.field}\u0000${sort!.dir}`; // sort is defined whenever cmp is
  let sorted = cache?.get(key);
  if (sorted === undefined) {
    sorted = set.rows().slice().sort(cmp);
    cache?.set(key, sorted);
  }
  return Array.from(sorted.subarray(offset, k));
}

function timePage(index: CaseIndex, set: RowSet, offset: number, limit: number, desc: boolean): number[] {
  const order = index.timeOrder(), ts = index.ts, n = order.length;
  const out: number[] = [];
  const all = set.isAll && set.universe === index.rowCount;
  const bits = all ? undefined : set.bits();
  let seen = 0;
  const visit = (row: number): boolean => {
    if (bits !== undefined && (row >= set.universe || !bits.has(row))) return true;
    if (seen++ >= offset) out.push(row);
    return out.length < limit;
  };
  if (!desc) {
    for (let i = 0; i < n; i++) if (!visit(order[i])) break;
    return out;
  }
  // descending: newest first, rows without a time still last
  let timed = n;
  while (timed > 0 && ts[order[timed - 1]] !== ts[order[timed - 1]]) timed--;
  for (let i = timed - 1; i >= 0; i--) if (!visit(order[i])) return out;
  for (let i = timed; i < n; i++) if (!visit(order[i])) break;
  return out;
}

/** The k smallest rows under cmp, sorted: a max-heap of size k, one comparison for most rows. */
export function selectTop(rows: Uint32Array, k: number, cmp: RowCompare): number[] {
  const heap: number[] = [];
  const siftUp = (i: number) => {
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (cmp(heap[i], heap[p]) <= 0) break;
      [heap[i], heap[p]] = [heap[p], heap[i]];
      i = p;
    }
  };
  const siftDown = (i: number) => {
    for (;;) {
      const l = 2 * i + 1, r = l + 1;
      let m = i;
      if (l < heap.length && cmp(heap[l], heap[m]) > 0) m = l;
      if (r < heap.length && cmp(heap[r], heap[m]) > 0) m = r;
      if (m === i) return;
      [heap[i], heap[m]] = [heap[m], heap[i]];
      i = m;
    }
  };
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i];
    if (heap.length < k) {
      heap.push(row);
      siftUp(heap.length - 1);
    } else if (cmp(row, heap[0]) < 0) {
      heap[0] = row;
      siftDown(0);
    }
  }
  return heap.sort(cmp);
}
