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
import { threadTaskCpu, type Ev } from './traceThreads.ts';

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
    threadTaskCpu(events);
  } finally {
    await browser.close();
    server.kill();
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
