// The logon / connection graph: nodes, edges split by outcome, the node cap, and the force layout.
import { beforeAll, describe, expect, it } from 'vitest';
import type { QueryEngine } from '../../../src/workers/query/engine.ts';
import type { RawGraph } from '../../../src/workers/query/results/graph.ts';
import { forceLayout, nodeRadius } from '../../../src/workers/graph/forceLayout.ts';
import { demoEngine, DEMO_FACTS } from './demoEngine.ts';
import { connection, engineOf, logon } from './synthetic.ts';

function graphOf(engine: QueryEngine, text: string, cap: number): RawGraph {
  const r = engine.graph(text, cap);
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

const EVENTS = [
  logon('203.0.113.7', 'root', 'web', 'failure'),
  logon('203.0.113.7', 'root', 'web', 'failure'),
  logon('203.0.113.7', 'root', 'web', 'failure'),
  logon('203.0.113.7', 'deploy', 'web', 'success'),
  logon('10.0.0.5', 'deploy', 'web', 'success'),
  connection('10.0.0.5', '10.0.0.9', 445, 'success'),
  { type: 'SYS', message: 'no entity fields at all' },
  { 'obs.host.name': 'web', message: 'one end only: no edge' },
];

describe('graph', () => {
  const engine = engineOf(EVENTS);

  it('links source -> account -> host, and source -> destination without an account', () => {
    const g = graphOf(engine, '', 100);
    expect(g.events).toBe(6);
    expect(g.totalNodes).toBe(6);
    expect(g.nodes.map((n) => [n.id, n.count, n.success, n.failure])).toEqual([
      ['host:web', 5, 2, 3],
      ['ip:203.0.113.7', 4, 1, 3],
      ['ip:10.0.0.5', 2, 2, 0],
      ['user:deploy', 2, 2, 0],
      ['user:root', 3, 0, 3],
      ['ip:10.0.0.9', 1, 1, 0],
    ].sort((a, b) => (b[1] as number) - (a[1] as number) || (a[0] < b[0] ? -1 : 1)));
    expect(g.edges).toContainEqual({ source: 'ip:203.0.113.7', target: 'user:root', count: 3, success: 0, failure: 3 });
    expect(g.edges).toContainEqual({ source: 'user:deploy', target: 'host:web', count: 2, success: 2, failure: 0 });
    expect(g.edges).toContainEqual({ source: 'ip:10.0.0.5', target: 'ip:10.0.0.9', count: 1, success: 1, failure: 0 });
    expect(g.totalEdges).toBe(g.edges.length);
  });

  it('keeps the busiest nodes and only the edges between them', () => {
    const g = graphOf(engine, '', 3);
    expect(g.totalNodes).toBe(6);
    expect(g.nodes.map((n) => n.id)).toEqual(['host:web', 'ip:203.0.113.7', 'user:root']);
    expect(g.edges.map((e) => `${e.source}>${e.target}`).sort()).toEqual(['ip:203.0.113.7>user:root', 'user:root>host:web']);
    expect(g.totalEdges).toBe(6);
  });

  it('follows the query; a query error is returned, not thrown', () => {
    expect(graphOf(engine, 'outcome:failure', 10).nodes.map((n) => n.id)).toEqual(['host:web', 'ip:203.0.113.7', 'user:root']);
    const bad = engine.graph('outcome:(', 10);
    expect(bad.ok).toBe(false);
  });
});

describe('force layout', () => {
  const raw = graphOf(engineOf(EVENTS), '', 100);

  it('gives every node a finite position and its radius, the same every time', () => {
    const a = forceLayout(raw.nodes, raw.edges);
    const b = forceLayout(raw.nodes, raw.edges);
    expect(a).toEqual(b);
    for (const n of a) {
      expect(Number.isFinite(n.x) && Number.isFinite(n.y)).toBe(true);
      expect(n.r).toBe(nodeRadius(n.count));
    }
  });

  it('keeps circles apart', () => {
    const nodes = forceLayout(raw.nodes, raw.edges);
    for (const p of nodes) for (const q of nodes) {
      if (p === q) continue;
      expect(Math.hypot(p.x - q.x, p.y - q.y), `${p.id} ${q.id}`).toBeGreaterThan(p.r + q.r);
    }
  });

  it('radius grows with the count, slowly', () => {
    expect(nodeRadius(0)).toBe(5);
    expect(nodeRadius(9)).toBe(9);
    expect(nodeRadius(999_999)).toBe(29);
  });
});

describe('graph of the demo bundle', () => {
  let engine: QueryEngine;
  beforeAll(async () => { engine = await demoEngine(); });

  it("the attacker's IP reaches deploy with one success among the failures; the cap says how many were left out", () => {
    const g = graphOf(engine, 'action:logon', 10);
    expect(g.nodes.length).toBe(10);
    expect(g.totalNodes).toBeGreaterThan(10);
    const attacker = g.nodes.find((n) => n.id === `ip:${DEMO_FACTS.attacker}`)!;
    const failures = DEMO_FACTS.attempts + DEMO_FACTS.attemptsWeb02;
    expect(attacker).toMatchObject({ count: failures + 2, failure: failures, success: 2 });
    const all = graphOf(engine, 'action:logon', 1000);
    const toDeploy = all.edges.find((e) => e.source === `ip:${DEMO_FACTS.attacker}` && e.target === 'user:deploy')!;
    expect(toDeploy.success).toBe(1);
    expect(toDeploy.failure).toBeGreaterThan(100);
  });
});
