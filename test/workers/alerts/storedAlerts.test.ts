// Reopening a case whose detection stamp still matches runs nothing and writes nothing; when a run happens
// (no stamp: another build, a failed write) alerts equal to the stored ones are not written again
// (sameAlerts.ts), and a store that differs from the run (an alert missing, one changed) is rewritten.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { openDB } from 'idb';
import type { Alert } from '../../../src/detect/types.ts';
import { sameAlerts } from '../../../src/workers/alerts/sameAlerts.ts';
import { createEngine } from '../../../src/workers/engine.ts';
import { CaseStore } from '../../../src/workers/store/caseStore.ts';
import { CASE_DB_PREFIX } from '../../../src/workers/store/schema.ts';

const line = (sec: number, msg: string) => `Mar  3 02:${String(Math.floor(sec / 60)).padStart(2, '0')}:${String(sec % 60).padStart(2, '0')} web01 sshd[${1000 + sec}]: ${msg}`;
const AUTH_LOG = [
  ...Array.from({ length: 12 }, (_, i) => line(i * 10, `Failed password for root from 203.0.113.45 port ${40000 + i} ssh2`)),
  line(130, 'Accepted password for root from 203.0.113.45 port 41000 ssh2'),
].join('\n') + '\n';

const alert = (over: Partial<Alert> = {}): Alert => ({
  id: 'a1', ruleId: 'r', ruleName: 'R', source: 'builtin', severity: 'high', ts: 1, lastTs: 2, group: { 'init.host.ip': '203.0.113.45' },
  count: 3, evidence: [1, 2, 3], message: 'm', params: { threshold: 5 }, window: { start: 0, end: 10 }, ...over,
});

afterEach(() => vi.restoreAllMocks());

describe('stored alerts on reopen', () => {
  it('compares every property, nested values and NaN included', () => {
    const stored = new Map([['a1', alert()]]);
    expect(sameAlerts([alert()], stored)).toBe(true);
    expect(sameAlerts([alert({ ts: NaN })], new Map([['a1', alert({ ts: NaN })]]))).toBe(true);
    expect(sameAlerts([alert({ count: 4 })], stored)).toBe(false);
    expect(sameAlerts([alert({ evidence: [1, 2] })], stored)).toBe(false);
    expect(sameAlerts([alert({ group: { 'init.host.ip': '203.0.113.46' } })], stored)).toBe(false);
    expect(sameAlerts([alert({ params: { threshold: 6 } })], stored)).toBe(false);
    expect(sameAlerts([alert({ host: 'web01' })], stored)).toBe(false);
    expect(sameAlerts([alert({ id: 'a2' })], stored)).toBe(false);
    expect(sameAlerts([alert(), alert({ id: 'a2' })], stored)).toBe(false);
    expect(sameAlerts([], new Map())).toBe(true);
  });

  it('writes nothing when the run finds the stored alerts, and rewrites a store that differs', async () => {
    const writer = createEngine();
    const info = await writer.createCase('stored alerts');
    await writer.ingest([{ path: 'auth.log', file: new File([AUTH_LOG], 'auth.log', { lastModified: Date.UTC(2026, 2, 4) }) }], {}, () => {});
    await writer.detected();
    const expected = (await writer.alerts()).alerts.map(({ state: _s, ...a }) => a);
    expect(expected.length).toBeGreaterThan(1);

    const puts = vi.spyOn(CaseStore.prototype, 'putAlerts');
    const reader = createEngine();
    await reader.openCase(info.id);
    await reader.detected();
    expect(puts).not.toHaveBeenCalled();
    expect((await reader.alerts()).alerts.map(({ state: _s, ...a }) => a)).toEqual(expected);

    // one alert lost and one changed in the store: the next open writes the run's alerts back
    // (a full run's alerts are rows of groups since case schema 10: alertGroups.ts)
    const db = await openDB(CASE_DB_PREFIX + info.id);
    const [group] = (await db.getAll('alertGroups')) as { alerts: Alert[] }[];
    expect(group.alerts.map((a) => a.id).sort()).toEqual(expected.map((a) => a.id).sort());
    const tampered = group.alerts.filter((a) => a.id !== expected[0].id).map((a) => (a.id === expected[1].id ? { ...a, count: 999 } : a));
    await db.put('alertGroups', { alerts: tampered }, 0);
    // the stamp vouches for the store: with it, the altered store would be shown as is; without it, a run
    await db.delete('settings', 'detect.stamp');
    db.close();
    const again = createEngine();
    await again.openCase(info.id);
    await again.detected();
    expect(puts).toHaveBeenCalledTimes(1);
    const store = await CaseStore.open(info.id);
    const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : 1);
    expect((await store.alerts()).sort(byId)).toEqual([...expected].sort(byId));
    store.close();
  });

  it('after a failed alert write no stamp vouches for the store: the next open runs detection again', async () => {
    const engine = createEngine();
    const info = await engine.createCase('failed write');
    const puts = vi.spyOn(CaseStore.prototype, 'putAlerts').mockRejectedValueOnce(new Error('QuotaExceededError'));
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    await engine.ingest([{ path: 'auth.log', file: new File([AUTH_LOG], 'auth.log', { lastModified: Date.UTC(2026, 2, 4) }) }], {}, () => {});
    await engine.detected();
    expect(warn).toHaveBeenCalledWith('alerts not stored:', expect.any(Error));
    const store = await CaseStore.open(info.id);
    expect(await store.getSetting('detect.stamp')).toBeUndefined();
    store.close();
    const reopened = createEngine();
    await reopened.openCase(info.id);
    await reopened.detected();
    expect((await reopened.alerts()).reused).toBe(false);
    expect(puts).toHaveBeenCalledTimes(2);
  });
});
