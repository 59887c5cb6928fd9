// The event table: virtual rows over any number of events (scroll scaling past the browsers' height
// cap), sticky time column, sortable and resizable columns, keyboard moves (j/k, arrows, Page, Home/End,
// Enter opens, the current row highlighted). Rows come in blocks from the engine (useRows).
import { useEffect, useRef, useState } from 'react';
import type { SortSpec } from '../../../../workers/api.ts';
import { zoneLabel } from '../../../time.ts';
import { scrollRange, scrollTopFor, windowAt } from '../scrollScale.ts';
import { cellText, columnLabel, defaultWidth } from './columns.ts';
import type { Rows } from './useRows.ts';
import { SafeText } from '../../../components/SafeText.tsx';

/**
 * a longer value is cut in the cell (laying out 50,000 characters blocks the page; painting a 2,000-character
 * line still took a long task on the hostile-query path); the drawer shows it whole
 */
const CELL_MAX = 500;

export const ROW_HEIGHT = { compact: 24, normal: 30, comfortable: 40, projector: 46 } as const;
export type Density = keyof typeof ROW_HEIGHT;
const HEADER = 34;

export function EventTable({ rows, total, columns, sort, density, timeZone, current, onCurrent, onOpen, onSort }: {
  rows: Rows; total: number; columns: string[]; sort?: SortSpec; density: Density; timeZone: string;
  current: number; onCurrent(position: number): void; onOpen(position: number): void; onSort(sort: SortSpec | undefined): void;
}) {
  const scroller = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [viewHeight, setViewHeight] = useState(400);
  const [widths, setWidths] = useState<Record<string, number>>({});
  const rowHeight = ROW_HEIGHT[density];
  const g = { total, rowHeight, viewHeight: Math.max(rowHeight, viewHeight - HEADER) };
  const w = windowAt(g, scrollTop);
  // projector type is larger: default widths grow with it
  const scale = density === 'projector' ? 1.4 : 1;
  const template = columns.map((c) => `${widths[c] ?? Math.round(defaultWidth(c) * scale)}px`).join(' ');
  const { want } = rows;

  // the observer's first report comes right after layout: reading clientHeight here instead would force a
  // synchronous layout of the whole page each time the table mounts (every empty -> non-empty result)
  useEffect(() => {
    const el = scroller.current;
    if (el === null) return;
    const ro = new ResizeObserver(() => setViewHeight(el.clientHeight));
    ro.observe(el);
    return () => ro.disconnect();
  }, []);

  useEffect(() => { want(Math.max(0, w.first - 20), w.count + 40); }, [want, w.first, w.count]);

  // keep the current row in view when the keyboard moves it
  useEffect(() => {
    const el = scroller.current;
    if (el === null || current < 0 || current >= total) return;
    const next = scrollTopFor(g, current, el.scrollTop);
    if (Math.abs(next - el.scrollTop) >= 1) el.scrollTop = next;
    // g is derived from these values
  }, [current, total, g.rowHeight, g.viewHeight]); // eslint-disable-line react-hooks/exhaustive-deps

  const move = (to: number) => onCurrent(Math.min(Math.max(0, to), total - 1));
  const onKeyDown = (e: React.KeyboardEvent) => {
    if (total === 0 || e.target !== e.currentTarget) return;
    const page = Math.max(1, Math.floor(g.viewHeight / rowHeight) - 1);
    const at = current < 0 ? w.first : current;
    const keys: Record<string, () => void> = {
      j: () => move(current < 0 ? w.first : at + 1), ArrowDown: () => move(current < 0 ? w.first : at + 1),
      k: () => move(at - 1), ArrowUp: () => move(at - 1),
      PageDown: () => move(at + page), PageUp: () => move(at - page), Home: () => move(0), End: () => move(total - 1),
      Enter: () => { if (current >= 0) onOpen(current); },
    };
    const f = keys[e.key];
    if (f !== undefined && !e.ctrlKey && !e.metaKey && !e.altKey) {
      e.preventDefault();
      f();
    }
  };

  const startResize = (field: string, e: React.PointerEvent) => {
    e.preventDefault();
    e.stopPropagation();
    const x0 = e.clientX, w0 = widths[field] ?? Math.round(defaultWidth(field) * scale);
    const onMove = (m: PointerEvent) => setWidths((old) => ({ ...old, [field]: Math.max(60, Math.round(w0 + m.clientX - x0)) }));
    const onUp = () => { window.removeEventListener('pointermove', onMove); window.removeEventListener('pointerup', onUp); };
    window.addEventListener('pointermove', onMove);
    window.addEventListener('pointerup', onUp);
  };
  const nextSort = (field: string): SortSpec | undefined => {
    if (sort?.field !== field) return { field, dir: field === 'ts' ? 'desc' : 'asc' };
    if (sort.dir === (field === 'ts' ? 'desc' : 'asc')) return { field, dir: sort.dir === 'asc' ? 'desc' : 'asc' };
    return undefined;
  };

  const visible = [];
  for (let i = 0; i < w.count; i++) {
    const pos = w.first + i;
    const row = rows.at(pos);
    const cls = ['trow', pos === current ? 'trow--current' : '', row?.fields['parser.name'] === 'unparsed' ? 'trow--unparsed' : ''].join(' ');
    visible.push(
      // keyed by slot, not position: a scroll step re-fills the same row elements with new text instead of
      // removing and creating every row (the DOM churn was most of a scroll step's main-thread time)
      <div key={i} role="row" aria-rowindex={pos + 2} aria-current={pos === current ? 'true' : undefined} className={cls}
        onClick={() => { onCurrent(pos); onOpen(pos); }}>
        {columns.map((c) => (
          <div key={c} role="cell" className={c === 'ts' ? 'tcell tcell--ts' : `tcell${c === 'message' ? ' tcell--message' : ''}`}>
            {row === undefined ? (c === columns[0] ? '…' : '') : <SafeText text={cellText(row, c, timeZone)} max={CELL_MAX} />}
          </div>
        ))}
      </div>,
    );
  }

  return (
    <div
      ref={scroller} className={`etable etable--${density}`} tabIndex={0} role="table" aria-label="Events" aria-rowcount={total + 1} aria-busy={rows.stale || undefined}
      onScroll={(e) => setScrollTop(e.currentTarget.scrollTop)} onKeyDown={onKeyDown}
    >
      {/* the column template and row height are set once here (CSS variables), not on every row */}
      <div className="etable__layer" style={{ height: viewHeight, '--etable-cols': template, '--etable-row': `${rowHeight}px` } as React.CSSProperties}>
        <div role="row" aria-rowindex={1} className="trow trow--head" style={{ height: HEADER }}>
          {columns.map((c) => {
            const dir = sort?.field === c ? sort.dir : c === 'ts' && sort === undefined ? 'asc' : undefined;
            return (
              <div key={c} role="columnheader" aria-sort={dir === 'asc' ? 'ascending' : dir === 'desc' ? 'descending' : 'none'} className={c === 'ts' ? 'tcell tcell--ts' : 'tcell'}>
                <button type="button" className="th__sort" title={c} onClick={() => onSort(nextSort(c))}>
                  {c === 'ts' ? `Time (${zoneLabel(timeZone)})` : columnLabel(c)}
                  {dir !== undefined && <span aria-hidden="true">{dir === 'asc' ? ' ▲' : ' ▼'}</span>}
                </button>
                <span className="th__resize" role="separator" aria-orientation="vertical" aria-label={`Resize ${columnLabel(c)}`} onPointerDown={(e) => startResize(c, e)} />
              </div>
            );
          })}
        </div>
        <div className="etable__rows" style={{ transform: `translateY(${-w.shift}px)` }}>{visible}</div>
      </div>
      <div aria-hidden="true" style={{ height: scrollRange(g), width: 1 }} />
    </div>
  );
}
