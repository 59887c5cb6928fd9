// Engine additions the workbench asks for: common aliases, a time range beside the query, folded and
// filtered facets, one event by row id.
import { describe, expect, it } from 'vitest';
import { createQueryEngine } from '../../../src/workers/query/engine.ts';
import { aliasList, aliasTargets } from '../../../src/workers/query/aliases.ts';
import { fixtureIndex, T0 } from './fixtures.ts';

const engine = createQueryEngine(fixtureIndex(), { now: () => Date.UTC(2024, 9, 17, 13, 30) });
function run(q: string, range?: { from?: number; to?: number }) {
  const r = engine.query(q, { range });
  if (!r.ok) throw new Error(r.error.message);
  return r.handle;
}
const rows = (q: string, range?: { from?: number; to?: number }) => engine.page(run(q, range).id, 0, 1000).map((e) => e.row).sort((a, b) => a - b);
const M = 60_000;

describe('aliases', () => {
  it.each([
    ['src_ip:203.0.113.5', 'init.host.ip:203.0.113.5'],
    ['source_ip:203.0.113.5', 'init.host.ip:203.0.113.5'],
    ['host:web-01', 'obs.host.name:web-01'],
    ['hostname:DC01', 'obs.host.name:DC01'],
    ['event_id:4625', 'alarm.id:4625'],
    ['user:alice', 'target.usr.name:alice or init.usr.name:alice'],
    ['username:root', 'user.name:root'],
  ])('%s finds what %s finds, without warnings', (alias, plain) => {
    const h = run(alias);
    expect(h.warnings).toBeUndefined();
    expect(h.total).toBeGreaterThan(0);
    expect(rows(alias)).toEqual(rows(plain));
  });

  it('facets and sorting read an alias as its (first) field', () => {
    const all = run('');
    expect(engine.facets(all.id, ['src_ip'], 3)[0].values).toEqual(engine.facets(all.id, ['init.host.ip'], 3)[0].values);
    expect(engine.page(all.id, 0, 5, { field: 'user', dir: 'asc' }).map((e) => e.row))
      .toEqual(engine.page(all.id, 0, 5, { field: 'target.usr.name', dir: 'asc' }).map((e) => e.row));
  });

  it('lists every alias with its fields for the help', () => {
    const list = aliasList();
    expect(list).toContainEqual({ alias: 'src_ip', fields: ['init.host.ip'] });
    expect(list).toContainEqual({ alias: 'source.ip', fields: ['init.host.ip'] });
    expect(new Set(list.map((a) => a.alias)).size).toBe(list.length);
    expect(aliasTargets('__proto__')).toBeUndefined();
  });
});

describe('time range', () => {
  it('keeps events with from <= ts < to, as the same bounds in the query do', () => {
    const from = T0 + 5 * M, to = T0 + 20 * M;
    const ranged = rows('', { from, to });
    expect(ranged.length).toBeGreaterThan(0);
    expect(ranged).toEqual(rows(`ts >= ${from} and ts < ${to}`));
    expect(rows('outcome:failure', { from, to })).toEqual(rows(`outcome:failure and ts >= ${from} and ts < ${to}`));
  });

  it('an open end is unbounded; the handle says how many events the case has', () => {
    expect(rows('', { from: T0 + 5 * M })).toEqual(rows(`ts >= ${T0 + 5 * M}`));
    const h = run('outcome:failure', { to: T0 });
    expect(h.of).toBe(run('').total);
  });
});

describe('facet options', () => {
  it('fold groups spellings under the most frequent one, counts add up', () => {
    const h = run('alarm.id:4625').id;
    const plain = engine.facets(h, ['target.usr.name'], 10)[0];
    const folded = engine.facets(h, ['target.usr.name'], 10, { fold: true })[0];
    const sum = (f: typeof plain) => f.values.reduce((s, v) => s + v.count, 0);
    expect(sum(folded)).toBe(sum(plain));
    expect(folded.distinct).toBe(plain.distinct - 1);
    const admin = folded.values.find((v) => v.value.toLowerCase() === 'administrator');
    expect(admin?.count).toBe(2);
  });

  it('contains keeps values holding the text, case-insensitively, with exact counts', () => {
    const all = run('').id;
    const f = engine.facets(all, ['init.host.ip'], 50, { contains: '203.0.113' })[0];
    expect(f.values.length).toBeGreaterThan(0);
    expect(f.values.every((v) => v.value.includes('203.0.113'))).toBe(true);
    for (const v of f.values) expect(v.count).toBe(run(`init.host.ip:"${v.value}"`).total);
  });
});

describe('event by row', () => {
  it('returns the row, and undefined outside the case', () => {
    expect(engine.event(3)?.row).toBe(3);
    expect(engine.event(3)?.fields).toEqual(engine.surrounding(3, 0, false)[0].fields);
    expect(engine.event(-1)).toBeUndefined();
    expect(engine.event(1e9)).toBeUndefined();
  });
});
