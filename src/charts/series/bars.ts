// Top-N bars (top source IPs, targeted users, actions, countries): rows for a horizontal bar chart.
// The engine already counted; this only shapes and labels.

export interface BarInput { value: string; count: number }

export interface BarRow {
  /** the whole value (tooltips, tables, clicks) */
  value: string;
  /** the axis label: long values shortened with an ellipsis */
  label: string;
  count: number;
  /** share of `total` (0..1), or of the largest count when no total is known */
  share: number;
}

export const LABEL_CHARS = 28;

export function shortLabel(value: string, max = LABEL_CHARS): string {
  if (value === '') return '(empty)';
  return value.length <= max ? value : `${value.slice(0, max - 1)}…`;
}

export function barRows(values: readonly BarInput[], total?: number): BarRow[] {
  const base = total !== undefined && total > 0 ? total : values.reduce((m, v) => Math.max(m, v.count), 0);
  return values.map((v) => ({ value: v.value, label: shortLabel(v.value), count: v.count, share: base > 0 ? v.count / base : 0 }));
}

const COUNT_FORMAT = new Intl.NumberFormat('en-US');

/** Exact counts as people read them: 1,234 (one shared formatter: toLocaleString builds one per call). */
export function formatCount(n: number): string {
  return COUNT_FORMAT.format(n);
}

export function formatShare(share: number): string {
  return `${(share * 100).toFixed(share >= 0.1 || share === 0 ? 0 : 1)}%`;
}
