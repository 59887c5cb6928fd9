// Row comparators for SortSpec: every sort ends on the time position (so equal values keep time
// order) and rows lacking the field come last in both directions.
import type { SortSpec } from '../../api.ts';
import type { CaseIndex } from '../caseIndex.ts';
import { resolveFieldName } from '../compile.ts';

export type RowCompare = (a: number, b: number) => number;

/** undefined: sort by time (the index's time order serves it directly). */
export function rowComparator(index: CaseIndex, sort: SortSpec): RowCompare | undefined {
  const name = resolveFieldName(index, sort.field);
  const field = index.field(name);
  if (name === 'ts' || field === undefined) return undefined;
  const rank = index.timeRank();
  const desc = sort.dir === 'desc';
  if (field.kind === 'dict') {
    const ids = field.ids, ranks = field.ranks(), missing = field.values.length;
    // missing has rank `missing`: largest, so it is last ascending; flip the others for descending
    const key = desc ? (r: number) => (ids[r] === 0 ? missing : missing - 1 - ranks[ids[r]]) : (r: number) => ranks[ids[r]];
    return (a, b) => key(a) - key(b) || rank[a] - rank[b];
  }
  if (field.kind === 'num') {
    const v = field.values;
    const key = desc ? (r: number) => (v[r] === v[r] ? -v[r] : Infinity) : (r: number) => (v[r] === v[r] ? v[r] : Infinity);
    return (a, b) => {
      const ka = key(a), kb = key(b);
      return ka < kb ? -1 : ka > kb ? 1 : rank[a] - rank[b];
    };
  }
  const text = (r: number) => field.valueOf(r);
  return (a, b) => {
    const x = text(a), y = text(b);
    if (x === undefined || y === undefined) return x === y ? rank[a] - rank[b] : x === undefined ? 1 : -1;
    const c = x < y ? -1 : x > y ? 1 : 0;
    return (desc ? -c : c) || rank[a] - rank[b];
  };
}
