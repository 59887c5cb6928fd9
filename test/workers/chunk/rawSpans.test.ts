// Chunk format 4 (chunk/rawSpans.ts): message and ts.raw kept as spans of the row's raw value where raw holds them.
// Built with spans, a chunk must read back exactly as the same events built without (the byte-built format 3
// chunk: unpackChunk, the template miner's reader) and the case index must answer every query the same way
// (free text, field substring and regex, field:*, pages, facets, the Sigma runs), for edge values and the corpus.
import { readFileSync, statSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { EventFields } from '../../../src/core/schema.ts';
import { ChunkBuilder, CHUNK_FORMAT, TEXT_FIELDS } from '../../../src/workers/chunk/chunk.ts';
import { packChunk, rawOf, unpackChunk, type WireChunk } from '../../../src/workers/chunk/packedDict.ts';
import type { PackedTextColumn } from '../../../src/workers/chunk/packedText.ts';
import { SPAN_FIELDS, SPANS_FORMAT, spannedValueAt, unspanColumn } from '../../../src/workers/chunk/rawSpans.ts';
import { chunkBytes } from '../../../src/workers/chunk/measure.ts';
import { ingestFile } from '../../../src/workers/ingest/ingestFile.ts';
import { createQueryEngine, type QueryEngine } from '../../../src/workers/query/engine.ts';
import { caseTable } from '../../../src/workers/query/eventTable.ts';
import { corpusCases, corpusPath, listCorpus, needsCorpus } from '../../harness/corpus.ts';
import { REFERENCE_MS } from '../../harness/ingest.ts';

/** The same events built without and with spans (both as bytes, as the ingest worker builds them). */
function bothWays(events: EventFields[], capacity = 16): [WireChunk[], WireChunk[]] {
  const plain = new ChunkBuilder(capacity, TEXT_FIELDS), spanned = new ChunkBuilder(capacity, TEXT_FIELDS, SPAN_FIELDS);
  const a: WireChunk[] = [], b: WireChunk[] = [];
  const take = () => {
    a.push(packChunk(plain.buildWire(1, a.length)));
    b.push(packChunk(spanned.buildWire(1, b.length)));
  };
  for (const e of events) {
    plain.add({ ...e });
    spanned.add({ ...e });
    if (plain.full) take();
  }
  if (plain.size > 0) take();
  return [a, b];
}

const long = (s: string) => s.repeat(Math.ceil(100 / s.length));
/** [raw, message, ts.raw]: every place a value may be in raw, or not be */
const EDGE: [string | undefined, string | undefined, string | undefined][] = [
  ['Nov 30 08:00:01 host sshd[1]: Failed password for root', 'Failed password for root', 'Nov 30 08:00:01'],
  ['Nov 30 08:00:02 host app: x', 'x', 'Nov 30 08:00:02'],
  ['<Event>rendered elsewhere</Event>', 'An account was logged on', '2024-01-01T00:00:00Z'],
  ['{"msg":"say \\"hi\\"","time":"2024-01-02"}', 'say "hi"', '2024-01-02'],
  ['10.0.0.1 - - [10/Oct/2000:13:55:36 -0700] "GET / HTTP/1.0" 200', 'GET / HTTP/1.0', '10/Oct/2000:13:55:36 -0700'],
  [undefined, 'no raw at all', undefined],
  ['raw only', undefined, undefined],
  ['same', 'same', 'same'],
  ['short', 'longer than raw', ''],
  ['café \u2192 naïve', 'naïve', 'café'], // a wide raw value: spans read from raw's `wide` part
  ['x \u2192 arrow in message', '\u2192 arrow in message', 'x'], // the message itself wide, inside raw
  ['café latin one', 'latin one', 'café'],
  [long('header ') + 'Tail of a long line', 'Tail of a long line', 'header'],
  [long('abc ') + 'needle' + long(' xyz'), 'needle', undefined],
];

function edgeEvents(n: number): EventFields[] {
  const out: EventFields[] = [];
  for (let i = 0; i < n; i++) {
    const [raw, message, tsRaw] = EDGE[(i * 5) % EDGE.length];
    const e: EventFields = { ts: 1_700_000_000_000 + i, 'obs.host.name': `h${i % 3}` };
    if (i % 2 === 0 && message !== undefined) e.message = message; // fields before raw or after it in the event
    if (raw !== undefined) e.raw = raw;
    if (i % 2 === 1 && message !== undefined) e.message = message;
    if (tsRaw !== undefined) e['ts.raw'] = tsRaw;
    out.push(e);
  }
  return out;
}

const QUERIES = [
  '', 'failed', '"Failed password"', 'message:"failed p"', 'message:needle', 'message:/^GET/', 'message:/one$/', 'naïve',
  '"\u2192 arrow"', 'message:*', 'not message:*', 'ts.raw:*', 'ts.raw:"nov 30"', 'ts.raw:/^2024/', 'raw:"say"', 'header',
  'message:"logged"', 'héader', 'tail',
];

function answers(q: QueryEngine): unknown[] {
  const out: unknown[] = [q.fieldCatalog()];
  for (const text of QUERIES) {
    const r = q.query(text);
    if (!r.ok) throw new Error(`${text}: ${r.error.message}`);
    out.push(text, r.handle.total, Array.from(q.rows(r.handle.id) ?? []), q.page(r.handle.id, 0, 30), q.facets(r.handle.id, ['message', 'ts.raw', 'obs.host.name'], 10));
  }
  return out;
}

/** Every row's value as the Sigma keyword pass reads it (TextRun: in place, or elsewhere through valueOf). */
function viaRuns(q: QueryEngine, field: string): (string | undefined)[] {
  const col = caseTable(q.index).column(field);
  if (col?.kind !== 'text') return [];
  const out: (string | undefined)[] = [];
  for (const run of col.runs?.() ?? []) {
    for (let i = 0; i < run.count; i++) {
      const start = run.starts !== undefined ? run.starts[i] : i === 0 ? 0 : run.ends[i - 1], end = run.ends[i];
      out.push(end > start ? run.text.slice(start, end) : run.elsewhere?.(i) === true ? col.valueOf(run.base + i) : undefined);
    }
  }
  return out;
}

function indexed(chunks: WireChunk[]): QueryEngine {
  const q = createQueryEngine();
  for (const c of chunks) q.addChunk(c);
  return q;
}

describe('message and ts.raw as spans of raw (chunk format 4)', () => {
  it('reads back as the chunk built without spans, and stores fewer bytes', () => {
    const events = edgeEvents(70);
    const [a, b] = bothWays(events);
    expect(b.length).toBe(a.length);
    for (let i = 0; i < a.length; i++) {
      expect(a[i].format).toBe(CHUNK_FORMAT);
      expect(b[i].format).toBe(SPANS_FORMAT);
      for (const name of ['message', 'ts.raw']) {
        const col = b[i].columns[name] as PackedTextColumn | undefined;
        if (col === undefined) continue;
        // written out, the span column is exactly the plain one (same bytes, ends, wide part, key order)
        const out = unspanColumn(col, rawOf(b[i]), b[i].count);
        expect(Object.keys(out), name).toEqual(Object.keys(a[i].columns[name]));
        expect(out, name).toEqual(a[i].columns[name]);
        for (let r = 0; r < b[i].count; r++) expect(spannedValueAt(col, r, rawOf(b[i]))).toEqual(spannedValueAt(a[i].columns[name] as PackedTextColumn, r, rawOf(a[i])));
      }
      // unpackChunk gives format 3's string chunk: what a hand-over file, re-time and re-read see
      expect(unpackChunk(b[i])).toEqual(unpackChunk(a[i]));
      expect(chunkBytes(b[i])).toBeLessThan(chunkBytes(a[i]));
    }
    const spans = b.map((c) => (c.columns.message as PackedTextColumn).spans);
    expect(spans.every((s) => s !== undefined && s.start instanceof Uint8Array)).toBe(true); // raw shorter than 256
    // the values that are not inside raw keep their own text
    expect(b.some((c) => (c.columns.message as PackedTextColumn).textBytes.length > 0)).toBe(true);
  });

  it('gives the same query answers, pages, facets and Sigma runs', () => {
    const [a, b] = bothWays(edgeEvents(300), 64);
    const qa = indexed(a), qb = indexed(b);
    expect(answers(qb)).toEqual(answers(qa));
    for (const f of ['message', 'ts.raw', 'raw']) {
      const expected = Array.from({ length: qa.index.rowCount }, (_, r) => qa.index.valueOf(f, r));
      expect(viaRuns(qb, f), f).toEqual(expected);
      expect(viaRuns(qa, f), f).toEqual(expected);
    }
    const failed = qb.query('"failed password"');
    expect(failed.ok && failed.handle.total).toBeGreaterThan(0);
  });

  it('reads a chunk whose message column comes before raw', () => {
    const [, [chunk]] = bothWays(edgeEvents(10), 10);
    const { raw, ...rest } = chunk.columns;
    const reordered: WireChunk = { ...chunk, columns: Object.assign(Object.create(null) as WireChunk['columns'], rest, { raw }) };
    const q = indexed([reordered]), ref = indexed([chunk]);
    expect(answers(q)).toEqual(answers(ref));
  });

  it('builds the corpus logs with spans into the same chunks and answers', { ...needsCorpus, timeout: 300_000 }, async () => {
    const files = corpusCases(() => listCorpus('.', (rel) => {
      const lower = rel.toLowerCase();
      return lower.endsWith('.evtx') || ((lower.endsWith('.log') || lower.endsWith('.json') || lower.endsWith('.jsonl') || lower.includes('access')) && statSync(corpusPath(rel)).size < 300_000);
    }));
    expect(files.length).toBeGreaterThan(10);
    let spanRows = 0, rows = 0;
    for (const rel of files) {
      const bytes = new Uint8Array(readFileSync(corpusPath(rel)));
      const src = {
        path: rel, lastModified: REFERENCE_MS,
        open: () => new ReadableStream<Uint8Array>({ start(c) { c.enqueue(bytes); c.close(); } }),
      };
      const a: WireChunk[] = [], b: WireChunk[] = [];
      const ra = await ingestFile(src, { tzOffsetMinutes: 0, chunkEvents: 500 }, (chunk) => a.push(chunk));
      const rb = await ingestFile(src, { tzOffsetMinutes: 0, chunkEvents: 500, textAsBytes: true, textSpans: true }, (chunk) => b.push(packChunk(chunk)));
      expect(rb, rel).toEqual(ra);
      expect(b.map(unpackChunk), rel).toEqual(a);
      for (const c of b) {
        rows += c.count;
        const s = (c.columns.message as PackedTextColumn | undefined)?.spans;
        if (s !== undefined) for (let i = 0; i < c.count; i++) if (s.length[i] > 0) spanRows++;
      }
      expect(answers(indexed(b)), rel).toEqual(answers(indexed(a)));
    }
    expect(spanRows).toBeGreaterThan(rows / 3);
  });
});
