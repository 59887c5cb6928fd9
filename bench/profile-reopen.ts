// `node --import tsx bench/profile-reopen.ts [LINES]`: where reopening a stored case spends its time, per thread,
// from a Chromium trace with V8's sampling profiler (the case is ingested first, untraced). Needs a build (dist/).
import { authLog } from './generate.ts';
import { idle, ingestThroughUi, launch, openApp, startServer } from './browser.ts';
import { summarize, type TraceEvent } from './trace.ts';

async function main(): Promise<void> {
  const lines = Number(process.argv[2] ?? 200_000);
  const path = await authLog(lines);
  const server = await startServer();
  const browser = await launch();
  try {
    const page = await openApp(browser);
    const ingestMs = await ingestThroughUi(page, path);
    await browser.startTracing(page, { categories: ['disabled-by-default-v8.cpu_profiler', 'devtools.timeline', 'toplevel'] });
    const t0 = Date.now();
    await page.reload();
    await idle(page);
    const reopenMs = Date.now() - t0;
    const trace = JSON.parse((await browser.stopTracing()).toString()) as { traceEvents: TraceEvent[] };
    console.log(`${lines} lines: ingest ${ingestMs} ms, reopen ${reopenMs} ms`);
    summarize(trace.traceEvents, 45);
  } finally {
    await browser.close();
    server.kill();
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
