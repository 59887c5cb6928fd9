// Fields computed from another field of the case rather than stored: GeoIP's <role>.host.loc.* from
// <role>.host.ip; threat intelligence's ti.* from the worst-scored of an event's IPs (several sources). They are ordinary dictionary fields of the index (queryable, facetable, exported), filled
// per chunk from one lookup per distinct source value, and rebuilt when the derivation changes (the user
// loads GeoIP data): the stored chunks, the evidence, never change.
import type { DictColumn } from '../chunk/chunk.ts';
import { DictField, type Field } from './fields.ts';

export interface Derivation {
  /** the dictionary field the values come from (e.g. init.host.ip) */
  source: string;
  /** prefix of the derived fields (e.g. init.host.loc.) */
  prefix: string;
  keys: readonly string[];
  /** the derived values of one source value; called once per distinct value */
  derive(value: string): Readonly<Partial<Record<string, string>>> | undefined;
  /**
   * More source fields (ti.* from init, target and obs IPs): per row, of the source values that derive
   * something, the one with the highest rank wins (the first source on a tie).
   */
  alsoFrom?: readonly string[];
  rank?(values: Readonly<Partial<Record<string, string>>>): number;
}

/** One source field of a multi-source derivation: its per-id values, ranks and per-chunk local ids. */
interface MultiSource {
  name: string;
  values: (readonly (string | undefined)[] | null)[];
  rank: number[];
  localIds: Uint32Array;
  stamp: Uint32Array;
  gen: number;
}

interface SourceState {
  d: Derivation;
  /**
   * per source dictionary id: the id of each derived value (keys.length each) in the state's own dictionary of
   * that key (0 = none), valid when known[id] = 1. The case index's derived field holds the same values in the
   * same order (extendValues), so these ids are its ids: a row costs typed-array reads only, and each distinct
   * source value is derived once for the case, not once per chunk.
   */
  derivedIds: Uint32Array;
  known: Uint8Array;
  /** per key: the derived values in order of first use, and their ids */
  dicts: string[][];
  lookups: Map<string, number>[];
}

export interface DerivedHost {
  capacity(): number;
  field(name: string): Field | undefined;
  addField(field: Field): void;
  removeField(name: string): void;
}

export class DerivedFields {
  private states: SourceState[] = [];
  private multi: { d: Derivation; sources: MultiSource[] }[] = [];
  private names = new Set<string>();

  /** Derived field names currently in the index. */
  get fieldNames(): ReadonlySet<string> {
    return this.names;
  }

  /** Replaces the derivations; the caller then re-derives every row with extend(host, 0, rowCount). */
  reset(host: DerivedHost, derivations: readonly Derivation[]): void {
    for (const n of this.names) host.removeField(n);
    this.names.clear();
    const single = derivations.filter((d) => d.alsoFrom === undefined || d.alsoFrom.length === 0);
    this.states = single.map((d) => ({
      d, derivedIds: new Uint32Array(0), known: new Uint8Array(0), dicts: d.keys.map(() => []), lookups: d.keys.map(() => new Map<string, number>()),
    }));
    this.multi = derivations.filter((d) => !single.includes(d)).map((d) => ({
      d,
      sources: [d.source, ...(d.alsoFrom ?? [])].map((name) => ({ name, values: [], rank: [], localIds: new Uint32Array(0), stamp: new Uint32Array(0), gen: 0 })),
    }));
  }

  /** Fills the derived fields for rows [base, base + count) from their source fields. */
  extend(host: DerivedHost, base: number, count: number): void {
    for (const m of this.multi) this.extendMulti(host, m.d, m.sources, base, count);
    for (const s of this.states) this.extendSingle(host, s, base, count);
  }

  /** One-source derivation: per row the derived ids of its source id, computed when that id is first met. */
  private extendSingle(host: DerivedHost, s: SourceState, base: number, count: number): void {
    const src = host.field(s.d.source);
    if (src === undefined || src.kind !== 'dict') return;
    const keys = s.d.keys, K = keys.length;
    const nSrc = src.values.length + 1;
    if (s.known.length < nSrc) {
      // grown, never shrunk: the source's dictionary only grows
      const size = Math.max(nSrc, Math.ceil(s.known.length * 1.5), 1024);
      const known = new Uint8Array(size), ids = new Uint32Array(size * K);
      known.set(s.known);
      ids.set(s.derivedIds);
      s.known = known;
      s.derivedIds = ids;
    }
    const { known, derivedIds, dicts, lookups } = s;
    const out = keys.map(() => new Uint32Array(count));
    const srcIds = src.ids, values = src.values;
    for (let i = 0; i < count; i++) {
      const id = srcIds[base + i];
      if (id === 0) continue;
      const at = id * K;
      if (known[id] === 0) {
        known[id] = 1;
        const got = s.d.derive(values[id - 1]);
        if (got !== undefined) {
          for (let k = 0; k < K; k++) {
            const v = got[keys[k]];
            if (v === undefined || v === '') continue;
            let did = lookups[k].get(v);
            if (did === undefined) {
              dicts[k].push(v);
              lookups[k].set(v, (did = dicts[k].length));
            }
            derivedIds[at + k] = did;
          }
        }
      }
      for (let k = 0; k < K; k++) out[k][i] = derivedIds[at + k];
    }
    for (let k = 0; k < K; k++) {
      const name = s.d.prefix + keys[k];
      let field = host.field(name);
      if (field === undefined) {
        // a derived field exists only once some event has a value for it
        if (dicts[k].length === 0 || !out[k].some((x) => x !== 0)) continue;
        field = new DictField(name, host.capacity());
        host.addField(field);
        this.names.add(name);
      }
      if (field.kind !== 'dict') continue;
      if (this.names.has(name)) {
        field.extendValues(dicts[k]);
        field.appendCaseIds({ ids: out[k] }, base, count);
      } else field.append({ kind: 'dict', dict: dicts[k], ids: out[k] }, base, count); // a stored field of that name: by value
    }
  }

  /** Multi-source derivation: per row the highest-ranked source value's derived values. */
  private extendMulti(host: DerivedHost, d: Derivation, sources: MultiSource[], base: number, count: number): void {
    const keys = d.keys, K = keys.length;
    const columns = keys.map((): DictColumn => ({ kind: 'dict', dict: [], ids: new Uint32Array(count) }));
    const local = keys.map(() => new Map<string, number>());
    const any = keys.map(() => false);
    const present: { s: MultiSource; ids: ArrayLike<number>; src: readonly string[] }[] = [];
    for (const s of sources) {
      const f = host.field(s.name);
      if (f === undefined || f.kind !== 'dict') continue;
      const n = f.values.length + 1;
      if (s.stamp.length < n) {
        const size = Math.max(n, Math.ceil(s.stamp.length * 1.5), 1024);
        s.stamp = new Uint32Array(size);
        s.localIds = new Uint32Array(size * K);
        s.gen = 0;
      }
      s.gen++;
      present.push({ s, ids: f.ids, src: f.values });
    }
    if (present.length === 0) return;
    const prepare = (s: MultiSource, src: readonly string[], id: number): void => {
      s.stamp[id] = s.gen;
      s.localIds.fill(0, id * K, (id + 1) * K);
      let vals = s.values[id];
      if (vals === undefined) {
        const got = d.derive(src[id - 1]);
        vals = got === undefined ? null : keys.map((k) => got[k]);
        s.values[id] = vals;
        s.rank[id] = got === undefined ? -Infinity : (d.rank?.(got) ?? 0);
      }
      if (vals === null) return;
      for (let k = 0; k < K; k++) {
        const v = vals[k];
        if (v === undefined || v === '') continue;
        let lid = local[k].get(v);
        if (lid === undefined) {
          columns[k].dict.push(v);
          lid = columns[k].dict.length;
          local[k].set(v, lid);
          any[k] = true;
        }
        s.localIds[id * K + k] = lid;
      }
    };
    for (let i = 0; i < count; i++) {
      let best: MultiSource | undefined, bestId = 0, bestRank = -Infinity;
      for (const p of present) {
        const id = p.ids[base + i];
        if (id === 0) continue;
        if (p.s.stamp[id] !== p.s.gen) prepare(p.s, p.src, id);
        if (p.s.values[id] !== null && p.s.rank[id] > bestRank) {
          best = p.s;
          bestId = id;
          bestRank = p.s.rank[id];
        }
      }
      if (best === undefined) continue;
      const at = bestId * K;
      for (let k = 0; k < K; k++) columns[k].ids[i] = best.localIds[at + k];
    }
    for (let k = 0; k < K; k++) {
      const name = d.prefix + keys[k];
      let field = host.field(name);
      if (field === undefined) {
        if (!any[k]) continue;
        field = new DictField(name, host.capacity());
        host.addField(field);
        this.names.add(name);
      }
      if (field.kind === 'dict') field.append(columns[k], base, count);
    }
  }
}
