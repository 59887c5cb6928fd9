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
