// Re-timing a stored chunk: only assumed parts move (zone-less times by the zone change, year-less ones to
// the new year); times the record stated, and events without a time, stay as they were.
import { describe, expect, it } from 'vitest';
import type { EventFields } from '../../../src/core/schema.ts';
import { ChunkBuilder, valueAt, type EventChunk } from '../../../src/workers/chunk/chunk.ts';
import { retimeChunk, type RetimeChange } from '../../../src/workers/ingest/retime.ts';

const at = (iso: string) => Date.parse(iso);

function chunkOf(events: EventFields[]): EventChunk {
  const b = new ChunkBuilder(events.length);
  for (const e of events) b.add({ raw: 'x', message: 'x', 'col.line': 1, 'col.offset': 0, 'parser.name': 'p', ...e });
  return b.build(1, 0);
}

const times = (c: EventChunk) => Array.from({ length: c.count }, (_, i) => {
  const v = valueAt(c.columns.ts, i);
  return typeof v === 'number' ? new Date(v).toISOString() : undefined;
});

describe('retimeChunk', () => {
  const cases: { name: string; input: EventFields[]; change: RetimeChange; expected: (string | undefined)[]; changed: number }[] = [
    {
      name: 'zone-less times move back by the new zone (UTC -> +02:00)',
      input: [{ ts: at('2026-12-10T06:55:46Z'), 'ts.guess': 'year,zone' }, { ts: at('2026-12-10T07:00:00.250Z'), 'ts.guess': 'zone' }],
      change: { fromTz: 0, toTz: 120 },
      expected: ['2026-12-10T04:55:46.000Z', '2026-12-10T05:00:00.250Z'],
      changed: 2,
    },
    {
      name: 'times the record stated (no guess) and events without a time are left alone',
      input: [{ ts: at('2026-01-01T00:00:00Z') }, { ts: at('2026-01-01T00:00:00Z'), 'ts.guess': '' }, { 'parser.name': 'unparsed' }],
      change: { fromTz: 0, toTz: 120 },
      expected: ['2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z', undefined],
      changed: 0,
    },
    {
      name: 'from one zone to another (+02:00 -> -05:00)',
      input: [{ ts: at('2026-03-01T10:00:00Z'), 'ts.guess': 'zone' }],
      change: { fromTz: 120, toTz: -300 },
      expected: ['2026-03-01T17:00:00.000Z'],
      changed: 1,
    },
    {
      name: 'a new year keeps month, day and wall-clock time in the file zone',
      input: [{ ts: at('2026-12-31T23:30:00Z'), 'ts.guess': 'year,zone' }, { ts: at('2026-06-01T12:00:00Z'), 'ts.guess': 'zone' }],
      change: { fromTz: 60, toTz: 60, year: 2015 },
      // 2026-12-31T23:30Z is 2027-01-01 00:30 at +01:00: that wall-clock date gets the year (2015-01-01 00:30 +01:00)
      expected: ['2014-12-31T23:30:00.000Z', '2026-06-01T12:00:00.000Z'],
      changed: 1,
    },
    {
      name: 'zone and year together',
      input: [{ ts: at('2026-12-10T06:55:46.5Z'), 'ts.guess': 'year,zone' }],
      change: { fromTz: 0, toTz: 120, year: 2015 },
      expected: ['2015-12-10T04:55:46.500Z'],
      changed: 1,
    },
  ];
  it.each(cases)('$name', ({ input, change, expected, changed }) => {
    const chunk = chunkOf(input);
    const before = times(chunk);
    const r = retimeChunk(chunk, change);
    expect(times(r.chunk)).toEqual(expected);
    expect(r.changed).toBe(changed);
    expect(times(chunk)).toEqual(before); // the input chunk is not modified
  });

  it('reports the new time range and keeps the other columns', () => {
    const chunk = chunkOf([
      { ts: at('2026-12-10T06:00:00Z'), 'ts.guess': 'zone', 'obs.host.name': 'a' },
      { ts: at('2026-12-10T08:00:00Z'), 'ts.guess': 'zone', 'obs.host.name': 'b' },
    ]);
    const r = retimeChunk(chunk, { fromTz: 0, toTz: -60 });
    expect([r.firstTs, r.lastTs].map((t) => new Date(t ?? NaN).toISOString())).toEqual(['2026-12-10T07:00:00.000Z', '2026-12-10T09:00:00.000Z']);
    expect(r.chunk.columns['obs.host.name']).toBe(chunk.columns['obs.host.name']);
    expect([r.chunk.fileId, r.chunk.seq, r.chunk.count]).toEqual([1, 0, 2]);
  });
});
