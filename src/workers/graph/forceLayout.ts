// Positions for the graph view, computed in the engine worker (never on the main thread) with
// d3-force: links pull related nodes together, charge pushes all apart, collision keeps circles from
// overlapping. The simulation runs a fixed number of ticks without timers, and d3-force's start
// positions (a phyllotaxis spiral) are deterministic, so the same graph always gets the same picture.
import { forceCollide, forceLink, forceManyBody, forceSimulation, forceX, forceY, type SimulationNodeDatum } from 'd3-force';
import type { GraphEdge, GraphNode } from '../api.ts';
import type { RawNode } from '../query/results/graph.ts';

interface SimNode extends SimulationNodeDatum { i: number; r: number }

/** Circle radius from the event count: logarithmic, so one huge node does not swallow the picture. */
export function nodeRadius(count: number): number {
  return Math.round((5 + 4 * Math.log10(1 + count)) * 10) / 10;
}

/**
 * Ticks of the simulation: 300 (d3's own cooling schedule) up to 200 nodes, fewer above so a 500-node
 * graph does not hold the engine worker for long (bench/graph-layout.ts measures it).
 */
export function layoutTicks(nodes: number): number {
  return Math.max(100, Math.min(300, Math.round(60_000 / Math.max(1, nodes))));
}

export function forceLayout(nodes: readonly RawNode[], edges: readonly GraphEdge[], ticks = layoutTicks(nodes.length)): GraphNode[] {
  const sim: SimNode[] = nodes.map((n, i) => ({ i, r: nodeRadius(n.count) }));
  const index = new Map(nodes.map((n, i) => [n.id, i]));
  const links = edges.flatMap((e) => {
    const s = index.get(e.source), t = index.get(e.target);
    return s === undefined || t === undefined ? [] : [{ source: s, target: t, weight: e.count }];
  });
  const maxWeight = links.reduce((m, l) => Math.max(m, l.weight), 1);
  // deterministic jiggle for coincident nodes (d3's default source is Math.random)
  let seed = 1;
  const random = () => ((seed = (seed * 16807) % 2147483647) - 1) / 2147483646;
  const simulation = forceSimulation(sim)
    .randomSource(random)
    // cool down over the ticks we run (d3's default decay settles in 300)
    .alphaDecay(1 - Math.pow(0.001, 1 / ticks))
    .force('link', forceLink<SimNode, { source: number; target: number; weight: number }>(links)
      .id((d) => d.i)
      .distance((l) => 70 + 50 * (1 - l.weight / maxWeight)))
    .force('charge', forceManyBody<SimNode>().strength(-320).distanceMax(800))
    .force('x', forceX<SimNode>(0).strength(0.05))
    .force('y', forceY<SimNode>(0).strength(0.05))
    .force('collide', forceCollide<SimNode>((d) => d.r + 10))
    .stop();
  simulation.tick(ticks);
  return nodes.map((n, i) => ({ ...n, x: round(sim[i].x ?? 0), y: round(sim[i].y ?? 0), r: sim[i].r }));
}

const round = (v: number) => Math.round(v * 10) / 10;
