// What the browser process's thread pool runs during an ingest (issue 15: ~8 s of its CPU per 1M auth lines):
// a trace of the `toplevel` category taken through the page's DevTools session, on a profile on disk
// (BENCH_PERSIST=1, as a user has) or off the record, and the browser process's pool threads' task CPU summed
// by where each task was posted from (src_file / src_func), so the IndexedDB backend, blob reads of the dropped
// file, OPFS and the rest are told apart.
//   BENCH_PERSIST=1 BENCH_PORT=5281 node --import tsx bench/trace-pool.ts [LINES=1000000]   (needs dist/ or BENCH_OUT_DIR)
import { writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { authLog } from './generate.ts';
import { freshContext, ingestThroughUi, openAppIn, PERSIST, startServer } from './browser.ts';

interface Ev { name?: string; ph?: string; pid: number; tid: number; ts?: number; dur?: number; tdur?: number; cat?: string; args?: Record<string, unknown> }

function summarize(events: Ev[]): void {
  const threads = new Map<string, string>(), processes = new Map<number, string>();
  for (const e of events) {
    if (e.name === 'thread_name') threads.set(`${e.pid}:${e.tid}`, String(e.args?.name ?? ''));
    if (e.name === 'process_name') processes.set(e.pid, String(e.args?.name ?? ''));
  }
  const byThread = new Map<string, number>(), bySource = new Map<string, { ms: number; n: number }>();
  // outermost tasks per thread (tasks nest): count each stretch of thread time once
  const perThread = new Map<string, Ev[]>();
  for (const e of events) {
    if (e.ph !== 'X' || e.tdur === undefined) continue;
    if (e.name !== 'ThreadPool_RunTask' && e.name !== 'ThreadControllerImpl::RunTask' && e.name !== 'RunTask') continue;
    const key = `${e.pid}:${e.tid}`;
    let list = perThread.get(key);
    if (list === undefined) perThread.set(key, (list = []));
    list.push(e);
  }
  for (const [key, list] of perThread) {
    const pid = Number(key.split(':')[0]);
    const thread = `${processes.get(pid) ?? pid} / ${(threads.get(key) ?? key).replace(/\d+$/, '')}`;
    list.sort((a, b) => (a.ts ?? 0) - (b.ts ?? 0) || (b.dur ?? 0) - (a.dur ?? 0));
    let end = -Infinity;
    for (const e of list) {
      if ((e.ts ?? 0) < end) continue;
      end = (e.ts ?? 0) + (e.dur ?? 0);
      const ms = (e.tdur ?? 0) / 1000;
      byThread.set(thread, (byThread.get(thread) ?? 0) + ms);
      if (!/Browser/.test(thread) || !/ThreadPool/.test(thread)) continue;
      const src = `${String(e.args?.src_func ?? e.args?.src ?? '?')} ${String(e.args?.src_file ?? '').split('/').slice(-2).join('/')}`;
      const s = bySource.get(src) ?? { ms: 0, n: 0 };
      s.ms += ms;
      s.n++;
      bySource.set(src, s);
    }
  }
  console.log('\ntask CPU (thread time of outermost tasks) per process / thread:');
  for (const [t, ms] of [...byThread].sort((a, b) => b[1] - a[1]).slice(0, 20)) console.log(`  ${ms.toFixed(0).padStart(8)} ms  ${t}`);
  console.log('\nthe browser process\'s pool threads, by where the task was posted from:');
  for (const [s, v] of [...bySource].sort((a, b) => b[1].ms - a[1].ms).slice(0, 30)) console.log(`  ${v.ms.toFixed(0).padStart(8)} ms  ${String(v.n).padStart(7)} tasks  ${s}`);
}

async function main(): Promise<void> {
  const lines = Number(process.argv[2] ?? 1_000_000);
  const path = await authLog(lines);
  const server = await startServer();
  const browser = await freshContext();
  try {
    const page = await openAppIn(browser.context);
    const cdp = await browser.context.newCDPSession(page);
    const events: Ev[] = [];
    let done: (() => void) | undefined;
    cdp.on('Tracing.dataCollected', (e) => { for (const x of e.value as unknown as Ev[]) events.push(x); });
    cdp.on('Tracing.tracingComplete', () => done?.());
    await cdp.send('Tracing.start', { traceConfig: { includedCategories: ['toplevel', 'toplevel.flow', '__metadata'] }, transferMode: 'ReportEvents' });
    const ms = await ingestThroughUi(page, path);
    const complete = new Promise<void>((r) => { done = r; });
    await cdp.send('Tracing.end');
    await complete;
    console.log(`${lines} auth lines, ${PERSIST ? 'profile on disk' : 'off the record'}, build ${process.env.BENCH_OUT_DIR ?? 'dist'}: searchable in ${ms} ms; load ${loadavg().map((l) => l.toFixed(1)).join(' / ')}; ${events.length} trace events`);
    if (process.env.BENCH_TRACE !== undefined) writeFileSync(process.env.BENCH_TRACE, JSON.stringify({ traceEvents: events }));
    summarize(events);
  } finally {
    await browser.close();
    server.kill();
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
