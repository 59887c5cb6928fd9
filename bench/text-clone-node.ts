// `node --import tsx bench/text-clone-node.ts`: what case schema 5 (text columns as bytes, chunk/packedText.ts) saves per
// structured clone (each ingested chunk is cloned twice: postMessage and the IndexedDB put; a reopen once: the
// get), in CPU time over 200,000 auth lines: chunks with text as strings (schema 4) against text as bytes.
// 'pack' is packChunk (dictionaries and text) in the ingest worker; 'unpack' is unpackChunk (dictionaries and
// text made again: the hand-over export's and re-time's reading).
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { authLog } from './generate.ts';
import { ingestFile } from '../src/workers/ingest/ingestFile.ts';
import { packChunk, unpackChunk, type WireChunk } from '../src/workers/chunk/packedDict.ts';
import { unpackTextColumn, type PackedTextColumn } from '../src/workers/chunk/packedText.ts';
import type { EventChunk } from '../src/workers/chunk/chunk.ts';
const path = await authLog(200000);
const bytes = new Uint8Array(readFileSync(path));
const out: EventChunk[] = [];
await ingestFile({ path, lastModified: Date.UTC(2026, 5, 1), open: () => new ReadableStream<Uint8Array>({ start(c) { c.enqueue(bytes); c.close(); } }) }, { chunkEvents: 10_000 }, (c) => void out.push(c));
const now = out.map(packChunk);
// schema 4: dictionaries packed, text as strings
const old: WireChunk[] = now.map((c) => { const columns = { ...c.columns }; for (const k in columns) { const col = columns[k]; if (col.kind === 'text' && 'textBytes' in col) columns[k] = unpackTextColumn(col as PackedTextColumn); } return { ...c, columns }; });
const cpu = (f: () => void) => { const t = process.cpuUsage(); f(); const d = process.cpuUsage(t); return (d.user + d.system) / 1000; };
const med = (a: number[]) => a.sort((x, y) => x - y)[a.length >> 1];
const r: Record<string, number[]> = { 'clone, text as strings (schema 4)': [], 'clone, text as bytes (schema 5)': [], 'pack (ingest worker)': [], 'unpack (hand-over, re-time)': [] };
for (let i = 0; i < 5; i++) {
  r['clone, text as strings (schema 4)'].push(cpu(() => { for (const c of old) structuredClone(c); }));
  r['clone, text as bytes (schema 5)'].push(cpu(() => { for (const c of now) structuredClone(c); }));
  r['pack (ingest worker)'].push(cpu(() => { for (const c of out) packChunk(c); }));
  r['unpack (hand-over, re-time)'].push(cpu(() => { for (const c of now) unpackChunk(c); }));
}
console.log(`200,000 auth lines, 20 chunks, CPU ms, median of 5; load ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);
for (const [k, v] of Object.entries(r)) console.log(`${k.padEnd(36)} ${med(v).toFixed(0).padStart(6)}   runs ${v.map((x) => x.toFixed(0)).join(', ')}`);
