// `npm run bench:export-browser [-- LINES [FORMATS]]`: CSV and `_bulk` export of LINES (default 1M) events
// through the app in headless Chromium, as a user does it: drop the file, search everything, Export -> format ->
// Download, until the browser hands over the file. Per format it prints:
// - wall time from the Download click to the download event, and the file's size;
// - CPU time of Chromium's processes over that span (/proc: the renderer that runs the page and its workers, the
//   browser process that writes the download, and all of Chromium);
// - the tab's peak memory during the export, sampled every 200 ms: the page's JS heap (CDP Performance
//   JSHeapUsedSize) and each worker's JS heap (Runtime.getHeapUsage in the worker target: used + backing store
//   of typed arrays; no GC forced), the peak of their sum, the renderer's and the browser process's resident set
//   and the sum over all Chromium processes (VmRSS from /proc, Linux) before and at their peak.
// By default Chromium runs with a profile on disk (as people use it); BENCH_INCOGNITO=1 runs Playwright's
// off-the-record context (storage in memory). BENCH_PROFILE=PREFIX saves a CPU profile of the engine worker.
// The machine is shared: CPU times are the figure to compare; wall times are inflated by the load (printed).
import { closeSync, mkdtempSync, openSync, readdirSync, readFileSync, readSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadavg } from 'node:os';
import { chromium, type BrowserContext, type Page } from '@playwright/test';
import { authLog } from './generate.ts';
import { idle, ingestThroughUi, launch, openApp, openAppIn, startServer } from './browser.ts';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../e2e/chromium.ts';

const LINES = Number(process.argv[2] ?? 1_000_000);
const FORMATS: { id: string; label: string | RegExp; indexName?: string }[] = [
  { id: 'csv', label: 'CSV (visible columns)' },
  { id: 'es-bulk', label: 'Elasticsearch / OpenSearch _bulk', indexName: 'bench' },
].filter((f) => process.argv[3] === undefined || process.argv[3].split(',').includes(f.id));

interface ProcessInfo { type: string; id: number; cpuTime: number }

/**
 * Chromium's processes, read from /proc (Linux): every descendant of this Node process but the vite server,
 * typed by their --type= flag (none: the browser process); CPU time in seconds (utime + stime). /proc serves
 * both a launched browser and a persistent context (Playwright gives no browser-level CDP session to the latter).
 */
function processes(): ProcessInfo[] {
  const parent = new Map<number, number>();
  const cpu = new Map<number, number>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      parent.set(Number(name), Number(f[1]));
      cpu.set(Number(name), (Number(f[11]) + Number(f[12])) / 100);
    } catch {
      // the process ended meanwhile
    }
  }
  const out: ProcessInfo[] = [];
  for (const [pid, ppid] of parent) {
    let up = ppid;
    while (up > 1 && up !== process.pid) up = parent.get(up) ?? 0;
    if (up !== process.pid) continue;
    let cmd: string;
    try { cmd = readFileSync(`/proc/${pid}/cmdline`, 'utf8'); } catch { continue; }
    if (cmd.includes('vite')) continue;
    out.push({ type: /--type=([\w-]+)/.exec(cmd)?.[1] ?? 'browser', id: pid, cpuTime: cpu.get(pid) ?? 0 });
  }
  return out;
}

function rssBytes(pid: number): number {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m === null ? 0 : Number(m[1]) * 1024;
  } catch {
    return 0; // not Linux, or the process is gone
  }
}

/**
 * Samples the page's and every worker's JS heap (no GC), and the renderer's and browser process's RSS, until
 * stop() is called. BENCH_PROFILE=PREFIX also records a CPU profile of the engine worker (PREFIX-FORMAT.cpuprofile).
 */
async function heapSampler(page: Page, rendererPid: number | undefined, browserPid: number | undefined, profileTo?: string) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  const { targetInfos } = (await cdp.send('Target.getTargets')) as { targetInfos: { targetId: string; type: string; url: string }[] };
  const replies = new Map<number, (result: unknown) => void>();
  cdp.on('Target.receivedMessageFromTarget', (e: { message: string }) => {
    const m = JSON.parse(e.message) as { id?: number; result?: unknown };
    if (m.id !== undefined) replies.get(m.id)?.(m.result);
  });
  let seq = 1;
  const workers: { name: string; call(method: string, params?: object): Promise<unknown> }[] = [];
  for (const t of targetInfos.filter((x) => x.type === 'worker')) {
    const { sessionId } = (await cdp.send('Target.attachToTarget', { targetId: t.targetId, flatten: false })) as { sessionId: string };
    workers.push({
      name: t.url.split('/').pop()?.split(/[-.?]/)[0] ?? t.url,
      call: (method, params = {}) => new Promise<unknown>((resolve) => {
        const id = seq++;
        replies.set(id, resolve);
        void cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method, params }) });
      }),
    });
  }
  const engine = workers.find((w) => w.name === 'engine');
  if (profileTo !== undefined && engine !== undefined) {
    await engine.call('Profiler.enable');
    await engine.call('Profiler.setSamplingInterval', { interval: 500 });
    await engine.call('Profiler.start');
  }
  const peak = new Map<string, number>();
  let peakSum = 0;
  let peakRss = 0;
  let peakBrowserRss = 0;
  let peakAllRss = 0;
  let samples = 0;
  const sample = async () => {
    const metrics = (await cdp.send('Performance.getMetrics')) as { metrics: { name: string; value: number }[] };
    const pageHeap = metrics.metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? 0;
    let sum = pageHeap;
    peak.set('page', Math.max(peak.get('page') ?? 0, pageHeap));
    for (const w of workers) {
      const u = (await w.call('Runtime.getHeapUsage')) as { usedSize: number; backingStorageSize?: number } | undefined;
      const bytes = (u?.usedSize ?? 0) + (u?.backingStorageSize ?? 0);
      sum += bytes;
      peak.set(`worker ${w.name}`, Math.max(peak.get(`worker ${w.name}`) ?? 0, bytes));
    }
    peakSum = Math.max(peakSum, sum);
    if (rendererPid !== undefined) peakRss = Math.max(peakRss, rssBytes(rendererPid));
    if (browserPid !== undefined) peakBrowserRss = Math.max(peakBrowserRss, rssBytes(browserPid));
    peakAllRss = Math.max(peakAllRss, processes().reduce((n, p) => n + rssBytes(p.id), 0));
    samples++;
  };
  await sample();
  const before = { sum: peakSum, rss: peakRss, browserRss: peakBrowserRss, allRss: peakAllRss };
  let running = true;
  const loop = (async () => {
    while (running) {
      await sample().catch(() => undefined);
      await new Promise((r) => setTimeout(r, 200));
    }
  })();
  return {
    before,
    async stop() {
      running = false;
      await loop;
      if (profileTo !== undefined && engine !== undefined) {
        const r = (await engine.call('Profiler.stop')) as { profile: object };
        writeFileSync(profileTo, JSON.stringify(r.profile));
        for (const line of topSelf(r.profile as CpuProfile)) console.log(`  ${line}`);
      }
      await cdp.detach();
      return { peak, peakSum, peakRss, peakBrowserRss, peakAllRss, samples };
    },
  };
}

interface CpuProfile { nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number } }[]; samples: number[]; timeDeltas: number[] }

/** self time per function of a V8 CPU profile, the top ones */
function topSelf(profile: CpuProfile, top = 15): string[] {
  const frames = new Map(profile.nodes.map((n) => [n.id, n.callFrame]));
  const self = new Map<string, number>();
  profile.samples.forEach((id, i) => {
    const f = frames.get(id);
    if (f === undefined) return;
    const name = `${f.functionName || '(anonymous)'} ${f.url.split('/').pop() ?? ''}:${f.lineNumber}`;
    self.set(name, (self.get(name) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
  });
  const busy = [...self].filter(([n]) => !n.startsWith('(idle)')).reduce((a, [, ms]) => a + ms, 0);
  return [`engine worker busy ${busy.toFixed(0)} ms; self time:`,
    ...[...self].sort((a, b) => b[1] - a[1]).slice(0, top).map(([n, ms]) => `    ${ms.toFixed(0).padStart(7)} ms  ${n}`)];
}

const mb = (b: number) => `${(b / 1e6).toFixed(0)} MB`;

/** line breaks in a file, read in 16 MiB pieces (a 1M-event _bulk file is larger than a string may be) */
function countLines(path: string): number {
  const fd = openSync(path, 'r');
  const buf = Buffer.alloc(16 << 20);
  let n = 0;
  try {
    for (let got = readSync(fd, buf); got > 0; got = readSync(fd, buf)) {
      for (let i = buf.indexOf(10, 0); i >= 0 && i < got; i = buf.indexOf(10, i + 1)) n++;
    }
  } finally {
    closeSync(fd);
  }
  return n;
}

async function main(): Promise<void> {
  const path = await authLog(LINES);
  console.log(`${LINES.toLocaleString('en-US')} lines (${mb(statSync(path).size)}), load average ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);
  const server = await startServer();
  // a browser profile on disk, as people use Chromium (its Origin Private File System is a folder); BENCH_INCOGNITO=1:
  // Playwright's default off-the-record context (the e2e tests' one), whose storage lives in memory
  const incognito = process.env.BENCH_INCOGNITO === '1';
  const profileDir = incognito ? undefined : mkdtempSync(join(tmpdir(), 'logdrop-bench-profile-'));
  let context: BrowserContext | undefined;
  const browser = incognito ? await launch() : undefined;
  console.log(`browser profile: ${incognito ? 'off the record (in memory)' : `on disk (${profileDir})`}`);
  try {
    let page: Page;
    if (browser !== undefined) page = await openApp(browser);
    else {
      context = await chromium.launchPersistentContext(profileDir!, {
        executablePath: CHROMIUM_PATH, args: [...CHROMIUM_ARGS, '--enable-precise-memory-info', '--js-flags=--expose-gc'], acceptDownloads: true,
      });
      page = await openAppIn(context);
    }
    const ingestMs = await ingestThroughUi(page, path);
    console.log(`ingest through the UI: ${(ingestMs / 1000).toFixed(1)} s; status "${await page.getByRole('status').textContent()}"`);
    const renderer = processes().filter((p) => p.type === 'renderer');
    // the tab's renderer: the one with the most CPU so far (it parsed and indexed the file)
    const rendererPid = renderer.sort((a, b) => b.cpuTime - a.cpuTime)[0]?.id;
    // the browser process: of the untyped ones (the /usr/bin/chromium wrapper script is one), the busiest
    const browserPid = processes().filter((p) => p.type === 'browser').sort((a, b) => b.cpuTime - a.cpuTime)[0]?.id;
    for (const f of FORMATS) {
      await page.getByRole('button', { name: 'Export', exact: true }).click();
      const panel = page.getByRole('dialog', { name: 'Export' });
      await panel.getByRole('radio', { name: f.label }).check();
      if (f.indexName !== undefined) await panel.getByRole('textbox', { name: 'Index name' }).fill(f.indexName);
      await panel.getByRole('checkbox', { name: /Save provenance/ }).setChecked(false);
      await page.evaluate(() => (globalThis as { gc?: () => void }).gc?.());
      const profile = process.env.BENCH_PROFILE === undefined ? undefined : `${process.env.BENCH_PROFILE}-${f.id}.cpuprofile`;
      const sampler = await heapSampler(page, rendererPid, browserPid, profile);
      const cpu0 = processes();
      const t0 = Date.now();
      const download = page.waitForEvent('download', { timeout: 0 });
      await panel.getByRole('button', { name: /^Download/ }).click();
      const d = await download;
      const wallMs = Date.now() - t0;
      const cpu1 = processes();
      const mem = await sampler.stop();
      const file = await d.path();
      const bytes = statSync(file).size;
      const cpuOf = (type?: string) => {
        const sum = (list: ProcessInfo[]) => list.filter((p) => type === undefined || p.type === type).reduce((n, p) => n + p.cpuTime, 0);
        return sum(cpu1) - sum(cpu0);
      };
      const lines = countLines(file);
      console.log(`\n${f.id}: ${mb(bytes)}, ${lines.toLocaleString('en-US')} lines, wall ${(wallMs / 1000).toFixed(1)} s (load ${loadavg()[0].toFixed(1)})`);
      console.log(`  CPU: renderer (page + workers) ${cpuOf('renderer').toFixed(1)} s, browser process ${cpuOf('browser').toFixed(1)} s, all Chromium ${cpuOf().toFixed(1)} s`);
      console.log(`  peak JS heap during the export (${mem.samples} samples): page + workers ${mb(mem.peakSum)} (before: ${mb(sampler.before.sum)})`);
      for (const [name, b] of mem.peak) console.log(`    ${name}: ${mb(b)}`);
      if (rendererPid !== undefined) console.log(`  renderer RSS: before ${mb(sampler.before.rss)}, peak ${mb(mem.peakRss)}`);
      if (browserPid !== undefined) console.log(`  browser process RSS: before ${mb(sampler.before.browserRss)}, peak ${mb(mem.peakBrowserRss)}`);
      console.log(`  all Chromium processes RSS: before ${mb(sampler.before.allRss)}, peak ${mb(mem.peakAllRss)}`);
      if (profile !== undefined) console.log(`  engine worker CPU profile: ${profile}`);
      await d.delete();
      await panel.getByRole('button', { name: 'Close' }).click();
      await idle(page);
    }
  } finally {
    await browser?.close();
    await context?.close();
    if (profileDir !== undefined) rmSync(profileDir, { recursive: true, force: true });
    server.kill();
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
