// Entity pages' summaries: on hand-made events, on the shared fixtures and on the demo bundle's story.
import { beforeAll, describe, expect, it } from 'vitest';
import type { QueryEngine } from '../../../src/workers/query/engine.ts';
import { createQueryEngine } from '../../../src/workers/query/engine.ts';
import { demoEngine, DEMO_FACTS } from './demoEngine.ts';
import { fixtureIndex } from './fixtures.ts';
import { BASE, connection, engineOf, logon } from './synthetic.ts';

const at = (h: number, m: number, s: number) => Date.UTC(2024, 9, 17, h, m, s);

describe('entity summary on the fixtures', () => {
  const engine = createQueryEngine(fixtureIndex());

  it('an IP: its events in any role, first and last seen, outcomes, logons, counterparts', () => {
    const s = engine.entitySummary('ip', '203.0.113.5', 50);
    expect(s.query).toBe('init.host.ip:203.0.113.5 or target.host.ip:203.0.113.5 or obs.host.ip:203.0.113.5');
    expect(s.total).toBe(7);
    expect(s.firstSeen).toBe(at(12, 0, 1));
    expect(s.lastSeen).toBe(at(12, 30, 0));
    expect(s.outcomes.map((o) => [o.value, o.count])).toEqual([['failure', 7]]);
    // the two Windows 4625 events are logons (the sshd fixture lines say "login")
    expect(s.logons).toEqual({ total: 2, success: 0, failure: 2, types: [], methods: [] });
    const users = s.counterparts.find((g) => g.field === 'target.usr.name');
    expect(users?.values.map((v) => [v.value, v.count, v.failure])).toEqual([['Administrator', 1, 1], ['admin', 1, 1], ['administrator', 1, 1], ['root', 1, 1]]);
    expect(users?.values[0].kind).toBe('user');
    expect(s.activity.buckets.reduce((n, b) => n + b.count, 0)).toBe(7);
    expect(s.location).toEqual([]);
  });

  it('every query it hands out selects what its count says (search folds case, counts do not)', () => {
    const s = engine.entitySummary('ip', '203.0.113.5', 50);
    const total = (q: string) => { const r = engine.query(q); return r.ok ? r.handle.total : -1; };
    expect(total(s.query)).toBe(s.total);
    for (const g of s.counterparts) {
      for (const v of g.values) {
        const sameFolded = g.values.filter((o) => o.value.toLowerCase() === v.value.toLowerCase()).reduce((n, o) => n + o.count, 0);
        expect(total(v.query), v.query).toBe(sameFolded);
      }
    }
    for (const f of s.facets) for (const v of f.values) expect(total(v.query), v.query).toBe(v.count);
    for (const v of s.outcomes) expect(total(v.query)).toBe(v.count);
  });

  it('a user: the IPs it came from and the hosts, case-insensitively like the search', () => {
    const s = engine.entitySummary('user', 'alice', 50);
    expect(s.total).toBe(5);
    const ips = s.counterparts.find((g) => g.field === 'init.host.ip');
    expect(ips?.values.map((v) => [v.value, v.count, v.success])).toEqual([['10.0.0.12', 2, 2]]);
    expect(s.counterparts.find((g) => g.field === 'obs.host.name')?.values.map((v) => v.value)).toEqual(['DC01', 'web-01']);
  });

  it('an unknown value: zero events, no first seen, empty tables', () => {
    const s = engine.entitySummary('host', 'nowhere', 50);
    expect(s.total).toBe(0);
    expect(s.firstSeen).toBeUndefined();
    expect(s.counterparts).toEqual([]);
    expect(s.facets).toEqual([]);
    expect(s.activity.buckets).toEqual([]);
  });
});

describe('entity summary on synthetic events', () => {
  it('the entity itself is no counterpart of itself; ports, logon types and methods are counted', () => {
    const engine = engineOf([
      connection('10.0.0.1', '10.0.0.2', 445, 'success'),
      connection('10.0.0.2', '10.0.0.1', 3389, 'failure'),
      connection('10.0.0.2', '10.0.0.1', 3389, 'failure'),
      logon('10.0.0.1', 'alice', 'ws1', 'success', { 'logon.type_name': 'Network', 'data.auth_method': 'ntlm' }),
    ]);
    const s = engine.entitySummary('ip', '10.0.0.1', 50);
    expect(s.total).toBe(4);
    expect(s.firstSeen).toBe(BASE);
    const dst = s.counterparts.find((g) => g.field === 'target.host.ip');
    const src = s.counterparts.find((g) => g.field === 'init.host.ip');
    expect(dst).toMatchObject({ distinct: 1, values: [{ value: '10.0.0.2', count: 1, success: 1, failure: 0 }] });
    expect(src).toMatchObject({ distinct: 1, values: [{ value: '10.0.0.2', count: 2, success: 0, failure: 2 }] });
    expect(s.facets.find((f) => f.field === 'target.host.port')?.values.map((v) => [v.value, v.count])).toEqual([['3389', 2], ['445', 1]]);
    expect(s.logons).toEqual({ total: 1, success: 1, failure: 0, types: [{ value: 'Network', count: 1 }], methods: [{ value: 'ntlm', count: 1 }] });
  });

  it('location facets appear when the case is enriched', () => {
    const engine = engineOf([
      logon('203.0.113.9', 'root', 'web', 'failure', { 'init.host.loc.country': 'Narnia', 'init.host.loc.asn': '64500' }),
      logon('203.0.113.9', 'root', 'web', 'failure', { 'init.host.loc.country': 'Narnia', 'init.host.loc.asn': '64500' }),
    ]);
    const s = engine.entitySummary('ip', '203.0.113.9', 50);
    expect(s.location).toEqual([
      { field: 'init.host.loc.asn', distinct: 1, missing: 0, values: [{ value: '64500', count: 2 }] },
      { field: 'init.host.loc.country', distinct: 1, missing: 0, values: [{ value: 'Narnia', count: 2 }] },
    ]);
  });

  it("an IP's location comes from the events where it is on that side, not from whoever reached it", () => {
    const engine = engineOf([
      logon('203.0.113.9', 'root', 'web', 'failure', { 'init.host.loc.country': 'Narnia' }),
      // the address as the destination of another address's connection: Gondor is the source's country
      { ...connection('198.51.100.7', '203.0.113.9', 443, 'success'), 'init.host.loc.country': 'Gondor', 'target.host.loc.country': 'Narnia' },
    ]);
    const s = engine.entitySummary('ip', '203.0.113.9', 50);
    expect(s.total).toBe(2);
    expect(s.location.map((f) => [f.field, f.values.map((v) => [v.value, v.count])])).toEqual([
      ['init.host.loc.country', [['Narnia', 1]]],
      ['target.host.loc.country', [['Narnia', 1]]],
    ]);
  });
});

describe('entity summary on the demo bundle', () => {
  let engine: QueryEngine;
  beforeAll(async () => { engine = await demoEngine(); });

  it("the attacker's IP: 3,200 failed logons on web01 (after 120 on web02), then accepted as deploy and later as backdoor", () => {
    const s = engine.entitySummary('ip', DEMO_FACTS.attacker, 120);
    const failures = DEMO_FACTS.attempts + DEMO_FACTS.attemptsWeb02;
    expect(s.logons.failure).toBe(failures);
    expect(s.logons.success).toBe(2);
    expect(s.logons.methods).toEqual([{ value: 'password', count: failures + 2 }]);
    // the tries on web02 start on day 2 at 01:50 UTC, those on web01 at 02:10
    expect(new Date(s.firstSeen!).toISOString()).toBe('2026-03-03T01:50:00.250Z');
    expect(s.lastSeen! - s.firstSeen!).toBeLessThan(2 * 3_600_000);
    const users = s.counterparts.find((g) => g.field === 'target.usr.name')!;
    expect(users.distinct).toBe(15);
    // the busiest ten, plus the accounts that got in although fewer tries aimed at them
    expect(users.values.length).toBe(12);
    expect(users.values.filter((v) => v.success > 0).map((v) => [v.value, v.success]).sort()).toEqual([['backdoor', 1], ['deploy', 1]]);
    const hosts = s.counterparts.find((g) => g.field === 'obs.host.name')!;
    // web01 logs most of it; web02 the earlier tries, DC01 (Sysmon) the call home
    expect(hosts.values[0].value).toBe(DEMO_FACTS.host);
    expect(hosts.values.map((v) => v.value)).toContain('web02');
    expect(hosts.values.reduce((n, v) => n + v.count, 0)).toBe(s.total);
    expect(s.activity.buckets.length).toBeLessThanOrEqual(120);
    const accepted = engine.query(`(${s.query}) and outcome:success and action:logon`);
    expect(accepted.ok && engine.facets(accepted.handle.id, ['target.usr.name'], 5)[0].values.map((v) => v.value).sort()).toEqual(DEMO_FACTS.accepted.slice().sort());
  });

  it('the deploy account: its own admin IP and the attacker among its sources', () => {
    const s = engine.entitySummary('user', 'deploy', 120);
    const ips = s.counterparts.find((g) => g.field === 'init.host.ip')!.values.map((v) => v.value);
    expect(ips).toContain(DEMO_FACTS.attacker);
    expect(ips).toContain('10.20.5.3');
  });
});
