// `node --import tsx bench/big.ts [LINES]`: a 10M-line (~1 GB) auth.log through the app in headless Chromium.
// Does the tab survive, how long does it take, and how large do the workers' heaps grow (sampled while it runs)?
// It runs in a fresh profile on disk, as a user's browser has; BENCH_PERSIST=0 runs it off the record (a private
// window), where Chromium keeps IndexedDB and OPFS in memory under a small quota: the 10M lines take 369 MB of
// it with compressed chunk files (uncompressed, they stopped at ~8.1M events with "Storage is full").
// The heaps are sampled every 5 s WITHOUT a forced GC (garbage included), and once after a forced GC at the end.
// This bench used to force a full GC in every worker at each sample, and then stalled in 3 of 3 runs on
// 2026-11-30 (and 4 of 6 before): Chromium left createSyncAccessHandle() for a new chunk file pending for good,
// every thread idle (found with counters on each step of the engine's write path). The same ingest without
// that sampling never stalled (4 runs). The app now gives up on such a write after 30 s and keeps the chunks in
// IndexedDB (store/deadline.ts), with a console warning, which fails this bench.
import { statSync } from 'node:fs';
import { authLog } from './generate.ts';
import { fileInput, freshContext, openAppIn, startServer, workerHeaps, idle } from './browser.ts';

const LINES = Number(process.argv[2] ?? 10_000_000);

async function main(): Promise<void> {
  const path = await authLog(LINES);
  const mb = statSync(path).size / 1e6;
  const server = await startServer();
  const browser = await freshContext(process.env.BENCH_PERSIST !== '0');
  try {
    const page = await openAppIn(browser.context);
    let crashed = false;
    page.on('crash', () => { crashed = true; });
    // the workers' warnings and errors (a failed detection run is only a console warning): printed, and they fail the run
    const warnings: string[] = [];
    page.on('console', (m) => { if (m.type() === 'warning' || m.type() === 'error') warnings.push(m.text().split('\n')[0]); });
    const peak = new Map<string, number>();
    const t0 = Date.now();
    await fileInput(page).setInputFiles(path);
    const done = idle(page).then(() => true, () => false);
    let finished = false;
    void done.then(() => { finished = true; });
    while (!finished && !crashed) {
      await new Promise((r) => setTimeout(r, 5000));
      if (finished || crashed) break;
      for (const h of await workerHeaps(page, { gc: false }).catch(() => [])) {
        const name = workerName(h.url);
        peak.set(name, Math.max(peak.get(name) ?? 0, h.usedBytes + h.backingBytes));
      }
      const status = await page.getByRole('status').textContent().catch(() => '?');
      console.log(`${((Date.now() - t0) / 1000).toFixed(0)} s: ${status}`);
    }
    const ok = await done;
    const ms = Date.now() - t0;
    const status = crashed ? 'tab crashed' : await page.getByRole('status').textContent();
    for (const w of warnings) console.log(`console: ${w}`);
    const good = ok && !crashed && warnings.length === 0;
    console.log(`\n${LINES.toLocaleString('en-US')} lines, ${mb.toFixed(0)} MB: ${good ? 'done' : 'FAILED'} in ${(ms / 1000).toFixed(1)} s; status "${status}"`);
    if (!good) process.exitCode = 1;
    const live = new Map<string, number>();
    if (!crashed) for (const h of await workerHeaps(page)) live.set(workerName(h.url), h.usedBytes + h.backingBytes);
    for (const [name, bytes] of peak) {
      const after = live.get(name);
      console.log(`${name}: peak heap ${mbOf(bytes)} MB (JS + typed arrays, garbage included, sampled every 5 s); after a GC at the end ${after === undefined ? '?' : mbOf(after)} MB`);
    }
  } finally {
    await browser.close();
    server.kill();
  }
}

function workerName(url: string): string {
  return url.split('/').pop()?.split('-')[0] || url;
}

const mbOf = (bytes: number): string => (bytes / 1e6).toFixed(0);

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
