// Horizontal bars for a top-N list in plain SVG: a label column, one bar per value, a count axis and a
// hover tip; a click on a row calls onSelect with its value. Labels are React text (never markup).
import { memo, useState } from 'react';
import type { BarRow } from '../series/bars.ts';
import { niceTicks } from './scale.ts';
import { useWidth } from './useWidth.ts';

export const ROW_PX = 26;
const M = { top: 4, right: 16, bottom: 22 };

export function HBarsPlot({ rows, labelWidth, className, fill, formatValue, onSelect }: {
  rows: readonly BarRow[]; labelWidth: number; className: string; fill: string;
  formatValue(n: number): string; onSelect?(value: string): void;
}) {
  const [box, width] = useWidth<HTMLDivElement>();
  const [hover, setHover] = useState<number>();
  const height = rows.length * ROW_PX + M.top + M.bottom;
  const rowAt = (e: React.MouseEvent) => {
    const y = e.clientY - e.currentTarget.getBoundingClientRect().top - M.top;
    const i = Math.floor(y / ROW_PX);
    return i >= 0 && i < rows.length ? i : undefined;
  };
  const tip = hover === undefined ? undefined : rows[hover];
  return (
    <div
      ref={box} className="svgchart" style={{ height, cursor: onSelect !== undefined ? 'pointer' : undefined }}
      onPointerMove={(e) => { const i = rowAt(e); if (i !== hover) setHover(i); }}
      onPointerLeave={() => setHover(undefined)}
      onClick={(e) => { const i = rowAt(e); if (i !== undefined) onSelect?.(rows[i].value); }}
    >
      {width > 0 && <Bars rows={rows} width={width} height={height} labelWidth={labelWidth} className={className} fill={fill} formatValue={formatValue} />}
      {tip !== undefined && hover !== undefined && (
        <div className="timeline-tip svgchart__tip" style={{ left: labelWidth + 8, top: M.top + (hover + 1) * ROW_PX }}>
          <div className="timeline-tip__when">{tip.value === '' ? '(empty)' : tip.value}</div>
          <div>{formatValue(tip.count)} events</div>
        </div>
      )}
    </div>
  );
}

const Bars = memo(function Bars({ rows, width, height, labelWidth, className, fill, formatValue }: {
  rows: readonly BarRow[]; width: number; height: number; labelWidth: number; className: string; fill: string; formatValue(n: number): string;
}) {
  const ticks = niceTicks(rows.reduce((m, r) => Math.max(m, r.count), 0));
  const max = ticks[ticks.length - 1];
  const x0 = labelWidth, span = Math.max(10, width - labelWidth - M.right);
  const x = (v: number) => x0 + (v / max) * span;
  const bottom = M.top + rows.length * ROW_PX;
  return (
    <svg width={width} height={height} className="svgchart__svg" role="presentation">
      <g className="chart__grid svgchart__axis">
        {ticks.map((t) => (
          <g key={t}>
            <line x1={x(t)} x2={x(t)} y1={M.top} y2={bottom} strokeDasharray={t === 0 ? undefined : '3 3'} />
            <text x={x(t)} y={height - 6} textAnchor="middle">{formatValue(t)}</text>
          </g>
        ))}
      </g>
      <g className="svgchart__axis">
        {rows.map((r, i) => <text key={r.value} x={x0 - 6} y={M.top + (i + 0.5) * ROW_PX} dy="0.32em" textAnchor="end">{r.label}</text>)}
      </g>
      <g className={`series ${className}`}>
        {rows.map((r, i) => <rect key={r.value} className="svgchart__bar" x={x0} y={M.top + i * ROW_PX + 4} width={Math.max(1, x(r.count) - x0)} height={ROW_PX - 8} fill={fill} />)}
      </g>
    </svg>
  );
});
