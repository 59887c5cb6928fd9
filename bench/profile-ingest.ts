// `node --import tsx bench/profile-ingest.ts [FILE | members:N | lines:N] [--reopen] [--ledger]`: where an ingest (or,
// with --reopen, the reload of the case it made) spends its time, per thread (main, engine worker, ingest worker),
// from a Chromium trace with V8's sampling profiler. --ledger opens the ledger while the files are read, as
// e2e/reliability-archive.spec.ts does. Needs a build (dist/).
import { writeFileSync } from 'node:fs';
import { fileInput, idle, launch, openApp, ingestThroughUi, startServer } from './browser.ts';
import { authLog } from './generate.ts';
import { membersZip } from './members.ts';
import { longTasks, summarize, type TraceEvent } from './trace.ts';

async function main(): Promise<void> {
  // `members:N`: the many-member zip of bench/members.ts
  const args = process.argv.slice(2);
  const reopen = args.includes('--reopen');
  const ledger = args.includes('--ledger');
  const arg = args.find((a) => !a.startsWith('--'));
  const path = arg === undefined ? await authLog(200_000)
    : arg.startsWith('members:') ? membersZip(Number(arg.slice(8)))
    : arg.startsWith('lines:') ? await authLog(Number(arg.slice(6))) : arg;
  const server = await startServer();
  const browser = await launch();
  try {
    const page = await openApp(browser);
    if (reopen) console.log(`ingest of ${path} (not traced): ${await ingestThroughUi(page, path)} ms`);
    await browser.startTracing(page, { categories: ['disabled-by-default-v8.cpu_profiler', 'devtools.timeline', 'toplevel'] });
    const t0 = Date.now();
    if (reopen) {
      await page.reload();
      await idle(page);
    } else if (ledger) {
      await fileInput(page).setInputFiles(path);
      await page.getByRole('region', { name: 'Ledger' }).getByRole('button', { name: 'Show ledger' }).click();
      await idle(page);
    } else await ingestThroughUi(page, path);
    const ms = Date.now() - t0;
    const raw = (await browser.stopTracing()).toString();
    // BENCH_TRACE=FILE keeps the trace (open it in Chrome DevTools' Performance panel, or read it with a script)
    if (process.env.BENCH_TRACE !== undefined) writeFileSync(process.env.BENCH_TRACE, raw);
    const trace = JSON.parse(raw) as { traceEvents: TraceEvent[] };
    console.log(`${reopen ? 'reopen' : 'ingest'} of ${path}: ${ms} ms`);
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
