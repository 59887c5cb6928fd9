// How long the graph view's force layout (d3-force, in the engine worker) takes for the node caps the
// view offers, on random logon-like graphs (IPs -> accounts -> hosts). `node --import tsx bench/graph-layout.ts`
// Prints the median of 5 runs per size; the machine's load makes absolute numbers noisy, compare ratios.
import type { GraphEdge } from '../src/workers/api.ts';
import { forceLayout } from '../src/workers/graph/forceLayout.ts';
import type { RawNode } from '../src/workers/query/results/graph.ts';
import { rng } from '../scripts/rng.ts';

function randomGraph(n: number): { nodes: RawNode[]; edges: GraphEdge[] } {
  const rand = rng(n);
  const kinds = ['ip', 'user', 'host'] as const;
  const nodes: RawNode[] = Array.from({ length: n }, (_, i) => {
    const kind = kinds[i % 3];
    const count = 1 + Math.floor(1000 * rand() ** 4);
    return { id: `${kind}:${i}`, kind, value: String(i), count, success: Math.floor(count / 2), failure: Math.ceil(count / 2) };
  });
  const edges: GraphEdge[] = [];
  for (let i = 0; i < n * 2; i++) {
    const a = Math.floor(rand() * n), b = Math.floor(rand() * n);
    if (a !== b) edges.push({ source: nodes[a].id, target: nodes[b].id, count: 1 + Math.floor(100 * rand()), success: 0, failure: 1 });
  }
  return { nodes, edges };
}

for (const n of [50, 100, 200, 500, 1000]) {
  const g = randomGraph(n);
  const times: number[] = [];
  for (let run = 0; run < 5; run++) {
    const t0 = performance.now();
    forceLayout(g.nodes, g.edges);
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  console.log(`${String(n).padStart(5)} nodes, ${String(g.edges.length).padStart(5)} edges: median ${times[2].toFixed(1)} ms (min ${times[0].toFixed(1)}, max ${times[4].toFixed(1)})`);
}
