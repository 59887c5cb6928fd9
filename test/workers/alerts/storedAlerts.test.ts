// Reopening a case re-runs the detectors; alerts equal to the stored ones are not written again (sameAlerts.ts),
// and a store that differs from the run (an alert missing, one changed) is rewritten to the run's alerts.
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
    const expected = (await writer.alerts()).alerts.map(({ state: _s, ...a }) => a);
    expect(expected.length).toBeGreaterThan(1);

    const puts = vi.spyOn(CaseStore.prototype, 'putAlerts');
    const reader = createEngine();
    await reader.openCase(info.id);
    expect(puts).not.toHaveBeenCalled();
    expect((await reader.alerts()).alerts.map(({ state: _s, ...a }) => a)).toEqual(expected);

    // one alert lost and one changed in the store: the next open writes the run's alerts back
    const db = await openDB(CASE_DB_PREFIX + info.id);
    await db.delete('alerts', expected[0].id);
    await db.put('alerts', { ...expected[1], count: 999 });
    db.close();
    const again = createEngine();
    await again.openCase(info.id);
    expect(puts).toHaveBeenCalledTimes(1);
    const store = await CaseStore.open(info.id);
    const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : 1);
    expect((await store.alerts()).sort(byId)).toEqual([...expected].sort(byId));
    store.close();
  });
});
