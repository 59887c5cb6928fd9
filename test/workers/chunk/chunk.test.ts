// ChunkBuilder -> EventChunk -> eventAt must give every event back exactly, whatever fields each carries.
import { describe, expect, it } from 'vitest';
import { ChunkBuilder, eventAt } from '../../../src/workers/chunk/chunk.ts';
import type { EventFields } from '../../../src/core/schema.ts';

function roundTrip(events: EventFields[], capacity = 10_000): EventFields[] {
  const b = new ChunkBuilder(capacity);
  const out: EventFields[] = [];
  for (const e of events) {
    b.add(e);
    if (b.full) {
      const c = b.build(1, 0);
      for (let r = 0; r < c.count; r++) out.push(eventAt(c, r));
    }
  }
  if (b.size > 0) {
    const c = b.build(1, 1);
    for (let r = 0; r < c.count; r++) out.push(eventAt(c, r));
  }
  return out;
}

/** A field present on some rows only, across several internal batches, of each column kind. */
function sparse(n: number): EventFields[] {
  return Array.from({ length: n }, (_, i) => {
    const e: EventFields = { ts: 1_700_000_000_000 + i, raw: `line ${i}`, message: i % 3 === 0 ? '' : `m${i}`, 'col.line': i + 1, 'col.offset': i * 10, 'parser.name': 'x' };
    if (i % 7 === 0) e['init.host.ip'] = `10.0.0.${i % 5}`;
    if (i % 300 === 299) e['parse.error'] = `bad ${i}`;
    if (i % 11 === 0) e['init.host.port'] = i;
    if (i === 900) e['data.__proto__'] = 'harmless';
    return e;
  });
}

describe('ChunkBuilder', () => {
  const cases: { name: string; events: EventFields[]; capacity?: number }[] = [
    { name: 'one event', events: sparse(1) },
    { name: 'sparse fields across many batches', events: sparse(1000) },
    { name: 'several chunks', events: sparse(2500), capacity: 700 },
    // columns start with room for 64 rows and double: the rows around each growth step
    { name: 'exactly the first room', events: sparse(64) },
    { name: 'one past the first room', events: sparse(65) },
    { name: 'chunks smaller than the first room', events: sparse(130), capacity: 20 },
  ];
  for (const c of cases) {
    it(c.name, () => {
      // an empty message reads back as absent: text columns store '' and absent alike
      const expected = c.events.map((e) => Object.fromEntries(Object.entries(e).filter(([, v]) => v !== '')));
      expect(roundTrip(c.events, c.capacity).map((e) => ({ ...e }))).toEqual(expected);
    });
  }

  it('fills per-file constants on the rows that do not carry the field themselves', () => {
    const b = new ChunkBuilder(10);
    b.setConstants({ 'col.file': 'auth.log', 'parser.name': 'syslog3164', 'parser.version': '1' });
    b.add({ raw: 'a', message: 'a' });
    b.add({ raw: 'b', message: 'b', 'parser.name': 'unparsed', 'parse.error': 'why' });
    const c = b.build(1, 0);
    expect([eventAt(c, 0)['parser.name'], eventAt(c, 1)['parser.name'], eventAt(c, 1)['col.file']]).toEqual(['syslog3164', 'unparsed', 'auth.log']);
  });
});
