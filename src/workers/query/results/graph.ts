// The logon / connection graph (the LogonTracer idea) of a query's events: nodes are IPs, users and
// hosts; each event links its source (init.host.ip, else init.host.name) to the account it aimed at
// (target.usr.name) and that account to where it landed (target.host.name, target.host.ip, else the
// observing host); without an account, source and destination are linked directly (connections).
// Edges count events split by outcome. Only the nodeCap busiest nodes are kept ("top N of M").
import type { EntityKind, GraphEdge } from '../../api.ts';
import type { CaseIndex } from '../caseIndex.ts';
import { resolveFieldName } from '../compile.ts';
import type { RowSet } from '../rowSet.ts';
import { codesOf, type Codes } from './codes.ts';

export interface RawNode { id: string; kind: EntityKind; value: string; count: number; success: number; failure: number }
export interface RawGraph { nodes: RawNode[]; edges: GraphEdge[]; totalNodes: number; totalEdges: number; events: number }

/** Role -> fields in order of preference, with the kind of node each gives. */
const SOURCE: readonly (readonly [string, EntityKind])[] = [['init.host.ip', 'ip'], ['init.host.name', 'host']];
const ACCOUNT: readonly (readonly [string, EntityKind])[] = [['target.usr.name', 'user']];
const DESTINATION: readonly (readonly [string, EntityKind])[] = [['target.host.name', 'host'], ['target.host.ip', 'ip'], ['obs.host.name', 'host']];
/** Node ids stay below this, so an edge key a * KEY + b is an exact integer. */
const KEY = 2 ** 26;

export function buildGraph(index: CaseIndex, set: RowSet, nodeCap: number): RawGraph {
  const rows = set.rows();
  const nodes: RawNode[] = [];
  const nodeOf = new Map<string, number>(); // keyed by kind + log text: a Map, never an object
  const role = (spec: readonly (readonly [string, EntityKind])[]) => spec.flatMap(([name, kind]) => {
    const field = index.field(resolveFieldName(index, name));
    if (field === undefined) return [];
    const codes = codesOf(index, field, rows);
    // code -> node id, resolved once per distinct value (not per row)
    const ids = new Int32Array(codes.labels.length + 1).fill(-1);
    return [{ codes, kind, ids }];
  });
  const resolve = (r: { codes: Codes; kind: EntityKind; ids: Int32Array }[], row: number): number => {
    for (const f of r) {
      const code = f.codes.ids[row];
      if (code === 0) continue;
      let id = f.ids[code];
      if (id < 0) {
        const value = f.codes.labels[code - 1];
        const key = `${f.kind}:${value}`;
        id = nodeOf.get(key) ?? -1;
        if (id < 0) {
          id = nodes.length;
          nodes.push({ id: key, kind: f.kind, value, count: 0, success: 0, failure: 0 });
          nodeOf.set(key, id);
        }
        f.ids[code] = id;
      }
      return id;
    }
    return -1;
  };
  const sources = role(SOURCE), accounts = role(ACCOUNT), destinations = role(DESTINATION);
  const outcomeField = index.field('outcome');
  const outcome = outcomeField === undefined ? undefined : codesOf(index, outcomeField, rows);
  const codeOf = (label: string) => (outcome === undefined ? -1 : outcome.labels.indexOf(label) + 1 || -1);
  const successCode = codeOf('success'), failureCode = codeOf('failure');

  const edgeOf = new Map<number, number>();
  const edges: { a: number; b: number; count: number; success: number; failure: number }[] = [];
  let events = 0;
  const link = (a: number, b: number, ok: boolean, bad: boolean) => {
    if (a === b) return;
    const key = a * KEY + b;
    let e = edgeOf.get(key);
    if (e === undefined) {
      e = edges.length;
      edges.push({ a, b, count: 0, success: 0, failure: 0 });
      edgeOf.set(key, e);
    }
    const edge = edges[e];
    edge.count++;
    if (ok) edge.success++;
    if (bad) edge.failure++;
  };
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i];
    const src = resolve(sources, row), usr = resolve(accounts, row), dst = resolve(destinations, row);
    const ends = (src >= 0 ? 1 : 0) + (usr >= 0 ? 1 : 0) + (dst >= 0 ? 1 : 0);
    if (ends < 2) continue;
    if (nodes.length >= KEY) break; // beyond 67M distinct values: stop counting rather than collide keys
    events++;
    const o = outcome === undefined ? 0 : outcome.ids[row];
    const ok = o === successCode, bad = o === failureCode;
    if (usr >= 0) {
      if (src >= 0) link(src, usr, ok, bad);
      if (dst >= 0) link(usr, dst, ok, bad);
    } else link(src, dst, ok, bad);
    for (const n of [src, usr, dst === src ? -1 : dst]) {
      if (n < 0) continue;
      const node = nodes[n];
      node.count++;
      if (ok) node.success++;
      if (bad) node.failure++;
    }
  }

  // the busiest nodes (ties: by id, so the cut is stable), and the edges between them
  const order = nodes.map((_, i) => i).filter((i) => nodes[i].count > 0)
    .sort((x, y) => nodes[y].count - nodes[x].count || (nodes[x].id < nodes[y].id ? -1 : 1));
  const kept = new Set(order.slice(0, Math.max(0, nodeCap)));
  const keptEdges = edges.filter((e) => kept.has(e.a) && kept.has(e.b))
    .sort((x, y) => y.count - x.count)
    .map((e): GraphEdge => ({ source: nodes[e.a].id, target: nodes[e.b].id, count: e.count, success: e.success, failure: e.failure }));
  return {
    nodes: order.filter((i) => kept.has(i)).map((i) => nodes[i]),
    edges: keptEdges,
    totalNodes: order.length,
    totalEdges: edges.length,
    events,
  };
}
