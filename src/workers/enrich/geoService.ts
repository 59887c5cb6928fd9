// The engine's GeoIP: built-in tables (lazy-loaded once per worker), the user's own data (per case or for
// all cases), and the derivations that put <role>.host.loc.* on the case index. Offline by construction:
// the only bytes read are the app's own tables and the files the user picked.
import { gunzipSync } from 'fflate';
import type { GeoScope, GeoStatus, UserGeoInfo } from '../api.ts';
import type { Derivation } from '../query/derived.ts';
import { BUILTIN_GEO_SOURCES } from './geo/sources.ts';
import { GEO_ROLES, LOC_KEYS, type GeoLayer, type LocKey } from './geo/geoInfo.ts';
import { looksLikeMmdb, mmdbLayer } from './geo/mmdbLayer.ts';
import { decodeRanges } from './geo/rangeCodec.ts';
import { RangeTable } from './geo/rangeTable.ts';
import { GeoResolver } from './geo/resolver.ts';
import { tableLayer } from './geo/tableLayer.ts';
import { parseUserRanges } from './geo/userRanges.ts';

/** The platform's gzip decoder where there is one (several times faster than fflate's, run at every open), else fflate's. */
async function gunzip(bytes: Uint8Array): Promise<Uint8Array> {
  if (typeof DecompressionStream === 'undefined') return gunzipSync(bytes);
  const stream = new Blob([bytes as Uint8Array<ArrayBuffer>]).stream().pipeThrough(new DecompressionStream('gzip'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

/** Reads a built-in table's bytes (the browser fetches the app's asset; Node reads the built file). */
export type GeoBytesLoader = (file: string) => Promise<Uint8Array>;

/** A user's GeoIP file as stored (its bytes are kept so it is re-read on the next open). */
export interface StoredGeoData {
  id: string;
  name: string;
  scope: GeoScope;
  addedMs: number;
  bytes: Uint8Array;
}

interface UserLayer { info: UserGeoInfo; layer: GeoLayer }

export class GeoService {
  private builtin: GeoLayer[] = [];
  private builtinState: GeoStatus['builtin']['state'];
  private builtinMessage: string | undefined;
  private loading: Promise<void> | undefined;
  private user: UserLayer[] = [];
  private resolver = new GeoResolver([]);

  constructor(private readonly load?: GeoBytesLoader) {
    this.builtinState = load === undefined ? 'absent' : 'loading';
  }

  /** Loads the built-in tables once; a failure is reported in status(), never thrown (enrichment is optional). */
  ready(): Promise<void> {
    if (this.load === undefined) return Promise.resolve();
    this.loading ??= (async () => {
      try {
        const layers: GeoLayer[] = [];
        for (const src of BUILTIN_GEO_SOURCES) {
          const bytes = await this.load!(src.file);
          // gzip inside; a server may already have undone it (Content-Encoding from a .gz-aware static host)
          const raw = bytes[0] === 0x1f && bytes[1] === 0x8b ? await gunzip(bytes) : bytes;
          const table = new RangeTable(decodeRanges(raw));
          layers.push(tableLayer(`builtin:${src.file}`, src.title, table, true));
        }
        this.builtin = layers;
        this.builtinState = 'ready';
      } catch (e) {
        this.builtinState = 'failed';
        this.builtinMessage = `The built-in GeoIP data could not be loaded (${(e as Error).message}); events are not located. Load your own GeoIP file instead.`;
      }
      this.rebuild();
    })();
    return this.loading;
  }

  /** Replaces the user's layers (on opening a case: its own data plus the data kept for all cases). */
  async setUserData(stored: readonly StoredGeoData[]): Promise<{ id: string; error: string }[]> {
    const errors: { id: string; error: string }[] = [];
    const user: UserLayer[] = [];
    for (const s of stored) {
      const r = await readUserData(s);
      if ('error' in r) errors.push({ id: s.id, error: r.error });
      else user.push(r);
    }
    this.user = user;
    this.rebuild();
    return errors;
  }

  /** Checks that a file is usable GeoIP data, without adding it. */
  static async check(s: StoredGeoData): Promise<UserGeoInfo | { error: string }> {
    const r = await readUserData(s);
    return 'error' in r ? r : r.info;
  }

  status(): GeoStatus {
    return {
      builtin: {
        state: this.builtinState,
        ...(this.builtinMessage !== undefined ? { message: this.builtinMessage } : {}),
        sources: BUILTIN_GEO_SOURCES.map(({ title, licence, attribution, url }) => ({ title, licence, attribution, url })),
      },
      user: this.user.map((u) => u.info),
    };
  }

  /** Identity of what the loc derivations give (detection's stamp): the built-in tables' state and the user's data. */
  revision(): string {
    return JSON.stringify([this.builtinState, this.user.map((u) => [u.info.id, u.info.bytes, u.info.addedMs])]);
  }

  /** Resolves one address (the CLI enriches event objects with it). */
  resolve(ip: string) {
    return this.resolver.resolve(ip);
  }

  /** The loc derivations for the case index: one per IP role, with the keys some layer can fill. */
  derivations(): Derivation[] {
    const layers = [...this.user.map((u) => u.layer), ...this.builtin];
    const keys = new Set<LocKey>(['label']);
    for (const l of layers) for (const k of l.keys) keys.add(k);
    if (keys.has('country_short')) keys.add('country');
    const ordered = LOC_KEYS.filter((k) => keys.has(k));
    const resolver = this.resolver;
    return GEO_ROLES.map((r) => ({ source: r.ip, prefix: r.loc, keys: ordered, derive: (ip: string) => resolver.resolve(ip) }));
  }

  private rebuild(): void {
    // user data first: an analyst's own database or ranges override the built-in country and ASN
    this.resolver = new GeoResolver([...this.user.map((u) => u.layer), ...this.builtin]);
  }
}

async function readUserData(s: StoredGeoData): Promise<UserLayer | { error: string }> {
  const base = { id: s.id, name: s.name, scope: s.scope, addedMs: s.addedMs, bytes: s.bytes.length };
  if (looksLikeMmdb(s.bytes)) {
    const r = await mmdbLayer(s.id, s.name, s.bytes);
    if ('error' in r) return r;
    return { layer: r.layer, info: { ...base, kind: 'mmdb', detail: r.databaseType, keys: [...r.layer.keys], skipped: [] } };
  }
  const text = new TextDecoder('utf-8', { fatal: false }).decode(s.bytes);
  const r = parseUserRanges(s.id, s.name, text);
  if ('error' in r) return { error: `${s.name}: ${r.error}` };
  const keys = r.layer.keys;
  return { layer: r.layer, info: { ...base, kind: 'ranges', detail: `${r.ranges.toLocaleString('en-US')} ranges`, keys: [...keys], skipped: r.skipped } };
}
