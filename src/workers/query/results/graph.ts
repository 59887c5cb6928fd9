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
import { EdgeCounts, NodeCounts } from './graphCounts.ts';

export interface RawNode { id: string; kind: EntityKind; value: string; count: number; success: number; failure: number }
export interface RawGraph { nodes: RawNode[]; edges: GraphEdge[]; totalNodes: number; totalEdges: number; events: number }

/** Role -> fields in order of preference, with the kind of node each gives. */
const SOURCE: readonly (readonly [string, EntityKind])[] = [['init.host.ip', 'ip'], ['init.host.name', 'host']];
const ACCOUNT: readonly (readonly [string, EntityKind])[] = [['target.usr.name', 'user']];
const DESTINATION: readonly (readonly [string, EntityKind])[] = [['target.host.name', 'host'], ['target.host.ip', 'ip'], ['obs.host.name', 'host']];
export function buildGraph(index: CaseIndex, set: RowSet, nodeCap: number): RawGraph {
  const rows = set.rows();
  // node id -> its key (kind:value), kind and value; counts live in typed arrays (graphCounts.ts)
  const keys: string[] = [], kinds: EntityKind[] = [], values: string[] = [];
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
    for (let k = 0; k < r.length; k++) {
      const f = r[k];
      const code = f.codes.ids[row];
      if (code === 0) continue;
      let id = f.ids[code];
      if (id < 0) {
        const value = f.codes.labels[code - 1];
        const key = `${f.kind}:${value}`;
        id = nodeOf.get(key) ?? -1;
        if (id < 0) {
          id = keys.length;
          keys.push(key);
          kinds.push(f.kind);
          values.push(value);
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

  const counts = new NodeCounts(), links = new EdgeCounts();
  let events = 0;
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i];
    const src = resolve(sources, row), usr = resolve(accounts, row), dst = resolve(destinations, row);
    const ends = (src >= 0 ? 1 : 0) + (usr >= 0 ? 1 : 0) + (dst >= 0 ? 1 : 0);
    if (ends < 2) continue;
    events++;
    const o = outcome === undefined ? 0 : outcome.ids[row];
    const ok = o === successCode, bad = o === failureCode;
    if (usr >= 0) {
      if (src >= 0 && src !== usr) links.add(src, usr, ok, bad);
      if (dst >= 0 && dst !== usr) links.add(usr, dst, ok, bad);
    } else if (src !== dst) links.add(src, dst, ok, bad);
    if (src >= 0) counts.add(src, ok, bad);
    if (usr >= 0) counts.add(usr, ok, bad);
    if (dst >= 0 && dst !== src) counts.add(dst, ok, bad);
  }

  // the busiest nodes (ties: by key, so the cut is stable): only nodes at or above the cap's count are sorted
  const c = counts.count;
  let seen = 0;
  for (let id = 0; id < keys.length; id++) if (c[id] > 0) seen++;
  const floor = capFloor(c.subarray(0, keys.length), nodeCap);
  const order: number[] = [];
  for (let id = 0; id < keys.length; id++) if (c[id] > 0 && c[id] >= floor) order.push(id);
  order.sort((x, y) => c[y] - c[x] || (keys[x] < keys[y] ? -1 : 1));
  order.length = Math.min(order.length, Math.max(0, nodeCap));
  const kept = new Uint8Array(keys.length);
  for (const id of order) kept[id] = 1;
  const keptEdges: number[] = [];
  for (let e = 0; e < links.size; e++) if (kept[links.a[e]] === 1 && kept[links.b[e]] === 1) keptEdges.push(e);
  // busiest first; ties in the order first seen (a stable sort of the edges' first appearance)
  keptEdges.sort((x, y) => links.count[y] - links.count[x] || x - y);
  return {
    nodes: order.map((id): RawNode => ({ id: keys[id], kind: kinds[id], value: values[id], count: c[id], success: counts.success[id], failure: counts.failure[id] })),
    edges: keptEdges.map((e): GraphEdge => ({ source: keys[links.a[e]], target: keys[links.b[e]], count: links.count[e], success: links.success[e], failure: links.failure[e] })),
    totalNodes: seen,
    totalEdges: links.size,
    events,
  };
}

/** The count of the cap-th busiest node (1 when there are fewer nodes or no cap): nodes below it are left out. */
function capFloor(counts: Uint32Array, cap: number): number {
  if (cap <= 0) return Infinity;
  if (counts.length <= cap) return 1;
  const sorted = Uint32Array.from(counts).sort();
  return Math.max(1, sorted[sorted.length - cap]);
}
