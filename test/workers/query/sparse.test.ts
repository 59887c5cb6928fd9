// Sparse keyword fields of the case index (issue 15): a field few events carry is kept as (row, id) pairs,
// not an id per row of the case. Every read path must see the same values as with a dense field: event and
// page rows, queries, facets, sorting, the field catalog, the detectors' table and the rows exporters stream.
import { describe, expect, it } from 'vitest';
import { ChunkBuilder } from '../../../src/workers/chunk/chunk.ts';
import type { EventFields } from '../../../src/core/schema.ts';
import { createQueryEngine, type QueryEngine } from '../../../src/workers/query/engine.ts';
import { caseTable } from '../../../src/workers/query/eventTable.ts';
import { valueAt } from '../../../src/detect/columns.ts';
import type { DictField } from '../../../src/workers/query/fields.ts';

const CHUNKS = 3, PER_CHUNK = 1000;

/** Every 97th event has data.rare (one of 5 values), every event data.common, every 2nd event data.half. */
function eventOf(n: number): EventFields {
  const e: EventFields = { ts: 1_700_000_000_000 + n * 1000, raw: `line ${n}`, message: `m ${n}`, 'col.line': n + 1, 'col.offset': n * 10, 'parser.name': 'test', 'data.common': `c${n % 7}` };
  if (n % 97 === 0) e['data.rare'] = n % 5 === 0 ? '__proto__' : `r${n % 5}`;
  if (n % 2 === 0) e['data.half'] = `h${n % 3}`;
  return e;
}

/** The same events in two engines; in `dense` every field is read (made dense) after each chunk. */
function engines(): { sparse: QueryEngine; dense: QueryEngine } {
  const sparse = createQueryEngine(), dense = createQueryEngine();
  for (let c = 0; c < CHUNKS; c++) {
    for (const q of [sparse, dense]) {
      const b = new ChunkBuilder(PER_CHUNK);
      for (let i = 0; i < PER_CHUNK; i++) b.add(eventOf(c * PER_CHUNK + i));
      q.addChunk(b.build(1, c));
    }
    for (const name of dense.index.fieldNames()) {
      const f = dense.index.field(name);
      if (f?.kind === 'dict') void f.ids;
    }
  }
  return { sparse, dense };
}

const dict = (q: QueryEngine, name: string) => q.index.field(name) as DictField;
const handle = (q: QueryEngine, text: string) => {
  const r = q.query(text);
  if (!r.ok) throw new Error(r.error.message);
  return r.handle;
};

describe('sparse keyword fields', () => {
  it('keeps a rare field sparse and common ones dense, with the same counts', () => {
    const { sparse, dense } = engines();
    expect(dict(sparse, 'data.rare').isSparse).toBe(true);
    expect(dict(sparse, 'data.common').isSparse).toBe(false);
    expect(dict(sparse, 'data.half').isSparse).toBe(false);
    expect(dict(dense, 'data.rare').isSparse).toBe(false);
    const rare = Math.ceil(CHUNKS * PER_CHUNK / 97);
    expect(dict(sparse, 'data.rare').present).toBe(rare);
    expect([...dict(sparse, 'data.rare').counts.subarray(0, 6)]).toEqual([...dict(dense, 'data.rare').counts.subarray(0, 6)]);
    expect(sparse.fieldCatalog()).toEqual(dense.fieldCatalog());
  });

  it('gives every row the same value, sparse or dense (events, page rows, detector table)', () => {
    const { sparse, dense } = engines();
    const table = caseTable(sparse.index);
    for (let row = 0; row < CHUNKS * PER_CHUNK; row++) {
      expect(sparse.index.valueOf('data.rare', row)).toBe(dense.index.valueOf('data.rare', row));
      if (row % 97 === 0 || row % 97 === 1) expect(sparse.event(row)).toEqual(dense.event(row));
    }
    expect(dict(sparse, 'data.rare').isSparse).toBe(true); // reading values one by one keeps it sparse
    const col = table.column('data.rare');
    for (let row = 0; row < CHUNKS * PER_CHUNK; row += 97) expect(valueAt(col, row)).toBe(dense.index.valueOf('data.rare', row));
  });

  it.each([
    'data.rare:r1', 'data.rare:__proto__', 'data.rare:*', 'not data.rare:*', 'data.rare:(r2 or r3) and data.half:h0',
    'data.rare:/r[12]/', 'data.common:c3 and not data.rare:r4',
  ])('answers %s the same, with the same facets, pages and streamed rows', (text) => {
    const { sparse, dense } = engines();
    const a = handle(sparse, text), b = handle(dense, text);
    expect(a.total).toBe(b.total);
    expect([...(sparse.rows(a.id) ?? [])]).toEqual([...(dense.rows(b.id) ?? [])]);
    expect(sparse.facets(a.id, ['data.rare', 'data.half'], 10)).toEqual(dense.facets(b.id, ['data.rare', 'data.half'], 10));
    for (const sort of [undefined, { field: 'data.rare', dir: 'asc' as const }, { field: 'data.rare', dir: 'desc' as const }]) {
      expect(sparse.page(a.id, 0, 50, sort)).toEqual(dense.page(b.id, 0, 50, sort));
    }
    expect(sparse.histogram(a.id, 20, 'data.rare')).toEqual(dense.histogram(b.id, 20, 'data.rare'));
  });

  it('keeps appending correctly after a sparse field was made dense by a query', () => {
    const q = createQueryEngine();
    const add = (c: number) => {
      const b = new ChunkBuilder(PER_CHUNK);
      for (let i = 0; i < PER_CHUNK; i++) b.add(eventOf(c * PER_CHUNK + i));
      q.addChunk(b.build(1, c));
    };
    add(0);
    expect(dict(q, 'data.rare').isSparse).toBe(true);
    expect(handle(q, 'data.rare:*').total).toBe(Math.ceil(PER_CHUNK / 97));
    expect(dict(q, 'data.rare').isSparse).toBe(false);
    add(1);
    add(2);
    const expected = Array.from({ length: CHUNKS * PER_CHUNK }, (_, n) => n).filter((n) => n % 97 === 0 && n % 5 === 1).length;
    expect(handle(q, 'data.rare:r1').total).toBe(expected);
  });
});
