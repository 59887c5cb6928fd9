// Renders only the rows of a long list that are in view (plus a margin): a 10,000-member archive gave
// 10,000 file rows and 10,000 ledger rows with their controls, re-rendered on every progress report.
// Rows are assumed to be about the same height; the estimate is corrected from the rows rendered, and
// spacers above and below keep the scrollbar true. Short lists render whole (find-in-page still works).
import { useCallback, useRef, useState } from 'react';

/**
 * Lists up to this long are rendered whole. Was 200: an archive's first 200 members rendered 200 ledger rows
 * (each with its parser list) and 200 file rows, frame after frame, while they arrived (issue 9: 100-500 ms
 * main-thread tasks); the window shows about 25 rows plus the overscan either way.
 */
export const VIRTUAL_FROM = 50;
const OVERSCAN = 20;

/**
 * Per list: rendered whole up to wholeUpTo rows (default VIRTUAL_FROM), overscan rows beyond each edge (default 20),
 * viewPx the scroll box's height until it is measured (default 600; its CSS max-height when it has one).
 */
export interface VirtualOptions { wholeUpTo?: number; overscan?: number; viewPx?: number }

export interface VirtualWindow {
  /** attach to the scrolling element (a callback: it measures the element and its rows) */
  attach: (el: HTMLElement | null) => void;
  onScroll: (e: { currentTarget: HTMLElement }) => void;
  start: number;
  end: number;
  /** heights in px of the spacers before and after the rendered rows */
  before: number;
  after: number;
}

/** Rendered rows carry data-vrow: their average height corrects the estimate when the list is attached or scrolled. */
export function useVirtualWindow(count: number, estimatePx: number, options: VirtualOptions = {}): VirtualWindow {
  // the first window is rendered before the box is measured: a guess taller than the box rendered rows that the
  // measure then removed, two renders and layouts where one does (a 1,000-member archive's first members: 38 file
  // rows for a box that shows 4, 11 ledger rows for 5; issue 9)
  const [view, setView] = useState(() => ({ top: 0, height: options.viewPx ?? 600, rowPx: estimatePx }));
  const virtual = count > (options.wholeUpTo ?? VIRTUAL_FROM);
  const overscan = options.overscan ?? OVERSCAN;

  const measure = useCallback((e: HTMLElement) => {
    const rows = e.querySelectorAll<HTMLElement>('[data-vrow]');
    let total = 0;
    rows.forEach((r) => { total += r.getBoundingClientRect().height; });
    setView((v) => {
      const avg = rows.length >= 10 ? total / rows.length : v.rowPx;
      const rowPx = Math.abs(avg - v.rowPx) / v.rowPx > 0.15 ? avg : v.rowPx;
      const next = { top: e.scrollTop, height: e.clientHeight || v.height, rowPx };
      return next.top === v.top && next.height === v.height && next.rowPx === v.rowPx ? v : next;
    });
  }, []);
  // measured when a ResizeObserver first reports the element (after the browser's own layout), and again when it
  // resizes: measuring in the ref callback forced a synchronous layout of the new rows inside the task that
  // rendered them (the click that opens the ledger: 17 ms of script + 20 ms of forced layout in one task)
  const observer = useRef<ResizeObserver | undefined>(undefined);
  const attach = useCallback((e: HTMLElement | null) => {
    observer.current?.disconnect();
    observer.current = undefined;
    if (e === null) return;
    if (typeof ResizeObserver === 'undefined') {
      measure(e);
      return;
    }
    observer.current = new ResizeObserver(() => measure(e));
    observer.current.observe(e);
  }, [measure]);
  const onScroll = useCallback((e: { currentTarget: HTMLElement }) => measure(e.currentTarget), [measure]);

  const { top, height, rowPx } = view;
  const start = virtual ? Math.max(0, Math.floor(top / rowPx) - overscan) : 0;
  const end = virtual ? Math.min(count, Math.ceil((top + height) / rowPx) + overscan) : count;
  return { attach, onScroll, start, end, before: start * rowPx, after: (count - end) * rowPx };
}
