// `node --import tsx bench/profile-reopen.ts [LINES]`: where reopening a stored auth.log case spends its time, from
// the reload to searchable and on to idle, per thread: V8's sampled self time per function (engine worker, main
// thread), task CPU per process / thread (the browser's IndexedDB / IO / pool threads) and a timeline per slice
// (serial waits show as idle slices). The case is ingested first, untraced; the trace is taken through the page's
// DevTools session. BENCH_PERSIST=1: a profile on disk, as a user has (default: off the record, storage in
// memory). BENCH_OUT_DIR picks the build (`vite build --minify false` keeps function names), BENCH_TRACE=FILE
// keeps the trace, BENCH_SLICE=ms the timeline's slice (500).
import { writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { authLog } from './generate.ts';
import { freshContext, idle, ingestThroughUi, openAppIn, PERSIST, searchableSince, startServer } from './browser.ts';
import { summarize, type TraceEvent } from './trace.ts';
import { threadTaskCpu, type Ev } from './traceThreads.ts';
import { timeline } from './traceTimeline.ts';

const CATEGORIES = ['disabled-by-default-v8.cpu_profiler', 'devtools.timeline', 'toplevel', 'blink.user_timing', '__metadata'];

async function main(): Promise<void> {
  const lines = Number(process.argv[2] ?? 200_000);
  const path = await authLog(lines);
  const server = await startServer();
  const browser = await freshContext();
  try {
    const page = await openAppIn(browser.context);
    // BENCH_CONSOLE=1: the page's and its workers' console lines (an instrumented build's timings)
    if (process.env.BENCH_CONSOLE === '1') page.on('console', (m) => console.log(`console: ${m.text()}`));
    const ingestMs = await ingestThroughUi(page, path);
    await idle(page);
    const cdp = await browser.context.newCDPSession(page);
    const events: Ev[] = [];
    let done: (() => void) | undefined;
    cdp.on('Tracing.dataCollected', (e) => { for (const x of e.value as unknown as Ev[]) events.push(x); });
    cdp.on('Tracing.tracingComplete', () => done?.());
    await cdp.send('Tracing.start', { traceConfig: { includedCategories: CATEGORIES }, transferMode: 'ReportEvents' });
    const t0 = Date.now();
    await page.reload();
    const searchableMs = await searchableSince(page, t0);
    await page.evaluate(() => performance.mark('bench-searchable'));
    await idle(page);
    const idleMs = Date.now() - t0;
    const complete = new Promise<void>((r) => { done = r; });
    await cdp.send('Tracing.end');
    await complete;
    console.log(`${lines} auth lines, ${PERSIST ? 'profile on disk' : 'off the record'}, build ${process.env.BENCH_OUT_DIR ?? 'dist'}: ingest ${ingestMs} ms; reopen until searchable ${searchableMs} ms, until idle ${idleMs} ms (traced); load ${loadavg().map((l) => l.toFixed(1)).join(' / ')}`);
    if (process.env.BENCH_TRACE !== undefined) writeFileSync(process.env.BENCH_TRACE, JSON.stringify({ traceEvents: events }));
    const trace = events as TraceEvent[];
    // the reload starts the new document: its navigationStart is the click's moment in trace time
    const starts = events.filter((e) => e.name === 'navigationStart').map((e) => e.ts ?? 0);
    const from = starts.length > 0 ? Math.max(...starts) : Math.min(...events.map((e) => e.ts ?? Infinity));
    const marks = events.filter((e) => e.name === 'bench-searchable').map((e) => ({ ts: e.ts ?? 0, name: 'searchable' }));
    const until = marks[0]?.ts ?? Infinity;
    console.log('\n== until searchable ==');
    threadTaskCpu(events, from, until);
    console.log('\n== until idle: sampled self time per function ==');
    summarize(trace, 25);
    timeline(trace, from, Number(process.env.BENCH_SLICE ?? 500), marks);
  } finally {
    await browser.close();
    server.kill();
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
