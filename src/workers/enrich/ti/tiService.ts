// The engine's threat intelligence: the offline reputation lists the user loaded (per case or for all
// cases), the network providers' cached answers, the keys and the rate limiters, and the derivation that
// puts ti.* on the case index. For each event, of its IPs (init, target, obs) the worst-scored one gives
// its fields; ti.ip says which address that was.
import type { GeoScope, TiListInfo } from '../../api.ts';
import type { Derivation } from '../../query/derived.ts';
import { TiCache } from './cache.ts';
import { canonicalIp } from './canonicalIp.ts';
import { KeyRing } from './keys.ts';
import { NETWORK_PROVIDERS, OFFLINE_PROVIDER } from './providers/index.ts';
import type { TiRecord } from './providers/types.ts';
import { RateLimiter } from './rateLimit.ts';

/** The ti.* fields, in the order the detail view lists them. */
export const TI_KEYS = ['score', 'reports', 'provider', 'last_seen', 'label', 'source', 'isp', 'usage', 'country', 'ip'] as const;
/** the IP fields whose addresses are looked up (the first wins a tie) */
export const TI_SOURCES = ['init.host.ip', 'target.host.ip', 'obs.host.ip'] as const;

/** A reputation list as stored (its bytes are kept so it is re-read on the next open). */
export interface StoredTiList {
  id: string;
  name: string;
  scope: GeoScope;
  addedMs: number;
  bytes: Uint8Array;
}

interface LoadedList { info: TiListInfo; entries: Map<string, TiRecord> }

export function readList(s: StoredTiList): LoadedList | { error: string } {
  const text = new TextDecoder('utf-8', { fatal: false }).decode(s.bytes);
  const r = OFFLINE_PROVIDER.parse(text, s.name, s.addedMs);
  if ('error' in r) return { error: `${s.name}: ${r.error}` };
  return {
    entries: r.entries,
    info: { id: s.id, name: s.name, scope: s.scope, entries: r.entries.size, addedMs: s.addedMs, bytes: s.bytes.length, skipped: r.skipped },
  };
}

export function fieldsOf(r: TiRecord): Partial<Record<(typeof TI_KEYS)[number], string>> {
  return {
    score: String(r.score),
    ...(r.reports !== undefined ? { reports: String(r.reports) } : {}),
    provider: r.provider,
    ...(r.lastSeen !== undefined ? { last_seen: r.lastSeen } : {}),
    ...(r.label !== undefined ? { label: r.label } : {}),
    ...(r.source !== undefined ? { source: r.source } : {}),
    ...(r.isp !== undefined ? { isp: r.isp } : {}),
    ...(r.usage !== undefined ? { usage: r.usage } : {}),
    ...(r.country !== undefined ? { country: r.country } : {}),
    ip: r.ip,
  };
}

export class TiService {
  readonly cache: TiCache;
  readonly keys: KeyRing;
  readonly limiters = new Map<string, RateLimiter>();
  private lists: LoadedList[] = [];
  private loading: Promise<void> | undefined;

  /** persist: false keeps cache, keys and counters in memory (tests of one piece, the CLI). */
  constructor(private readonly now: () => number = Date.now, persist = true) {
    const ids = NETWORK_PROVIDERS.map((p) => p.id);
    this.cache = new TiCache(ids, persist);
    this.keys = new KeyRing(ids, persist);
    for (const p of NETWORK_PROVIDERS) this.limiters.set(p.id, new RateLimiter(p.id, p.limits.perMinute, p.limits.perDay, persist));
  }

  ready(): Promise<void> {
    this.loading ??= (async () => {
      await this.cache.load();
      await this.keys.load();
      for (const l of this.limiters.values()) await l.load(this.now());
    })();
    return this.loading;
  }

  /** Replaces the loaded lists (on opening a case: its own lists plus those kept for all cases). */
  setLists(stored: readonly StoredTiList[]): { id: string; error: string }[] {
    const errors: { id: string; error: string }[] = [];
    const lists: LoadedList[] = [];
    for (const s of stored) {
      const r = readList(s);
      if ('error' in r) errors.push({ id: s.id, error: r.error });
      else lists.push(r);
    }
    this.lists = lists;
    return errors;
  }

  listInfo(): TiListInfo[] {
    return this.lists.map((l) => l.info);
  }

  /** Every verdict on one address: the lists' first, then each provider's cached answer. */
  records(ipText: string): TiRecord[] {
    const ip = canonicalIp(ipText);
    if (ip === undefined) return [];
    const out: TiRecord[] = [];
    for (const l of this.lists) {
      const r = l.entries.get(ip);
      if (r !== undefined) out.push(r);
    }
    for (const p of NETWORK_PROVIDERS) {
      const r = this.cache.get(p.id, ip);
      if (r !== undefined) out.push(r);
    }
    return out;
  }

  /** The worst verdict on one address (the highest score; the first on a tie). */
  best(ipText: string): TiRecord | undefined {
    let best: TiRecord | undefined;
    for (const r of this.records(ipText)) if (best === undefined || r.score > best.score) best = r;
    return best;
  }

  /** The ti.* derivation, or none while nothing is known (no list loaded, nothing cached): no cost then. */
  /** Identity of what the ti.* derivations give (detection's stamp): the lists and the cached answers. */
  revision(): string {
    return JSON.stringify([this.lists.map((l) => [l.info.id, l.entries.size]), NETWORK_PROVIDERS.map((p) => this.cache.revision(p.id))]);
  }

  derivations(): Derivation[] {
    const known = this.lists.length > 0 || NETWORK_PROVIDERS.some((p) => this.cache.size(p.id) > 0);
    if (!known) return [];
    return [{
      source: TI_SOURCES[0],
      alsoFrom: TI_SOURCES.slice(1),
      prefix: 'ti.',
      keys: TI_KEYS,
      derive: (ip: string) => {
        const r = this.best(ip);
        return r === undefined ? undefined : fieldsOf(r);
      },
      rank: (v) => Number(v.score),
    }];
  }
}
