// Events over time as stacked bars split by a field (outcome: failure red, success green). Clicking a
// bar segment, or a bucket's button in the table, calls onSelect with the bucket's range and series.
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { ChartFrame } from './ChartFrame.tsx';
import { formatCount } from './series/bars.ts';
import { SERIES_FILL, seriesClass, seriesLabel, stackedSeries, type StackedRow, type TimeBucketInput } from './series/stackedTime.ts';

/** Grid lines not drawn: without a generator recharts still measures every tick label to place them. */
const NO_LINES = (): number[] => [];

/** about this many labelled ticks on the time axis */
const TICKS = 8;

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
  const { keys, rows } = stackedSeries(buckets, bucketMs);
  const note = rows.length > 0 ? `${formatCount(rows.length)} buckets of ${duration(bucketMs)}` : undefined;
  const plot = (
    <>
      <ResponsiveContainer width="100%" height={height}>
        <BarChart data={rows} margin={{ top: 8, right: 16, bottom: 4, left: 4 }} barCategoryGap={1}>
          <CartesianGrid vertical={false} verticalCoordinatesGenerator={NO_LINES} strokeDasharray="3 3" className="chart__grid" />
          {/* a fixed tick interval: recharts then measures no tick text (measuring every bucket's label is slow) */}
          <XAxis dataKey="start" tickFormatter={(v) => formatTick(Number(v))} interval={Math.max(0, Math.ceil(rows.length / TICKS) - 1)} className="chart__axis" />
          <YAxis allowDecimals={false} tickFormatter={formatCount} width={56} className="chart__axis" />
          <Tooltip labelFormatter={(v) => formatTime(Number(v))} formatter={(n) => formatCount(Number(n))} />
          {keys.map((k, i) => {
            const cls = seriesClass(k, i);
            return (
              <Bar
                key={k} stackId="time" name={seriesLabel(k)} dataKey={(r: StackedRow) => r.bySeries[k] ?? 0}
                isAnimationActive={false} className={`series ${cls}`} fill={SERIES_FILL[cls]}
                cursor={onSelect ? 'pointer' : undefined}
                onClick={onSelect ? (d) => { const r = d.payload as StackedRow | undefined; if (r) onSelect({ from: r.start, to: r.end }, k); } : undefined}
              />
            );
          })}
        </BarChart>
      </ResponsiveContainer>
      <ul className="chart__legend">
        {keys.map((k, i) => <li key={k}><span className={`chart__swatch ${seriesClass(k, i)}`} />{seriesLabel(k)}</li>)}
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
