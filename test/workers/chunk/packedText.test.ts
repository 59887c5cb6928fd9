// Text columns as bytes (case schema 5, chunk/packedText.ts): what the ingest worker posts and the store writes.
// The bytes must give back exactly the joined text (ASCII, Latin-1 including the C1 range 0x80-0x9f, which a
// windows-1252 decoder would change), only chunks whose format keeps text narrow are packed, the array form
// keeps its key order (the hand-over file), and the case index answers the same from either form, reading a
// packed segment's text only when asked.
import { describe, expect, it } from 'vitest';
import { ChunkBuilder, eventAt, type EventChunk } from '../../../src/workers/chunk/chunk.ts';
import { packChunk, unpackChunk, wireBuffers } from '../../../src/workers/chunk/packedDict.ts';
import { packTextColumn, textOf } from '../../../src/workers/chunk/packedText.ts';
import { chunkBytes } from '../../../src/workers/chunk/measure.ts';
import type { EventFields } from '../../../src/core/schema.ts';
import { createQueryEngine } from '../../../src/workers/query/engine.ts';

function eventOf(i: number): EventFields {
  const e: EventFields = {
    ts: 1_700_000_000_000 + i * 1000,
    // every 7th raw line holds Latin-1 beyond ASCII, every 11th a C1 control (0x85, 0x9f), every 13th a wide character
    raw: i % 13 === 5 ? `wide \u2603 line ${i}` : i % 11 === 3 ? `c1 \u0085\u009f line ${i}` : i % 7 === 2 ? `caf\u00e9 \u00ff line ${i}` : `plain line ${i}`,
    'col.line': i + 1, 'parser.name': 'test', 'obs.host.name': `h${i % 3}`,
  };
  if (i % 4 !== 0) e.message = `logon user${i % 5} ${i}`;
  return e;
}

function build(count: number): EventChunk {
  const b = new ChunkBuilder(count);
  for (let i = 0; i < count; i++) b.add(eventOf(i));
  return b.build(1, 0);
}

describe('packed text columns', () => {
  it('gives back the exact text: ASCII, Latin-1 and the C1 range', () => {
    for (const text of ['', 'plain ascii', 'caf\u00e9 \u00ff', 'c1 \u0080\u0085\u009f end', 'x'.repeat(20_000) + '\u00e9' + 'y'.repeat(9_000)]) {
      const packed = packTextColumn({ kind: 'text', text, ends: new Uint32Array([text.length]) });
      expect(packed.textBytes.length).toBe(text.length);
      expect(packed.ascii).toBe([...text].every((c) => c.charCodeAt(0) < 0x80));
      expect(textOf(packed)).toBe(text);
    }
  });

  it('packs a format-2+ chunk, round-trips it in the array form with its key order, and transfers the bytes', () => {
    const chunk = build(300);
    const packed = packChunk(chunk);
    const raw = packed.columns.raw as { textBytes?: Uint8Array; text?: string };
    expect(raw.textBytes).toBeInstanceOf(Uint8Array);
    expect(raw.text).toBeUndefined();
    expect(wireBuffers(packed)).toContain(raw.textBytes!.buffer);
    expect(chunkBytes(packed)).toBe(chunkBytes(chunk));
    const back = unpackChunk(structuredClone(packed));
    for (const name in chunk.columns) expect(Object.keys(back.columns[name])).toEqual(Object.keys(chunk.columns[name]));
    expect(JSON.stringify(back)).toBe(JSON.stringify(chunk));
    for (let r = 0; r < chunk.count; r++) expect(eventAt(back, r)).toEqual(eventAt(chunk, r));
  });

  it('leaves the text of a chunk written before format 2 (any character possible) as a string', () => {
    const chunk = build(50);
    const old: EventChunk = { ...chunk, format: undefined, columns: { ...chunk.columns, raw: { kind: 'text', text: 'lone \ud800 surrogate', ends: new Uint32Array(50).fill(17) } } };
    const packed = packChunk(old);
    expect((packed.columns.raw as { text?: string }).text).toBe('lone \ud800 surrogate');
  });

  it('answers the same from packed chunks as from the array form', async () => {
    const chunks = [build(400), build(250)].map((c, seq) => ({ ...c, seq }));
    const plain = createQueryEngine(), packed = createQueryEngine();
    for (const c of chunks) {
      plain.addChunk(c);
      packed.addChunk(structuredClone(packChunk(c)));
    }
    for (const text of ['', '"caf\u00e9"', 'line', '\u0085', '\u2603', 'raw:/c1 .* line 3/', 'message:user3', 'not message:*', 'raw:*']) {
      const a = plain.query(text), b = packed.query(text);
      expect(a.ok && b.ok).toBe(true);
      if (!a.ok || !b.ok) continue;
      expect(b.handle.total).toBe(a.handle.total);
      expect(packed.page(b.handle.id, 0, b.handle.total)).toEqual(plain.page(a.handle.id, 0, a.handle.total));
    }
  });
});
