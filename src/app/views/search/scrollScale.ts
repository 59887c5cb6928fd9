// Scroll scaling for tables taller than browsers allow (an element's height is capped near 33.5M px,
// so 10M rows x 30 px cannot be laid out). The scroller gets a spacer of at most MAX_SCROLL px; the
// scroll position maps linearly onto the virtual height; rows are drawn in a viewport-sized layer.
// Below the cap the mapping is the identity: one pixel of scroll is one pixel of rows.

/** Well under every browser's cap (Chromium ~33.5M, Firefox ~17.8M px). */
export const MAX_SCROLL = 8_000_000;

export interface Geometry {
  total: number;
  rowHeight: number;
  /** height of the rows' viewport (the scroller minus the header) */
  viewHeight: number;
}

/** Height of the spacer below the viewport-sized layer: the scroller's maximum scrollTop. */
export function scrollRange(g: Geometry): number {
  return Math.min(Math.max(0, virtualRange(g)), MAX_SCROLL);
}

/** How far the rows' own top can move: their whole height minus what the viewport shows. */
function virtualRange(g: Geometry): number {
  return g.total * g.rowHeight - g.viewHeight;
}

/** scrollTop -> first visible row and how many pixels of it are above the viewport. */
export function windowAt(g: Geometry, scrollTop: number): { first: number; shift: number; count: number } {
  const range = scrollRange(g);
  const pos = range <= 0 ? 0 : (Math.min(Math.max(scrollTop, 0), range) / range) * virtualRange(g);
  const first = Math.min(Math.floor(pos / g.rowHeight), Math.max(0, g.total - 1));
  const shift = pos - first * g.rowHeight;
  const count = Math.min(g.total - first, Math.ceil((g.viewHeight + shift) / g.rowHeight));
  return { first, shift, count: Math.max(0, count) };
}

/** The scrollTop that shows `row` (keyboard moves): minimal move, row fully visible. */
export function scrollTopFor(g: Geometry, row: number, scrollTop: number): number {
  const range = scrollRange(g), vr = virtualRange(g);
  if (range <= 0) return 0;
  const pos = (Math.min(Math.max(scrollTop, 0), range) / range) * vr;
  const top = row * g.rowHeight, bottom = top + g.rowHeight;
  let next: number;
  if (top < pos) next = top;
  else if (bottom > pos + g.viewHeight) next = bottom - g.viewHeight;
  else return scrollTop;
  return (Math.min(Math.max(next, 0), vr) / vr) * range;
}
