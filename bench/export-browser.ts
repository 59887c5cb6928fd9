// `npm run bench:export-browser [-- LINES [FORMATS]]`: CSV and `_bulk` export of LINES (default 1M) events
// through the app in headless Chromium, as a user does it: drop the file, search everything, Export -> format ->
// Download, until the browser hands over the file. Per format it prints:
// - wall time from the Download click to the download event, and the file's size;
// - CPU time of Chromium's processes over that span (CDP SystemInfo.getProcessInfo: the renderer that runs the
//   page and its workers, the browser process that holds the Blob and writes the download, and the rest);
// - the tab's peak memory during the export, sampled every 200 ms: the page's JS heap (CDP Performance
//   JSHeapUsedSize) and each worker's JS heap (Runtime.getHeapUsage in the worker target: used + backing store
//   of typed arrays; no GC forced), the peak of their sum, and the renderer process's resident set
//   (VmRSS from /proc, Linux) before and at its peak. The finished Blob lives in the browser process's blob
//   storage (memory or disk), which none of the heaps count: its size is the file's size.
// The machine is shared: CPU times are the figure to compare; wall times are inflated by the load (printed).
import { closeSync, openSync, readFileSync, readSync, statSync } from 'node:fs';
import { loadavg } from 'node:os';
import type { CDPSession, Page } from '@playwright/test';
import { authLog } from './generate.ts';
import { idle, ingestThroughUi, launch, openApp, startServer } from './browser.ts';

const LINES = Number(process.argv[2] ?? 1_000_000);
const FORMATS: { id: string; label: string | RegExp; indexName?: string }[] = [
  { id: 'csv', label: 'CSV (visible columns)' },
  { id: 'es-bulk', label: 'Elasticsearch / OpenSearch _bulk', indexName: 'bench' },
].filter((f) => process.argv[3] === undefined || process.argv[3].split(',').includes(f.id));

interface ProcessInfo { type: string; id: number; cpuTime: number }

async function processes(browserCdp: CDPSession): Promise<ProcessInfo[]> {
  const r = (await browserCdp.send('SystemInfo.getProcessInfo')) as { processInfo: ProcessInfo[] };
  return r.processInfo;
}

function rssBytes(pid: number): number {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m === null ? 0 : Number(m[1]) * 1024;
  } catch {
    return 0; // not Linux, or the process is gone
  }
}

/** Samples the page's and every worker's JS heap (no GC), and the renderer's RSS, until stop() is called. */
async function heapSampler(page: Page, rendererPid: number | undefined) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  const { targetInfos } = (await cdp.send('Target.getTargets')) as { targetInfos: { targetId: string; type: string; url: string }[] };
  const replies = new Map<number, (result: unknown) => void>();
  cdp.on('Target.receivedMessageFromTarget', (e: { message: string }) => {
    const m = JSON.parse(e.message) as { id?: number; result?: unknown };
    if (m.id !== undefined) replies.get(m.id)?.(m.result);
  });
  let seq = 1;
  const workers: { name: string; call(method: string): Promise<unknown> }[] = [];
  for (const t of targetInfos.filter((x) => x.type === 'worker')) {
    const { sessionId } = (await cdp.send('Target.attachToTarget', { targetId: t.targetId, flatten: false })) as { sessionId: string };
    workers.push({
      name: t.url.split('/').pop()?.split(/[-.?]/)[0] ?? t.url,
      call: (method) => new Promise<unknown>((resolve) => {
        const id = seq++;
        replies.set(id, resolve);
        void cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method, params: {} }) });
      }),
    });
  }
  const peak = new Map<string, number>();
  let peakSum = 0;
  let peakRss = 0;
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
    samples++;
  };
  await sample();
  const before = { sum: peakSum, rss: peakRss };
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
      await cdp.detach();
      return { peak, peakSum, peakRss, samples };
    },
  };
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
  const browser = await launch();
  try {
    const browserCdp = await browser.newBrowserCDPSession();
    const page = await openApp(browser);
    const ingestMs = await ingestThroughUi(page, path);
    console.log(`ingest through the UI: ${(ingestMs / 1000).toFixed(1)} s; status "${await page.getByRole('status').textContent()}"`);
    const renderer = (await processes(browserCdp)).filter((p) => p.type === 'renderer');
    // the tab's renderer: the one with the most CPU so far (it parsed and indexed the file)
    const rendererPid = renderer.sort((a, b) => b.cpuTime - a.cpuTime)[0]?.id;
    for (const f of FORMATS) {
      await page.getByRole('button', { name: 'Export', exact: true }).click();
      const panel = page.getByRole('dialog', { name: 'Export' });
      await panel.getByRole('radio', { name: f.label }).check();
      if (f.indexName !== undefined) await panel.getByRole('textbox', { name: 'Index name' }).fill(f.indexName);
      await panel.getByRole('checkbox', { name: /Save provenance/ }).setChecked(false);
      await page.evaluate(() => (globalThis as { gc?: () => void }).gc?.());
      const sampler = await heapSampler(page, rendererPid);
      const cpu0 = await processes(browserCdp);
      const t0 = Date.now();
      const download = page.waitForEvent('download', { timeout: 0 });
      await panel.getByRole('button', { name: /^Download/ }).click();
      const d = await download;
      const wallMs = Date.now() - t0;
      const cpu1 = await processes(browserCdp);
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
      await d.delete();
      await panel.getByRole('button', { name: 'Close' }).click();
      await idle(page);
    }
  } finally {
    await browser.close();
    server.kill();
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
