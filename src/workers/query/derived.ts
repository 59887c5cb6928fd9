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
  /** per source id: its local ids in the current chunk's derived columns (keys.length each), valid when stamp = gen */
  localIds: Uint32Array;
  stamp: Uint32Array;
  gen: number;
  /** per source dictionary id: derived values (index = key), or null when the value derives nothing */
  values: (readonly (string | undefined)[] | null)[];
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
    this.states = single.map((d) => ({ d, values: [], localIds: new Uint32Array(0), stamp: new Uint32Array(0), gen: 0 }));
    this.multi = derivations.filter((d) => !single.includes(d)).map((d) => ({
      d,
      sources: [d.source, ...(d.alsoFrom ?? [])].map((name) => ({ name, values: [], rank: [], localIds: new Uint32Array(0), stamp: new Uint32Array(0), gen: 0 })),
    }));
  }

  /** Fills the derived fields for rows [base, base + count) from their source fields. */
  extend(host: DerivedHost, base: number, count: number): void {
    for (const m of this.multi) this.extendMulti(host, m.d, m.sources, base, count);
    for (const s of this.states) {
      const src = host.field(s.d.source);
      if (src === undefined || src.kind !== 'dict') continue;
      const keys = s.d.keys;
      const columns = keys.map((): DictColumn => ({ kind: 'dict', dict: [], ids: new Uint32Array(count) }));
      // per chunk, per distinct source id: its local id in each derived column (0 = no value), computed once;
      // per row only typed-array reads (a Map lookup per row and key cost ~10x more at 1M events)
      const nSrc = src.values.length + 1;
      if (s.stamp.length < nSrc) {
        // grown, never shrunk: reused by every chunk (a fresh array per chunk was megabytes of garbage each)
        const size = Math.max(nSrc, Math.ceil(s.stamp.length * 1.5), 1024);
        s.stamp = new Uint32Array(size);
        s.localIds = new Uint32Array(size * keys.length);
        s.gen = 0;
      }
      const gen = ++s.gen;
      const { localIds, stamp } = s;
      const local = keys.map(() => new Map<string, number>());
      const any = keys.map(() => false);
      for (let i = 0; i < count; i++) {
        const id = src.ids[base + i];
        if (id === 0) continue;
        if (stamp[id] !== gen) {
          stamp[id] = gen;
          localIds.fill(0, id * keys.length, (id + 1) * keys.length);
          let vals = s.values[id];
          if (vals === undefined) {
            const got = s.d.derive(src.values[id - 1]);
            vals = got === undefined ? null : keys.map((k) => got[k]);
            s.values[id] = vals;
          }
          if (vals !== null) {
            for (let k = 0; k < keys.length; k++) {
              const v = vals[k];
              if (v === undefined || v === '') continue;
              let lid = local[k].get(v);
              if (lid === undefined) {
                columns[k].dict.push(v);
                lid = columns[k].dict.length;
                local[k].set(v, lid);
                any[k] = true;
              }
              localIds[id * keys.length + k] = lid;
            }
          }
        }
        const at = id * keys.length;
        for (let k = 0; k < keys.length; k++) columns[k].ids[i] = localIds[at + k];
      }
      for (let k = 0; k < keys.length; k++) {
        const name = s.d.prefix + keys[k];
        let field = host.field(name);
        if (field === undefined) {
          if (!any[k]) continue; // a derived field exists only once some event has a value for it
          field = new DictField(name, host.capacity());
          host.addField(field);
          this.names.add(name);
        }
        if (field.kind === 'dict') field.append(columns[k], base, count);
      }
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
