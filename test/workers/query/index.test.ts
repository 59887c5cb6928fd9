// The building blocks under the queries: bitsets, the merged time order, dictionary widening, deep pages.
import { describe, expect, it } from 'vitest';
import { Bitset } from '../../../src/workers/query/bitset.ts';
import { CaseIndex } from '../../../src/workers/query/caseIndex.ts';
import { RowSet } from '../../../src/workers/query/rowSet.ts';
import { pageRows } from '../../../src/workers/query/results/page.ts';
import { ChunkBuilder } from '../../../src/workers/chunk/chunk.ts';

function indexOf(chunks: { ts: number; user?: string }[][]): CaseIndex {
  const index = new CaseIndex();
  chunks.forEach((events, i) => {
    const b = new ChunkBuilder(Math.max(1, events.length));
    for (const e of events) b.add({ ts: e.ts, raw: `r${e.ts}`, message: `m${e.ts}`, ...(e.user === undefined ? {} : { 'target.usr.name': e.user }) });
    index.addChunk(b.build(i, 0));
  });
  return index;
}

describe('bitset', () => {
  it.each([
    { name: 'complement clears bits past the size', size: 37, rows: [0, 5, 36], expected: 34 },
    { name: 'empty', size: 0, rows: [], expected: 0 },
    { name: 'one full word', size: 32, rows: [31], expected: 31 },
  ])('$name', ({ size, rows, expected }) => {
    const b = Bitset.fromRows(size, rows);
    expect([...b.toRows()]).toEqual(rows);
    expect(b.not().count()).toBe(expected);
  });
});

describe('time order', () => {
  it('merges unsorted and interleaved chunks; ties keep arrival order; missing ts last', () => {
    const index = indexOf([[{ ts: 50 }, { ts: 10 }, { ts: 30 }], [{ ts: 20 }, { ts: NaN }, { ts: 30 }], [{ ts: 5 }]]);
    expect([...index.timeOrder()]).toEqual([6, 1, 3, 2, 5, 0, 4]);
    expect(index.timeRank()[6]).toBe(0);
    index.addChunk((() => { const b = new ChunkBuilder(1); b.add({ ts: 25, raw: '', message: '' }); return b.build(9, 0); })());
    expect([...index.timeOrder()]).toEqual([6, 1, 3, 7, 2, 5, 0, 4]);
  });
});

describe('dictionary ids', () => {
  it('widen from 8 to 16 bits as the dictionary grows, keeping earlier rows', () => {
    const users = Array.from({ length: 300 }, (_, i) => ({ ts: i, user: `u${i}` }));
    const index = indexOf([users.slice(0, 100), users.slice(100)]);
    const f = index.field('target.usr.name');
    expect(f?.kind === 'dict' && f.ids.BYTES_PER_ELEMENT).toBe(2);
    expect([index.valueOf('target.usr.name', 0), index.valueOf('target.usr.name', 299)]).toEqual(['u0', 'u299']);
  });
});

describe('deep pages', () => {
  it('a page beyond the heap limit (full sort, cached) agrees with a shallow page', () => {
    const n = 25_000;
    const events = Array.from({ length: n }, (_, i) => ({ ts: i, user: `user${(i * 7919) % 1000}` }));
    const index = indexOf([events]);
    const set = RowSet.all(n);
    const cache = new Map<string, Uint32Array>();
    const sort = { field: 'target.usr.name', dir: 'desc' as const };
    const deep = pageRows(index, set, 20_990, 20, sort, cache);
    expect(cache.size).toBe(1);
    const names = deep.map((r) => index.valueOf('target.usr.name', r));
    expect(names).toEqual([...names].sort((a, b) => String(b).localeCompare(String(a), 'en', { numeric: true })));
    expect(pageRows(index, set, 0, 5, sort)).toEqual(pageRows(index, set, 0, 5, sort, cache));
    expect(pageRows(index, set, 0, 3, sort)).toEqual(Array.from(cache.get('target.usr.name\u0000desc')!.subarray(0, 3)));
  });
});
