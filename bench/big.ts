// `node --import tsx bench/big.ts [LINES]`: a 10M-line (~1 GB) auth.log through the app in headless Chromium.
// Does the tab survive, how long does it take, and how large do the workers' heaps grow (sampled while it runs)?
// It runs in a fresh profile on disk, as a user's browser has; BENCH_PERSIST=0 runs it off the record (a private
// window), where Chromium keeps IndexedDB and OPFS in memory under a small quota: the 10M lines take 369 MB of
// it with compressed chunk files (uncompressed, they stopped at ~8.1M events with "Storage is full"). Off the
// record, and once on disk, runs of this bench (which attaches to every worker over CDP and forces a GC every
// 5 s) have stalled: the status stays at 4.8M, 6.6M, 7.8M or 6.7M events for minutes with every thread idle; the
// same ingest without the heap sampling has not stalled in 3 runs. Not explained yet (a hang in the app or in
// the sampling): treat a stall here as a bug to find.
import { statSync } from 'node:fs';
import { authLog } from './generate.ts';
import { freshContext, openAppIn, startServer, workerHeaps, idle } from './browser.ts';

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
    await page.getByLabel('Open log files').setInputFiles(path);
    const done = idle(page).then(() => true, () => false);
    let finished = false;
    void done.then(() => { finished = true; });
    while (!finished && !crashed) {
      await new Promise((r) => setTimeout(r, 5000));
      if (finished || crashed) break;
      for (const h of await workerHeaps(page).catch(() => [])) {
        const name = h.url.split('/').pop()?.split('-')[0] ?? h.url;
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
    if (!crashed) {
      for (const h of await workerHeaps(page)) {
        const name = h.url.split('/').pop()?.split('-')[0] ?? h.url;
        peak.set(name, Math.max(peak.get(name) ?? 0, h.usedBytes + h.backingBytes));
      }
    }
    for (const [name, bytes] of peak) console.log(`peak heap (JS + typed arrays, sampled every 5 s) ${name}: ${(bytes / 1e6).toFixed(0)} MB`);
  } finally {
    await browser.close();
    server.kill();
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
