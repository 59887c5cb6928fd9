// Facets, histogram, pages and sorting, top-N, surrounding events and the field catalog, through the
// query engine facade the engine worker uses.
import { describe, expect, it } from 'vitest';
import { createQueryEngine } from '../../../src/workers/query/engine.ts';
import { niceBucketMs } from '../../../src/workers/query/results/histogram.ts';
import { fixtureIndex, T0 } from './fixtures.ts';

const engine = createQueryEngine(fixtureIndex(), { now: () => Date.UTC(2024, 9, 17, 13, 30) });
function handle(q: string): number {
  const r = engine.query(q);
  if (!r.ok) throw new Error(r.error.message);
  return r.handle.id;
}
const ALL = handle('');
const FAILURES = handle('outcome:failure');
const rowsOf = (h: number, offset: number, limit: number, sort?: { field: string; dir: 'asc' | 'desc' }) => engine.page(h, offset, limit, sort).map((e) => e.row);
const M = 60_000;

describe('facets', () => {
  it.each([
    { name: 'keyword over every row (kept counts)', h: ALL, field: 'target.usr.name', top: 3, expected: { field: 'target.usr.name', distinct: 9, missing: 12, values: [{ value: 'alice', count: 4 }, { value: 'bob', count: 4 }, { value: 'root', count: 3 }] } },
    { name: 'keyword over a query', h: FAILURES, field: 'init.host.ip', top: 2, expected: { field: 'init.host.ip', distinct: 8, missing: 0, values: [{ value: '203.0.113.5', count: 7 }, { value: '198.51.100.23', count: 3 }] } },
    { name: 'numbers', h: ALL, field: 'web.request.rc', top: 2, expected: { field: 'web.request.rc', distinct: 5, missing: 20, values: [{ value: '200', count: 4 }, { value: '404', count: 3 }] } },
    { name: 'alias', h: FAILURES, field: 'source.ip', top: 1, expected: { field: 'source.ip', distinct: 8, missing: 0, values: [{ value: '203.0.113.5', count: 7 }] } },
    { name: 'unknown field', h: FAILURES, field: 'nope', top: 5, expected: { field: 'nope', distinct: 0, missing: 16, values: [] } },
    { name: '__proto__ is a value like any other', h: handle('alarm.id:4625'), field: 'target.usr.name', top: 5, expected: { field: 'target.usr.name', distinct: 4, missing: 0, values: [{ value: 'Administrator', count: 1 }, { value: '__proto__', count: 1 }, { value: 'administrator', count: 1 }, { value: 'guest', count: 1 }] } },
  ])('$name', ({ h, field, top, expected }) => {
    expect(engine.facets(h, [field], top)).toEqual([expected]);
  });
});

describe('histogram', () => {
  it.each([
    { name: '1 minute', min: 0, max: 10 * M, buckets: 20, expected: M },
    { name: 'exactly fits', min: 0, max: 60_000 * 5 - 1, buckets: 5, expected: M },
    { name: 'seconds', min: 1500, max: 9000, buckets: 100, expected: 1000 },
    { name: 'hours', min: T0, max: T0 + 20 * 60 * M, buckets: 10, expected: 3 * 60 * M },
    { name: 'weeks', min: T0, max: T0 + 60 * 24 * 60 * M, buckets: 10, expected: 7 * 24 * 60 * M },
  ])('nice bucket: $name', ({ min, max, buckets, expected }) => {
    expect(niceBucketMs(min, max, buckets)).toBe(expected);
  });

  it('buckets all rows at 5 minutes, aligned, counts sum to the total', () => {
    const h = engine.histogram(ALL, 50);
    expect(h.bucketMs).toBe(5 * M);
    expect(h.from).toBe(T0 - 5 * M);
    expect(h.buckets.length).toBe(44);
    expect(h.to).toBe(h.from + 44 * 5 * M);
    expect(h.buckets.slice(0, 3).map((b) => b.count)).toEqual([1, 15, 4]);
    expect(h.buckets.reduce((s, b) => s + b.count, 0)).toBe(30);
  });

  it('split by a field: top values, (none) for events without it', () => {
    const h = engine.histogram(ALL, 50, 'outcome');
    expect(h.splitField).toBe('outcome');
    expect({ ...h.buckets[0].split }).toEqual({ success: 1 });
    expect({ ...h.buckets[2].split }).toEqual({ failure: 1, success: 1, '(none)': 2 });
    const sums = h.buckets.map((b) => Object.values(b.split ?? {}).reduce((s, c) => s + c, 0));
    expect(sums).toEqual(h.buckets.map((b) => b.count));
  });

  it('an empty result has no buckets', () => {
    expect(engine.histogram(handle('foo:bar'), 50)).toEqual({ bucketMs: 1000, from: 0, to: 0, buckets: [], splitField: undefined });
  });
});

describe('pages and sorting', () => {
  it.each([
    { name: 'time order by default, across files', h: ALL, offset: 0, limit: 5, sort: undefined, expected: [20, 0, 1, 2, 3] },
    { name: 'second page', h: ALL, offset: 5, limit: 5, sort: undefined, expected: [21, 22, 10, 11, 12] },
    { name: 'newest first', h: ALL, offset: 0, limit: 5, sort: { field: 'ts', dir: 'desc' as const }, expected: [29, 28, 27, 26, 19] },
    { name: 'time order inside a query', h: FAILURES, offset: 0, limit: 6, sort: undefined, expected: [0, 1, 2, 21, 22, 11] },
    { name: 'keyword asc: case-folded, ties by time', h: ALL, offset: 0, limit: 6, sort: { field: 'target.usr.name', dir: 'asc' as const }, expected: [28, 1, 20, 22, 21, 3] },
    { name: 'keyword desc: missing still last', h: handle('app.name:sshd or alarm.id:4672'), offset: 0, limit: 10, sort: { field: 'target.usr.name', dir: 'desc' as const }, expected: [5, 0, 2, 8, 4, 6, 3, 7, 1, 24] },
    { name: 'number desc, ties by time', h: handle('app.name:nginx'), offset: 0, limit: 10, sort: { field: 'web.request.rc', dir: 'desc' as const }, expected: [15, 14, 17, 19, 12, 11, 10, 13, 16, 18] },
    { name: 'number asc with offset', h: handle('app.name:nginx'), offset: 4, limit: 3, sort: { field: 'web.request.rc', dir: 'asc' as const }, expected: [11, 12, 14] },
    { name: 'text field (code-unit order)', h: handle('app.name:nginx'), offset: 0, limit: 3, sort: { field: 'message', dir: 'asc' as const }, expected: [19, 12, 15] },
    { name: 'past the end', h: FAILURES, offset: 16, limit: 5, sort: undefined, expected: [] },
    { name: 'unknown handle', h: 9999, offset: 0, limit: 5, sort: undefined, expected: [] },
  ])('$name', ({ h, offset, limit, sort, expected }) => {
    expect(rowsOf(h, offset, limit, sort)).toEqual(expected);
  });

  it('materializes the fields of the page rows', () => {
    const [first] = engine.page(FAILURES, 0, 1);
    expect(first.row).toBe(0);
    expect(first.fields).toMatchObject({ 'target.usr.name': 'root', 'init.host.port': 52144, outcome: 'failure', message: 'Failed password for root from 203.0.113.5 port 52144 ssh2' });
    expect(Object.getPrototypeOf(first.fields)).toBe(null);
  });
});

describe('top-N, surrounding, catalog, handles', () => {
  it('top users per source IP among failures', () => {
    expect(engine.topN(FAILURES, 'init.host.ip', 'target.usr.name', 2)).toEqual([
      { value: '203.0.113.5', count: 7, distinct: 4, values: [{ value: 'Administrator', count: 1 }, { value: 'admin', count: 1 }] },
      { value: '198.51.100.23', count: 3, distinct: 2, values: [{ value: 'bob', count: 1 }, { value: 'guest', count: 1 }] },
    ]);
  });

  it.each([
    { name: 'across files', row: 4, n: 2, sameFile: false, expected: [11, 12, 4, 5, 6] },
    { name: 'same file', row: 4, n: 2, sameFile: true, expected: [2, 3, 4, 5, 6] },
    { name: 'at the start', row: 20, n: 2, sameFile: false, expected: [20, 0, 1] },
    { name: 'bad row', row: 99, n: 2, sameFile: false, expected: [] },
  ])('surrounding $name', ({ row, n, sameFile, expected }) => {
    expect(engine.surrounding(row, n, sameFile).map((e) => e.row)).toEqual(expected);
  });

  // row 4 is at T0 + 60 s; rows 10, 11, 12 (other file) at 30, 31, 40 s, row 5 at 90 s, row 13 at 130 s
  it.each([
    { name: '± 30 s across files (ends included)', n: 50, sameFile: false, withinMs: 30_000, expected: [10, 11, 12, 4, 5] },
    { name: '± 30 s in its own file', n: 50, sameFile: true, withinMs: 30_000, expected: [4, 5] },
    { name: '± 30 s, at most 1 a side', n: 1, sameFile: false, withinMs: 30_000, expected: [12, 4, 5] },
    { name: '± 0 s', n: 50, sameFile: false, withinMs: 0, expected: [4] },
  ])('surrounding by time: $name', ({ n, sameFile, withinMs, expected }) => {
    expect(engine.surrounding(4, n, sameFile, withinMs).map((e) => e.row)).toEqual(expected);
  });

  it('field catalog: core fields first, counts, samples', () => {
    const cat = engine.fieldCatalog();
    expect(cat[0]).toEqual({ field: 'ts', kind: 'num', count: 30, samples: [String(T0 + 1000), String(T0 + 3000), String(T0 + 5000), String(T0 + 10_000), String(T0 + 60_000)] });
    expect(cat.find((c) => c.field === 'target.usr.name')).toEqual({ field: 'target.usr.name', kind: 'dict', count: 18, samples: ['alice', 'bob', 'root', 'Administrator', '__proto__'] });
    expect(cat.find((c) => c.field === 'parse.error')).toEqual({ field: 'parse.error', kind: 'text', count: 1, samples: ['no parser matched this line'] });
    expect(cat.slice(-3).map((c) => c.field)).toEqual(['web.header.user_agent', 'web.request.method', 'web.request.rc']);
  });

  it('query results carry total, time and warnings; errors are values; release forgets', () => {
    const r = engine.query('outcome:failure and nope:1');
    expect(r).toMatchObject({ ok: true, handle: { total: 0, warnings: [{ position: 20 }] } });
    expect(engine.query('user:')).toEqual({ ok: false, error: { message: "expected a value after 'user:' at 5", position: 5 } });
    const h = handle('app.name:sshd');
    expect(engine.rows(h)?.length).toBe(9);
    engine.release(h);
    expect(engine.rows(h)).toBeUndefined();
    expect(engine.facets(h, ['outcome'], 5)).toEqual([]);
  });
});
