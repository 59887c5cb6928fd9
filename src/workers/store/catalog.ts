// The case catalog: which cases exist, with their counts (shown before a case is opened).
import { deleteDB, type IDBPDatabase } from 'idb';
import type { CaseInfo } from '../api.ts';
import { openVersioned } from './openVersioned.ts';
import { bodyBackend } from './chunkBodies.ts';
import { CASE_DB_PREFIX, CATALOG_DB, CATALOG_VERSION, type CatalogSchema } from './schema.ts';

let catalog: Promise<IDBPDatabase<CatalogSchema>> | undefined;

function db(): Promise<IDBPDatabase<CatalogSchema>> {
  if (catalog !== undefined) return catalog;
  const opening = openVersioned<CatalogSchema>(CATALOG_DB, CATALOG_VERSION, 'list of cases', {
    upgrade(d, oldVersion) {
      if (oldVersion < 1) d.createObjectStore('cases', { keyPath: 'id' });
      if (oldVersion < 2) d.createObjectStore('settings');
    },
    // a newer version of the app in another tab upgrades the catalog: let go and reopen on next use
    blocking() {
      void catalog?.then((d) => d.close());
      catalog = undefined;
    },
  });
  // a failed open (a newer schema) is not cached: the next call tries again and reports again
  opening.catch(() => { if (catalog === opening) catalog = undefined; });
  catalog = opening;
  return opening;
}

export async function listCases(): Promise<CaseInfo[]> {
  const all = await (await db()).getAll('cases');
  return all.sort((a, b) => b.createdMs - a.createdMs);
}

export async function getCase(id: string): Promise<CaseInfo | undefined> {
  return (await db()).get('cases', id);
}

export async function putCase(info: CaseInfo): Promise<void> {
  await (await db()).put('cases', info);
}

export async function removeCase(id: string): Promise<void> {
  await (await db()).delete('cases', id);
  await deleteDB(CASE_DB_PREFIX + id);
  // its chunk body files (case schema 8) after the database: no row can name them now. A failure leaves a
  // folder no case lists, which a new case never reuses (case ids are new); it is not worth failing the delete.
  await (await bodyBackend())?.removeCase(id).catch(() => undefined);
}

/** A setting kept for every case of this browser (not part of any case's hand-over). */
export async function getGlobalSetting<T>(key: string): Promise<T | undefined> {
  return (await (await db()).get('settings', key)) as T | undefined;
}

/** The keys of this browser's settings that start with `prefix` (the case hand-over's enrichment cache). */
export async function globalSettingKeys(prefix: string): Promise<string[]> {
  const keys = await (await db()).getAllKeys('settings', IDBKeyRange.bound(prefix, prefix + '\uffff'));
  return keys.map(String);
}

export async function setGlobalSetting(key: string, value: unknown): Promise<void> {
  await (await db()).put('settings', value, key);
}

export async function deleteGlobalSetting(key: string): Promise<void> {
  await (await db()).delete('settings', key);
}

export function newCaseId(): string {
  return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
}
