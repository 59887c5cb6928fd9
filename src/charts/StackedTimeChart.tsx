// Events over time as stacked bars split by a field (outcome: failure red, success green). Clicking a
// bar segment, or a bucket's button in the table, calls onSelect with the bucket's range and series.
import { useMemo } from 'react';
import { ChartFrame } from './ChartFrame.tsx';
import { formatCount } from './series/bars.ts';
import { SERIES_FILL, seriesClass, seriesLabel, stackedSeries, type TimeBucketInput } from './series/stackedTime.ts';
import { StackedBarsPlot, type PlotSeries } from './svg/StackedBarsPlot.tsx';

export interface StackedTimeChartProps {
  title: string;
  buckets: readonly TimeBucketInput[];
  bucketMs: number;
  /** axis ticks (short) and full times (tooltips, table), in the user's zone with its offset */
  formatTick: (ms: number) => string;
  formatTime: (ms: number) => string;
  /** a bucket (and the series clicked, when a segment was) */
  onSelect?: (range: { from: number; to: number }, series?: string) => void;
  height?: number;
  empty?: string;
}

export function StackedTimeChart({ title, buckets, bucketMs, formatTick, formatTime, onSelect, height = 220, empty }: StackedTimeChartProps) {
  const { keys, rows } = useMemo(() => stackedSeries(buckets, bucketMs), [buckets, bucketMs]);
  const series = useMemo(() => keys.map((k, i): PlotSeries => {
    const cls = seriesClass(k, i);
    return { key: k, label: seriesLabel(k), className: cls, fill: SERIES_FILL[cls] };
  }), [keys]);
  const note = rows.length > 0 ? `${formatCount(rows.length)} buckets of ${duration(bucketMs)}` : undefined;
  const plot = (
    <>
      <StackedBarsPlot
        rows={rows} series={series} height={height} formatTick={formatTick} formatValue={formatCount}
        formatTip={(r) => formatTime(r.start)}
        onSelect={onSelect === undefined ? undefined : (r, k) => onSelect({ from: r.start, to: r.end }, k)}
      />
      <ul className="chart__legend">
        {/* the swatch takes the bars' fill (--swatch) unless a theme class sets the series colour */}
        {series.map((s) => <li key={s.key}><span className={`chart__swatch ${s.className}`} style={{ '--swatch': s.fill } as React.CSSProperties} />{s.label}</li>)}
      </ul>
    </>
  );
  const table = () => (
    <table className="chart-table">
      <thead>
        <tr><th scope="col">From</th>{keys.map((k) => <th key={k} scope="col">{seriesLabel(k)}</th>)}<th scope="col">All</th></tr>
      </thead>
      <tbody>
        {rows.filter((r) => r.total > 0).map((r) => (
          <tr key={r.start}>
            <th scope="row">
              {onSelect
                ? <button type="button" className="link-button" aria-label={`Show events from ${formatTime(r.start)} to ${formatTime(r.end)}`} onClick={() => onSelect({ from: r.start, to: r.end })}>{formatTime(r.start)}</button>
                : formatTime(r.start)}
            </th>
            {keys.map((k) => <td key={k} className="num">{formatCount(r.bySeries[k] ?? 0)}</td>)}
            <td className="num">{formatCount(r.total)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
  return <ChartFrame title={title} note={note} empty={empty} isEmpty={rows.every((r) => r.total === 0)} plot={plot} table={table} />;
}

function duration(ms: number): string {
  const units: [number, string][] = [[86_400_000, 'day'], [3_600_000, 'hour'], [60_000, 'minute'], [1000, 'second']];
  for (const [size, name] of units) {
    if (ms % size === 0) {
      const n = ms / size;
      return n === 1 ? `1 ${name}` : `${n} ${name}s`;
    }
  }
  return `${ms} ms`;
}
