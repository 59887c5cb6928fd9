// The case index's rows reserved from a file's size during an ingest (issue 15): one reservation for the whole
// file instead of regrowth by 1.5x, the slack given back at the end, and the same index either way.
import { describe, expect, it } from 'vitest';
import { ingestFile } from '../../../src/workers/ingest/ingestFile.ts';
import { CaseIndex } from '../../../src/workers/query/caseIndex.ts';
import { IngestCapacity } from '../../../src/workers/query/ingestCapacity.ts';
import { packChunk, type WireChunk } from '../../../src/workers/chunk/packedDict.ts';
import { sourceFromBytes } from '../../harness/ingest.ts';
import { enc, syslogLines } from '../../reliability/helpers.ts';
import { makeChunk } from '../store/fixtures.ts';

/** Every chunk of the file as the ingest worker posts it. */
async function chunksOf(text: string): Promise<{ chunks: WireChunk[]; bytes: number }> {
  const bytes = enc(text);
  const chunks: WireChunk[] = [];
  const src = sourceFromBytes('auth.log', bytes, 0);
  await ingestFile({ path: src.name, size: src.size, lastModified: 0, open: src.stream }, { fileId: 1 }, (c) => void chunks.push(packChunk(c)));
  return { chunks, bytes: bytes.length };
}

/** The index as an ingest builds it, with a plan when `size` is given; every capacity it went through. */
function indexWith(chunks: readonly WireChunk[], size?: number): { index: CaseIndex; capacities: number[] } {
  const index = new CaseIndex();
  const plan = new IngestCapacity(index);
  if (size !== undefined) plan.file(1, size);
  const capacities: number[] = [];
  for (const c of chunks) {
    plan.beforeChunk(c);
    index.addChunk(c);
    if (capacities.at(-1) !== index.reservedRows) capacities.push(index.reservedRows);
  }
  plan.end();
  capacities.push(index.reservedRows);
  return { index, capacities };
}

function sameIndex(a: CaseIndex, b: CaseIndex): void {
  expect(a.rowCount).toBe(b.rowCount);
  expect(a.fieldNames().sort()).toEqual(b.fieldNames().sort());
  for (const row of [0, 1, 9_999, 10_000, 17_321, a.rowCount - 1]) expect(a.event(row)).toEqual(b.event(row));
  expect([...a.timeOrder()]).toEqual([...b.timeOrder()]);
}

describe('index capacity reserved from the file size', () => {
  it('reserves the whole file at its first chunk, never regrows, and is fitted to the rows at the end', async () => {
    const { chunks, bytes } = await chunksOf(syslogLines(35_000));
    expect(chunks.length).toBe(4);
    const planned = indexWith(chunks, bytes);
    // one reservation (35,000 + the margin), then the fit: no 1.5x steps in between
    expect(planned.capacities.length).toBe(2);
    expect(planned.capacities[0]).toBeGreaterThanOrEqual(35_000);
    expect(planned.capacities[0]).toBeLessThan(35_000 * 1.06);
    expect(planned.capacities[1]).toBe(35_000);
    const grown = indexWith(chunks);
    // without a size: 10,000, then 15,000, 22,500, 33,750, 50,625 (1.5x), fitted at the end
    expect(grown.capacities.length).toBeGreaterThan(3);
    expect(grown.capacities.at(-1)).toBe(35_000);
    sameIndex(planned.index, grown.index);
  });

  it('a size that under-states the file (a compressed size) grows geometrically, not chunk by chunk', async () => {
    const { chunks, bytes } = await chunksOf(syslogLines(60_000));
    const planned = indexWith(chunks, Math.round(bytes / 5));
    // the first chunk reserves ~12,000 rows; then steps of at least 1.5x, never one chunk's worth at a time
    const steps = planned.capacities.slice(0, -1);
    expect(steps[0]).toBeLessThan(13_000);
    for (let i = 1; i < steps.length; i++) expect(steps[i] / steps[i - 1]).toBeGreaterThanOrEqual(1.49);
    expect(planned.capacities.at(-1)).toBe(60_000);
    sameIndex(planned.index, indexWith(chunks).index);
  });

  it('an index with rows from before keeps them and reserves for the new file on top', async () => {
    const { chunks, bytes } = await chunksOf(syslogLines(25_000));
    const index = new CaseIndex();
    index.addChunk(chunks[0]);
    const plan = new IngestCapacity(index);
    plan.file(1, bytes);
    for (const c of chunks) {
      plan.beforeChunk(c);
      index.addChunk(c);
    }
    expect(index.reservedRows).toBeGreaterThanOrEqual(35_000);
    plan.end();
    expect(index.reservedRows).toBe(35_000);
    expect(index.event(0)).toEqual(index.event(10_000));
  });
});

describe('a shared chunk (chunk/runs.ts)', () => {
  it('reserves nothing for its whole files: the index grows as it fills, never to each chunk\'s exact size', () => {
    const index = new CaseIndex();
    const plan = new IngestCapacity(index);
    const capacities: number[] = [];
    for (let i = 0; i < 40; i++) {
      const a = 1 + 2 * i, b = a + 1;
      plan.file(a, 120);
      plan.file(b, 120);
      const c = makeChunk(a, -1, 4);
      const shared: WireChunk = { ...c, runs: [{ fileId: a, seq: 0, count: 2, unparsed: 0 }, { fileId: b, seq: 0, count: 2, unparsed: 0 }] };
      plan.beforeChunk(shared);
      index.addChunk(shared);
      if (capacities.at(-1) !== index.reservedRows) capacities.push(index.reservedRows);
    }
    expect(index.rowCount).toBe(160);
    // geometric growth: a handful of capacities, not one per chunk (each a copy of every dense field)
    expect(capacities.length).toBeLessThan(8);
    expect(index.fileOf(0)).toBe(1);
    expect(index.fileOf(2)).toBe(2);
    expect(index.fileOf(159)).toBe(80);
  });
});
