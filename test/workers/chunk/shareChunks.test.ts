// Joining members' chunks into a shared chunk (chunk/shareChunks.ts): each row reads back as it did in its own
// chunk (unpackChunk + eventAt, in the ingest worker's forms: text as bytes with spans and wide values, plain and
// packed dictionaries, sparse and dense columns, fields some members lack), runs say each member's rows, and what
// cannot be joined exactly is refused (the caller then sends what it holds first).
import { describe, expect, it } from 'vitest';
import type { EventFields } from '../../../src/core/schema.ts';
import { ChunkBuilder, eventAt, TEXT_FIELDS } from '../../../src/workers/chunk/chunk.ts';
import { packChunk, unpackChunk, type WireChunk } from '../../../src/workers/chunk/packedDict.ts';
import { SPAN_FIELDS } from '../../../src/workers/chunk/rawSpans.ts';
import { CaseDictBuilder } from '../../../src/workers/chunk/caseIds.ts';
import { SHARED_MAX_ROWS, SHARED_MAX_RUNS, SharedChunkJoin } from '../../../src/workers/chunk/shareChunks.ts';

function member(fileId: number, events: EventFields[], dict?: CaseDictBuilder): WireChunk {
  const b = new ChunkBuilder(10_000, TEXT_FIELDS, SPAN_FIELDS, dict);
  b.setConstants({ 'col.file': `f${fileId}.log`, 'parser.name': 'syslog', 'parser.version': '1' });
  for (const e of events) b.add(e);
  return b.buildWire(fileId, 0);
}

const line = (i: number, extra: EventFields = {}): EventFields => ({
  ts: 1_700_000_000_000 + i, raw: `Oct  1 h app[${i}]: msg ${i}`, message: `msg ${i}`, 'col.line': i + 1, 'col.offset': i * 30, ...extra,
});

function members(): EventFields[][] {
  return [
    [line(0, { host: 'a' }), line(1, { host: 'b', 'init.host.port': 22 })],
    // no host; a wide value; a message not inside raw (own text, no span); a field named __proto__
    [line(2, { message: 'caf\u00e9 \u2192 x' }), line(3, { message: 'not in raw', ...(JSON.parse('{"__proto__":"p"}') as EventFields) })],
    [line(4, { 'parser.name': 'unparsed', 'parse.error': 'no match', host: 'a' }), line(5, { host: 'a' }), line(6), line(7, { 'init.host.port': 80 })],
    [line(8, { raw: '\u4e2d\u6587 raw', message: '\u4e2d\u6587' })],
  ];
}

function rowsOf(chunks: WireChunk[]): EventFields[] {
  const out: EventFields[] = [];
  for (const c of chunks) {
    const u = unpackChunk(c);
    for (let r = 0; r < u.count; r++) out.push(eventAt(u, r));
  }
  return out;
}

describe('joining small chunks', () => {
  for (const packed of [false, true]) {
    it(`reads every row back as its own chunk did (${packed ? 'packed' : 'array'} dictionaries)`, () => {
      const parts = members().map((evs, i) => (packed ? packChunk(member(10 + i, evs)) : member(10 + i, evs)));
      const expected = rowsOf(parts);
      const join = new SharedChunkJoin();
      for (const p of parts) {
        expect(join.canTake(p)).toBe(true);
        join.add(p);
      }
      const shared = join.take()!;
      expect(shared.runs).toEqual([
        { fileId: 10, seq: 0, count: 2, unparsed: 0 }, { fileId: 11, seq: 0, count: 2, unparsed: 0 },
        { fileId: 12, seq: 0, count: 4, unparsed: 1 }, { fileId: 13, seq: 0, count: 1, unparsed: 0 },
      ]);
      expect([shared.fileId, shared.seq, shared.count, shared.unparsed, shared.format]).toEqual([10, -1, 9, 1, 4]);
      expect(rowsOf([shared])).toEqual(expected);
      expect(eventAt(unpackChunk(shared), 3).__proto__).toBe('p');
      expect(eventAt(unpackChunk(shared), 0)['col.file']).toBe('f10.log');
      expect(eventAt(unpackChunk(shared), 8)['col.file']).toBe('f13.log');
      // a field most rows lack stays sparse, as the builder keeps it
      const port = shared.columns['init.host.port'];
      expect(port.kind === 'num' && port.rows !== undefined && Array.from(port.rows)).toEqual([1, 7]);
      // and the join starts afresh
      expect(join.size).toBe(0);
      expect(join.take()).toBeUndefined();
    });
  }

  it('gives a single chunk back as it is', () => {
    const join = new SharedChunkJoin();
    const c = member(1, [line(0)]);
    join.add(c);
    expect(join.take()).toBe(c);
  });

  it('refuses what it cannot join exactly', () => {
    const dict = new CaseDictBuilder();
    const a = member(1, [line(0, { host: 'a' })], dict);
    const join = new SharedChunkJoin();
    join.add(a);
    // case ids that do not continue where the held ones stopped (a chunk between them took values)
    member(2, [line(1, { host: 'b' })], dict);
    const gap = member(3, [line(2, { host: 'c' })], dict);
    expect(join.canTake(gap)).toBe(false);
    // a field case-wide in one member, chunk-local in the next
    const local = member(4, [line(3, { host: 'd' })], new CaseDictBuilder({ fields: [], texts: [], ends: [], local: ['host'] }));
    expect(join.canTake(local)).toBe(false);
    // the same file's chunk twice, a shared chunk, a string text column, an old format, an empty chunk
    expect(join.canTake(a)).toBe(false);
    expect(join.canTake({ ...gap, runs: [] })).toBe(false);
    const strings = new ChunkBuilder(10).build(5, 0);
    expect(new SharedChunkJoin().canTake(strings)).toBe(false);
    expect(new SharedChunkJoin().canTake({ ...member(6, [line(0)]), format: 2 })).toBe(false);
    expect(new SharedChunkJoin().canTake({ ...member(7, [line(0)]), count: 0 })).toBe(false);
    // members whose case ids continue join
    const same = new CaseDictBuilder();
    const first = member(8, [line(4, { host: 'a' })], same), second = member(9, [line(5, { host: 'a' }), line(6, { host: 'e' })], same);
    const ok = new SharedChunkJoin();
    ok.add(first);
    expect(ok.canTake(second)).toBe(true);
  });

  it(`holds at most ${SHARED_MAX_ROWS} rows and ${SHARED_MAX_RUNS} members`, () => {
    const join = new SharedChunkJoin();
    const big = member(1, Array.from({ length: 600 }, (_, i) => line(i)));
    join.add(big);
    expect(join.canTake(member(2, Array.from({ length: 401 }, (_, i) => line(i))))).toBe(false);
    join.add(member(3, Array.from({ length: 400 }, (_, i) => line(i))));
    expect(join.full).toBe(true);
    expect(join.take()!.count).toBe(1_000);
    for (let f = 0; f < SHARED_MAX_RUNS; f++) join.add(member(100 + f, [line(f)]));
    expect(join.full).toBe(true);
    expect(join.canTake(member(999, [line(0)]))).toBe(false);
    expect(join.take()!.runs).toHaveLength(SHARED_MAX_RUNS);
  });
});
