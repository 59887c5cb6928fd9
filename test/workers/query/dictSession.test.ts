// Case ids assigned in the ingest worker (chunk/caseIds.ts) and adopted by the index (query/dictSession.ts):
// every row reads the same values as the same chunks built with their own dictionaries and mapped by value,
// when nothing else writes (ids taken as they are), when other chunks come between (a live-follow poll: new
// values go through the small table), when the index is replaced mid-ingest (every id by value), and when a
// field passes 255 and 65,535 values (ids widen from 8 to 16 to 32 bits).
import { describe, expect, it } from 'vitest';
import type { EventFields } from '../../../src/core/schema.ts';
import { ChunkBuilder } from '../../../src/workers/chunk/chunk.ts';
import { CaseDictBuilder } from '../../../src/workers/chunk/caseIds.ts';
import type { WireChunk } from '../../../src/workers/chunk/packedDict.ts';
import { CaseIndex } from '../../../src/workers/query/caseIndex.ts';
import { DictSession } from '../../../src/workers/query/dictSession.ts';
import { makeChunk } from '../store/fixtures.ts';

/** events whose users repeat a little (a value per 3 rows, new ones keep coming) and whose hosts overlap makeChunk's */
function events(from: number, n: number): EventFields[] {
  return Array.from({ length: n }, (_, i) => ({
    ts: 1_700_000_000_000 + from + i, raw: `r${from + i}`, message: `m${from + i}`, 'col.line': i + 1, 'col.offset': i,
    'parser.name': 'test', 'obs.host.name': `host${(from + i) % 5}`, 'target.usr.name': `u${Math.floor((from + i) / 3)}`,
    ...(i % 7 === 0 ? { 'data.rare': `rare${i % 21}` } : {}),
  }));
}

function built(evs: EventFields[], seq: number, dict?: CaseDictBuilder): WireChunk {
  const b = new ChunkBuilder(evs.length + 1, undefined, undefined, dict);
  for (const e of evs) b.add(e);
  return dict === undefined ? b.build(9, seq) : b.buildWire(9, seq);
}

function sameRows(a: CaseIndex, b: CaseIndex): void {
  expect(a.rowCount).toBe(b.rowCount);
  for (let row = 0; row < a.rowCount; row++) expect(a.event(row), `row ${row}`).toEqual(b.event(row));
}

describe('case ids from the ingest worker, adopted by the index', () => {
  it('takes the ids as they are when nothing else writes, and through the table when a poll comes between', () => {
    for (const interleave of [false, true]) {
      const index = new CaseIndex(), reference = new CaseIndex();
      // the case already holds a chunk: the ingest starts from its dictionary
      index.addChunk(makeChunk(1, 0, 50));
      reference.addChunk(makeChunk(1, 0, 50));
      const session = new DictSession(index);
      const dict = new CaseDictBuilder(session.snapshot);
      for (let seq = 0; seq < 6; seq++) {
        const evs = events(seq * 400, 400);
        const chunk = session.resolve(built(evs, seq, dict), index);
        index.addChunk(chunk);
        reference.addChunk(built(evs, seq));
        if (interleave) {
          // a live-follow poll: a chunk with its own dictionary, holding values the ingest will send later
          const poll = events(seq * 400 + 500, 30).map((e) => ({ ...e, 'data.poll': `p${seq}` }));
          index.addChunk(built(poll, 100 + seq));
          reference.addChunk(built(poll, 100 + seq));
        }
      }
      sameRows(index, reference);
      const users = index.field('target.usr.name');
      expect(users?.kind === 'dict' && new Set(users.values).size === users.values.length).toBe(true);
    }
  });

  it('resolves every id by its value after the index was replaced', () => {
    const first = new CaseIndex();
    first.addChunk(makeChunk(1, 0, 40));
    const session = new DictSession(first);
    const dict = new CaseDictBuilder(session.snapshot);
    const chunks = [0, 1, 2, 3].map((seq) => ({ evs: events(seq * 300, 300), wire: built(events(seq * 300, 300), seq, dict) }));
    first.addChunk(session.resolve(chunks[0].wire, first));
    // the index rebuilt from the store, another file first: its ids differ from the snapshot's
    const second = new CaseIndex(), reference = new CaseIndex();
    for (const ix of [second, reference]) {
      ix.addChunk(makeChunk(2, 0, 30, 4));
      ix.addChunk(built(chunks[0].evs, 0));
    }
    for (const c of chunks.slice(1)) {
      second.addChunk(session.resolve(c.wire, second));
      reference.addChunk(built(c.evs, 0));
    }
    sameRows(second, reference);
  });

  it('narrows ids to the field size and widens them past 255 and 65,535 values', () => {
    const index = new CaseIndex(), reference = new CaseIndex();
    const session = new DictSession(index);
    const dict = new CaseDictBuilder(session.snapshot);
    const widths: number[] = [];
    let at = 0;
    for (const [seq, n] of [[0, 200], [1, 400], [2, 70_000], [3, 1_000]] as const) {
      // every event a new user: the field's size is the events so far
      const evs = Array.from({ length: n }, (_, i) => ({ ts: at + i, raw: 'x', 'parser.name': 'p', 'target.usr.name': `user${at + i}` }));
      at += n;
      const wire = built(evs, seq, dict);
      widths.push((wire.columns['target.usr.name'] as { ids: { BYTES_PER_ELEMENT: number } }).ids.BYTES_PER_ELEMENT);
      index.addChunk(session.resolve(wire, index));
      reference.addChunk(built(evs, seq));
    }
    expect(widths).toEqual([1, 2, 4, 4]);
    for (let row = 0; row < index.rowCount; row += 97) expect(index.valueOf('target.usr.name', row)).toBe(reference.valueOf('target.usr.name', row));
    expect(index.valueOf('target.usr.name', index.rowCount - 1)).toBe(`user${at - 1}`);
    const f = index.field('target.usr.name');
    expect(f?.kind === 'dict' && f.ids.BYTES_PER_ELEMENT).toBe(4);
  });
});
