// `vite build --minify false && node --import tsx bench/profile-workbench.ts`: what the main thread does
// inside its long tasks on the workbench paths of bench/workbench.ts (bench/workbenchPaths.ts: wheel,
// PageDown, scrollbar drag, jumps, typing, Enter, brush, open an event, dashboard, graph), from a Chromium
// trace with V8's sampling profiler: per path, each task over PROFILE_OVER ms (default 50; lower it on a
// loaded machine, where tasks stretch) with its functions and the browser's own work inside it (layout,
// paint, GC, message handling), then the functions with the most time in all of them (self and inclusive).
// BENCH_LINES sets the size (default 300,000); PROFILE_PATHS=wheel,drag picks paths; PROFILE_BY=cpu picks
// tasks by CPU time instead of wall time.
// PROFILE=hostile instead runs the queries of e2e/reliability-queries.spec.ts on its 20,003-event log.
import type { Browser, Page } from '@playwright/test';
import { authLog } from './generate.ts';
import { idle, ingestThroughUi, launch, openApp, startServer } from './browser.ts';
import { ipOf, writeHostileLog } from './hostileQueries.ts';
import { longTasks } from './trace.ts';
import { pickPaths, resetView } from './workbenchPaths.ts';

interface TraceEvent {
  name?: string; ph?: string; pid: number; tid: number; ts: number; dur?: number; tdur?: number; id?: string;
  args?: { name?: string; data?: ProfileData & { startTime?: number } };
}
interface ProfileData { cpuProfile?: { nodes?: ProfileNode[]; samples?: number[] }; timeDeltas?: number[] }
interface ProfileNode { id: number; parent?: number; callFrame: { functionName: string; url?: string; lineNumber: number } }

const LINES = Number(process.env.BENCH_LINES ?? 300_000);
const OVER = Number(process.env.PROFILE_OVER ?? 50);
/** PROFILE_BY=cpu picks tasks by their CPU time (a loaded machine stretches their wall time) */
const BY = process.env.PROFILE_BY === 'cpu' ? 'cpu' : 'wall';
const CATEGORIES = ['disabled-by-default-v8.cpu_profiler', 'devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8', 'toplevel'];

async function traced(browser: Browser, page: Page, label: string, work: () => Promise<void>): Promise<void> {
  await browser.startTracing(page, { categories: CATEGORIES });
  await work();
  await idle(page);
  const trace = JSON.parse((await browser.stopTracing()).toString()) as { traceEvents: TraceEvent[] };
  console.log(`\n== ${label}`);
  longTasks(trace.traceEvents, OVER, 2, BY);
  report(label, trace.traceEvents);
}

function report(label: string, events: TraceEvent[]): void {
  const names = new Map<string, string>();
  for (const e of events) if (e.name === 'thread_name') names.set(`${e.pid}:${e.tid}`, e.args?.name ?? '');
  const main = [...names].find(([, n]) => n === 'CrRendererMain')?.[0];
  const long = events.filter((e) => `${e.pid}:${e.tid}` === main && e.ph === 'X' && (e.name === 'RunTask' || e.name === 'ThreadControllerImpl::RunTask') && ((BY === 'cpu' ? e.tdur : e.dur) ?? 0) > OVER * 1000);
  console.log(`${label}, all ${long.length} tasks over ${OVER} ms together:`);
  if (long.length === 0) return;
  const inLong = (ts: number) => long.some((t) => ts >= t.ts && ts <= t.ts + (t.dur ?? 0));
  // what the renderer did besides JavaScript (style, layout, paint, GC) inside the long tasks
  const work = new Map<string, number>();
  for (const e of events) {
    if (`${e.pid}:${e.tid}` !== main || e.ph !== 'X' || e.name === undefined || e.name.includes('RunTask') || !inLong(e.ts)) continue;
    work.set(e.name, (work.get(e.name) ?? 0) + (e.dur ?? 0) / 1000);
  }
  console.log(`trace events (inclusive):\n${[...work].sort((a, b) => b[1] - a[1]).slice(0, 12).map(([n, ms]) => `  ${ms.toFixed(0).padStart(6)} ms  ${n}`).join('\n')}`);
  const nodes = new Map<number, ProfileNode>();
  const self = new Map<string, number>(), incl = new Map<string, number>();
  const starts = new Map<string, { t: number; main: boolean }>();
  for (const e of events) if (e.name === 'Profile' && e.id !== undefined) starts.set(`${e.pid}:${e.id}`, { t: e.args?.data?.startTime ?? e.ts, main: `${e.pid}:${e.tid}` === main });
  for (const e of events) {
    if (e.name !== 'ProfileChunk' || e.args?.data === undefined) continue;
    const s = starts.get(`${e.pid}:${e.id}`);
    if (s === undefined || !s.main) continue;
    for (const n of e.args.data.cpuProfile?.nodes ?? []) nodes.set(n.id, n);
    const samples = e.args.data.cpuProfile?.samples ?? [];
    const deltas = e.args.data.timeDeltas ?? [];
    samples.forEach((id, i) => {
      s.t += deltas[i] ?? 0;
      const dt = (deltas[i + 1] ?? deltas[i] ?? 0) / 1000;
      if (!inLong(s.t)) return;
      const name = (n: ProfileNode) => `${n.callFrame.functionName || '(anon)'} ${(n.callFrame.url ?? '').split('/').pop()}:${n.callFrame.lineNumber}`;
      const leaf = nodes.get(id);
      if (leaf === undefined) return;
      self.set(name(leaf), (self.get(name(leaf)) ?? 0) + dt);
      const seen = new Set<string>();
      for (let n: ProfileNode | undefined = leaf; n !== undefined; n = n.parent === undefined ? undefined : nodes.get(n.parent)) {
        const k = name(n);
        if (seen.has(k)) continue;
        seen.add(k);
        incl.set(k, (incl.get(k) ?? 0) + dt);
      }
    });
  }
  const top = (m: Map<string, number>, k: number) => [...m].sort((a, b) => b[1] - a[1]).slice(0, k).map(([n, ms]) => `  ${ms.toFixed(0).padStart(6)} ms  ${n}`).join('\n');
  console.log(`self:\n${top(self, 12)}\ninclusive:\n${top(incl, 25)}`);
}

async function hostile(browser: Browser, page: Page): Promise<void> {
  await ingestThroughUi(page, writeHostileLog());
  const box = page.getByRole('searchbox', { name: 'Search' });
  for (const q of ['message:/(a+)+$/', 'message:/^a+b$/', '('.repeat(1500) + 'sshd' + ')'.repeat(1500),
    `init.host.ip:(${Array.from({ length: 12_000 }, (_, k) => ipOf(k)).join(' ')})`,
    'target.usr.name:"ro\\u200Bot" or target.usr.name:"ad\\u{202E}min"', 'target.usr.name:root']) {
    await box.fill(q);
    await traced(browser, page, `query ${q.slice(0, 40)} (${q.length})`, async () => {
      await box.press('Enter');
    });
  }
}

async function main(): Promise<void> {
  if (process.env.PROFILE === 'hostile') {
    const server = await startServer();
    const browser = await launch();
    try {
      await hostile(browser, await openApp(browser));
    } finally {
      await browser.close();
      server.kill();
    }
    return;
  }
  const path = await authLog(LINES);
  const server = await startServer();
  const browser = await launch();
  try {
    const page = await openApp(browser);
    await page.setViewportSize({ width: 1400, height: 900 });
    await ingestThroughUi(page, path);
    await resetView(page);
    for (const p of pickPaths(process.env.PROFILE_PATHS)) {
      const act = await p.prepare(page);
      await idle(page);
      await traced(browser, page, p.name, async () => { await act(); });
    }
  } finally {
    await browser.close();
    server.kill();
  }
}

await main();
