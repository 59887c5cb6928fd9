// EngineApi's GeoIP calls: the user's GeoIP files are kept with the case (case settings) or for every
// case (catalog settings), re-read on open, and the open case's index re-derives its loc fields.
import type { EngineApi, GeoScope } from '../api.ts';
import type { CaseStore } from '../store/caseStore.ts';
import { getGlobalSetting, setGlobalSetting } from '../store/catalog.ts';
import type { CaseIndex } from '../query/caseIndex.ts';
import { GeoService, type StoredGeoData } from './geoService.ts';

const KEY = 'geoip.user';

interface GeoHost {
  geo: GeoService;
  /** re-derives the open case's index (GeoIP and ti) and re-runs the detectors */
  rederive(): Promise<void>;
  /** the open case, if any */
  current(): { store: CaseStore; index: CaseIndex } | undefined;
}

/** Before a case's index is built: the built-in tables are loaded and the user's data for it is read. */
export async function loadUserGeoData(geo: GeoService, store: CaseStore): Promise<void> {
  const [own, all] = await Promise.all([store.getSetting<StoredGeoData[]>(KEY), getGlobalSetting<StoredGeoData[]>(KEY)]);
  await geo.ready();
  await geo.setUserData([...(own ?? []), ...(all ?? [])]);
}

export function createGeoOps(host: GeoHost): Pick<EngineApi, 'geoStatus' | 'addGeoData' | 'removeGeoData'> {
  const { geo } = host;
  const stored = async (scope: GeoScope, store: CaseStore | undefined): Promise<StoredGeoData[]> =>
    (scope === 'case' ? await store?.getSetting<StoredGeoData[]>(KEY) : await getGlobalSetting<StoredGeoData[]>(KEY)) ?? [];
  const save = async (scope: GeoScope, store: CaseStore | undefined, list: StoredGeoData[]): Promise<void> => {
    if (scope === 'case') await store?.setSetting(KEY, list);
    else await setGlobalSetting(KEY, list);
  };
  const reload = async (): Promise<void> => {
    const c = host.current();
    const own = c === undefined ? [] : await stored('case', c.store);
    await geo.setUserData([...own, ...(await stored('all', undefined))]);
    await host.rederive();
  };

  return {
    async geoStatus() {
      await geo.ready();
      return geo.status();
    },
    async addGeoData(file, name, scope) {
      const c = host.current();
      if (scope === 'case' && c === undefined) return { ok: false, error: 'Open a case first, or keep the data for all cases.' };
      const entry: StoredGeoData = {
        id: `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`,
        name, scope, addedMs: Date.now(), bytes: new Uint8Array(await file.arrayBuffer()),
      };
      const checked = await GeoService.check(entry);
      if ('error' in checked) return { ok: false, error: `${checked.error}. Expected a MaxMind .mmdb file, or JSON/CSV ranges as the README describes.` };
      await save(scope, c?.store, [...(await stored(scope, c?.store)), entry]);
      await reload();
      return { ok: true, status: geo.status() };
    },
    async removeGeoData(id) {
      const c = host.current();
      for (const scope of ['case', 'all'] as const) {
        const list = await stored(scope, c?.store);
        if (list.some((s) => s.id === id)) await save(scope, c?.store, list.filter((s) => s.id !== id));
      }
      await reload();
      return geo.status();
    },
  };
}
