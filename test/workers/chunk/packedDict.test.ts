// Packed dictionary columns (chunk/packedDict.ts): the same values and index answers as the array form,
// through structured clone, with log-text field names, repeated and wide entries.
import { describe, expect, it } from 'vitest';
import { ChunkBuilder, eventAt, type DictColumn } from '../../../src/workers/chunk/chunk.ts';
import { chunkBytes, unparsedIn } from '../../../src/workers/chunk/measure.ts';
import { dictEntry, dictSize, isPacked, packChunk, unpackChunk, wireBuffers, type PackedDictColumn } from '../../../src/workers/chunk/packedDict.ts';
import { CaseIndex } from '../../../src/workers/query/caseIndex.ts';

function chunk(seq: number, n: number) {
  const b = new ChunkBuilder(n);
  for (let i = 0; i < n; i++) {
    b.add({
      ts: 1_700_000_000_000 + seq * n + i, raw: `line ${i}`, 'col.line': i + 1, 'col.offset': i * 10,
      'parser.name': i % 7 === 0 ? 'unparsed' : 'syslog3164',
      'obs.host.name': `host${i % 3}`, 'data.__proto__': `p${i % 2}`, 'data.when': `2026-01-01T00:00:${String(i % 60).padStart(2, '0')}.${seq}${i}Z`,
      'target.usr.name': i % 5 === 0 ? 'Jürgen→中' : i % 5 === 1 ? '' : 'root',
    });
  }
  return b.build(1, seq);
}

describe('packed dictionary columns', () => {
  it('round-trips every column, keeps field names from log text and the array form\'s key order', () => {
    const c = chunk(0, 600);
    const packed = structuredClone(packChunk(c));
    for (const name of Object.keys(c.columns)) {
      const col = packed.columns[name];
      expect(isPacked(col)).toBe(c.columns[name].kind === 'dict');
    }
    const back = unpackChunk(packed);
    expect(back).toEqual(c);
    const host = back.columns['obs.host.name'] as DictColumn;
    expect(Object.keys(host)).toEqual(['kind', 'dict', 'ids']);
    for (let r = 0; r < c.count; r++) expect(eventAt(back, r)).toEqual(eventAt(c, r));
    expect(packChunk(packed)).toBe(packed); // already packed: kept
    expect(unpackChunk(c)).toBe(c); // nothing packed: kept
  });

  it('measures a packed chunk as the array form (unparsed count, size estimate)', () => {
    const c = chunk(1, 700);
    const packed = packChunk(c);
    expect(unparsedIn(packed)).toBe(unparsedIn(c));
    expect(unparsedIn(packed)).toBe(100);
    expect(chunkBytes(packed)).toBe(chunkBytes(c));
  });

  it('reads entries in place and transfers every typed array', () => {
    const c = chunk(2, 64);
    const packed = packChunk(c);
    const col = packed.columns['target.usr.name'] as PackedDictColumn;
    const dict = (c.columns['target.usr.name'] as DictColumn).dict;
    expect(dictSize(col)).toBe(dict.length);
    expect(Array.from({ length: dict.length }, (_, i) => dictEntry(col, i))).toEqual(dict);
    const buffers = wireBuffers(packed);
    expect(buffers).toContain(col.dictEnds.buffer);
    expect(buffers).toContain(col.ids.buffer);
    expect(new Set(buffers).size).toBe(buffers.length);
  });

  it('gives the case index the same ids, values and counts from packed and array columns', () => {
    const a = new CaseIndex(), b = new CaseIndex();
    for (let seq = 0; seq < 4; seq++) {
      const c = chunk(seq, 900);
      a.addChunk(c);
      b.addChunk(structuredClone(packChunk(chunk(seq, 900))));
    }
    expect(b.fieldNames()).toEqual(a.fieldNames());
    for (const name of a.fieldNames()) {
      const fa = a.field(name)!, fb = b.field(name)!;
      if (fa.kind !== 'dict' || fb.kind !== 'dict') continue;
      expect(fb.values).toEqual(fa.values);
      expect(Array.from(fb.ids.subarray(0, b.rowCount))).toEqual(Array.from(fa.ids.subarray(0, a.rowCount)));
      expect(fb.counts).toEqual(fa.counts);
    }
    for (let r = 0; r < a.rowCount; r += 37) expect(b.event(r)).toEqual(a.event(r));
  });
});
