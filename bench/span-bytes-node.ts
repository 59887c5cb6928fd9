// `node --import tsx bench/span-bytes-node.ts [LINES] [RUNS]`: bytes per stored chunk with message and ts.raw
// as their own text (format 3) and as spans of raw (format 4, chunk/rawSpans.ts), for the generated auth.log,
// JSON lines, Apache access log and EVTX, chunks built as the ingest worker builds and posts them (ingestFile
// textAsBytes + packChunk). Bytes: the V8 serialization of each chunk (what Chromium's IndexedDB stores and
// postMessage copies: the same serializer) and the chunkMeta estimate (chunk/measure.ts chunkBytes); per column
// group. Also the ingest worker's CPU both ways (process.cpuUsage, alternated, medians): spans add a search of
// raw per value.
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { serialize } from 'node:v8';
import { ingestFile } from '../src/workers/ingest/ingestFile.ts';
import { packChunk, type WireChunk } from '../src/workers/chunk/packedDict.ts';
import { chunkBytes } from '../src/workers/chunk/measure.ts';
import { accessLog, authLog, evtxFile, jsonLines } from './generate.ts';
import { byteSource } from './byteSource.ts';
import { median } from './browser.ts';

const cpuNow = (): number => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

interface Totals { chunks: number; events: number; v8: number; estimate: number; cols: Map<string, number> }

async function measure(path: string, bytes: Uint8Array, textSpans: boolean): Promise<Totals & { cpuMs: number }> {
  const t: Totals = { chunks: 0, events: 0, v8: 0, estimate: 0, cols: new Map() };
  const chunks: WireChunk[] = [];
  const start = cpuNow();
  await ingestFile(byteSource(path, bytes), { templates: true, textAsBytes: true, textSpans }, (chunk) => void chunks.push(packChunk(chunk)));
  const cpuMs = cpuNow() - start;
  for (const c of chunks) {
    t.chunks++;
    t.events += c.count;
    t.v8 += serialize(c).length;
    t.estimate += chunkBytes(c);
    for (const name of ['raw', 'message', 'ts.raw']) {
      const col = c.columns[name];
      if (col !== undefined) t.cols.set(name, (t.cols.get(name) ?? 0) + serialize(col).length);
    }
  }
  return { ...t, cpuMs };
}

async function main(): Promise<void> {
  const lines = Number(process.argv[2] ?? 200_000);
  const runs = Number(process.argv[3] ?? 3);
  const files: [string, string][] = [
    ['auth.log', await authLog(lines)], ['JSON lines', await jsonLines(lines)], ['Apache access', await accessLog(lines)],
    ['EVTX', evtxFile(Math.min(lines, 100_000)).path],
  ];
  console.log(`${lines.toLocaleString('en-US')} lines (EVTX: up to 100,000 records); ${runs} runs; load ${loadavg()[0].toFixed(1)}`);
  console.log('input | format | KB per 10,000-event chunk (V8 serialized) | raw / message / ts.raw KB | chunkMeta estimate KB | B/event | ingest worker CPU-ms (median)');
  for (const [name, path] of files) {
    const bytes = new Uint8Array(readFileSync(path));
    const cpu: Record<'3' | '4', number[]> = { 3: [], 4: [] };
    let last: Record<'3' | '4', Totals | undefined> = { 3: undefined, 4: undefined };
    for (let r = 0; r < runs; r++) {
      for (const spans of [false, true]) {
        const m = await measure(path, bytes, spans);
        const key = spans ? '4' : '3';
        cpu[key].push(m.cpuMs);
        last = { ...last, [key]: m };
      }
    }
    for (const key of ['3', '4'] as const) {
      const m = last[key]!;
      const per10k = (b: number) => ((b / m.events) * 10_000 / 1000).toFixed(0);
      const cols = ['raw', 'message', 'ts.raw'].map((c) => per10k(m.cols.get(c) ?? 0)).join(' / ');
      console.log(`${name} | ${key === '3' ? '3 (own text)' : '4 (spans of raw)'} | ${per10k(m.v8)} | ${cols} | ${per10k(m.estimate)} | ${(m.v8 / m.events).toFixed(0)} | ${median(cpu[key]).toFixed(0)} (${cpu[key].map(Math.round).join(', ')})`);
    }
  }
}

void main();
