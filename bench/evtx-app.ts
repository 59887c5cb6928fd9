// EVTX through the app, before and after a change, in one run: `npm run bench`'s EVTX row (the 100k-record
// file dropped in headless Chromium until searchable) for two or more builds, alternating, so every build is
// measured under the same load. Build the old code into another folder first, e.g.
//   git stash && npx vite build --outDir dist-before && git stash pop && npx vite build
//   BENCH_BUILDS=dist-before,dist BENCH_RUNS=3 node --import tsx bench/evtx-app.ts
// Prints each build's runs, medians (records/s, engine heap per event) and the ratio to the first build.
// BENCH_FILE=json|auth (with BENCH_LINES, default 200,000) drops a generated JSON-lines file or auth.log instead.
// BENCH_PERSIST=1 runs each in a new browser profile on disk (bench/browser.ts freshContext; default: off the
// record, storage in memory). BENCH_THREADS=1 also prints each run's browser CPU per process / thread;
// BENCH_THREADS=workers the same with each worker thread apart (threadCpu.ts workerOrder: engine, ingest, hash).
// BENCH_PEAKS=1 samples every worker's heap every 5 s (a forced GC each time: bench/workerPeaks.ts) and prints
// the ingest worker's and the engine's peaks.
import { loadavg } from 'node:os';
import { authLog, evtxFile, jsonLines } from './generate.ts';
import { freshContext, ingestThroughUi, median, openAppIn, PERSIST, startServer, workerHeaps } from './browser.ts';
import { treeCpuMs } from './cpuTime.ts';
import { ThreadCpuSampler, threadCpuLines, workerOrder } from './threadCpu.ts';
import { WorkerPeaks } from './workerPeaks.ts';

const BUILDS = (process.env.BENCH_BUILDS ?? 'dist').split(',').filter((b) => b !== '');
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const fmt = (n: number, digits = 0) => n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });

/** cpuMs: CPU time of the browser's processes (every worker) during the ingest: on a loaded machine wall time measures the others */
/** heap: the engine worker's heap per event after the ingest; caseHeap: the same minus the engine's heap before the drop (what the case adds) */
/** peaks (BENCH_PEAKS=1): the ingest worker's and the engine worker's peak heap in bytes, sampled */
interface Run { ms: number; cpuMs: number; events: number; heap: number; caseHeap: number; ingestPeak: number; enginePeak: number }

async function once(build: string, file: string): Promise<Run> {
  process.env.BENCH_OUT_DIR = build;
  const server = await startServer();
  const browser = await freshContext();
  try {
    const page = await openAppIn(browser.context);
    const empty = (await workerHeaps(page)).find((h) => h.url.includes('engine.worker'));
    const cpu0 = treeCpuMs(process.pid, [server.pid ?? -1]) ?? NaN;
    const split = process.env.BENCH_THREADS === 'workers';
    const threads = process.env.BENCH_THREADS === '1' || split ? new ThreadCpuSampler(process.pid, [server.pid ?? -1], 250, split) : undefined;
    const peaks = process.env.BENCH_PEAKS === '1' ? new WorkerPeaks(page) : undefined;
    const ms = await ingestThroughUi(page, file);
    const peak = await peaks?.stop();
    const cpuMs = (treeCpuMs(process.pid, [server.pid ?? -1]) ?? NaN) - cpu0;
    if (threads !== undefined) console.log(`${build}, browser CPU per process / thread until searchable:\n  ${threadCpuLines(split ? workerOrder(threads.stop()) : threads.stop()).join('\n  ')}`);
    const events = Number((await page.getByRole('status').textContent())?.replace(/[^\d]/g, '') ?? 0);
    const heap = (await workerHeaps(page)).find((h) => h.url.includes('engine.worker'));
    const bytes = heap === undefined || events === 0 ? NaN : heap.usedBytes + heap.backingBytes;
    const emptyBytes = empty === undefined ? NaN : empty.usedBytes + empty.backingBytes;
    return {
      ms, cpuMs, events, heap: bytes / events, caseHeap: (bytes - emptyBytes) / events,
      ingestPeak: peak?.get('ingest.worker') ?? NaN, enginePeak: peak?.get('engine.worker') ?? NaN,
    };
  } finally {
    await browser.close();
    server.kill();
  }
}

async function main(): Promise<void> {
  const kind = process.env.BENCH_FILE ?? 'evtx';
  const lines = Number(process.env.BENCH_LINES ?? 200_000);
  const { path, records } = kind === 'json' ? { path: await jsonLines(lines), records: lines }
    : kind === 'auth' ? { path: await authLog(lines), records: lines } : evtxFile(100_000);
  console.log(`${kind} through the app: ${path} (${fmt(records)} records); builds ${BUILDS.join(', ')}; ${RUNS} rounds, ${PERSIST ? 'profile on disk' : 'off-the-record context'}, load ${loadavg().map((l) => l.toFixed(1)).join(' / ')}`);
  const runs = new Map<string, Run[]>(BUILDS.map((b) => [b, []]));
  for (let r = 0; r < RUNS; r++) {
    for (const b of BUILDS) {
      const run = await once(b, path);
      if (run.events !== records) throw new Error(`${b}: ${run.events} events, expected ${records}`);
      runs.get(b)?.push(run);
      // the machine is shared: the load beside each run says how far its wall time can be trusted
      console.log(`round ${r + 1} ${b}: ${fmt(run.ms)} ms = ${fmt(run.events / run.ms * 1000)} records/s, browser CPU ${fmt(run.cpuMs)} ms, engine heap ${fmt(run.heap)} B/event (${fmt(run.caseHeap)} above the empty engine)${Number.isNaN(run.ingestPeak) ? '' : `, peak heap ingest worker ${fmt(run.ingestPeak / 1e6)} MB, engine ${fmt(run.enginePeak / 1e6)} MB`}, load ${loadavg()[0].toFixed(1)}`);
    }
  }
  const base = median(runs.get(BUILDS[0])?.map((x) => x.ms) ?? []);
  const baseCpu = median(runs.get(BUILDS[0])?.map((x) => x.cpuMs) ?? []);
  console.log('\nbuild | median ms | records/s | browser CPU ms | engine heap B/event | above the empty engine | time vs first | CPU vs first');
  for (const b of BUILDS) {
    const xs = runs.get(b) ?? [];
    const ms = median(xs.map((x) => x.ms));
    const cpu = median(xs.map((x) => x.cpuMs));
    console.log(`${b} | ${fmt(ms)} | ${fmt(records / ms * 1000)} | ${fmt(cpu)} | ${fmt(median(xs.map((x) => x.heap)))} | ${fmt(median(xs.map((x) => x.caseHeap)))} | ${fmt(ms / base, 2)}x | ${fmt(cpu / baseCpu, 2)}x`);
    if (!xs.some((x) => Number.isNaN(x.ingestPeak))) {
      console.log(`${b}: median peak heap, ingest worker ${fmt(median(xs.map((x) => x.ingestPeak)) / 1e6)} MB, engine ${fmt(median(xs.map((x) => x.enginePeak)) / 1e6)} MB`);
    }
  }
  console.log(`load average at the end: ${loadavg().map((l) => l.toFixed(1)).join(' / ')}`);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
