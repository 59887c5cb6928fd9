// Chunk format 3 (issue 15): a dict or num column that at most half a chunk's events carry is stored as its
// present entries (rows + ids/values) instead of one slot per event. Chunks written before (format 2 and 1,
// every column dense) must read exactly as before, and both shapes must give the same answers to the same
// queries (values, rows, filters, facets, sort, field:*, exports, retime, the catalog), in memory and through
// (fake) IndexedDB and the case hand-over codec.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { ChunkBuilder, CHUNK_FORMAT, eventAt, type Column, type EventChunk } from '../../../src/workers/chunk/chunk.ts';
import { chunkBytes, unparsedIn } from '../../../src/workers/chunk/measure.ts';
import { denseIds, denseValues } from '../../../src/workers/chunk/sparse.ts';
import type { EventFields } from '../../../src/core/schema.ts';
import { createQueryEngine, type QueryEngine } from '../../../src/workers/query/engine.ts';
import type { NumField } from '../../../src/workers/query/fields.ts';
import { retimeChunk } from '../../../src/workers/ingest/retime.ts';
import { TemplateMiner } from '../../../src/workers/ingest/templates.ts';
import { decodeValue, encodeValue } from '../../../src/workers/handover/codec.ts';
import { exporterById } from '../../../src/workers/export/index.ts';
import { exportSettings } from '../../../src/workers/export/ops.ts';
import { runExport } from '../../../src/workers/export/run.ts';
import { TextSink } from '../../../src/workers/export/sinks.ts';
import { CaseStore } from '../../../src/workers/store/caseStore.ts';
import { freshCaseId, ledgerRow } from '../store/fixtures.ts';

const N = 700;

/**
 * Dense core fields; data.rare (1 in 23, with '__proto__' among its values), a rare port, a field in exactly half
 * the events, ts.guess on a third, a message on 2 in 5 (so template.id is sparse), unparsed records now and then.
 */
function eventOf(i: number): EventFields {
  const e: EventFields = {
    ts: 1_765_000_000_000 + i * 1000, raw: `<Event>line ${i}</Event>`, 'col.line': i + 1, 'col.offset': i * 40,
    'parser.name': i % 41 === 5 ? 'unparsed' : 'test', 'obs.host.name': `h${i % 3}`,
  };
  if (i % 23 === 0) e['data.rare'] = i % 46 === 0 ? '__proto__' : `r${i % 4}`;
  if (i % 17 === 3) e['init.host.port'] = 1024 + (i % 5);
  if (i % 2 === 0) e['data.half'] = `h${i % 5}`;
  if (i % 3 === 1) e['ts.guess'] = 'year,zone';
  if (i % 5 < 2) e.message = `logon user${i % 4} from 10.0.0.${i % 9}`;
  if (i % 31 === 0) e['session.in.byte'] = i * 3;
  return e;
}

function build(from: number, count: number, seq: number, templates = false): EventChunk {
  const b = new ChunkBuilder(count);
  const miner = templates ? new TemplateMiner() : undefined;
  for (let i = 0; i < count; i++) {
    const e = eventOf(from + i);
    miner?.add(e);
    b.add(e);
  }
  const chunk = b.build(1, seq);
  miner?.attach(chunk);
  return chunk;
}

/** The chunk as the code before format 3 wrote it: every dict and num column one slot per event. */
function asFormat2(chunk: EventChunk): EventChunk {
  const columns: Record<string, Column> = Object.create(null) as Record<string, Column>;
  for (const name in chunk.columns) {
    const col = chunk.columns[name];
    if (col.kind === 'dict') columns[name] = { kind: 'dict', dict: col.dict, ids: denseIds(col, chunk.count).slice() };
    else if (col.kind === 'num') columns[name] = { kind: 'num', values: denseValues(col, chunk.count).slice() };
    else columns[name] = col;
  }
  return { format: 2, fileId: chunk.fileId, seq: chunk.seq, count: chunk.count, columns };
}

const sparseNames = (chunk: EventChunk) => Object.keys(chunk.columns).filter((n) => {
  const c = chunk.columns[n];
  return c.kind !== 'text' && c.rows !== undefined;
});

const QUERIES = [
  '', 'data.rare:r1', 'data.rare:__proto__', 'data.rare:*', 'not data.rare:*', 'data.rare:(r2 or r3) and data.half:h0',
  'data.rare:/r[12]/', 'init.host.port:1026', 'init.host.port>=1027', 'init.host.port:*', 'not init.host.port:*',
  'session.in.byte>300', 'data.half:h3 and not obs.host.name:h1', 'logon', 'message:*', 'template.text:*', 'parser.name:unparsed',
];
const FACETS = ['data.rare', 'data.half', 'init.host.port', 'template.id', 'obs.host.name', 'parser.name'];
const SORTS = [undefined, { field: 'data.rare', dir: 'asc' as const }, { field: 'init.host.port', dir: 'desc' as const }, { field: 'ts', dir: 'desc' as const }];

function engineOf(chunks: EventChunk[]): QueryEngine {
  const q = createQueryEngine();
  for (const c of chunks) q.addChunk(c);
  return q;
}

function answers(q: QueryEngine): unknown[] {
  return QUERIES.map((text) => {
    const r = q.query(text);
    if (!r.ok) throw new Error(`${text}: ${r.error.message}`);
    return [text, r.handle.total, [...(q.rows(r.handle.id) ?? [])], SORTS.map((s) => q.page(r.handle.id, 0, 15, s)), q.facets(r.handle.id, FACETS, 10)];
  });
}

async function ndjson(q: QueryEngine): Promise<string> {
  const r = q.query('data.rare:* or init.host.port:*');
  if (!r.ok) throw new Error(r.error.message);
  const settings = exportSettings({});
  if (typeof settings === 'string') throw new Error(settings);
  const sink = new TextSink();
  await runExport(q.index, q.rows(r.handle.id) ?? new Uint32Array(0), exporterById('ndjson')!, settings, undefined, sink, { cancelled: () => false });
  return sink.text;
}

describe('chunk format 3: sparse dict and num columns', () => {
  it('keeps the rare columns sparse, the common ones dense, and gives every event back', () => {
    const chunk = build(0, N, 0, true);
    expect(chunk.format).toBe(CHUNK_FORMAT);
    expect(sparseNames(chunk).sort()).toEqual(['data.half', 'data.rare', 'init.host.port', 'session.in.byte', 'template.id', 'template.text', 'ts.guess']);
    for (const name of ['ts', 'col.line', 'col.offset', 'parser.name', 'obs.host.name']) expect(sparseNames(chunk)).not.toContain(name);
    const old = asFormat2(chunk);
    for (let r = 0; r < N; r++) expect(eventAt(chunk, r)).toEqual(eventAt(old, r));
    for (let r = 0; r < N; r++) {
      const e = eventOf(r), got = eventAt(chunk, r);
      for (const k of ['data.rare', 'init.host.port', 'data.half', 'ts.guess', 'session.in.byte', 'col.line']) expect(got[k], `${k} @${r}`).toBe(e[k]);
    }
    expect(unparsedIn(chunk)).toBe(unparsedIn(old));
    expect(unparsedIn(chunk)).toBe(Array.from({ length: N }, (_, i) => i).filter((i) => i % 41 === 5).length);
    expect(chunkBytes(chunk)).toBeLessThan(chunkBytes(old));
  });

  it('answers every query the same as format 2 chunks of the same events, and exports the same rows', async () => {
    const chunks = [build(0, N, 0, true), build(N, N, 1, true), build(2 * N, 37, 2, true)];
    const now = engineOf(chunks), before = engineOf(chunks.map(asFormat2));
    expect(answers(now)).toEqual(answers(before));
    for (let row = 0; row < 2 * N + 37; row += 3) expect(now.event(row)).toEqual(before.event(row));
    expect(now.fieldCatalog()).toEqual(before.fieldCatalog());
    expect(await ndjson(now)).toEqual(await ndjson(before));
  });

  it('keeps a rare number field sparse in the case index until a reader needs every row', () => {
    const q = engineOf([build(0, N, 0), build(N, N, 1)]);
    const port = q.index.field('init.host.port') as NumField, ts = q.index.field('ts') as NumField;
    expect(port.isSparse).toBe(true);
    expect(ts.isSparse).toBe(false);
    expect(port.present).toBe(Array.from({ length: 2 * N }, (_, i) => i).filter((i) => i % 17 === 3).length);
    for (let row = 0; row < 2 * N; row++) expect(port.valueOf(row)).toBe(eventOf(row)['init.host.port']);
    expect(port.isSparse).toBe(true); // reading rows one by one (pages, exports) keeps it sparse
    const dense = port.values; // a range scan, sort or detector asks for one value per row
    expect(port.isSparse).toBe(false);
    for (let row = 0; row < 2 * N; row++) expect(Number.isNaN(dense[row]) ? undefined : dense[row]).toBe(eventOf(row)['init.host.port']);
  });

  it('re-times a chunk with sparse ts.guess as it re-times the dense one', () => {
    const chunk = build(0, N, 0), old = asFormat2(chunk);
    const change = { fromTz: 0, toTz: 120, year: 2019 };
    const a = retimeChunk(chunk, change), b = retimeChunk(old, change);
    expect(a.changed).toBe(b.changed);
    expect(a.changed).toBe(Array.from({ length: N }, (_, i) => i).filter((i) => i % 3 === 1).length);
    expect([a.firstTs, a.lastTs]).toEqual([b.firstTs, b.lastTs]);
    for (let r = 0; r < N; r++) expect(eventAt(a.chunk, r)).toEqual(eventAt(b.chunk, r));
  });

  it('carries sparse columns through the hand-over codec unchanged', () => {
    const chunk = build(0, N, 0, true);
    const back = decodeValue(JSON.parse(JSON.stringify(encodeValue(chunk)))) as EventChunk;
    expect(sparseNames(back).sort()).toEqual(sparseNames(chunk).sort());
    for (let r = 0; r < N; r += 5) expect(eventAt(back, r)).toEqual(eventAt(chunk, r));
  });

  it('opens a case holding chunks of formats 2 and 3 from IndexedDB with the same answers', async () => {
    const id = freshCaseId('sparse');
    const store = await CaseStore.open(id);
    const fileId = await store.addFile(ledgerRow('Security.evtx'));
    await store.putChunk({ ...asFormat2(build(0, N, 0, true)), fileId });
    await store.putChunk({ ...build(N, N, 1, true), fileId });
    store.close();
    const again = await CaseStore.open(id);
    const read: EventChunk[] = [];
    await again.forEachChunk((c) => read.push(c));
    again.close();
    expect(read.map((c) => c.format)).toEqual([2, CHUNK_FORMAT]);
    expect(sparseNames(read[0])).toEqual([]);
    expect(sparseNames(read[1]).length).toBeGreaterThan(0);
    const reference = engineOf([build(0, N, 0, true), build(N, N, 1, true)].map(asFormat2));
    expect(answers(engineOf(read))).toEqual(answers(reference));
  });
});
