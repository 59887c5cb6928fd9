// `node --import tsx bench/trace-tasks.ts hostile | members:N | FILE` (needs a build; BENCH_OUT_DIR picks another):
// the page's main-thread tasks over PROFILE_OVER ms of CPU time (default 30), each with the trace events nested
// inside it (style, layout with its object counts, paint by node, script, input), from a Chromium trace. `hostile`:
// paste the 12,000-address query of e2e/reliability-queries.spec.ts, then Enter, then a short query; `members:N`:
// the N-member zip with the ledger opened while it is read; FILE: an ingest through the file input. CATS sets the
// trace categories (comma-separated); BENCH_TRACE=PREFIX keeps each trace as PREFIX-<label>.json.
import { writeFileSync } from 'node:fs';
import type { Browser, Page } from '@playwright/test';
import { fileInput, idle, ingestThroughUi, launch, openApp, startServer } from './browser.ts';
import { ipOf, writeHostileLog } from './hostileQueries.ts';
import { mainThreadTasks, longTasks, pageTasks, type TraceEvent } from './trace.ts';
import { membersZip } from './members.ts';

const OVER = Number(process.env.PROFILE_OVER ?? 30);
const CATS = process.env.CATS?.split(',') ?? ['disabled-by-default-v8.cpu_profiler', 'devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8', 'toplevel', 'blink', 'blink.user_timing', 'input', 'benchmark', 'cc', 'renderer.scheduler', 'disabled-by-default-devtools.timeline.frame'];

function tree(events: TraceEvent[], task: TraceEvent): void {
  const inside = events.filter((e) => e.pid === task.pid && e.tid === task.tid && e.ph === 'X' && e !== task && (e.ts ?? 0) >= (task.ts ?? 0) && (e.ts ?? 0) < (task.ts ?? 0) + (task.dur ?? 0) && (e.dur ?? 0) >= 1000)
    .sort((a, b) => (a.ts ?? 0) - (b.ts ?? 0) || (b.dur ?? 0) - (a.dur ?? 0));
  const stack: TraceEvent[] = [];
  for (const e of inside) {
    while (stack.length > 0 && (e.ts ?? 0) >= (stack[stack.length - 1].ts ?? 0) + (stack[stack.length - 1].dur ?? 0)) stack.pop();
    const a = e.args as Record<string, unknown> | undefined;
    const data = a?.data as Record<string, unknown> | undefined;
    const extra = data === undefined ? '' : ' ' + JSON.stringify(data).slice(0, 160);
    console.log(`${'  '.repeat(stack.length + 2)}${e.name} ${((e.dur ?? 0) / 1000).toFixed(1)} wall / ${((e.tdur ?? 0) / 1000).toFixed(1)} cpu${extra}`);
    stack.push(e);
  }
}

async function traced(browser: Browser, page: Page, label: string, work: () => Promise<void>): Promise<void> {
  await browser.startTracing(page, { categories: CATS });
  await work();
  await idle(page);
  const raw = (await browser.stopTracing()).toString();
  if (process.env.BENCH_TRACE !== undefined) writeFileSync(`${process.env.BENCH_TRACE}-${label.replace(/\W+/g, '_').slice(0, 30)}.json`, raw);
  const events = (JSON.parse(raw) as { traceEvents: TraceEvent[] }).traceEvents;
  const tasks = mainThreadTasks(events);
  const cpu = tasks.map((t) => t.cpuMs).sort((a, b) => b - a);
  console.log(`\n== ${label}: ${tasks.length} tasks, CPU over ${OVER}: ${JSON.stringify(cpu.filter((c) => c >= OVER).map(Math.round))}; top CPU ${JSON.stringify(cpu.slice(0, 8).map(Math.round))}`);
  // what e2e/mainThread.ts checks: the page's own tasks, without Playwright's
  const own = pageTasks(events).map((t) => t.cpuMs).sort((a, b) => b - a);
  console.log(`page tasks (without the harness's): top CPU ${JSON.stringify(own.slice(0, 8).map(Math.round))}`);
  longTasks(events, OVER, 1, 'cpu');
  const mains = events.filter((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
  for (const m of mains) {
    const tks = events.filter((e) => e.pid === m.pid && e.tid === m.tid && e.ph === 'X' && (e.name === 'RunTask' || e.name === 'ThreadControllerImpl::RunTask') && (e.tdur ?? 0) >= OVER * 1000);
    for (const t of tks.slice(0, 10)) {
      console.log(`  task ${((t.dur ?? 0) / 1000).toFixed(0)} wall / ${((t.tdur ?? 0) / 1000).toFixed(0)} cpu at ${t.ts}`);
      tree(events, t);
    }
  }
}

async function hostile(browser: Browser, page: Page): Promise<void> {
  await ingestThroughUi(page, writeHostileLog());
  const box = page.getByRole('searchbox', { name: 'Search' });
  const q = `init.host.ip:(${Array.from({ length: 12_000 }, (_, k) => ipOf(k)).join(' ')})`;
  await traced(browser, page, 'fill', async () => { await box.fill(q); });
  await traced(browser, page, 'enter', async () => { await box.press('Enter'); });
  await traced(browser, page, 'short', async () => { await box.fill('sshd'); await box.press('Enter'); });
}

async function archive(browser: Browser, page: Page, n: number): Promise<void> {
  const path = membersZip(n);
  await traced(browser, page, `archive ${n}`, async () => {
    await fileInput(page).setInputFiles(path);
    await page.getByRole('region', { name: 'Ledger' }).getByRole('button', { name: 'Show ledger' }).click();
    await idle(page);
  });
}

const server = await startServer();
const browser = await launch();
try {
  const page = await openApp(browser);
  await page.setViewportSize({ width: 1280, height: 720 });
  const what = process.argv[2] ?? 'hostile';
  if (what === 'hostile') await hostile(browser, page);
  else if (what.startsWith('members:')) await archive(browser, page, Number(what.slice(8)));
  else {
    await traced(browser, page, 'ingest', async () => { await ingestThroughUi(page, what); });
  }
} finally {
  await browser.close();
  server.kill();
}
