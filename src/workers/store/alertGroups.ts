// Alerts stored a group to a row (case schema 9). A detection run over a 1M-line auth.log finds ~28,500
// alerts; written one IndexedDB put each, that write was ~30,000 requests to the browser's IndexedDB backend
// and most of the CPU its thread pool spent on the whole ingest (8.4 s of 8.4 s after the chunks: a trace of
// the browser process, bench/trace-pool.ts). A full run's alerts are now rows of ALERTS_PER_GROUP alerts in
// the `alertGroups` store. A partial write (a parameter moved, Sigma rules toggled) still writes single alerts
// to the `alerts` store, where a removed alert leaves a tombstone: the `alerts` rows lie over the groups, and
// the next full run clears both. Cases written before keep their `alerts` rows and are read as they are.
import type { IDBPDatabase } from 'idb';
import type { Alert } from '../../detect/types.ts';
import type { CaseSchema } from './schema.ts';

/** ~0.8 MB of structured clone for auth.log's alerts: a few dozen rows for a 1M-line case */
export const ALERTS_PER_GROUP = 1_000;

/** A removed alert in the `alerts` store: hides an alert of the same id in a group. */
export interface AlertTombstone { id: string; removed: true }

/** One row of the `alertGroups` store. */
export interface AlertGroup { alerts: Alert[] }

export const tombstone = (id: string): AlertTombstone => ({ id, removed: true });

const isTombstone = (row: Alert | AlertTombstone): row is AlertTombstone => (row as Partial<AlertTombstone>).removed === true && !('ruleId' in row);

export function groupsOf(alerts: readonly Alert[]): AlertGroup[] {
  const out: AlertGroup[] = [];
  for (let i = 0; i < alerts.length; i += ALERTS_PER_GROUP) out.push({ alerts: alerts.slice(i, i + ALERTS_PER_GROUP) });
  return out;
}

/**
 * The stored alerts: the groups' with the single rows over them (a tombstone removes, an alert replaces or
 * adds), in id order as one IndexedDB store keyed by id gave them (string keys compare by UTF-16 code units,
 * as `<` does).
 */
export function storedAlerts(groups: readonly AlertGroup[], rows: readonly (Alert | AlertTombstone)[]): Alert[] {
  if (groups.length === 0) return rows.filter((r): r is Alert => !isTombstone(r));
  const byId = new Map<string, Alert>();
  for (const g of groups) for (const a of g.alerts) byId.set(a.id, a);
  for (const r of rows) {
    if (isTombstone(r)) byId.delete(r.id);
    else byId.set(r.id, r);
  }
  return [...byId.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/**
 * Replaces the stored alerts with a full run's (one transaction: the old set or the new one, never a mix): the
 * single rows and tombstones are cleared, the groups written anew.
 */
export async function writeAlertGroups(db: IDBPDatabase<CaseSchema>, alerts: readonly Alert[]): Promise<void> {
  const tx = db.transaction(['alerts', 'alertGroups'], 'readwrite');
  const singles = tx.objectStore('alerts'), groups = tx.objectStore('alertGroups');
  await Promise.all([singles.clear(), groups.clear(), ...groupsOf(alerts).map((g, i) => groups.put(g, i)), tx.done]);
}

/** A partial write in one transaction: single rows over the groups, a removed id as a tombstone (it may be in a group). */
export async function replaceAlertRows(db: IDBPDatabase<CaseSchema>, remove: readonly string[], alerts: readonly Alert[]): Promise<void> {
  const tx = db.transaction('alerts', 'readwrite');
  const store = tx.objectStore('alerts');
  await Promise.all([...remove.map((id) => store.put(tombstone(id))), ...alerts.map((a) => store.put(a)), tx.done]);
}

/** The stored alerts in id order, read in one transaction. */
export async function readAlerts(db: IDBPDatabase<CaseSchema>): Promise<Alert[]> {
  const tx = db.transaction(['alerts', 'alertGroups']);
  const [groups, rows] = await Promise.all([tx.objectStore('alertGroups').getAll(), tx.objectStore('alerts').getAll(), tx.done]);
  return storedAlerts(groups, rows);
}
