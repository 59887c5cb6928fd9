// The dashboard's series: time charts that add up, top lists with the query of each value, countries
// only when the case is enriched.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Histogram } from '../../../src/workers/api.ts';
import { createQueryEngine, type QueryEngine } from '../../../src/workers/query/engine.ts';
import { demoEngine, DEMO_FACTS } from './demoEngine.ts';
import { fixtureIndex } from './fixtures.ts';
import { engineOf, logon } from './synthetic.ts';

const sum = (h: Histogram) => h.buckets.reduce((n, b) => n + b.count, 0);

describe('dashboard on the fixtures', () => {
  const engine = createQueryEngine(fixtureIndex());
  const d = engine.dashboard(50);

  it('events and logons over time, split by outcome', () => {
    expect(d.total).toBe(30);
    expect(sum(d.events)).toBe(30);
    expect(d.events.splitField).toBe('outcome');
    expect(sum(d.logons)).toBe(7); // the Windows 4624/4625 events
    expect(d.logonQuery).toBe('action:logon');
    expect({ ...d.outcomeQueries }).toEqual({ failure: 'outcome:failure', success: 'outcome:success' });
  });

  it('top lists, each value with the query that selects it', () => {
    expect(d.sourceIps.values[0]).toEqual({ value: '203.0.113.5', count: 7, query: 'init.host.ip:203.0.113.5' });
    expect(d.targetedUsers.values.map((v) => v.value)).toContain('Administrator');
    expect(d.targetedUsers.values[0].query).toMatch(/^\(action:logon\) and \(target\.usr\.name:/);
    expect(d.actions.values.slice(0, 2)).toEqual([{ value: 'login', count: 7, query: 'action:login' }, { value: 'logon', count: 7, query: 'action:logon' }]);
    expect(d.countries).toBeUndefined();
  });
});

it('countries appear once the case is enriched', () => {
  const d = engineOf([
    logon('203.0.113.9', 'root', 'web', 'failure', { 'init.host.loc.country': 'Narnia' }),
    logon('10.0.0.1', 'root', 'web', 'success'),
  ]).dashboard(10);
  expect(d.countries).toEqual({ field: 'init.host.loc.country', distinct: 1, values: [{ value: 'Narnia', count: 1, query: 'init.host.loc.country:Narnia' }] });
});

describe('dashboard of the demo bundle', () => {
  let engine: QueryEngine;
  beforeAll(async () => { engine = await demoEngine(); });

  it('tells the story: the attacker on top, the failed logons, at most the buckets asked', () => {
    const d = engine.dashboard(168);
    expect(d.sourceIps.values[0].value).toBe(DEMO_FACTS.attacker);
    expect(d.events.buckets.length).toBeLessThanOrEqual(168);
    expect(sum(d.events)).toBe(d.total);
    const failures = d.logons.buckets.reduce((n, b) => n + (b.split?.failure ?? 0), 0);
    expect(failures).toBeGreaterThanOrEqual(DEMO_FACTS.attempts);
    // the busiest logon bucket is the brute force
    const peak = d.logons.buckets.reduce((p, b) => (b.count > p.count ? b : p));
    expect(new Date(peak.start).toISOString().slice(0, 13)).toBe('2026-03-03T02');
  });
});
