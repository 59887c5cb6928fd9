// EngineApi's threat-intelligence calls. Lists are kept with the case (case settings `ti.lists`) or for every
// case (catalog settings); a lookup is planned (nothing sent), shown to the user, and only a confirmed plan is
// run, through a fetcher the engine opens for that batch alone (the browser's fetch worker, whose CSP is the
// only one that allows the providers and the relay) and closes after it.
import { specialLabel } from '../../../core/net/special.ts';
import type { EngineApi, GeoScope, TiPlan, TiProgress, TiStatus } from '../../api.ts';
import type { CaseIndex } from '../../query/caseIndex.ts';
import type { CaseStore } from '../../store/caseStore.ts';
import { getGlobalSetting, setGlobalSetting } from '../../store/catalog.ts';
import { auditCsv, caseAuditOf } from './audit.ts';
import { canonicalIp } from './canonicalIp.ts';
import { runLookup, type TiSend } from './lookup.ts';
import { RELAY_ORIGIN, requestBase } from './origins.ts';
import { planIps } from './plan.ts';
import { NETWORK_PROVIDERS, networkProvider } from './providers/index.ts';
import { readList, TiService, type StoredTiList } from './tiService.ts';

const LISTS = 'ti.lists';

/** A way to send requests, opened for one batch and closed after it. */
export interface TiFetcher { send: TiSend; close(): void }

export interface TiHost {
  ti: TiService;
  /** the open case, if any */
  current(): { store: CaseStore; index: CaseIndex } | undefined;
  /** re-derives the open case's index (GeoIP and ti) and re-runs the detectors */
  rederive(): Promise<void>;
  openFetcher?: () => TiFetcher;
  now?: () => number;
  sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
}

/** Before a case's index is built: the cache and keys are loaded and the case's lists read. */
export async function loadTiLists(ti: TiService, store: CaseStore): Promise<void> {
  await ti.ready();
  const [own, all] = await Promise.all([store.getSetting<StoredTiList[]>(LISTS), getGlobalSetting<StoredTiList[]>(LISTS)]);
  ti.setLists([...(own ?? []), ...(all ?? [])]);
}

const sleepFor = (ms: number, signal: AbortSignal) => new Promise<void>((resolve) => {
  const t = setTimeout(resolve, ms);
  signal.addEventListener('abort', () => { clearTimeout(t); resolve(); }, { once: true });
});

type TiOps = Pick<EngineApi, 'tiStatus' | 'addTiList' | 'removeTiList' | 'setTiKey' | 'forgetTiKey' | 'setTiCacheTtl' | 'planTiLookup' | 'runTiLookup' | 'cancelTiLookup' | 'tiAudit' | 'exportTiAudit' | 'tiOfIp'>;

export function createTiOps(host: TiHost): TiOps {
  const { ti } = host;
  const now = host.now ?? Date.now;
  let nextPlan = 1;
  let plan: (TiPlan & { store: CaseStore }) | undefined;
  let running: { abort: AbortController; progress: TiProgress } | undefined;
  const auditOf = caseAuditOf;

  const stored = async (scope: GeoScope, store: CaseStore | undefined): Promise<StoredTiList[]> =>
    (scope === 'case' ? await store?.getSetting<StoredTiList[]>(LISTS) : await getGlobalSetting<StoredTiList[]>(LISTS)) ?? [];
  const save = async (scope: GeoScope, store: CaseStore | undefined, list: StoredTiList[]) => {
    if (scope === 'case') await store?.setSetting(LISTS, list);
    else await setGlobalSetting(LISTS, list);
  };
  const reload = async () => {
    const c = host.current();
    ti.setLists([...(c === undefined ? [] : await stored('case', c.store)), ...(await stored('all', undefined))]);
    await host.rederive();
  };

  const status = async (): Promise<TiStatus> => {
    await ti.ready();
    const c = host.current();
    const t = now();
    return {
      lists: ti.listInfo(),
      providers: NETWORK_PROVIDERS.map((p) => {
        const l = ti.limiters.get(p.id)!;
        return {
          id: p.id, title: p.title, description: p.description, sends: p.sends, website: p.website, terms: p.terms, limits: p.limits,
          hasKey: ti.keys.get(p.id) !== undefined, remembered: ti.keys.isRemembered(p.id),
          usedToday: l.usedToday(t), quotaLeft: l.left(t), cached: ti.cache.size(p.id),
        };
      }),
      ttlHours: ti.cache.ttlHours,
      relayOrigin: RELAY_ORIGIN,
      audited: c === undefined ? 0 : (await auditOf(c.store).list()).length,
      ...(running !== undefined ? { running: running.progress } : {}),
    };
  };

  return {
    tiStatus: status,
    async addTiList(file, name, scope) {
      await ti.ready();
      const c = host.current();
      if (scope === 'case' && c === undefined) return { ok: false, error: 'Open a case first, or keep the list for all cases.' };
      const entry: StoredTiList = {
        id: `${now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`, name, scope, addedMs: now(),
        bytes: new Uint8Array(await file.arrayBuffer()),
      };
      const checked = readList(entry);
      if ('error' in checked) return { ok: false, error: `${checked.error}. Expected CSV or JSON with an ip column and optional score (0–100), label and source, as the README describes.` };
      await save(scope, c?.store, [...(await stored(scope, c?.store)), entry]);
      await reload();
      return { ok: true, status: await status() };
    },
    async removeTiList(id) {
      const c = host.current();
      for (const scope of ['case', 'all'] as const) {
        const list = await stored(scope, c?.store);
        if (list.some((s) => s.id === id)) await save(scope, c?.store, list.filter((s) => s.id !== id));
      }
      await reload();
      return status();
    },
    async setTiKey(providerId, key, remember) {
      if (networkProvider(providerId) === undefined) throw new Error(`unknown provider ${providerId}`);
      await ti.ready();
      await ti.keys.set(providerId, key, remember);
      return status();
    },
    async forgetTiKey(providerId) {
      await ti.ready();
      await ti.keys.forget(providerId);
      return status();
    },
    async setTiCacheTtl(hours) {
      await ti.ready();
      await ti.cache.setTtlHours(hours);
      return status();
    },
    async planTiLookup(providerId, via, limit) {
      await ti.ready();
      const p = networkProvider(providerId);
      if (p === undefined) return { error: `unknown provider ${providerId}` };
      const c = host.current();
      if (c === undefined) return { error: 'Open a case first: the addresses come from its events.' };
      if (ti.keys.get(p.id) === undefined) return { error: `Enter your ${p.title} API key first.` };
      const t = now();
      const quotaLeft = ti.limiters.get(p.id)!.left(t);
      const picked = planIps(c.index, p.id, ti.cache, t, Math.min(Math.max(0, Math.floor(limit)), quotaLeft));
      const base = requestBase(p.id, via);
      plan = {
        id: nextPlan++, providerId: p.id, providerTitle: p.title, via, endpoint: new URL(base).origin, sends: p.sends,
        quotaLeft, ...picked, store: c.store,
      };
      const { store: _store, ...shown } = plan;
      return shown;
    },
    async runTiLookup(planId, onProgress) {
      const c = host.current();
      const p0 = plan;
      // only the plan the user was shown, for the case it was made for, and only once
      if (p0 === undefined || p0.id !== planId || c === undefined || c.store !== p0.store) throw new Error('This lookup is no longer current: open the dialog again to see what would be sent.');
      if (running !== undefined) throw new Error('A lookup is already running.');
      plan = undefined;
      const provider = networkProvider(p0.providerId)!;
      const key = ti.keys.get(provider.id);
      if (key === undefined) return { sent: 0, ok: 0, failed: 0, cancelled: false, error: `Enter your ${provider.title} API key first.` };
      if (host.openFetcher === undefined) return { sent: 0, ok: 0, failed: 0, cancelled: false, error: 'Online lookups are not available in this build (the single file opened from disk may connect nowhere); offline lists still work. Use the served app (npm start or logdrop serve) for online lookups.' };
      const abort = new AbortController();
      const r = (running = { abort, progress: { planId, providerId: provider.id, done: 0, total: p0.ips.length, ok: 0, failed: 0 } });
      const fetcher = host.openFetcher();
      try {
        return await runLookup({
          planId, provider, key, via: p0.via, base: requestBase(provider.id, p0.via), ips: p0.ips,
          limiter: ti.limiters.get(provider.id)!, cache: ti.cache, audit: auditOf(p0.store),
        }, { now, sleep: host.sleep ?? sleepFor, send: fetcher.send }, abort.signal, (p) => {
          r.progress = p;
          try { onProgress?.(p); } catch { /* the UI went away */ }
        });
      } finally {
        fetcher.close();
        running = undefined;
        await host.rederive();
      }
    },
    async cancelTiLookup() {
      running?.abort.abort();
    },
    async tiAudit() {
      const c = host.current();
      return c === undefined ? [] : [...(await auditOf(c.store).list())];
    },
    async exportTiAudit() {
      const c = host.current();
      const rows = c === undefined ? [] : await auditOf(c.store).list();
      return new Blob([auditCsv(rows)], { type: 'text/csv' });
    },
    async tiOfIp(ipText) {
      await ti.ready();
      const ip = canonicalIp(ipText) ?? ipText;
      const special = specialLabel(ip);
      const t = now();
      return {
        ip,
        ...(special !== undefined ? { special } : {}),
        verdicts: ti.records(ip).map((r) => ({ ...r, stale: r.provider !== 'list' && !ti.cache.isFresh(r, t) })),
        // the providers' pages: for public addresses only (a private one means nothing to them)
        links: special !== undefined || canonicalIp(ipText) === undefined ? [] : NETWORK_PROVIDERS.map((p) => ({ title: p.title, url: p.pageUrl(ip) })),
      };
    },
  };
}
