// Top-N per entity: the n most frequent values of groupField among the rows, each with its n most
// frequent values of valueField. Example: topN(rows, 'init.host.ip', 'target.usr.name', 10) = the
// IPs with the most events and the users each of them aimed at.
import type { FacetValue } from '../../api.ts';
import type { CaseIndex } from '../caseIndex.ts';
import { resolveFieldName } from '../compile.ts';
import type { RowSet } from '../rowSet.ts';
import { codesOf, countCodes, topCodes } from './codes.ts';

export interface TopGroup {
  value: string;
  /** events of the group */
  count: number;
  /** distinct values of valueField in the group */
  distinct: number;
  values: FacetValue[];
}

export function topN(index: CaseIndex, set: RowSet, groupField: string, valueField: string, n: number): TopGroup[] {
  const gField = index.field(resolveFieldName(index, groupField));
  const vField = index.field(resolveFieldName(index, valueField));
  if (gField === undefined) return [];
  const rows = set.rows();
  const g = codesOf(index, gField, rows);
  const groups = topCodes(countCodes(g, rows), g.labels, n);
  const slotOf = new Int32Array(g.labels.length + 1).fill(-1);
  groups.forEach((code, i) => { slotOf[code] = i; });
  const totals = new Uint32Array(groups.length);
  // per group: value code -> events (Map keyed by integer codes, not text)
  const perGroup = groups.map(() => new Map<number, number>());
  const v = vField === undefined ? undefined : codesOf(index, vField, rows);
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i], slot = slotOf[g.ids[r]];
    if (slot < 0) continue;
    totals[slot]++;
    const code = v === undefined ? 0 : v.ids[r];
    if (code !== 0) perGroup[slot].set(code, (perGroup[slot].get(code) ?? 0) + 1);
  }
  return groups.map((code, slot) => {
    const m = perGroup[slot];
    const codes = [...m.keys()];
    const labels = v?.labels ?? [];
    const counts = new Uint32Array(labels.length + 1);
    for (const c of codes) counts[c] = m.get(c) ?? 0;
    const top = topCodes(counts, labels, n);
    return { value: g.labels[code - 1], count: totals[slot], distinct: m.size, values: top.map((c) => ({ value: labels[c - 1], count: counts[c] })) };
  });
}
