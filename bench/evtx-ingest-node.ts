// EVTX through ingestFile and the query index in Node, the current tree against another copy of the code
// (EVTX_INGEST_BASELINE=<folder of a checkout>, e.g. `git archive HEAD~1 | tar -x -C /tmp/before`), interleaved,
// in CPU time (process.cpuUsage: this thread plus V8's GC helper threads), medians. What the app's ingest and
// engine workers do for an EVTX file, minus IndexedDB and the hash worker, in one thread.
// Run: EVTX_INGEST_BASELINE=/tmp/before node --import tsx bench/evtx-ingest-node.ts   (EVTX_INGEST_RUNS, default 3)
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { evtxFile } from './generate.ts';
import { median } from './browser.ts';
import { ingestFile } from '../src/workers/ingest/ingestFile.ts';
import { byteSource } from './byteSource.ts';
import { createQueryEngine } from '../src/workers/query/engine.ts';

type Ingest = typeof ingestFile;
type Engine = typeof createQueryEngine;

const RUNS = Number(process.env.EVTX_INGEST_RUNS ?? 3);
const BASE = process.env.EVTX_INGEST_BASELINE;

async function once(ingest: Ingest, engine: Engine, path: string, bytes: Uint8Array): Promise<{ cpuMs: number; events: number }> {
  const q = engine();
  let events = 0;
  const c0 = process.cpuUsage();
  await ingest(byteSource(path, bytes), { templates: true }, (chunk) => {
    events += chunk.count;
    q.addChunk(chunk);
  });
  const c = process.cpuUsage(c0);
  return { cpuMs: (c.user + c.system) / 1000, events };
}

const { path, records } = evtxFile(100_000);
const bytes = new Uint8Array(readFileSync(path));
const contenders: [string, Ingest, Engine][] = [['this tree', ingestFile, createQueryEngine]];
if (BASE !== undefined) {
  const i = (await import(join(BASE, 'src/workers/ingest/ingestFile.ts'))) as { ingestFile: Ingest };
  const e = (await import(join(BASE, 'src/workers/query/engine.ts'))) as { createQueryEngine: Engine };
  contenders.push(['baseline', i.ingestFile, e.createQueryEngine]);
}
console.log(`${path}: ${records} records; ${RUNS} rounds; load ${loadavg()[0].toFixed(1)}`);
const cpu = new Map<string, number[]>(contenders.map(([n]) => [n, []]));
for (let r = 0; r < RUNS; r++) {
  for (const [name, ingest, engine] of contenders) {
    const run = await once(ingest, engine, path, bytes);
    if (run.events !== records) throw new Error(`${name}: ${run.events} events, expected ${records}`);
    cpu.get(name)?.push(run.cpuMs);
    console.log(`round ${r + 1} ${name}: ${(run.cpuMs / 1000).toFixed(2)} CPU-s = ${Math.round(records / run.cpuMs * 1000).toLocaleString('en-US')} records per CPU-second`);
  }
}
const first = median(cpu.get('this tree') ?? []);
for (const [name] of contenders) {
  const m = median(cpu.get(name) ?? []);
  console.log(`${name}: median ${(m / 1000).toFixed(2)} CPU-s = ${Math.round(records / m * 1000).toLocaleString('en-US')} records per CPU-second (${(m / first).toFixed(2)}x this tree's CPU)`);
}
console.log(`load at the end ${loadavg()[0].toFixed(1)}`);
