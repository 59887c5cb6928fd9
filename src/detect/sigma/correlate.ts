// Correlation rules (Sigma v2.1, all seven types) over occurrences: matches of plain rules or alerts of
// other correlations (chaining). Per group (group-by values, through aliases) occurrences are scanned in
// time order with a sliding window: a window is [start, start + timespan], both edges included; when the
// condition holds, one result covers the whole window and the scan resumes after it (one per group and window).
import type { CompareOp, SigmaCorrelation } from './model.ts';

/** Something a correlation counts: one matching event, or one alert of a referenced correlation. */
export interface Occurrence {
  /** the time it happened (an alert: its last evidence) */
  ts: number;
  first: number;
  /** index of the referenced rule in the correlation's `rules` */
  ref: number;
  rows: readonly number[];
  count: number;
  get(field: string): string | undefined;
}

export interface CorrelationHit {
  group: Record<string, string>;
  groupKey: string;
  start: number;
  end: number;
  rows: number[];
  count: number;
  /** the value the condition tested (count, distinct values, sum, ...) */
  metric: number;
}

export function compare(op: CompareOp, x: number, n: number): boolean {
  switch (op) {
    case 'gt': return x > n;
    case 'gte': return x >= n;
    case 'lt': return x < n;
    case 'lte': return x <= n;
    case 'eq': return x === n;
    default: return x !== n;
  }
}

function holds(c: SigmaCorrelation, x: number): boolean {
  return c.condition.every((k) => compare(k.op, x, k.value));
}

/** The value of `field` for an occurrence of rule `ref`, through the correlation's aliases. */
export function fieldFor(c: SigmaCorrelation, refNames: readonly (readonly string[])[], ref: number, field: string): string {
  const alias = c.aliases.get(field);
  if (alias === undefined) return field;
  for (const n of refNames[ref]) {
    const f = alias.get(n);
    if (f !== undefined) return f;
  }
  return field;
}

function valueOf(c: SigmaCorrelation, names: readonly (readonly string[])[], o: Occurrence, field: string): string | undefined {
  const parts = field.split(',');
  const vals = parts.map((f) => o.get(fieldFor(c, names, o.ref, f)));
  return vals.some((v) => v === undefined) ? undefined : vals.join('\u0000');
}

/** The metric of a window [i..j] (inclusive) for the aggregate types. */
function metric(c: SigmaCorrelation, names: readonly (readonly string[])[], occ: readonly Occurrence[], i: number, j: number): number {
  switch (c.type) {
    case 'event_count': {
      let n = 0;
      for (let k = i; k <= j; k++) n += occ[k].count;
      return n;
    }
    case 'value_count': {
      const seen = new Set<string>();
      for (let k = i; k <= j; k++) {
        const v = valueOf(c, names, occ[k], c.field ?? '');
        if (v !== undefined) seen.add(v);
      }
      return seen.size;
    }
    case 'temporal': {
      const seen = new Set<number>();
      for (let k = i; k <= j; k++) seen.add(occ[k].ref);
      return seen.size;
    }
    case 'value_sum': case 'value_avg': {
      let sum = 0, n = 0;
      for (let k = i; k <= j; k++) {
        const x = Number(valueOf(c, names, occ[k], c.field ?? ''));
        if (Number.isFinite(x)) {
          sum += x;
          n++;
        }
      }
      return c.type === 'value_sum' ? sum : n === 0 ? NaN : sum / n;
    }
    default: {
      // value_percentile: the share (in percent) of the window's events carrying the rarest value of the field
      const counts = new Map<string, number>();
      let total = 0;
      for (let k = i; k <= j; k++) {
        const v = valueOf(c, names, occ[k], c.field ?? '');
        if (v === undefined) continue;
        counts.set(v, (counts.get(v) ?? 0) + 1);
        total++;
      }
      let min = Infinity;
      for (const n of counts.values()) min = Math.min(min, n);
      return total === 0 ? NaN : (100 * min) / total;
    }
  }
}

function windowsOf(c: SigmaCorrelation, names: readonly (readonly string[])[], occ: readonly Occurrence[]): [number, number, number][] {
  const out: [number, number, number][] = [];
  const span = c.timespanMs, n = occ.length;
  if (c.type === 'temporal_ordered') {
    for (let i = 0; i < n;) {
      if (occ[i].ref !== 0) {
        i++;
        continue;
      }
      // earliest completion of the sequence rules[0] -> rules[1] -> ... starting at i
      let want = 1, last = i;
      for (let k = i + 1; k < n && want < c.rules.length && occ[k].ts - occ[i].ts <= span; k++) {
        if (occ[k].ref === want) {
          want++;
          last = k;
        }
      }
      if (want === c.rules.length) {
        out.push([i, last, c.rules.length]);
        i = last + 1;
      } else i++;
    }
    return out;
  }
  // event_count from prefix sums: a burst of 100k failures must not cost windows x events
  const prefix = c.type === 'event_count' ? new Float64Array(n + 1) : undefined;
  if (prefix !== undefined) for (let k = 0; k < n; k++) prefix[k + 1] = prefix[k] + occ[k].count;
  let j = 0;
  for (let i = 0; i < n;) {
    if (j < i) j = i;
    while (j + 1 < n && occ[j + 1].ts - occ[i].ts <= span) j++;
    const m = prefix !== undefined ? prefix[j + 1] - prefix[i] : metric(c, names, occ, i, j);
    const ok = c.type === 'temporal' && c.condition.length === 0 ? m >= c.rules.length : m === m && holds(c, m);
    if (ok) {
      out.push([i, j, m]);
      i = j + 1;
    } else i++;
  }
  return out;
}

/** Runs one correlation over the occurrences of its referenced rules (any order: sorted here). */
export function correlate(c: SigmaCorrelation, names: readonly (readonly string[])[], occurrences: Occurrence[], maxEvidence: number): CorrelationHit[] {
  // group by the group-by values; occurrences lacking one are left out, as SIEM `by` clauses do
  const groups = new Map<string, { group: Record<string, string>; occ: Occurrence[] }>();
  for (const o of occurrences) {
    const group: Record<string, string> = Object.create(null) as Record<string, string>;
    let key = '', missing = false;
    for (const g of c.groupBy) {
      const v = o.get(fieldFor(c, names, o.ref, g));
      if (v === undefined || v === '') {
        missing = true;
        break;
      }
      group[g] = v;
      key += `${g}=${v}\u0001`;
    }
    if (missing) continue;
    let e = groups.get(key);
    if (e === undefined) groups.set(key, e = { group, occ: [] });
    e.occ.push(o);
  }
  const hits: CorrelationHit[] = [];
  for (const [key, { group, occ }] of groups) {
    occ.sort((a, b) => a.ts - b.ts || a.rows[0] - b.rows[0]);
    for (const [i, j, m] of windowsOf(c, names, occ)) {
      const rows: number[] = [];
      let count = 0, first = Infinity;
      for (let k = i; k <= j; k++) {
        count += occ[k].count;
        first = Math.min(first, occ[k].first);
        for (const r of occ[k].rows) if (rows.length < maxEvidence) rows.push(r);
      }
      hits.push({ group, groupKey: key, start: first, end: occ[j].ts, rows, count, metric: m });
    }
  }
  return hits.sort((a, b) => a.start - b.start || (a.groupKey < b.groupKey ? -1 : 1));
}
