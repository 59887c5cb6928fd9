// A dictionary column whose values are nearly all distinct (a timestamp or message kept as data.*) stops
// looking values up part-way through a chunk: the events read back, the case index and the unparsed count
// must be exactly what a fully deduplicated chunk gives.
import { describe, expect, it } from 'vitest';
import { ChunkBuilder, eventAt, type EventChunk } from '../../../src/workers/chunk/chunk.ts';
import { unparsedIn } from '../../../src/workers/chunk/measure.ts';
import { CaseIndex } from '../../../src/workers/query/caseIndex.ts';
import type { EventFields } from '../../../src/core/schema.ts';

/** data.stamp distinct until row 3000, then the first 100 values again; data.host from 3 values */
function events(n: number): EventFields[] {
  return Array.from({ length: n }, (_, i) => ({
    ts: 1_700_000_000_000 + i, raw: `r${i}`, message: `m${i}`, 'col.line': i + 1, 'col.offset': i,
    'parser.name': i % 1000 === 7 ? 'unparsed' : 'json',
    'data.stamp': `2026-01-01T00:00:${i < 3000 ? i : i % 100}`,
    'data.host': `h${i % 3}`,
  }));
}

function build(evs: EventFields[]): EventChunk {
  const b = new ChunkBuilder(10_000);
  for (const e of evs) b.add(e);
  return b.build(1, 0);
}

describe('mostly distinct dictionary columns', () => {
  const evs = events(5000);
  const chunk = build(evs);

  it('gives every event back unchanged', () => {
    expect(Array.from({ length: chunk.count }, (_, r) => ({ ...eventAt(chunk, r) }))).toEqual(evs);
  });

  it('stops looking values up only in the distinct column', () => {
    const stamp = chunk.columns['data.stamp'], host = chunk.columns['data.host'];
    expect(stamp.kind === 'dict' && stamp.dict.length).toBe(5000);
    expect(host.kind === 'dict' && host.dict.length).toBe(3);
  });

  it('the case index holds each value once, with the counts of a deduplicated chunk', () => {
    const index = new CaseIndex();
    index.addChunk(chunk);
    const field = index.field('data.stamp');
    expect(field?.kind).toBe('dict');
    if (field?.kind !== 'dict') return;
    expect(field.values.length).toBe(3000);
    expect(new Set(field.values).size).toBe(3000);
    // values are numbered in order of first use, as with a deduplicated chunk
    expect(field.values.slice(0, 3)).toEqual(['2026-01-01T00:00:0', '2026-01-01T00:00:1', '2026-01-01T00:00:2']);
    expect(field.counts[1]).toBe(21); // row 0 and rows 3000, 3100, ..., 4900
    expect(field.valueOf(4999)).toBe('2026-01-01T00:00:99');
  });

  it('counts unparsed events whatever entries repeat', () => {
    expect(unparsedIn(chunk)).toBe(5);
  });
});
