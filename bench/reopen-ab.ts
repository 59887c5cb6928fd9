// `BENCH_BUILDS=dist-before,dist BENCH_PORT=… node --import tsx bench/reopen-ab.ts [LINES]`: reopen of an auth.log
// case until searchable (bench/browser.ts reopenTimes), for two builds in the same session. Each build ingests
// the file once, then the builds take turns reloading their case (BENCH_RUNS reloads each), so both see the
// same load. Prints each reload and the medians, with the load average (wall times on a loaded machine: compare
// the ratio, not the seconds). Build the "before" with `npx vite build --outDir dist-before` from the old commit.
// BENCH_PERSIST=1: each build's case lives in its own new browser profile on disk (default: one off-the-record
// browser, a context per build, storage in memory). BENCH_THREADS=1 prints each reload's CPU per process / thread.
import { loadavg } from 'node:os';
import { spawn, type ChildProcess } from 'node:child_process';
import type { BrowserContext, Page } from '@playwright/test';
import { freshContext, idle, ingestThroughUi, median, PERSIST, reopenTimes } from './browser.ts';
import { authLog } from './generate.ts';
import { treeCpuMs } from './cpuTime.ts';
import { ThreadCpuSampler, threadCpuLines } from './threadCpu.ts';

const LINES = Number(process.argv[2] ?? 200_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const BUILDS = (process.env.BENCH_BUILDS ?? 'dist-before,dist').split(',');
const BASE_PORT = Number(process.env.BENCH_PORT ?? 5174);

async function main(): Promise<void> {
  const path = await authLog(LINES);
  const servers: ChildProcess[] = [];
  const browsers: { context: BrowserContext; close(): Promise<void> }[] = [];
  console.log(`reopen of ${LINES.toLocaleString('en-US')} auth.log lines, ${PERSIST ? 'a profile on disk per build' : 'off-the-record contexts'}, load ${loadavg().map((l) => l.toFixed(1)).join(' / ')}`);
  try {
    const pages: Page[] = [];
    for (let b = 0; b < BUILDS.length; b++) {
      // one server per build, each on its own port, and its own fresh storage
      servers.push(await serve(BASE_PORT + b, BUILDS[b]));
      browsers.push(await freshContext());
      const page = await openAt(browsers[b].context, BASE_PORT + b);
      console.log(`${BUILDS[b]}: ingest of ${LINES.toLocaleString('en-US')} lines until searchable ${await ingestThroughUi(page, path)} ms`);
      pages.push(page);
    }
    const times: number[][] = BUILDS.map(() => []), cpus: number[][] = BUILDS.map(() => []);
    const skip = servers.flatMap((s) => (s.pid === undefined ? [] : [s.pid]));
    for (let r = 0; r < RUNS; r++) {
      for (let b = 0; b < BUILDS.length; b++) {
        // CPU of every Chromium process until searchable (the vite servers left out): less load-bound than wall
        const cpu0 = treeCpuMs(process.pid, skip) ?? NaN;
        const threads = process.env.BENCH_THREADS === '1' ? new ThreadCpuSampler(process.pid, skip) : undefined;
        const { searchableMs } = await reopenTimes(pages[b]);
        const cpu = (treeCpuMs(process.pid, skip) ?? NaN) - cpu0;
        if (threads !== undefined) console.log(`${BUILDS[b]}, CPU per process / thread of the reload until idle:\n  ${threadCpuLines(threads.stop()).join('\n  ')}`);
        times[b].push(searchableMs);
        cpus[b].push(cpu);
        console.log(`run ${r + 1} ${BUILDS[b]}: reopen until searchable ${searchableMs} ms wall, ${cpu} ms browser CPU until idle (load ${loadavg()[0].toFixed(1)})`);
      }
    }
    for (let b = 0; b < BUILDS.length; b++) console.log(`${BUILDS[b]}: median ${median(times[b])} ms wall of ${times[b].join(', ')}; browser CPU median ${median(cpus[b])} ms of ${cpus[b].join(', ')}`);
    if (BUILDS.length === 2) console.log(`ratio ${BUILDS[1]} / ${BUILDS[0]}: wall ${(median(times[1]) / median(times[0])).toFixed(2)}, CPU ${(median(cpus[1]) / median(cpus[0])).toFixed(2)}`);
  } finally {
    for (const b of browsers) await b.close();
    for (const s of servers) s.kill();
  }
}

async function serve(port: number, outDir: string): Promise<ChildProcess> {
  // a port another bench already serves would answer below before this server fails (strictPort): the build
  // measured would be that one's (the second build uses BENCH_PORT + 1, which may be another checkout's BENCH_PORT)
  if (await fetch(`http://127.0.0.1:${port}/`).then(() => true, () => false)) throw new Error(`port ${port} already serves something: set BENCH_PORT to a free pair`);
  const server = spawn(process.execPath, ['node_modules/vite/bin/vite.js', 'preview', '--host', '127.0.0.1', '--port', String(port), '--strictPort', '--outDir', outDir], { stdio: 'ignore' });
  for (let i = 0; i < 600; i++) {
    if (server.exitCode !== null) throw new Error(`vite preview could not start on port ${port}`);
    if (await fetch(`http://127.0.0.1:${port}/`).then((r) => r.ok, () => false)) return server;
    await new Promise((r) => setTimeout(r, 100));
  }
  server.kill();
  throw new Error('vite preview did not start');
}

/** A page of a fresh context (its own storage) on the build served at `port`, the test hook on. */
async function openAt(context: BrowserContext, port: number): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`http://127.0.0.1:${port}/?testing=1`);
  await idle(page);
  return page;
}

await main();
