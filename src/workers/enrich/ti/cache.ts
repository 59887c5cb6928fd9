// Answers of the network providers, kept for every case of this browser (catalog settings `ti.cache.<id>`,
// one list per provider) with a time to live: a fresh answer is reused instead of asking again; an older one
// is still shown (with when it was checked) until a new lookup replaces it.
import { getGlobalSetting, setGlobalSetting } from '../../store/catalog.ts';
import type { TiRecord } from './providers/types.ts';

export const DEFAULT_TTL_HOURS = 24;
const HOUR = 3_600_000;

export class TiCache {
  private readonly byProvider = new Map<string, Map<string, TiRecord>>();
  private loaded: Promise<void> | undefined;
  ttlHours = DEFAULT_TTL_HOURS;

  constructor(private readonly providerIds: readonly string[], private readonly persist = true) {}

  /** Reads the kept answers and the TTL once. */
  load(): Promise<void> {
    this.loaded ??= (async () => {
      if (!this.persist) return;
      const ttl = await getGlobalSetting<number>('ti.ttlHours');
      if (typeof ttl === 'number' && ttl > 0) this.ttlHours = ttl;
      for (const id of this.providerIds) {
        const list = (await getGlobalSetting<TiRecord[]>(`ti.cache.${id}`)) ?? [];
        this.byProvider.set(id, new Map(list.map((r) => [r.ip, r])));
      }
    })();
    return this.loaded;
  }

  async setTtlHours(hours: number): Promise<void> {
    this.ttlHours = Math.min(24 * 365, Math.max(1, Math.round(hours)));
    if (this.persist) await setGlobalSetting('ti.ttlHours', this.ttlHours);
  }

  get(providerId: string, ip: string): TiRecord | undefined {
    return this.byProvider.get(providerId)?.get(ip);
  }

  isFresh(r: TiRecord | undefined, nowMs: number): boolean {
    return r !== undefined && nowMs - r.checkedMs < this.ttlHours * HOUR;
  }

  put(r: TiRecord): void {
    let m = this.byProvider.get(r.provider);
    if (m === undefined) this.byProvider.set(r.provider, (m = new Map()));
    m.set(r.ip, r);
  }

  /** Identity of a provider's answers (detection's stamp): how many, and the latest check. */
  revision(providerId: string): string {
    let latest = 0;
    for (const r of this.byProvider.get(providerId)?.values() ?? []) latest = Math.max(latest, r.checkedMs);
    return `${this.size(providerId)}@${latest}`;
  }

  size(providerId: string): number {
    return this.byProvider.get(providerId)?.size ?? 0;
  }

  /** Writes a provider's answers (after every few answers and at the end of a batch). */
  async save(providerId: string): Promise<void> {
    if (this.persist) await setGlobalSetting(`ti.cache.${providerId}`, [...(this.byProvider.get(providerId)?.values() ?? [])]);
  }
}
