// Events over time as stacked bars (one series per split value), with drag-to-select: pressing on a
// bucket and releasing on another reports the time range they span. Presentational: the engine has
// already bucketed the events; this draws what it is given.
import { memo, useRef, useState } from 'react';
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { MouseHandlerDataParam } from 'recharts';

export interface TimelineSeries { name: string; color: string }
/** start (epoch ms) and one count per series name */
export type TimelineDatum = { start: number } & Record<string, number>;

/**
 * The selection is drawn by a small overlay with its own state: dragging re-renders the overlay only,
 * never the bars (a recharts render of ~1,000 bars per mouse move would block the main thread).
 */
export function TimelineChart(props: Parameters<typeof Bars>[0]) {
  const [sel, setSel] = useState<{ x1: number; x2: number }>();
  return (
    <div className="timeline-chart" style={{ position: 'relative' }}>
      <Bars {...props} onSelecting={setSel} />
      {sel !== undefined && (
        <div aria-hidden="true" style={{ position: 'absolute', top: 8, height: props.height - 38, left: Math.min(sel.x1, sel.x2), width: Math.abs(sel.x2 - sel.x1), background: 'var(--accent)', opacity: 0.2, pointerEvents: 'none' }} />
      )}
    </div>
  );
}

const Bars = memo(function Bars({ data, series, bucketMs, height, formatTick, formatTip, onRange, onSelecting }: {
  data: TimelineDatum[];
  series: TimelineSeries[];
  bucketMs: number;
  height: number;
  formatTick(ms: number): string;
  formatTip(ms: number): string;
  /** [from, to) of the buckets dragged over (one bucket for a click) */
  onRange(from: number, to: number): void;
  /** pixel span of the selection while dragging (undefined when none) */
  onSelecting?(span: { x1: number; x2: number } | undefined): void;
}) {
  const drag = useRef<{ a: number; b: number; xa: number; xb: number; half: number } | undefined>(undefined);
  const show = () => {
    const d = drag.current;
    onSelecting?.(d === undefined ? undefined : { x1: Math.min(d.xa, d.xb) - d.half, x2: Math.max(d.xa, d.xb) + d.half });
  };
  const indexOf = (s: MouseHandlerDataParam): number | undefined => {
    const i = Number(s.activeTooltipIndex ?? s.activeIndex);
    return Number.isInteger(i) && i >= 0 && i < data.length ? i : undefined;
  };
  const finish = (s: MouseHandlerDataParam) => {
    const d = drag.current;
    if (d === undefined) return;
    const end = indexOf(s) ?? d.b;
    const lo = Math.min(d.a, end), hi = Math.max(d.a, end);
    drag.current = undefined;
    show();
    onRange(data[lo].start, data[hi].start + bucketMs);
  };
  const xOf = (s: MouseHandlerDataParam) => s.activeCoordinate?.x ?? 0;
  return (
    <ResponsiveContainer width="100%" height={height}>
      <BarChart
        data={data} margin={{ top: 8, right: 12, bottom: 0, left: 0 }} barCategoryGap={0}
        onMouseDown={(s) => {
          const i = indexOf(s);
          if (i === undefined) return;
          drag.current = { a: i, b: i, xa: xOf(s), xb: xOf(s), half: 3 };
          show();
        }}
        onMouseMove={(s) => {
          const i = indexOf(s), d = drag.current;
          if (d === undefined || i === undefined || i === d.b) return;
          const xb = xOf(s);
          // half a bar: the distance between bar centres over the bars between them
          drag.current = { ...d, b: i, xb, half: i === d.a ? d.half : Math.abs(xb - d.xa) / Math.abs(i - d.a) / 2 };
          show();
        }}
        onMouseUp={finish}
        onMouseLeave={() => { drag.current = undefined; show(); }}
        style={{ cursor: 'crosshair', userSelect: 'none' }}
      >
        <CartesianGrid strokeDasharray="3 3" vertical={false} stroke="var(--line)" />
        <XAxis dataKey="start" tickFormatter={formatTick} minTickGap={48} tick={{ fill: 'var(--muted)', fontSize: 'var(--chart-font)' }} stroke="var(--line)" />
        <YAxis allowDecimals={false} width={56} tick={{ fill: 'var(--muted)', fontSize: 'var(--chart-font)' }} stroke="var(--line)" />
        <Tooltip isAnimationActive={false} content={(p) => <TimelineTip active={p.active} label={p.label} payload={p.payload} formatTip={formatTip} />} />
        {series.map((s) => <Bar key={s.name} dataKey={s.name} stackId="a" fill={s.color} isAnimationActive={false} />)}
      </BarChart>
    </ResponsiveContainer>
  );
});

/**
 * Our own tooltip: recharts' default one is a live region (role="status"), which would compete with the
 * page's status line for screen readers (and for tests finding "the" status).
 */
function TimelineTip({ active, label, payload, formatTip }: {
  active?: boolean; label?: unknown; payload?: readonly { name?: unknown; value?: unknown; color?: string }[]; formatTip(ms: number): string;
}) {
  if (active !== true || payload === undefined || payload.length === 0) return null;
  const rows = payload.filter((e) => typeof e.value === 'number' && e.value > 0);
  return (
    <div className="timeline-tip">
      <div className="timeline-tip__when">{formatTip(Number(label))}</div>
      {rows.map((e) => (
        <div key={String(e.name)}><span className="timeline-tip__swatch" style={{ background: e.color }} /> {String(e.name)}: {(e.value as number).toLocaleString('en-US')}</div>
      ))}
    </div>
  );
}
