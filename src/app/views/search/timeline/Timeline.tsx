// The timeline over the current result: events per bucket (the engine picks a bucket size that fits
// the range), stacked by a chosen field; dragging selects a range that narrows the query (a pivot in
// the history); Reset widens it again. Times follow the display zone.
import { memo, useCallback, useMemo, useState } from 'react';
import type { EngineClient, IdleTracker } from '../../../../workers/client.ts';
import { StackedBarsPlot, type PlotRow, type PlotSeries } from '../../../../charts/svg/StackedBarsPlot.tsx';
import { useTracked } from '../../../hooks/useTracked.ts';
import { formatInZone } from '../../../time.ts';
import { RangeFields } from './RangeFields.tsx';
import { seriesColor } from './colors.ts';

const BUCKETS = 120;
const SPLITS = ['outcome', 'type', 'action', 'app.name', 'obs.host.name', 'parser.name'];
const NO_SPLIT = '';

function bucketLabel(ms: number): string {
  const units: [number, string][] = [[86_400_000, 'day'], [3_600_000, 'hour'], [60_000, 'minute'], [1000, 'second']];
  for (const [u, name] of units) if (ms % u === 0) { const n = ms / u; return n === 1 ? `1 ${name}` : `${n} ${name}s`; }
  return `${ms} ms`;
}

export const Timeline = memo(function Timeline({ engine, tracker, handle, from, to, timeZone, height, onRange, onReset }: {
  engine: EngineClient; tracker: IdleTracker; handle?: number; from?: number; to?: number; timeZone: string; height: number;
  onRange(from: number | undefined, to: number | undefined): void; onReset(): void;
}) {
  const [split, setSplit] = useState('outcome');
  const key = handle === undefined ? undefined : JSON.stringify([handle, split]);
  // key is set only with a handle; the last bars stay until the new ones come (keep: the plot updates in place)
  const hist = useTracked(tracker, key, () => engine.histogram(handle!, BUCKETS, split === NO_SPLIT ? undefined : split), true);
  const h = hist?.value;
  const { rows, series } = useMemo(() => plotOf(h?.buckets ?? [], h?.bucketMs ?? 0, split === NO_SPLIT), [h, split]);
  const ranged = from !== undefined || to !== undefined;
  const fine = h !== undefined && h.bucketMs < 60_000;
  const short = useCallback((ms: number) => formatInZone(ms, timeZone, { ms: false, offset: false, seconds: fine }), [timeZone, fine]);

  return (
    <section className="timeline" aria-label="Timeline">
      <div className="timeline__bar">
        <label>
          Stack by{' '}
          <select value={split} onChange={(e) => setSplit(e.currentTarget.value)}>
            {SPLITS.map((s) => <option key={s} value={s}>{s}</option>)}
            <option value={NO_SPLIT}>nothing</option>
          </select>
        </label>
        <RangeFields from={from} to={to} spanFrom={h?.buckets.length ? h.from : undefined} spanTo={h?.buckets.length ? h.to : undefined} timeZone={timeZone} onRange={onRange} />
        {h !== undefined && h.buckets.length > 0 && <span className="muted">{bucketLabel(h.bucketMs)} per bar</span>}
        {ranged && <button type="button" className="button" onClick={onReset}>Reset time range</button>}
        <span className="timeline__hint">Drag across the bars to zoom in.</span>
      </div>
      {hist?.error !== undefined && <p className="timeline__empty">The timeline could not be drawn: {hist.error}</p>}
      {h !== undefined && h.buckets.length === 0 && <p className="timeline__empty">No event here has a time, so there is nothing to draw.</p>}
      {h !== undefined && h.buckets.length > 0 && (
        <div className="timeline__chart" data-testid="timeline-chart">
          <StackedBarsPlot
            rows={rows} series={series} height={height} onRange={onRange}
            formatTick={short} formatTip={(r) => `${formatInZone(r.start, timeZone, { ms: false })} · ${bucketLabel(h.bucketMs)}`}
          />
        </div>
      )}
    </section>
  );
});

/** The engine's buckets as plot rows; series in a fixed order, (other) and (none) last. */
function plotOf(buckets: readonly { start: number; count: number; split?: Record<string, number> }[], bucketMs: number, whole: boolean): { rows: PlotRow[]; series: PlotSeries[] } {
  if (whole) {
    return {
      rows: buckets.map((b) => ({ start: b.start, end: b.start + bucketMs, total: b.count, bySeries: { events: b.count } })),
      series: [{ key: 'events', label: 'events', fill: seriesColor('events', 0) }],
    };
  }
  const names = new Set<string>();
  for (const b of buckets) for (const n of Object.keys(b.split ?? {})) names.add(n);
  const series = [...names].sort((a, b) => (a.startsWith('(') ? 1 : 0) - (b.startsWith('(') ? 1 : 0)).map((n, i) => ({ key: n, label: n, fill: seriesColor(n, i) }));
  const rows = buckets.map((b) => {
    const bySeries = Object.create(null) as Record<string, number>;
    const split = b.split ?? {};
    for (const n of Object.keys(split)) bySeries[n] = split[n];
    return { start: b.start, end: b.start + bucketMs, total: b.count, bySeries };
  });
  return { rows, series };
}
