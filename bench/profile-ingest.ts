// `node --import tsx bench/profile-ingest.ts [FILE | members:N]`: where an ingest spends its time, per thread (main,
// engine worker, ingest worker), from a Chromium trace with V8's sampling profiler. Needs a build (dist/).
import { launch, openApp, ingestThroughUi, startServer } from './browser.ts';
import { authLog } from './generate.ts';
import { membersZip } from './members.ts';
import { longTasks, summarize, type TraceEvent } from './trace.ts';

async function main(): Promise<void> {
  // `members:N`: the many-member zip of bench/members.ts
  const arg = process.argv[2];
  const path = arg === undefined ? await authLog(200_000) : arg.startsWith('members:') ? membersZip(Number(arg.slice(8))) : arg;
  const server = await startServer();
  const browser = await launch();
  try {
    const page = await openApp(browser);
    await browser.startTracing(page, { categories: ['disabled-by-default-v8.cpu_profiler', 'devtools.timeline', 'toplevel'] });
    const ms = await ingestThroughUi(page, path);
    const trace = JSON.parse((await browser.stopTracing()).toString()) as { traceEvents: TraceEvent[] };
    console.log(`ingest of ${path}: ${ms} ms`);
    summarize(trace.traceEvents);
    longTasks(trace.traceEvents);
  } finally {
    await browser.close();
    server.kill();
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
