// Ingest stages in Node, as ratios to the bare ceiling measured in the same run (`node --import tsx bench/ingest-node.ts`):
// where does the time between "read + split + regex" and "stored and searchable" go?
import { readFileSync } from 'node:fs';
import { authLog } from './generate.ts';
import { median } from './browser.ts';
import { SYSLOG3164_LINE } from '../src/parsers/formats/syslog3164.ts';
import { ingestFile } from '../src/workers/ingest/ingestFile.ts';
import { byteSource } from './byteSource.ts';
import { createQueryEngine } from '../src/workers/query/engine.ts';

const LINES = Number(process.env.BENCH_LINES ?? 1_000_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);


function ceiling(bytes: Uint8Array): number {
  const dec = new TextDecoder();
  let carry = '', matched = 0;
  for (let at = 0; at < bytes.length; at += 1 << 20) {
    const text = carry + dec.decode(bytes.subarray(at, at + (1 << 20)), { stream: true });
    let start = 0;
    for (let nl = text.indexOf('\n'); nl >= 0; nl = text.indexOf('\n', start)) {
      if (SYSLOG3164_LINE.exec(text.slice(start, nl)) !== null) matched++;
      start = nl + 1;
    }
    carry = text.slice(start);
  }
  return matched;
}

async function stage(bytes: Uint8Array, kind: 'chunks' | 'index'): Promise<number> {
  const q = createQueryEngine();
  let chunks = 0;
  await ingestFile(byteSource('auth.log', bytes), { chunkEvents: Number(process.env.BENCH_CHUNK ?? 10_000) }, (chunk) => {
    chunks++;
    if (kind === 'index') q.addChunk(chunk);
  });
  return chunks;
}

async function main() {
  const bytes = new Uint8Array(readFileSync(await authLog(LINES)));
  const times: Record<string, number[]> = { ceiling: [], chunks: [], index: [] };
  for (let r = 0; r < RUNS; r++) {
    let t = performance.now();
    ceiling(bytes);
    times.ceiling.push(performance.now() - t);
    for (const k of ['chunks', 'index'] as const) {
      t = performance.now();
      await stage(bytes, k);
      times[k].push(performance.now() - t);
    }
  }
  const c = median(times.ceiling);
  for (const [k, v] of Object.entries(times)) {
    const m = median(v);
    console.log(`${k.padEnd(8)} ${m.toFixed(0).padStart(6)} ms  ${(LINES / m * 1000).toFixed(0).padStart(8)} lines/s  ${(m / c).toFixed(2)}x ceiling`);
  }
}

void main();
