// Stacked bars over time buckets in plain SVG: one <path> per series (a few DOM nodes whatever the
// bucket count), value and time axes, a hover tip, a click on a segment, and (with onRange) a drag
// that selects a span of buckets. Drawn in one pass, with no chart library: the first draw of a
// recharts chart cost ~1 s of main thread on the dashboard and every re-query re-ran its layout.
import { memo, useMemo, useRef, useState } from 'react';
import { bandAt, labelWidth, niceTicks, spacedLabels } from './scale.ts';
import { useWidth } from './useWidth.ts';
import '../charts.css';

export interface PlotSeries {
  key: string;
  label: string;
  /** CSS class (theme colours: `series--failure`...) and the fill used when no rule sets one */
  className?: string;
  fill: string;
}

export interface PlotRow { start: number; end: number; total: number; bySeries: Readonly<Record<string, number>> }

export interface StackedBarsPlotProps {
  rows: readonly PlotRow[];
  /** bottom to top */
  series: readonly PlotSeries[];
  height: number;
  formatTick(ms: number): string;
  /** the tip's heading for a bucket */
  formatTip(row: PlotRow): string;
  formatValue?(n: number): string;
  /** a click on a bucket, with the series under the pointer when it is on a segment */
  onSelect?(row: PlotRow, series?: string): void;
  /** drag across buckets (a click selects one bucket): [start of the first, end of the last) */
  onRange?(from: number, to: number): void;
}

const M = { top: 8, right: 12, bottom: 22, left: 56 };

interface Geometry {
  x0: number; band: number; plotH: number; yMax: number; ticks: number[];
  y(v: number): number;
}

function geometry(rows: readonly PlotRow[], width: number, height: number): Geometry {
  let max = 0;
  for (const r of rows) if (r.total > max) max = r.total;
  const ticks = niceTicks(max);
  const yMax = ticks[ticks.length - 1];
  const plotH = Math.max(10, height - M.top - M.bottom);
  const band = rows.length > 0 ? Math.max(0, width - M.left - M.right) / rows.length : 0;
  return { x0: M.left, band, plotH, yMax, ticks, y: (v) => M.top + plotH - (v / yMax) * plotH };
}

const defaultValue = (n: number) => n.toLocaleString('en-US');

export function StackedBarsPlot(p: StackedBarsPlotProps) {
  const [box, width, fontPx] = useWidth<HTMLDivElement>();
  const g = useMemo(() => geometry(p.rows, width, p.height), [p.rows, width, p.height]);
  const [hover, setHover] = useState<{ i: number; x: number; y: number }>();
  const [sel, setSel] = useState<{ a: number; b: number }>();
  const drag = useRef<{ a: number; b: number } | undefined>(undefined);
  const n = p.rows.length;

  const at = (e: React.PointerEvent) => {
    const r = e.currentTarget.getBoundingClientRect();
    return { x: e.clientX - r.left, y: e.clientY - r.top };
  };
  /** the series whose segment is under y in bucket i (undefined above the bar) */
  const seriesAt = (i: number, y: number): string | undefined => {
    let below = 0;
    for (const s of p.series) {
      const v = p.rows[i].bySeries[s.key] ?? 0;
      if (v > 0 && y <= g.y(below) && y >= g.y(below + v)) return s.key;
      below += v;
    }
    return undefined;
  };
  const onPointerDown = (e: React.PointerEvent) => {
    if (n === 0 || e.button !== 0 || p.onRange === undefined) return;
    const i = bandAt(at(e).x, g.x0, g.band, n);
    drag.current = { a: i, b: i };
    setSel(drag.current);
    e.currentTarget.setPointerCapture?.(e.pointerId);
  };
  const onPointerMove = (e: React.PointerEvent) => {
    if (n === 0) return;
    const { x, y } = at(e);
    const i = bandAt(x, g.x0, g.band, n);
    const d = drag.current;
    if (d !== undefined) {
      if (i !== d.b) setSel((drag.current = { a: d.a, b: i }));
      return;
    }
    if (hover?.i !== i || Math.abs(hover.x - x) > 8 || Math.abs(hover.y - y) > 8) setHover({ i, x, y });
  };
  const onPointerUp = (e: React.PointerEvent) => {
    if (n === 0) return;
    const d = drag.current;
    if (d !== undefined) {
      drag.current = undefined;
      setSel(undefined);
      const lo = Math.min(d.a, d.b), hi = Math.max(d.a, d.b);
      p.onRange?.(p.rows[lo].start, p.rows[hi].end);
      return;
    }
    if (p.onSelect !== undefined && e.button === 0) {
      const { x, y } = at(e);
      const i = bandAt(x, g.x0, g.band, n);
      p.onSelect(p.rows[i], seriesAt(i, y));
    }
  };
  const onPointerLeave = () => {
    setHover(undefined);
    if (drag.current !== undefined) { drag.current = undefined; setSel(undefined); }
  };

  const lo = sel === undefined ? 0 : Math.min(sel.a, sel.b), hi = sel === undefined ? 0 : Math.max(sel.a, sel.b);
  const tipRow = hover !== undefined && sel === undefined ? p.rows[hover.i] : undefined;
  const fmt = p.formatValue ?? defaultValue;
  return (
    <div
      ref={box} className="svgchart" style={{ height: p.height, cursor: p.onRange !== undefined ? 'crosshair' : p.onSelect !== undefined ? 'pointer' : undefined }}
      onPointerDown={onPointerDown} onPointerMove={onPointerMove} onPointerUp={onPointerUp} onPointerLeave={onPointerLeave}
    >
      {width > 0 && <Bars rows={p.rows} series={p.series} g={g} width={width} height={p.height} fontPx={fontPx} formatTick={p.formatTick} formatValue={fmt} />}
      {sel !== undefined && (
        <div className="svgchart__sel" style={{ left: g.x0 + lo * g.band, width: Math.max(2, (hi - lo + 1) * g.band), top: M.top, height: g.plotH }} />
      )}
      {tipRow !== undefined && hover !== undefined && (
        <>
          <div className="svgchart__hover" style={{ left: g.x0 + hover.i * g.band, width: Math.max(1, g.band), top: M.top, height: g.plotH }} />
          <div className="timeline-tip svgchart__tip" style={hover.x > width / 2 ? { right: width - hover.x + 12, top: 4 } : { left: hover.x + 12, top: 4 }}>
            <div className="timeline-tip__when">{p.formatTip(tipRow)}</div>
            {p.series.filter((s) => (tipRow.bySeries[s.key] ?? 0) > 0).map((s) => (
              <div key={s.key}><span className={`timeline-tip__swatch ${s.className ?? ''}`} style={{ background: s.fill }} /> {s.label}: {fmt(tipRow.bySeries[s.key])}</div>
            ))}
            {tipRow.total === 0 && <div>no events</div>}
          </div>
        </>
      )}
    </div>
  );
}

/** The picture: memoized, so hovering and dragging (overlay state) never redraw it. */
const Bars = memo(function Bars({ rows, series, g, width, height, fontPx, formatTick, formatValue }: {
  rows: readonly PlotRow[]; series: readonly PlotSeries[]; g: Geometry; width: number; height: number; fontPx: number;
  formatTick(ms: number): string; formatValue(n: number): string;
}) {
  const gap = g.band >= 4 ? 1 : 0;
  const w = Math.max(0.5, g.band - gap);
  const paths = series.map(() => [] as string[]);
  rows.forEach((r, i) => {
    let below = 0;
    const x = (g.x0 + i * g.band + gap / 2).toFixed(1);
    series.forEach((s, k) => {
      const v = r.bySeries[s.key] ?? 0;
      if (!(v > 0)) return;
      const top = g.y(below + v), bottom = g.y(below);
      paths[k].push(`M${x} ${top.toFixed(1)}h${w.toFixed(1)}V${bottom.toFixed(1)}h${(-w).toFixed(1)}Z`);
      below += v;
    });
  });
  // every label has the same form (the zone's date and time): the first one's length sizes them all
  const labels = rows.length === 0 ? [] : spacedLabels(rows.length, g.x0, g.band, labelWidth(formatTick(rows[0].start).length, fontPx));
  const right = width - M.right;
  return (
    <svg width={width} height={height} className="svgchart__svg" role="presentation">
      <g className="chart__grid svgchart__axis">
        {g.ticks.map((t) => (
          <g key={t}>
            <line x1={M.left} x2={right} y1={g.y(t)} y2={g.y(t)} strokeDasharray={t === 0 ? undefined : '3 3'} />
            <text x={M.left - 6} y={g.y(t)} dy="0.32em" textAnchor="end">{formatValue(t)}</text>
          </g>
        ))}
      </g>
      {series.map((s, k) => (
        <g key={s.key} className={`series ${s.className ?? ''}`}><path d={paths[k].join('')} fill={s.fill} /></g>
      ))}
      <g className="svgchart__axis">
        {labels.map(({ i, anchor }) => (
          <text key={i} x={g.x0 + (i + 0.5) * g.band} y={height - 6} textAnchor={anchor}>{formatTick(rows[i].start)}</text>
        ))}
      </g>
    </svg>
  );
});
