// Events over time as stacked bars (one series per split value), with drag-to-select: pressing on a
// bucket and releasing on another reports the time range they span. Presentational: the engine has
// already bucketed the events; this draws what it is given.
import { useState } from 'react';
import { Bar, BarChart, CartesianGrid, ReferenceArea, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { MouseHandlerDataParam } from 'recharts';

export interface TimelineSeries { name: string; color: string }
/** start (epoch ms) and one count per series name */
export type TimelineDatum = { start: number } & Record<string, number>;

export function TimelineChart({ data, series, bucketMs, height, formatTick, formatTip, onRange }: {
  data: TimelineDatum[];
  series: TimelineSeries[];
  bucketMs: number;
  height: number;
  formatTick(ms: number): string;
  formatTip(ms: number): string;
  /** [from, to) of the buckets dragged over (one bucket for a click) */
  onRange(from: number, to: number): void;
}) {
  const [drag, setDrag] = useState<{ a: number; b: number }>();
  const indexOf = (s: MouseHandlerDataParam): number | undefined => {
    const i = Number(s.activeTooltipIndex ?? s.activeIndex);
    return Number.isInteger(i) && i >= 0 && i < data.length ? i : undefined;
  };
  const finish = (s: MouseHandlerDataParam) => {
    if (drag === undefined) return;
    const end = indexOf(s) ?? drag.b;
    const lo = Math.min(drag.a, end), hi = Math.max(drag.a, end);
    setDrag(undefined);
    onRange(data[lo].start, data[hi].start + bucketMs);
  };
  return (
    <ResponsiveContainer width="100%" height={height}>
      <BarChart
        data={data} margin={{ top: 8, right: 12, bottom: 0, left: 0 }} barCategoryGap={0}
        onMouseDown={(s) => { const i = indexOf(s); if (i !== undefined) setDrag({ a: i, b: i }); }}
        onMouseMove={(s) => { const i = indexOf(s); if (drag !== undefined && i !== undefined && i !== drag.b) setDrag({ ...drag, b: i }); }}
        onMouseUp={finish}
        onMouseLeave={() => setDrag(undefined)}
        style={{ cursor: 'crosshair', userSelect: 'none' }}
      >
        <CartesianGrid strokeDasharray="3 3" vertical={false} stroke="var(--line)" />
        <XAxis dataKey="start" tickFormatter={formatTick} minTickGap={48} tick={{ fill: 'var(--muted)', fontSize: 'var(--chart-font)' }} stroke="var(--line)" />
        <YAxis allowDecimals={false} width={56} tick={{ fill: 'var(--muted)', fontSize: 'var(--chart-font)' }} stroke="var(--line)" />
        <Tooltip isAnimationActive={false} content={(p) => <TimelineTip active={p.active} label={p.label} payload={p.payload} formatTip={formatTip} />} />
        {series.map((s) => <Bar key={s.name} dataKey={s.name} stackId="a" fill={s.color} isAnimationActive={false} />)}
        {drag !== undefined && (
          <ReferenceArea x1={data[Math.min(drag.a, drag.b)].start} x2={data[Math.max(drag.a, drag.b)].start} fill="var(--accent)" fillOpacity={0.2} />
        )}
      </BarChart>
    </ResponsiveContainer>
  );
}

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
