// The ingest worker's case dictionary stays bounded (chunk/caseFieldBudget.ts, issue 15): a field whose values
// are mostly distinct, or too many, or the biggest while all fields hold too much, turns chunk-local at a chunk's
// end (its columns carry their own dictionary, LocalDictColumn), and the engine interns those (DictSession) and
// keeps them as case ids. Every row reads back what chunks built with their own dictionaries give; the index's
// values stay distinct; the worker holds O(chunk) values whatever the number of distinct values.
import { describe, expect, it } from 'vitest';
import type { EventFields } from '../../../src/core/schema.ts';
import { ChunkBuilder } from '../../../src/workers/chunk/chunk.ts';
import { CaseDictBuilder, isCaseColumn, isLocalColumn, isStoredCaseColumn, type DictSnapshot } from '../../../src/workers/chunk/caseIds.ts';
import { FIELD_MAX_BYTES, TOTAL_MAX_BYTES, heldBytes } from '../../../src/workers/chunk/caseFieldBudget.ts';
import type { WireChunk } from '../../../src/workers/chunk/packedDict.ts';
import { CaseIndex } from '../../../src/workers/query/caseIndex.ts';
import { DictSession } from '../../../src/workers/query/dictSession.ts';

const CHUNK = 10_000;

/** `n` events from `from`: a unique address each (mostly distinct), hosts and users that repeat */
function distinctEvents(from: number, n: number): EventFields[] {
  return Array.from({ length: n }, (_, k) => {
    const i = from + k;
    return {
      ts: 1_700_000_000_000 + i, raw: `line ${i}`, 'col.line': i + 1, 'col.offset': i * 40, 'parser.name': 'syslog3164',
      'obs.host.name': `web0${i % 4}`, 'target.usr.name': `user${i % 10}`, 'init.host.ip': `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`,
    };
  });
}

/** Chunks of CHUNK events built with `dict` (case ids), and the same chunks built with their own dictionaries. */
function build(evs: EventFields[], dict: CaseDictBuilder, afterChunk: (wire: WireChunk) => void = () => {}): { wires: WireChunk[]; plain: WireChunk[] } {
  const b = new ChunkBuilder(CHUNK, undefined, undefined, dict), p = new ChunkBuilder(CHUNK);
  const wires: WireChunk[] = [], plain: WireChunk[] = [];
  for (const e of evs) {
    b.add(e);
    p.add(e);
    if (b.full) {
      wires.push(b.buildWire(1, wires.length));
      plain.push(p.build(1, plain.length));
      afterChunk(wires[wires.length - 1]);
    }
  }
  if (b.size > 0) {
    wires.push(b.buildWire(1, wires.length));
    plain.push(p.build(1, plain.length));
  }
  return { wires, plain };
}

/** Resolves the case-id chunks into `index` as the engine does and checks every row against `reference`. */
function sameAnswers(index: CaseIndex, session: DictSession, wires: WireChunk[], reference: CaseIndex, plain: WireChunk[]): void {
  for (const w of wires) {
    const stored = session.resolve(w, index);
    // what the store writes: case ids only, whether the field was kept case-wide or chunk-local
    for (const col of Object.values(stored.columns)) if (col.kind === 'dict') expect(isStoredCaseColumn(col)).toBe(true);
    index.addChunk(stored);
  }
  session.end(index);
  for (const p of plain) reference.addChunk(p);
  expect(index.rowCount).toBe(reference.rowCount);
  for (let row = 0; row < index.rowCount; row += 7) expect(index.event(row), `row ${row}`).toEqual(reference.event(row));
  for (const name of ['init.host.ip', 'obs.host.name', 'target.usr.name']) {
    const f = index.field(name), r = reference.field(name);
    if (f?.kind !== 'dict' || r?.kind !== 'dict') throw new Error(`${name} is no keyword field`);
    // one id per value, as interning by value gives
    expect(new Set(f.values).size, name).toBe(f.values.length);
    expect([...f.values].sort(), name).toEqual([...r.values].sort());
  }
}

describe('the ingest worker\'s case dictionary is bounded', () => {
  it('keeps O(chunk) values for a field of 100,000 distinct values, and the engine reads the same values back', () => {
    const index = new CaseIndex(), reference = new CaseIndex();
    const session = new DictSession(index);
    const dict = new CaseDictBuilder(session.snapshot);
    let most = 0;
    const { wires, plain } = build(distinctEvents(0, 100_000), dict, () => { most = Math.max(most, dict.held().values); });
    // the first chunk took case ids (nothing was known yet), every later one carries its own dictionary
    expect(isCaseColumn(wires[0].columns['init.host.ip'])).toBe(true);
    for (const w of wires.slice(1)) expect(isLocalColumn(w.columns['init.host.ip'])).toBe(true);
    for (const w of wires) expect(isCaseColumn(w.columns['obs.host.name'])).toBe(true);
    expect(dict.field('init.host.ip').local).toBe(true);
    // what stays held: the repeating fields' few values (the first chunk's addresses were let go)
    expect(most).toBeLessThan(100);
    expect(dict.held().values).toBeLessThan(100);
    sameAnswers(index, session, wires, reference, plain);
  });

  it('turns a field that repeats but keeps growing chunk-local once it holds more than its budget', () => {
    // 6 in 10 events from 40 addresses, the rest new: not mostly distinct in any chunk, but ever growing
    const evs = distinctEvents(0, 200_000).map((e, i) => (i % 10 < 6 ? { ...e, 'init.host.ip': `203.0.113.${i % 40}` } : e));
    const index = new CaseIndex(), reference = new CaseIndex();
    const session = new DictSession(index);
    const dict = new CaseDictBuilder(session.snapshot);
    let most = 0;
    const { wires, plain } = build(evs, dict, () => { most = Math.max(most, dict.held().bytes); });
    const firstLocal = wires.findIndex((w) => isLocalColumn(w.columns['init.host.ip']));
    expect(firstLocal).toBeGreaterThan(1);
    for (const w of wires.slice(firstLocal)) expect(isLocalColumn(w.columns['init.host.ip'])).toBe(true);
    // at most the budget plus one chunk's new values (4,000 addresses)
    expect(most).toBeLessThanOrEqual(FIELD_MAX_BYTES + heldBytes(CHUNK, CHUNK * 16));
    expect(dict.held().bytes).toBeLessThan(heldBytes(100, 1000));
    sameAnswers(index, session, wires, reference, plain);
  });

  it('lets the biggest fields go while all fields together hold more than the total budget', () => {
    // 12 fields of long values, none mostly distinct in a chunk (fewer lookups than the probe needs), each under
    // the field budget, together over the total
    const long = 'x'.repeat(2000);
    const valuesPerField = Math.floor(FIELD_MAX_BYTES / heldBytes(1, long.length + 4)) - 10;
    const evs = Array.from({ length: valuesPerField }, (_, i): EventFields => {
      const e: EventFields = { ts: i, raw: `r${i}`, 'parser.name': 'p' };
      for (let f = 0; f < 12; f++) e[`data.f${f}`] = `${long}${i}`;
      return e;
    });
    const dict = new CaseDictBuilder();
    const b = new ChunkBuilder(500, undefined, undefined, dict);
    for (const e of evs) {
      b.add(e);
      if (b.full) b.buildWire(1, 0);
    }
    b.buildWire(1, 1);
    const held = dict.held();
    expect(held.bytes).toBeLessThanOrEqual(TOTAL_MAX_BYTES);
    const local = Array.from({ length: 12 }, (_, f) => dict.field(`data.f${f}`).local).filter(Boolean).length;
    expect(local).toBeGreaterThan(0);
    expect(local).toBeLessThan(12);
  });

  it('hands the worker no values of a field past the budget: chunk-local from the first chunk of the next ingest', () => {
    const index = new CaseIndex(), reference = new CaseIndex();
    // the case already holds 60,000 addresses (a first ingest), and the same in the reference
    const s1 = new DictSession(index);
    const first = build(distinctEvents(0, 60_000), new CaseDictBuilder(s1.snapshot));
    for (const w of first.wires) index.addChunk(s1.resolve(w, index));
    s1.end(index);
    for (const p of first.plain) reference.addChunk(p);
    const session = new DictSession(index);
    expect(session.snapshot.local).toContain('init.host.ip');
    expect(session.snapshot.fields).not.toContain('init.host.ip');
    expect(session.snapshot.fields).toContain('obs.host.name');
    const dict = new CaseDictBuilder(session.snapshot);
    // addresses old and new: 50,000 .. 80,000
    const { wires, plain } = build(distinctEvents(50_000, 30_000), dict);
    for (const w of wires) expect(isLocalColumn(w.columns['init.host.ip'])).toBe(true);
    sameAnswers(index, session, wires, reference, plain);
    const f = index.field('init.host.ip');
    expect(f?.kind === 'dict' && f.values.length).toBe(80_000);
  });

  it('counts unparsed events of a chunk-local parser.name column', () => {
    const snapshot: DictSnapshot = { fields: [], texts: [], ends: [], local: ['parser.name'] };
    const b = new ChunkBuilder(100, undefined, undefined, new CaseDictBuilder(snapshot));
    for (let i = 0; i < 30; i++) b.add({ ts: i, raw: `r${i}`, 'parser.name': i % 3 === 0 ? 'unparsed' : 'syslog3164' });
    const wire = b.buildWire(1, 0);
    expect(isLocalColumn(wire.columns['parser.name'])).toBe(true);
    expect(wire.unparsed).toBe(10);
  });
});
