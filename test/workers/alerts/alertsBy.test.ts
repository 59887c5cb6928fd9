// Alerts seen from the dashboard (over time by severity) and the graph (per entity).
import { describe, expect, it } from 'vitest';
import type { Alert, Histogram } from '../../../src/workers/api.ts';
import { alertsByEntity, alertsOverTime, entitiesOf, kindOfField } from '../../../src/workers/alerts/alertsBy.ts';

const HOUR = 3_600_000;
const T0 = Date.UTC(2026, 2, 3, 0);

function alert(over: Partial<Alert>): Alert {
  return {
    id: `a${Math.random()}`, ruleId: 'r', ruleName: 'rule', source: 'builtin', severity: 'medium', ts: T0, lastTs: T0,
    group: {}, count: 1, evidence: [], message: 'm', ...over,
  };
}

describe('alerts over time', () => {
  const events: Histogram = { bucketMs: HOUR, from: T0, to: T0 + 3 * HOUR, buckets: [0, 1, 2].map((i) => ({ start: T0 + i * HOUR, count: 10 })) };

  it('counts alerts per bucket of the events chart, split by severity', () => {
    const h = alertsOverTime([
      alert({ ts: T0 + 5 * 60_000, severity: 'high' }),
      alert({ ts: T0 + HOUR + 1, severity: 'high' }),
      alert({ ts: T0 + HOUR + 2, severity: 'low' }),
    ], events);
    expect(h.bucketMs).toBe(HOUR);
    expect(h.buckets.map((b) => b.count)).toEqual([1, 2, 0]);
    expect({ ...h.buckets[1].split }).toEqual({ high: 1, low: 1 });
    expect(h.splitField).toBe('severity');
  });

  it('keeps alerts outside the span in the end buckets, and drops none', () => {
    const h = alertsOverTime([alert({ ts: T0 - HOUR }), alert({ ts: T0 + 9 * HOUR }), alert({ ts: Number.NaN })], events);
    expect(h.buckets.map((b) => b.count)).toEqual([1, 0, 1]);
  });

  it('no events, no buckets', () => {
    expect(alertsOverTime([alert({})], { bucketMs: 0, from: 0, to: 0, buckets: [] }).buckets).toEqual([]);
  });
});

describe('alerts by entity', () => {
  it('names IPs, accounts and hosts from the group values and the host, with the worst severity', () => {
    const m = alertsByEntity([
      alert({ group: { 'init.host.ip': '203.0.113.45' }, severity: 'medium', host: 'web01' }),
      alert({ group: { 'init.host.ip': '203.0.113.45', 'target.usr.name': 'root' }, severity: 'critical', host: 'web01, DC01' }),
      alert({ group: { 'data.EventID': '4625' }, severity: 'low' }),
    ]);
    expect(m.get('ip:203.0.113.45')).toEqual({ count: 2, severity: 'critical' });
    expect(m.get('user:root')).toEqual({ count: 1, severity: 'critical' });
    expect(m.get('host:web01')).toEqual({ count: 2, severity: 'critical' });
    expect(m.get('host:DC01')).toEqual({ count: 1, severity: 'critical' });
    expect(m.size).toBe(4);
  });

  it('the entities one alert names (the entity filter of the alert list)', () => {
    expect([...entitiesOf(alert({ group: { 'init.host.ip': '203.0.113.45', 'target.usr.name': '' }, host: 'web01' }))]).toEqual(['ip:203.0.113.45', 'host:web01']);
    expect(entitiesOf(alert({})).size).toBe(0);
  });

  it('field kinds', () => {
    expect(kindOfField('target.host.ip')).toBe('ip');
    expect(kindOfField('init.usr.name')).toBe('user');
    expect(kindOfField('obs.host.name')).toBe('host');
    expect(kindOfField('data.EventID')).toBeUndefined();
  });
});
