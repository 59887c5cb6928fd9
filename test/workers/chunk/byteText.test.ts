// Text columns built straight as Latin-1 bytes (ChunkBuilder byteText, ingestFile textAsBytes: chunk/byteText.ts)
// must give exactly the columns packTextColumn makes of the string-built ones: same bytes, ascii flag, ends, wide part
// and key order once the chunk is packed as the ingest worker posts it, for edge values and for the corpus
// read through ingestFile.
import { readFileSync, statSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { EventFields } from '../../../src/core/schema.ts';
import { ChunkBuilder, TEXT_FIELDS, valueAt } from '../../../src/workers/chunk/chunk.ts';
import { packedValueAt } from '../../../src/workers/chunk/byteText.ts';
import type { PackedTextColumn } from '../../../src/workers/chunk/packedText.ts';
import { packChunk, unpackChunk, type WireChunk } from '../../../src/workers/chunk/packedDict.ts';
import { ingestFile } from '../../../src/workers/ingest/ingestFile.ts';
import { corpusCases, corpusPath, listCorpus, needsCorpus } from '../../harness/corpus.ts';
import { REFERENCE_MS } from '../../harness/ingest.ts';


/** The same events built both ways; returns [string-built then packed, byte-built]. */
function bothWays(events: EventFields[], capacity = 16): [WireChunk[], WireChunk[]] {
  const byString = new ChunkBuilder(capacity), byBytes = new ChunkBuilder(capacity, TEXT_FIELDS);
  const a: WireChunk[] = [], b: WireChunk[] = [];
  for (const e of events) {
    byString.add({ ...e });
    byBytes.add({ ...e });
    if (byString.full) {
      a.push(packChunk(byString.build(1, a.length)));
      b.push(packChunk(byBytes.buildWire(1, b.length)));
    }
  }
  if (byString.size > 0) {
    a.push(packChunk(byString.build(1, a.length)));
    b.push(packChunk(byBytes.buildWire(1, b.length)));
  }
  return [a, b];
}

function expectSame(a: WireChunk[], b: WireChunk[]): void {
  expect(b.length).toBe(a.length);
  for (let i = 0; i < a.length; i++) {
    for (const name of Object.keys(a[i].columns)) {
      expect(Object.keys(b[i].columns[name]), name).toEqual(Object.keys(a[i].columns[name]));
    }
    expect(b[i]).toEqual(a[i]);
  }
}

const long = (s: string) => s.repeat(Math.ceil(100 / s.length));
const EDGE: string[] = [
  'short ascii', long('<Event>ascii past the loop length</Event>'), '', 'café', long('données é à ü '),
  'x\u2192y', long('arrow \u2192 '), `${long('a')}\u00e9${long('b')}`, `${long('a')}\u2192`, 'emoji \ud83d\ude00',
  `${long('latin ')}\u00ff`, '\u0000\u007f\u0080\u00ff', long('\u00e9'),
];

describe('text columns built as bytes (chunk/byteText.ts)', () => {
  it('gives packTextColumn\'s column for edge values, missing rows and several chunks', () => {
    const events: EventFields[] = [];
    for (let i = 0; i < 60; i++) {
      const e: EventFields = { ts: i };
      if (i % 7 !== 3) e.raw = EDGE[i % EDGE.length]; // some rows lack raw (their span is empty)
      if (i % 5 !== 1) e.message = EDGE[(i * 3) % EDGE.length];
      events.push(e);
    }
    const [a, b] = bothWays(events);
    expectSame(a, b);
    // the wide rows are kept apart and read back as they were
    expect(b.some((c) => 'wide' in c.columns.raw)).toBe(true);
    const back = b.flatMap((c) => {
      const raw = unpackChunk(c).columns.raw;
      return Array.from({ length: c.count }, (_, row) => valueAt(raw, row) ?? '');
    });
    expect(back).toEqual(events.map((e) => e.raw ?? ''));
    // the template miner reads single messages of the packed column (packedValueAt = valueAt of the string form)
    const strings = events.map((e) => (e.message === '' ? undefined : e.message)); // an empty value reads as absent
    const built = new ChunkBuilder(100, TEXT_FIELDS);
    for (const e of events) built.add({ ...e });
    const message = built.buildWire(1, 0).columns.message as PackedTextColumn;
    expect(events.map((_, row) => packedValueAt(message, row))).toEqual(strings);
  });

  it('gives the same chunks as packChunk for every corpus EVTX file and the small logs', { ...needsCorpus, timeout: 300_000 }, async () => {
    const files = corpusCases(() => listCorpus('.', (rel) => {
      const lower = rel.toLowerCase();
      return lower.endsWith('.evtx') || ((lower.endsWith('.log') || lower.endsWith('.json') || lower.endsWith('.jsonl')) && statSync(corpusPath(rel)).size < 200_000);
    }));
    expect(files.length).toBeGreaterThan(10);
    for (const rel of files) {
      const bytes = new Uint8Array(readFileSync(corpusPath(rel)));
      const src = {
        path: rel, lastModified: REFERENCE_MS,
        open: () => new ReadableStream<Uint8Array>({ start(c) { c.enqueue(bytes); c.close(); } }),
      };
      const a: WireChunk[] = [], b: WireChunk[] = [];
      const ra = await ingestFile(src, { tzOffsetMinutes: 0, chunkEvents: 500 }, (chunk) => a.push(packChunk(chunk)));
      const rb = await ingestFile(src, { tzOffsetMinutes: 0, chunkEvents: 500, textAsBytes: true }, (chunk) => b.push(packChunk(chunk)));
      expect(rb, rel).toEqual(ra);
      expectSame(a, b);
    }
  });
});
