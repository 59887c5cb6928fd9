// The Windows case must not change when its storage or the EVTX path is made leaner (issue 15): one digest
// over every event the corpus's EVTX files become through the real ingest path (chunks, as stored), and one
// over the answers of the query engine (totals, rows, first page, facets) to Windows queries, including
// searches for the rare characters above U+00FF that chunk format 2 keeps apart. Pinned with the code before
// chunk format 2 and before TimeCreated stopped being parsed again (commit 8971a6e).
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { EventFields } from '../../../src/core/schema.ts';
import { eventAt } from '../../../src/workers/chunk/chunk.ts';
import { unpackChunk, type WireChunk } from '../../../src/workers/chunk/packedDict.ts';
import { ingestBundle } from '../../../src/workers/ingest/ingestBundle.ts';
import { createQueryEngine } from '../../../src/workers/query/engine.ts';
import { corpusPath, listCorpus, needsCorpus } from '../../harness/corpus.ts';
import { sourceFromBytes, REFERENCE_MS } from '../../harness/ingest.ts';

const QUERIES = [
  '', 'alarm.id:4625', 'outcome:failure', 'mimikatz', 'powershell', 'not message:*', 'target.usr.name:*', 'init.host.ip:*',
  '"\u202e"', 'raw:"\u202e"', 'message:"\u2026"', 'raw:/[\u8019\u752f]/', 'raw:/\u2002/', 'message:/\u2026$/', 'raw:*',
];
const FACETS = ['alarm.id', 'obs.host.name', 'target.usr.name', 'action', 'parser.name'];

function fieldsLine(f: EventFields): string {
  let s = '';
  for (const k of Object.keys(f).sort()) s += `${JSON.stringify(k)}:${typeof f[k]}:${JSON.stringify(f[k])}\u0001`;
  return s;
}

/** Chunk-format details (a `wide` part or not) are left out: only what readers see is digested. */
/** textAsBytes: raw built as bytes as the ingest worker builds it (chunk/byteText.ts) */
async function windowsCase(textAsBytes: boolean): Promise<{ events: number; eventsSha: string; queriesSha: string; wideRows: number; totals: Map<string, number> }> {
  const files = listCorpus('.', (rel) => rel.toLowerCase().endsWith('.evtx'));
  const engine = createQueryEngine(undefined, { now: () => REFERENCE_MS });
  const ev = createHash('sha256');
  let events = 0, id = 1, wideRows = 0;
  const sources = files.map((rel) => sourceFromBytes(rel, new Uint8Array(readFileSync(corpusPath(rel))), REFERENCE_MS));
  await ingestBundle(sources, { tzOffsetMinutes: 0, textAsBytes }, {
    addFile: async () => id++,
    updateFile: async () => {},
    progress: () => {},
    chunk: async (wire: WireChunk) => {
      const chunk = unpackChunk(wire);
      for (let row = 0; row < chunk.count; row++) ev.update(fieldsLine(eventAt(chunk, row)));
      for (const name in chunk.columns) {
        const col = chunk.columns[name] as { wide?: { rows: Uint32Array } };
        wideRows += col.wide?.rows.length ?? 0;
      }
      events += chunk.count;
      engine.addChunk(wire);
    },
  });
  const qs = createHash('sha256');
  const totals = new Map<string, number>();
  for (const text of QUERIES) {
    const r = engine.query(text);
    if (!r.ok) throw new Error(`${text}: ${r.error.message}`);
    const rows = engine.rows(r.handle.id) ?? new Uint32Array(0);
    totals.set(text, r.handle.total);
    qs.update(JSON.stringify([text, r.handle.total, Array.from(rows), engine.page(r.handle.id, 0, 50), engine.facets(r.handle.id, FACETS, 10)]));
  }
  return { events, eventsSha: ev.digest('hex'), queriesSha: qs.digest('hex'), wideRows, totals };
}

describe('Windows case digest (corpus EVTX through ingest and the query engine)', needsCorpus, () => {
  it.each([false, true])('gives the same events and query answers as before chunk format 2 (raw as bytes: %s)', async (textAsBytes) => {
    const { wideRows, totals, ...digest } = await windowsCase(textAsBytes);
    expect(digest).toEqual({
      events: 558,
      eventsSha: '49ac9ba8d142e9d219ce757bc15593f7350e602a9365e02e3f94dd6b503973d9',
      queriesSha: '89d75d8a3927df66f7bd49ebdfbbe9702e8fdfb1f8bb81b4e35346460793a110',
    });
    // the corpus holds values with characters above U+00FF: the format 2 path is exercised and searched
    expect(wideRows).toBeGreaterThan(0);
    for (const q of ['"\u202e"', 'message:"\u2026"', 'raw:/[\u8019\u752f]/', 'raw:/\u2002/']) expect(totals.get(q), q).toBeGreaterThan(0);
  }, 300_000);
});
