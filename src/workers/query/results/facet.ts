// Exact facets: top values with counts, number of distinct values, events lacking the field.
// Keyword fields count into a Uint32Array indexed by dictionary id (no Map, no strings touched).
// Options regroup the counted codes: case-folded values (Administrator = administrator) and a
// case-insensitive filter on the values (search inside a field); counts stay exact.
import type { Facet, FacetOptions } from '../../api.ts';
import type { CaseIndex } from '../caseIndex.ts';
import { resolveFieldName } from '../compile.ts';
import type { RowSet } from '../rowSet.ts';
import { codesOf, countCodes, topCodes } from './codes.ts';

export function facet(index: CaseIndex, set: RowSet, name: string, topN: number, options: FacetOptions = {}): Facet {
  const field = index.field(resolveFieldName(index, name));
  if (field === undefined) return { field: name, distinct: 0, missing: set.size, values: [] };
  let counts: Uint32Array, labels: readonly string[], missing: number;
  if (field.kind === 'dict' && set.isAll && set.universe === index.rowCount) {
    // every row: the index keeps these counts up to date while chunks arrive
    counts = field.counts;
    labels = field.values;
    missing = set.size - field.present;
  } else {
    const rows = set.rows();
    const codes = codesOf(index, field, rows);
    counts = countCodes(codes, rows);
    labels = codes.labels;
    missing = counts[0];
  }
  const d = Math.min(counts.length, labels.length + 1);
  if (options.fold === true || (options.contains ?? '') !== '') {
    ({ counts, labels } = regroup(counts.subarray(0, d), labels, options));
  }
  const n = Math.min(counts.length, labels.length + 1);
  let distinct = 0;
  for (let i = 1; i < n; i++) if (counts[i] !== 0) distinct++;
  const values = topCodes(counts.subarray(0, n), labels, topN).map((c) => ({ value: labels[c - 1], count: counts[c] }));
  return { field: name, distinct, missing, values };
}

/**
 * New codes over the counted ones: values kept by `contains`, merged by lower case when folding. A
 * folded group is labelled by its most frequent spelling (ties: the first in code order).
 */
function regroup(counts: Uint32Array, labels: readonly string[], options: FacetOptions): { counts: Uint32Array; labels: string[] } {
  const needle = (options.contains ?? '').toLowerCase();
  const fold = options.fold === true;
  // Map keyed by log text: "__proto__" is an ordinary key
  const groupOf = new Map<string, number>();
  const outCounts: number[] = [0];
  const outLabels: string[] = [];
  const best: number[] = [0];
  for (let code = 1; code < counts.length; code++) {
    const c = counts[code];
    if (c === 0) continue;
    const label = labels[code - 1];
    const low = label.toLowerCase();
    if (needle !== '' && !low.includes(needle)) continue;
    const key = fold ? low : label;
    let g = groupOf.get(key);
    if (g === undefined) {
      outLabels.push(label);
      g = outLabels.length;
      groupOf.set(key, g);
      outCounts.push(0);
      best.push(0);
    }
    outCounts[g] += c;
    if (c > best[g]) {
      best[g] = c;
      outLabels[g - 1] = label;
    }
  }
  return { counts: Uint32Array.from(outCounts), labels: outLabels };
}
