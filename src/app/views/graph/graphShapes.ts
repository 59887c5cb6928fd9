// How the graph draws: the outcome class of a node or edge (colour), the fitted view box, and the
// stroke width of an edge from its event count. Pure helpers, tested without a browser.
import type { GraphEdge, GraphNode } from '../../../workers/api.ts';

export type OutcomeTone = 'failure' | 'success' | 'mixed' | 'neutral';

/** Edges: failures only red, successes only green, both amber (the brute force that worked), else grey. */
export function edgeTone(e: Pick<GraphEdge, 'success' | 'failure'>): OutcomeTone {
  if (e.failure > 0 && e.success > 0) return 'mixed';
  if (e.failure > 0) return 'failure';
  if (e.success > 0) return 'success';
  return 'neutral';
}

/** Nodes: the outcome most of their events had. */
export function nodeTone(n: Pick<GraphNode, 'success' | 'failure'>): OutcomeTone {
  if (n.failure === 0 && n.success === 0) return 'neutral';
  return n.failure > n.success ? 'failure' : 'success';
}

export function edgeWidth(count: number): number {
  return Math.round((1 + 1.5 * Math.log10(1 + count)) * 10) / 10;
}

/** The box around every circle and its label, with a margin; a single point gets a default box. */
export function viewBox(nodes: readonly Pick<GraphNode, 'x' | 'y' | 'r'>[], margin = 40): { x: number; y: number; width: number; height: number } {
  if (nodes.length === 0) return { x: -100, y: -100, width: 200, height: 200 };
  let x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
  for (const n of nodes) {
    x0 = Math.min(x0, n.x - n.r); y0 = Math.min(y0, n.y - n.r);
    x1 = Math.max(x1, n.x + n.r); y1 = Math.max(y1, n.y + n.r);
  }
  // labels sit to the right of the circles: leave room for them
  return { x: x0 - margin, y: y0 - margin, width: x1 - x0 + 2 * margin + 120, height: y1 - y0 + 2 * margin };
}

export function shortValue(v: string, max = 24): string {
  return v.length <= max ? v : `${v.slice(0, max - 1)}…`;
}

/** Width of a monospace character in ems (the labels' font is ui-monospace). */
const CHAR_EM = 0.62;

/**
 * Which nodes get their text label: the busiest first, and a label that would overlap one already placed is
 * left out (its node still names itself on hover and to a screen reader). Dense clusters drew labels on top
 * of each other ("svc_sql" over "hnguyen" over "lee"), unreadable on a projector. `size` is the labels'
 * font size in view-box units.
 */
export function labelledNodes(nodes: readonly Pick<GraphNode, 'id' | 'value' | 'count' | 'x' | 'y' | 'r'>[], size: number): Set<string> {
  const placed: { x0: number; y0: number; x1: number; y1: number }[] = [];
  const shown = new Set<string>();
  const order = [...nodes].sort((a, b) => b.count - a.count || (a.id < b.id ? -1 : 1));
  for (const n of order) {
    // the label is drawn at x = r + 4, baseline y = 4 (GraphCanvas): a box around its glyphs
    const x0 = n.x + n.r + 4, x1 = x0 + shortValue(n.value).length * CHAR_EM * size;
    const y0 = n.y + 4 - 0.8 * size, y1 = n.y + 4 + 0.25 * size;
    if (placed.some((p) => x0 < p.x1 && p.x0 < x1 && y0 < p.y1 && p.y0 < y1)) continue;
    placed.push({ x0, y0, x1, y1 });
    shown.add(n.id);
  }
  return shown;
}
