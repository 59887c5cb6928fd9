// Detection inside the engine (fake-indexeddb): alerts after an ingest, a parameter change re-runs the
// detector and changes the alerts, status and notes survive re-runs and reopening, and a case written at
// schema version 2 (before alerts existed) opens, upgrades and gets its alerts.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { openDB } from 'idb';
import { createEngine } from '../../src/workers/engine.ts';
import { putCase } from '../../src/workers/store/catalog.ts';
import { CASE_DB_PREFIX, CASE_VERSION } from '../../src/workers/store/schema.ts';
import { ChunkBuilder } from '../../src/workers/chunk/chunk.ts';
import { describeChunk } from '../../src/workers/store/chunkMeta.ts';
import { freshCaseId, ledgerRow } from './store/fixtures.ts';
import { createOldCaseStores } from './store/oldCase.ts';

const line = (sec: number, msg: string) => {
  const d = new Date(Date.UTC(2026, 2, 3, 2, 0, sec));
  return `Mar  3 ${d.toISOString().slice(11, 19)} web01 sshd[${1000 + sec}]: ${msg}`;
};
/** 12 failures for root from one address within 2 minutes, then a success as root. */
const AUTH_LOG = [
  ...Array.from({ length: 12 }, (_, i) => line(i * 10, `Failed password for root from 203.0.113.45 port ${40000 + i} ssh2`)),
  line(130, 'Accepted password for root from 203.0.113.45 port 41000 ssh2'),
].join('\n') + '\n';
const file = () => ({ path: 'auth.log', file: new File([AUTH_LOG], 'auth.log', { lastModified: Date.UTC(2026, 2, 4) }) });

describe('alerts in the engine', () => {
  it('raises alerts after an ingest; a parameter change updates them; status and notes survive re-runs and reopening', async () => {
    const engine = createEngine();
    const info = await engine.createCase('alerts');
    await engine.ingest([file()], {}, () => {});
    // detection runs in the background: the ingest has answered, the case is searchable, the list says running
    expect((await engine.alerts()).running).toBe(true);
    const q = await engine.query('outcome:failure');
    expect(q.ok && q.handle.total).toBe(12);
    await engine.detected();

    const first = await engine.alerts();
    expect(first.running).toBe(false);
    expect(first.reused).toBe(false);
    const brute = first.alerts.filter((a) => a.ruleId === 'builtin.bruteforce.user');
    expect(brute.map((a) => [a.group, a.count, a.state.status])).toEqual([[{ 'target.usr.name': 'root' }, 12, 'new']]);
    expect(first.alerts.some((a) => a.ruleId === 'builtin.success-after-failures')).toBe(true);
    expect(first.bySeverity.critical).toBeGreaterThan(0);

    await engine.setAlertState(brute[0].id, { status: 'acknowledged', note: 'blocked at the edge' });
    // 13 failures needed: the alert goes; back to 10: it returns with the same id and its state
    const raised = await engine.setDetectorParams('builtin.bruteforce.user', { threshold: 13 });
    expect(raised.values.threshold).toBe(13);
    expect(raised.alerts).toBe(0);
    expect((await engine.alerts({ ruleIds: ['builtin.bruteforce.user'] })).alerts).toEqual([]);
    await engine.setDetectorParams('builtin.bruteforce.user', { threshold: 10 });
    const back = (await engine.alerts({ ruleIds: ['builtin.bruteforce.user'] })).alerts;
    expect(back.map((a) => [a.id, a.state.status, a.state.note])).toEqual([[brute[0].id, 'acknowledged', 'blocked at the edge']]);

    // out of range values are clamped to the detector's range
    expect((await engine.setDetectorParams('builtin.bruteforce.user', { threshold: -5, windowMinutes: 5 })).values).toEqual({ threshold: 2, windowMinutes: 5 });
    // a move writes only what changed against the detector's previous alerts: the store must still hold the list
    const shown = (await engine.alerts()).alerts.map((a) => JSON.stringify({ ...a, state: undefined }));
    await engine.detected(); // the move's alert writes are done (a move answers before they are)

    // a reloaded tab: parameters, states and alerts come back from the case
    const reopened = createEngine();
    await reopened.openCase(info.id);
    await reopened.detected();
    // nothing changed since the last run (the parameter change included): its stored result is shown as is
    const reopenedList = await reopened.alerts();
    expect(reopenedList.reused).toBe(true);
    expect(reopenedList.alerts.map((a) => JSON.stringify({ ...a, state: undefined }))).toEqual(shown);
    const d = (await reopened.detectors()).find((x) => x.id === 'builtin.bruteforce.user')!;
    expect(d.coverage.state).toBe('active');
    expect(d.values).toEqual({ threshold: 2, windowMinutes: 5 });
    // the burst still starts at the first failure: same alert id, so the note is still on it
    const again = (await reopened.alerts({ statuses: ['acknowledged'] })).alerts;
    expect(again.map((a) => [a.id, a.state.note])).toEqual([[brute[0].id, 'blocked at the edge']]);
    // new data: the stored result is not current any more, detection runs again over all of it
    const more = Array.from({ length: 3 }, (_, i) => line(200 + i, `Failed password for bob from 198.51.100.9 port ${42000 + i} ssh2`)).join('\n') + '\n';
    await reopened.ingest([{ path: 'more.log', file: new File([more], 'more.log', { lastModified: Date.UTC(2026, 2, 4) }) }], {}, () => {});
    await reopened.detected();
    const grown = await reopened.alerts();
    expect(grown.reused).toBe(false);
    expect(grown.alerts.some((a) => a.ruleId === 'builtin.bruteforce.user' && a.group['target.usr.name'] === 'bob')).toBe(true);
    await reopened.deleteCase(info.id);
  });

  it('filters by severity, status, rule, host and text, and counts per severity', async () => {
    const engine = createEngine();
    await engine.createCase('filters');
    await engine.ingest([file()], {}, () => {});
    await engine.detected();
    const all = await engine.alerts();
    const critical = await engine.alerts({ severities: ['critical'] });
    expect(critical.alerts.every((a) => a.severity === 'critical')).toBe(true);
    expect(critical.bySeverity.high).toBe(0);
    expect(critical.total).toBe(all.total);
    expect((await engine.alerts({ host: 'WEB01' })).alerts).toHaveLength(all.alerts.length);
    expect((await engine.alerts({ host: 'dc01' })).alerts).toHaveLength(0);
    expect((await engine.alerts({ text: '203.0.113.45' })).alerts.length).toBeGreaterThan(0);
    // a limit cuts the list to the earliest alerts, never the counts (the tab badge asks for counts only)
    expect(all.alerts.length).toBeGreaterThan(1);
    const none = await engine.alerts({ limit: 0 });
    expect(none.alerts).toEqual([]);
    expect(none.bySeverity).toEqual(all.bySeverity);
    expect(none.byStatus).toEqual(all.byStatus);
    expect((await engine.alerts({ limit: 1 })).alerts.map((a) => a.id)).toEqual([all.alerts[0].id]);
    // per group (the alerts view): the first alerts of each group, and every group's count
    for (const by of ['rule', 'severity', 'host'] as const) {
      const keyOf = (a: (typeof all.alerts)[number]) => (by === 'rule' ? a.ruleId : by === 'severity' ? a.severity : a.host ?? 'no host');
      const want = new Map<string, string[]>();
      for (const a of all.alerts) want.set(keyOf(a), [...(want.get(keyOf(a)) ?? []), a.id]);
      const grouped = await engine.alerts({ perGroup: { by, limit: 1 } });
      expect(grouped.groups).toEqual([...want].map(([key, ids]) => ({ key, count: ids.length })));
      expect(grouped.alerts.map((a) => a.id)).toEqual([...want.values()].map((ids) => ids[0]).sort((x, y) => all.alerts.findIndex((a) => a.id === x) - all.alerts.findIndex((a) => a.id === y)));
      expect(grouped.bySeverity).toEqual(all.bySeverity);
    }
    await expect(engine.setAlertState('x', { status: 'bogus' as 'new', note: '' })).rejects.toThrow('unknown alert status');
  });

  it('detectors() lists every detector with parameters and coverage (GeoIP ones waiting)', async () => {
    const engine = createEngine();
    await engine.createCase('coverage');
    await engine.ingest([file()], {}, () => {});
    await engine.detected();
    const ds = await engine.detectors();
    expect(ds.find((d) => d.id === 'builtin.impossible-travel')?.coverage).toEqual({ state: 'waiting', reason: 'waiting for GeoIP enrichment: no event has init.host.loc.geo_point' });
    expect(ds.find((d) => d.id === 'builtin.bruteforce.ip')?.coverage.state).toBe('active');
    expect(ds.every((d) => d.params.length > 0 && Object.keys(d.values).length === d.params.length)).toBe(true);
  });

  it('opens a case written at schema version 2 (no alert stores): upgraded, and its alerts computed', async () => {
    const id = freshCaseId('v2');
    const v2 = await openDB(CASE_DB_PREFIX + id, 2, { upgrade: (d) => createOldCaseStores(d, 2) });
    const fileId = (await v2.add('files', ledgerRow('auth.log', { events: 10 }))) as number;
    const b = new ChunkBuilder(10);
    for (let i = 0; i < 10; i++) {
      b.add({ ts: Date.UTC(2026, 2, 3, 2, 0, i), type: 'AUTH', action: 'logon', outcome: 'failure', 'target.usr.name': 'admin', 'init.host.ip': '192.0.2.7', 'col.line': i + 1 });
    }
    const chunk = b.build(fileId, 0);
    await v2.put('chunks', { ...chunk, key: [fileId, 0] });
    await v2.put('chunkMeta', describeChunk(chunk));
    v2.close();
    await putCase({ id, name: 'Version 2 case', createdMs: Date.now(), events: 10, unparsed: 0, files: 1, sourceBytes: 100 });

    const engine = createEngine();
    expect(await engine.openCase(id)).toMatchObject({ name: 'Version 2 case', events: 10 });
    await engine.detected();
    expect((await engine.alerts()).alerts.map((a) => a.ruleId).sort()).toEqual(['builtin.bruteforce.ip', 'builtin.bruteforce.user']);
    const raw = await openDB(CASE_DB_PREFIX + id);
    expect(raw.version).toBe(CASE_VERSION);
    expect([...raw.objectStoreNames].sort()).toEqual(['alertGroups', 'alertStates', 'alerts', 'chunkMeta', 'chunks', 'dict', 'files', 'settings']);
    // a full run's alerts: one row of groups since schema 9 (store/alertGroups.ts)
    const groups = (await raw.getAll('alertGroups')) as { alerts: unknown[] }[];
    expect(groups.map((g) => g.alerts.length)).toEqual([2]);
    expect(await raw.count('alerts')).toBe(0);
    raw.close();
  });
});
