// Chunk format 2 (issue 15): text values holding a character above U+00FF are kept apart from the chunk's
// joined text, so one such value no longer makes V8 store the whole chunk's raw text at two bytes a character.
// Chunks of format 1 (written before, no `wide`) must read exactly as before, from memory and from IndexedDB,
// and both formats must answer every query the same.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { ChunkBuilder, CHUNK_FORMAT, eventAt, valueAt, type Column, type EventChunk } from '../../../src/workers/chunk/chunk.ts';
import { hasWide } from '../../../src/workers/chunk/wideText.ts';
import type { EventFields } from '../../../src/core/schema.ts';
import { createQueryEngine, type QueryEngine } from '../../../src/workers/query/engine.ts';
import { CaseStore } from '../../../src/workers/store/caseStore.ts';
import { freshCaseId, ledgerRow } from '../store/fixtures.ts';

const N = 600;
const WIDE_WORDS = ['caf\u00e9 \u2192 bar', 'Stra\u00dfe \u0100nna', 'smile \u{1F600} end', '\u0130stanbul \u03a3\u039f\u03a3'];

/** Mostly Latin-1 events; every 50th raw and every 70th message holds a wide character; some lack a message. */
function eventOf(i: number): EventFields {
  const e: EventFields = {
    ts: 1_700_000_000_000 + i * 1000, raw: i % 50 === 7 ? `<Event>${WIDE_WORDS[i % 4]} #${i}</Event>` : `<Event>caf\u00e9 line ${i}</Event>`,
    'col.line': i + 1, 'col.offset': i * 40, 'parser.name': 'test', 'obs.host.name': `h${i % 3}`,
  };
  if (i % 5 !== 0) e.message = i % 70 === 3 ? `logon ${WIDE_WORDS[i % 4]} ${i}` : i % 9 === 0 ? '' : `logon user${i % 13} ${i}`;
  if (i % 100 === 1) e['parse.error'] = `bad \u2603 ${i}`;
  return e;
}

function build(from: number, count: number, seq: number): EventChunk {
  const b = new ChunkBuilder(count);
  for (let i = 0; i < count; i++) b.add(eventOf(from + i));
  return b.build(1, seq);
}

/** The chunk as the code before format 2 wrote it: every text column one joined string, no `wide`, no format. */
function asFormat1(chunk: EventChunk): EventChunk {
  const columns: Record<string, Column> = Object.create(null) as Record<string, Column>;
  for (const name in chunk.columns) {
    const col = chunk.columns[name];
    if (col.kind !== 'text') {
      columns[name] = col;
      continue;
    }
    let text = '';
    const ends = new Uint32Array(chunk.count);
    for (let r = 0; r < chunk.count; r++) {
      text += String(valueAt(col, r) ?? '');
      ends[r] = text.length;
    }
    columns[name] = { kind: 'text', text, ends };
  }
  return { fileId: chunk.fileId, seq: chunk.seq, count: chunk.count, columns };
}

const QUERIES = [
  'caf\u00e9', '\u2192', '"smile \u{1F600}"', 'stra\u00dfe', '\u0101nna', 'istanbul', 'logon', 'line 57', 'raw:"\u2192 bar"', 'raw:/\u2192 bar #\\d+/',
  'message:*', 'not message:*', 'message:/^logon user/', 'parse.error:*', 'parse.error:"\u2603 101"', 'raw:"line 12" and obs.host.name:h0',
];

function engineOf(chunks: EventChunk[]): QueryEngine {
  const q = createQueryEngine();
  for (const c of chunks) q.addChunk(c);
  return q;
}

function answers(q: QueryEngine): unknown[] {
  return QUERIES.map((text) => {
    const r = q.query(text);
    if (!r.ok) throw new Error(`${text}: ${r.error.message}`);
    return [text, r.handle.total, [...(q.rows(r.handle.id) ?? [])], q.page(r.handle.id, 0, 20)];
  });
}

describe('chunk format 2: wide text values', () => {
  it('keeps the joined text narrow and gives every value back', () => {
    const chunk = build(0, N, 0);
    expect(chunk.format).toBe(CHUNK_FORMAT);
    for (const name of ['raw', 'message', 'parse.error']) {
      const col = chunk.columns[name];
      if (col.kind !== 'text') throw new Error(`${name} is not text`);
      expect(hasWide(col.text)).toBe(false);
      expect(col.wide?.rows.length).toBeGreaterThan(0);
      expect(hasWide(col.wide?.text ?? '')).toBe(true);
    }
    for (let r = 0; r < N; r++) {
      const e = eventOf(r);
      if (e.message === '') delete e.message; // an empty value reads as absent, in both formats
      expect(eventAt(chunk, r)).toEqual(e);
    }
  });

  it('builds no wide part when no value needs one', () => {
    const b = new ChunkBuilder(10);
    for (let i = 0; i < 10; i++) b.add({ ts: i, raw: `caf\u00e9 ${i}`, message: `m${i}`, 'col.line': i, 'col.offset': i, 'parser.name': 'x' });
    const col = b.build(1, 0).columns.raw;
    expect(col.kind === 'text' && col.wide).toBeUndefined();
  });

  it('answers every query the same as a format 1 chunk of the same events', () => {
    const chunks = [build(0, N, 0), build(N, N, 1)];
    const now = engineOf(chunks), before = engineOf(chunks.map(asFormat1));
    expect(answers(now)).toEqual(answers(before));
    for (let row = 0; row < 2 * N; row += 7) expect(now.event(row)).toEqual(before.event(row));
    expect(now.fieldCatalog()).toEqual(before.fieldCatalog());
  });

  it('opens a case holding chunks of both formats from IndexedDB', async () => {
    const id = freshCaseId('wide');
    const store = await CaseStore.open(id);
    const fileId = await store.addFile(ledgerRow('Security.evtx'));
    const f1 = { ...asFormat1(build(0, N, 0)), fileId }, f2 = { ...build(N, N, 1), fileId };
    await store.putChunk(f1);
    await store.putChunk(f2);
    store.close();
    const again = await CaseStore.open(id);
    const read: EventChunk[] = [];
    await again.forEachChunk((c) => read.push(c));
    again.close();
    expect(read.map((c) => c.format)).toEqual([undefined, CHUNK_FORMAT]);
    const reference = engineOf([build(0, N, 0), build(N, N, 1)]);
    expect(answers(engineOf(read))).toEqual(answers(reference));
  });
});
