// `node --import tsx bench/ingest-cpu-node.ts [auth|json|access] [LINES]`: the ingest worker's share of an ingest
// (read, decode, frame, parse, chunk build, template mining; no storage, no index) in CPU time, medians of
// BENCH_RUNS runs, beside a bare ceiling measured in the same run (decode + split + JSON.parse for JSON lines,
// + the format's line regex for text). CPU time, because the machine is shared: wall time measures the others.
// Add `--cpu-prof` to node's flags for a profile of the same work.
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { accessLog, authLog, jsonLines } from './generate.ts';
import { median } from './browser.ts';
import { SYSLOG3164_LINE } from '../src/parsers/formats/syslog3164.ts';
import { byteSource } from './byteSource.ts';
import { ingestFile } from '../src/workers/ingest/ingestFile.ts';

const kind = process.argv[2] ?? 'json';
const LINES = Number(process.argv[3] ?? 200_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 5);

function cpuNow(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}


/** decode + split + (JSON.parse | regex) per line: what any reader of the file must at least do */
function ceiling(bytes: Uint8Array): number {
  const dec = new TextDecoder();
  let carry = '', n = 0;
  for (let at = 0; at < bytes.length; at += 1 << 20) {
    const text = carry + dec.decode(bytes.subarray(at, at + (1 << 20)), { stream: true });
    let start = 0;
    for (let nl = text.indexOf('\n'); nl >= 0; nl = text.indexOf('\n', start)) {
      const line = text.slice(start, nl);
      if (kind === 'json' ? JSON.parse(line) !== null : SYSLOG3164_LINE.exec(line) !== null) n++;
      start = nl + 1;
    }
    carry = text.slice(start);
  }
  return n;
}

async function main(): Promise<void> {
  const path = kind === 'json' ? await jsonLines(LINES) : kind === 'access' ? await accessLog(LINES) : await authLog(LINES);
  const bytes = new Uint8Array(readFileSync(path));
  console.log(`ingest worker CPU: ${path} (${LINES.toLocaleString('en-US')} lines, ${(bytes.length / 1e6).toFixed(1)} MB), ${RUNS} runs, load ${loadavg().map((l) => l.toFixed(1)).join(' / ')}`);
  const ingest: number[] = [], ceil: number[] = [];
  for (let r = 0; r < RUNS; r++) {
    let t = cpuNow();
    ceiling(bytes);
    ceil.push(cpuNow() - t);
    let events = 0;
    t = cpuNow();
    const res = await ingestFile(byteSource(path, bytes), { chunkEvents: 10_000 }, (chunk) => { events += chunk.count; });
    ingest.push(cpuNow() - t);
    if (events !== LINES || res.unparsed !== 0) throw new Error(`${events} events, ${res.unparsed} unparsed; expected ${LINES} events`);
    console.log(`run ${r + 1}: ingestFile ${ingest[r].toFixed(0)} CPU-ms, ceiling ${ceil[r].toFixed(0)} CPU-ms`);
  }
  const i = median(ingest), c = median(ceil);
  console.log(`median: ingestFile ${i.toFixed(0)} CPU-ms (${(LINES / i * 1000).toFixed(0)} lines/CPU-s), ceiling ${c.toFixed(0)} CPU-ms, ratio ${(i / c).toFixed(2)}x`);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
