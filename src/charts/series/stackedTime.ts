// Time buckets split by a field (outcome by default) as rows for a stacked bar chart, with the series
// in a fixed, meaningful order and a CSS class per series so colour carries meaning in every theme.

export interface TimeBucketInput { start: number; count: number; split?: Record<string, number> }

export interface StackedRow {
  start: number;
  end: number;
  total: number;
  /**
   * null prototype: a series named "__proto__" or "start" is an ordinary key.
   */
  bySeries: Record<string, number>;
}

export interface StackedSeries {
  /** series names, stacked bottom to top */
  keys: string[];
  rows: StackedRow[];
}

const FIRST = ['failure', 'success', 'unknown'];
/** alert severities, worst at the bottom of the stack */
const SEVERITY = ['critical', 'high', 'medium', 'low', 'informational'];
const LAST = ['(other)', '(none)'];

export function stackedSeries(buckets: readonly TimeBucketInput[], bucketMs: number): StackedSeries {
  const totals = new Map<string, number>();
  const rows = buckets.map((b): StackedRow => {
    const bySeries = Object.create(null) as Record<string, number>;
    const split = b.split ?? { '(none)': b.count };
    for (const key of Object.keys(split)) {
      const n = split[key];
      if (!(n > 0)) continue;
      bySeries[key] = n;
      totals.set(key, (totals.get(key) ?? 0) + n);
    }
    return { start: b.start, end: b.start + bucketMs, total: b.count, bySeries };
  });
  return { keys: orderKeys([...totals.keys()], totals), rows };
}

/** failure, success, unknown first (the colours people look for), then severities, others by size, then (other), (none). */
export function orderKeys(keys: readonly string[], totals: ReadonlyMap<string, number>): string[] {
  const rank = (k: string) => {
    const f = FIRST.indexOf(k);
    if (f >= 0) return f;
    const sev = SEVERITY.indexOf(k);
    if (sev >= 0) return 10 + sev;
    const l = LAST.indexOf(k);
    return l >= 0 ? 100 + l : 50;
  };
  return [...keys].sort((a, b) => rank(a) - rank(b) || (totals.get(b) ?? 0) - (totals.get(a) ?? 0) || (a < b ? -1 : a > b ? 1 : 0));
}

/** The CSS class of a series: outcome colours, a neutral grey for (other)/(none), else a palette slot. */
export function seriesClass(key: string, position: number): string {
  if (FIRST.includes(key)) return `series--${key}`;
  if (SEVERITY.includes(key)) return `series--sev-${key}`;
  if (LAST.includes(key)) return 'series--rest';
  return `series--c${position % 8}`;
}

/** Human name of a series in legends and tables. */
export function seriesLabel(key: string): string {
  return key === '(none)' ? 'no value' : key === '(other)' ? 'other values' : key;
}

/** Fill colours of the SVG shapes and swatches; charts.css overrides them per theme by class. */
export const SERIES_FILL: Readonly<Record<string, string>> = {
  'series--failure': '#b3261e', 'series--success': '#1e7a3c', 'series--unknown': '#8a5a00', 'series--rest': '#7b8494',
  'series--c0': '#2057d6', 'series--c1': '#8e44ad', 'series--c2': '#00838f', 'series--c3': '#c2185b',
  'series--sev-critical': '#82071e', 'series--sev-high': '#cf222e', 'series--sev-medium': '#bf8700', 'series--sev-low': '#0969da',
  'series--sev-informational': '#6e7781',
  'series--c4': '#5d4037', 'series--c5': '#33691e', 'series--c6': '#e65100', 'series--c7': '#455a64',
};
