// The chunk body codec (case schema 8): a stored chunk as one buffer and back, equal to what IndexedDB holds,
// with key order, typed array kinds, NaN, undefined, wide text, sparse columns and hostile field names kept.
import { describe, expect, it } from 'vitest';
import { ChunkBuilder } from '../../../src/workers/chunk/chunk.ts';
import { packChunk } from '../../../src/workers/chunk/packedDict.ts';
import { decodeChunkBody, encodeChunkBody } from '../../../src/workers/store/chunkBody.ts';
import type { StoredChunk } from '../../../src/workers/store/schema.ts';
import { makeChunk } from './fixtures.ts';

function stored(fileId: number, seq: number, count: number): StoredChunk {
  return { ...packChunk(makeChunk(fileId, seq, count, 7)), key: [fileId, seq] };
}

/** Events with a sparse field, a numeric field few carry, wide text and a field named __proto__. */
function oddChunk(): StoredChunk {
  const b = new ChunkBuilder(100);
  for (let i = 0; i < 100; i++) {
    b.add({
      ts: i % 10 === 0 ? Number.NaN : 1_700_000_000_000 + i, raw: i % 3 === 0 ? `caf\u00e9 \u4e2d ${i}` : `line ${i}`, message: `m ${i}`,
      'col.line': i + 1, 'col.offset': i * 20, 'parser.name': 'x', ...(i % 17 === 0 ? { 'src.port': i, __proto__field: 'p' } : {}),
      ...(i === 5 ? { ['__proto__']: 'evil' } : {}),
    } as never);
  }
  return { ...packChunk(b.build(3, 4)), key: [3, 4] };
}

/** The same structure, key order and typed array kinds, as JSON with arrays spelled out. */
function shape(v: unknown): unknown {
  return JSON.stringify(v, (_k, x: unknown) => (ArrayBuffer.isView(x) ? { [x.constructor.name]: Array.from(x as unknown as ArrayLike<number>, String) } : x === undefined ? '<undefined>' : x));
}

describe('chunk body codec', () => {
  it('gives back exactly the stored chunk (values, key order, array kinds), each array in its own buffer', () => {
    for (const c of [stored(1, 0, 1), stored(2, 3, 2_000), oddChunk()]) {
      const bytes = encodeChunkBody(c);
      const back = decodeChunkBody(bytes.slice().buffer);
      expect(back).toEqual(c);
      expect(shape(back)).toBe(shape(c));
      const buffers = new Set<ArrayBufferLike>();
      for (const col of Object.values(back.columns)) for (const x of Object.values(col) as unknown[]) if (ArrayBuffer.isView(x)) buffers.add(x.buffer);
      expect(buffers.size).toBe(Object.values(back.columns).flatMap((col) => (Object.values(col) as unknown[]).filter((x) => ArrayBuffer.isView(x))).length);
      // encode -> decode -> encode is byte-identical
      expect(Buffer.from(encodeChunkBody(back)).equals(Buffer.from(bytes))).toBe(true);
    }
  });

  it('keeps a field named __proto__ as a field and never touches Object.prototype', () => {
    const back = decodeChunkBody(encodeChunkBody(oddChunk()).slice().buffer);
    expect(Object.keys(back.columns)).toContain('__proto__');
    expect(({} as Record<string, unknown>).kind).toBeUndefined();
  });

  it('refuses foreign or cut bytes with a clear error instead of wrong values', () => {
    const bytes = encodeChunkBody(stored(1, 0, 50));
    expect(() => decodeChunkBody(new TextEncoder().encode('{"not":"a body"}').buffer)).toThrow(/not in the expected format/);
    expect(() => decodeChunkBody(bytes.slice(0, bytes.length - 8).buffer)).toThrow(/cut short/);
    expect(() => decodeChunkBody(bytes.slice(0, 12).buffer)).toThrow(/cut short/);
  });
});
