// Alerts stored a group to a row (case schema 9, store/alertGroups.ts): a full run is written as a few rows,
// a partial write (a parameter moved) as single rows and tombstones over them, and every read gives what a
// store of one row per alert gave: the same alerts in id order. A case written before (schema 8: one row per
// alert) opens with its alerts as they were, and a partial write on it removes and replaces as before.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { openDB } from 'idb';
import type { Alert } from '../../../src/detect/types.ts';
import { CaseStore } from '../../../src/workers/store/caseStore.ts';
import { ALERTS_PER_GROUP } from '../../../src/workers/store/alertGroups.ts';
import { CASE_DB_PREFIX, CASE_VERSION } from '../../../src/workers/store/schema.ts';
import { createOldCaseStores } from './oldCase.ts';

const alert = (n: number, over: Partial<Alert> = {}): Alert => ({
  // ids not in numeric order, with a character past U+FFFF: the order is IndexedDB's (UTF-16 code units)
  id: `builtin.bruteforce.ip|init.host.ip=10.0.${n % 7}.${n}|${n % 3 === 0 ? '\u{1F600}' : 'x'}`, ruleId: 'builtin.bruteforce.ip', ruleName: 'Brute force', source: 'builtin',
  severity: 'high', ts: n, lastTs: n + 1, group: { 'init.host.ip': `10.0.${n % 7}.${n}` }, count: n, evidence: [n, n + 1], message: `m${n}`,
  params: { threshold: 5 }, window: { start: n, end: n + 10 }, ...over,
});
const byId = (a: Alert, b: Alert) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
let cases = 0;

async function rawCounts(id: string): Promise<{ groups: number; singles: number }> {
  const db = await openDB(CASE_DB_PREFIX + id);
  const out = { groups: await db.count('alertGroups'), singles: await db.count('alerts') };
  db.close();
  return out;
}

describe('alerts stored in groups', () => {
  it('writes a full run as rows of groups and reads it back in id order', async () => {
    const id = `groups-${cases++}`;
    const store = await CaseStore.open(id);
    const run = Array.from({ length: 2 * ALERTS_PER_GROUP + 500 }, (_, i) => alert(i));
    await store.putAlerts(run);
    expect(await rawCounts(id)).toEqual({ groups: 3, singles: 0 });
    expect(await store.alerts()).toEqual([...run].sort(byId));

    // a partial write: two alerts of the groups removed, one changed, one added; the groups stay as they are
    const gone = [run[3].id, run[2_400].id];
    const changed = { ...run[10], count: 999 };
    const added = alert(90_000);
    await store.replaceAlerts(gone, [changed, added]);
    expect(await rawCounts(id)).toEqual({ groups: 3, singles: 4 });
    const expected = [...run.filter((a) => !gone.includes(a.id) && a.id !== changed.id), changed, added].sort(byId);
    expect(await store.alerts()).toEqual(expected);
    // a removed alert written again (a later move of the same parameter brings it back) replaces its tombstone
    await store.replaceAlerts([], [run[3]]);
    expect(await store.alerts()).toEqual([...expected, run[3]].sort(byId));

    // the next full run clears the single rows and tombstones
    const next = run.slice(0, 1_200);
    await store.putAlerts(next);
    expect(await rawCounts(id)).toEqual({ groups: 2, singles: 0 });
    expect(await store.alerts()).toEqual([...next].sort(byId));
    await store.putAlerts([]);
    expect(await store.alerts()).toEqual([]);
    store.close();
  });

  it('opens a case written with one row per alert (schema 8) with its alerts as they were', async () => {
    const id = `old-${cases++}`;
    const old = await openDB(CASE_DB_PREFIX + id, 8, { upgrade: (d) => createOldCaseStores(d, 8) });
    const stored = Array.from({ length: 40 }, (_, i) => alert(i));
    for (const a of stored) await old.put('alerts', a);
    old.close();

    const store = await CaseStore.open(id);
    const raw = await openDB(CASE_DB_PREFIX + id);
    expect(raw.version).toBe(CASE_VERSION);
    raw.close();
    expect(await store.alerts()).toEqual([...stored].sort(byId));
    // a partial write on the old rows: removed and replaced as one row per alert did
    await store.replaceAlerts([stored[0].id], [{ ...stored[1], count: 7 }]);
    expect(await store.alerts()).toEqual(stored.filter((a) => a !== stored[0]).map((a) => (a === stored[1] ? { ...a, count: 7 } : a)).sort(byId));
    // the first full run on it replaces the old rows with groups
    await store.putAlerts(stored.slice(5));
    expect(await rawCounts(id)).toEqual({ groups: 1, singles: 0 });
    expect(await store.alerts()).toEqual(stored.slice(5).sort(byId));
    store.close();
  });
});
