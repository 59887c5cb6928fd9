// Horizontal bars for a top-N list (source IPs, targeted users, actions, countries). Clicking a bar or
// its table button calls onSelect with the value; the view decides where that leads.
import { ChartFrame } from './ChartFrame.tsx';
import { barRows, formatCount, formatShare, type BarInput, type BarRow } from './series/bars.ts';
import { SERIES_FILL } from './series/stackedTime.ts';
import { HBarsPlot } from './svg/HBarsPlot.tsx';

export interface BarsChartProps {
  title: string;
  values: readonly BarInput[];
  /** events in all, for the share column (else shares are of the largest bar) */
  total?: number;
  /** distinct values in all: the note says "top N of M" */
  distinct?: number;
  onSelect?: (value: string) => void;
  /** accessible name of a value's button, e.g. (v) => `Show events from ${v}` */
  actionLabel?: (value: string) => string;
  /** colour of the bars: outcome colours when the list is of failures or successes */
  tone?: 'accent' | 'failure' | 'success';
  empty?: string;
}

/** Room for the longest axis label (about 7 px a character at the chart's font size), within bounds. */
function labelWidth(rows: readonly BarRow[]): number {
  const chars = rows.reduce((m, r) => Math.max(m, r.label.length), 1);
  return Math.min(200, Math.max(40, 12 + 7 * chars));
}

export function BarsChart({ title, values, total, distinct, onSelect, actionLabel, tone = 'accent', empty }: BarsChartProps) {
  const rows = barRows(values, total);
  const cls = tone === 'accent' ? 'series--c0' : `series--${tone}`;
  const note = distinct !== undefined && distinct > values.length ? `top ${values.length} of ${formatCount(distinct)}` : undefined;
  const label = actionLabel ?? ((v: string) => `Show events for ${v}`);
  const plot = <HBarsPlot rows={rows} labelWidth={labelWidth(rows)} className={cls} fill={SERIES_FILL[cls]} formatValue={formatCount} onSelect={onSelect} />;
  const table = () => (
    <table className="chart-table">
      <thead><tr><th scope="col">Value</th><th scope="col">Events</th><th scope="col">Share</th></tr></thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.value}>
            <th scope="row">
              {onSelect ? <button type="button" className="link-button" aria-label={label(r.value)} onClick={() => onSelect(r.value)}>{r.value}</button> : r.value}
            </th>
            <td className="num">{formatCount(r.count)}</td>
            <td className="num">{formatShare(r.share)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
  return <ChartFrame title={title} note={note} empty={empty} isEmpty={rows.length === 0} plot={plot} table={table} />;
}
