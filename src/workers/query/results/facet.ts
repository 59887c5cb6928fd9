// Exact facets: top values with counts, number of distinct values, events lacking the field.
// Keyword fields count into a Uint32Array indexed by dictionary id (no Map, no strings touched).
import type { Facet } from '../../api.ts';
import type { CaseIndex } from '../caseIndex.ts';
import { resolveFieldName } from '../compile.ts';
import type { RowSet } from '../rowSet.ts';
import { codesOf, countCodes, topCodes } from './codes.ts';

export function facet(index: CaseIndex, set: RowSet, name: string, topN: number): Facet {
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
  let distinct = 0;
  const d = Math.min(counts.length, labels.length + 1);
  for (let i = 1; i < d; i++) if (counts[i] !== 0) distinct++;
  const values = topCodes(counts.subarray(0, d), labels, topN).map((c) => ({ value: labels[c - 1], count: counts[c] }));
  return { field: name, distinct, missing, values };
}
