// Drives the production build in headless Chromium for the benchmarks: serve dist/, open ?testing=1,
// feed files through the real file input, and measure in the page.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../e2e/chromium.ts';

// BENCH_PORT moves the server, so two checkouts can benchmark side by side
export const BENCH_PORT = Number(process.env.BENCH_PORT ?? 5174);
const APP_URL = `http://127.0.0.1:${BENCH_PORT}/?testing=1`;

export async function startServer(): Promise<ChildProcess> {
  // BENCH_OUT_DIR serves another build (a before/after comparison: `npx vite build --outDir dist-before`)
  const outDir = process.env.BENCH_OUT_DIR === undefined ? [] : ['--outDir', process.env.BENCH_OUT_DIR];
  const taken = await fetch(`http://127.0.0.1:${BENCH_PORT}/`).then(() => true, () => false);
  if (taken) throw new Error(`port ${BENCH_PORT} already serves something (an old build?): stop it or set BENCH_PORT`);
  // vite itself, not through npx: kill() must stop the server (through npx it stopped npx only, and the next
  // run on the port silently measured the old build that server still served)
  const server = spawn(process.execPath, ['node_modules/vite/bin/vite.js', 'preview', '--host', '127.0.0.1', '--port', String(BENCH_PORT), '--strictPort', ...outDir], { stdio: 'ignore' });
  // up to 60 s: on a loaded machine vite takes a while to start
  for (let i = 0; i < 600; i++) {
    if (server.exitCode !== null) throw new Error(`vite preview could not start on port ${BENCH_PORT} (in use? set BENCH_PORT)`);
    try {
      if ((await fetch(`http://127.0.0.1:${BENCH_PORT}/`)).ok) return server;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  server.kill();
  throw new Error('vite preview did not start');
}

export async function launch(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: [...CHROMIUM_ARGS, '--enable-precise-memory-info', '--js-flags=--expose-gc'] });
}

/**
 * BENCH_PERSIST=1: benches that open their browser through freshContext run in a new profile on disk (a temporary
 * user-data folder, removed at close), as a user's browser does. The default (launch + newContext) is an
 * off-the-record context, which keeps IndexedDB and OPFS in memory and costs differently.
 */
export const PERSIST = process.env.BENCH_PERSIST === '1';

/** A fresh browser context (empty storage) on disk or off the record (default: PERSIST); close() removes the profile. */
export async function freshContext(onDisk = PERSIST): Promise<{ context: BrowserContext; close(): Promise<void> }> {
  const args = [...CHROMIUM_ARGS, '--enable-precise-memory-info', '--js-flags=--expose-gc'];
  if (!onDisk) {
    const browser = await launch();
    return { context: await browser.newContext(), close: () => browser.close() };
  }
  const profile = mkdtempSync(join(tmpdir(), 'logdrop-bench-profile-'));
  const context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM_PATH, args });
  return {
    context,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** A fresh page (fresh IndexedDB) with the long-task observer installed before the app starts. */
export async function openApp(browser: Browser): Promise<Page> {
  return openAppIn(await browser.newContext());
}

/** The same in a given context (a persistent one: a browser profile on disk). */
export async function openAppIn(context: BrowserContext): Promise<Page> {
  const page = await context.newPage();
  await page.addInitScript(() => {
    const w = window as unknown as { __longTasks: number[]; __longTaskObserver: PerformanceObserver };
    w.__longTasks = [];
    w.__longTaskObserver = new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.__longTasks.push(e.duration);
    });
    w.__longTaskObserver.observe({ type: 'longtask', buffered: true });
  });
  await page.goto(APP_URL);
  await idle(page);
  // Playwright sets its own script up in the page at the first locator: a ~50 ms task of the harness, not of the
  // app, that the long-task observer counted when it fell inside a measure
  await fileInput(page).waitFor({ state: 'attached' });
  return page;
}

export async function idle(page: Page): Promise<void> {
  await page.waitForFunction(() => window.__logdrop !== undefined);
  await page.evaluate(() => window.__logdrop!.idle());
}

export async function resetLongTasks(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { __longTasks: number[]; __longTaskObserver?: PerformanceObserver };
    w.__longTaskObserver?.takeRecords(); // tasks before the measure, not yet delivered
    w.__longTasks = [];
  });
}

/**
 * The long tasks seen so far. Entries reach the observer's callback some time after their task: a task that
 * ended just before the measure stopped (a 3 s layout at the end of opening an event) was missing, so a
 * frame is awaited and the entries still queued are taken too.
 */
export async function longTasks(page: Page): Promise<number[]> {
  return page.evaluate(async () => {
    const w = window as unknown as { __longTasks: number[]; __longTaskObserver?: PerformanceObserver };
    await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
    for (const e of w.__longTaskObserver?.takeRecords() ?? []) w.__longTasks.push(e.duration);
    return w.__longTasks;
  });
}

/**
 * Real app path: pick the file in the "Open log files" input; searchableMs = until the status line shows the
 * count and a query answers (detection may still run in the engine's background), alertsMs = until the page is
 * idle (every engine answer in, the detection run done and its alerts shown).
 */
/**
 * The app's file input, found by a CSS selector: getByLabel walks every element's labels inside the measure (a
 * 50-70 ms task of the harness's own on the page's main thread, which the long-task observer counted).
 */
export function fileInput(page: Page): Locator {
  return page.locator('input[type=file][aria-label="Open log files"]');
}

export async function ingestTimes(page: Page, path: string): Promise<{ searchableMs: number; alertsMs: number }> {
  const t0 = Date.now();
  await fileInput(page).setInputFiles(path);
  const searchableMs = await searchableSince(page, t0);
  await idle(page);
  return { searchableMs, alertsMs: Date.now() - t0 };
}

/** Real app path: the file in the "Open log files" input until the case is searchable (ingestTimes). */
export async function ingestThroughUi(page: Page, path: string): Promise<number> {
  return (await ingestTimes(page, path)).searchableMs;
}

/** A reload of the open case: until searchable, and until idle (alerts shown: reused when still current). */
export async function reopenTimes(page: Page): Promise<{ searchableMs: number; alertsMs: number }> {
  const t0 = Date.now();
  await page.reload();
  const searchableMs = await searchableSince(page, t0);
  await idle(page);
  return { searchableMs, alertsMs: Date.now() - t0 };
}

/** Waits until the status line shows the count (not reading, not searching), then for one query's answer. */
export async function searchableSince(page: Page, t0: number): Promise<number> {
  await page.waitForFunction(() => window.__logdrop !== undefined);
  // "1,000 events", or "12 of 1,000 events" when the view is filtered (a file added to a case under a query);
  // a bench that never sees it fails after 15 minutes instead of waiting for ever
  await page.waitForFunction(() => /^[\d,]+ (of [\d,]+ )?events?\b/.test(document.querySelector('[role=status]')?.textContent ?? ''), undefined, { timeout: 900_000, polling: 50 });
  await page.evaluate(async () => {
    const r = await window.__logdrop!.engine.query('outcome:failure');
    if (r.ok) await window.__logdrop!.engine.release(r.handle.id);
  });
  return Date.now() - t0;
}

/**
 * The bare ceiling in the same browser: a worker that streams the same File, decodes, splits lines
 * and runs the parser's regex on each — no normalization, no storage, no index.
 */
export async function ceilingMs(page: Page, path: string, regexSource: string): Promise<{ ms: number; lines: number; matched: number }> {
  await page.evaluate(() => {
    const input = document.createElement('input');
    input.type = 'file';
    input.id = 'bench-ceiling-input';
    input.hidden = true;
    document.body.append(input);
  });
  await page.locator('#bench-ceiling-input').setInputFiles(path);
  return page.evaluate(async (source) => {
    const file = (document.getElementById('bench-ceiling-input') as HTMLInputElement).files![0];
    const code = `
      onmessage = async (e) => {
        const re = new RegExp(e.data.source);
        const t0 = performance.now();
        const reader = e.data.file.stream().getReader();
        const dec = new TextDecoder();
        let carry = '', lines = 0, matched = 0;
        for (;;) {
          const r = await reader.read();
          if (r.done) break;
          const text = carry + dec.decode(r.value, { stream: true });
          let start = 0;
          for (let nl = text.indexOf('\\n'); nl >= 0; nl = text.indexOf('\\n', start)) {
            lines++;
            if (re.exec(text.slice(start, nl)) !== null) matched++;
            start = nl + 1;
          }
          carry = text.slice(start);
        }
        postMessage({ ms: performance.now() - t0, lines, matched });
      };`;
    const worker = new Worker(URL.createObjectURL(new Blob([code], { type: 'text/javascript' })));
    const result = await new Promise<{ ms: number; lines: number; matched: number }>((resolve) => {
      worker.onmessage = (e) => resolve(e.data as { ms: number; lines: number; matched: number });
      worker.postMessage({ file, source });
    });
    worker.terminate();
    document.getElementById('bench-ceiling-input')?.remove();
    return result;
  }, regexSource);
}

export type EngineCall =
  | { kind: 'query'; text: string }
  | { kind: 'facet'; text: string; field: string }
  | { kind: 'histogram'; text: string; split?: string }
  | { kind: 'page'; text: string; sort?: { field: string; dir: 'asc' | 'desc' } };

/**
 * Median time of one engine call as the UI sees it (comlink round trip included), over `runs` runs.
 * The query itself runs once beforehand for facet/histogram/page: those time the call on a ready result.
 */
export async function timeEngine(page: Page, call: EngineCall, runs = 7): Promise<number> {
  const times = await page.evaluate(async ({ call, runs }) => {
    const engine = window.__logdrop!.engine;
    const out: number[] = [];
    const ready = call.kind === 'query' ? undefined : await engine.query(call.text);
    const handle = ready?.ok ? ready.handle.id : -1;
    for (let i = 0; i < runs; i++) {
      const t0 = performance.now();
      if (call.kind === 'query') {
        const r = await engine.query(call.text);
        if (r.ok) await engine.release(r.handle.id);
      } else if (call.kind === 'facet') await engine.facets(handle, [call.field], 10);
      else if (call.kind === 'histogram') await engine.histogram(handle, 100, call.split);
      else await engine.page(handle, 0, 100, call.sort);
      out.push(performance.now() - t0);
    }
    if (handle >= 0) await engine.release(handle);
    return out;
  }, { call, runs });
  return median(times);
}

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

/** JS heap of each worker after a full GC (DevTools protocol; performance.memory is not exposed to workers). */
/**
 * Each worker's heap (JS + typed arrays' backing stores). With `gc` (the default) after a forced full GC: the
 * live size. Without it, what the heap holds now, garbage included: bench/big.ts samples so while an ingest runs,
 * because a forced GC every 5 s made Chromium leave a chunk file's createSyncAccessHandle() pending for good
 * (store/deadline.ts).
 */
export async function workerHeaps(page: Page, { gc = true }: { gc?: boolean } = {}): Promise<{ url: string; usedBytes: number; backingBytes: number }[]> {
  const cdp = await page.context().newCDPSession(page);
  const { targetInfos } = (await cdp.send('Target.getTargets')) as { targetInfos: { targetId: string; type: string; url: string }[] };
  const replies = new Map<number, (result: unknown) => void>();
  cdp.on('Target.receivedMessageFromTarget', (e: { message: string }) => {
    const m = JSON.parse(e.message) as { id: number; result: unknown };
    replies.get(m.id)?.(m.result);
  });
  let seq = 1;
  const out: { url: string; usedBytes: number; backingBytes: number }[] = [];
  for (const t of targetInfos.filter((x) => x.type === 'worker')) {
    const { sessionId } = (await cdp.send('Target.attachToTarget', { targetId: t.targetId, flatten: false })) as { sessionId: string };
    const call = (method: string) => new Promise<unknown>((resolve) => {
      const id = seq++;
      replies.set(id, resolve);
      void cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method, params: {} }) });
    });
    if (gc) await call('HeapProfiler.collectGarbage');
    const usage = (await call('Runtime.getHeapUsage')) as { usedSize: number; backingStorageSize?: number };
    out.push({ url: t.url, usedBytes: usage.usedSize, backingBytes: usage.backingStorageSize ?? 0 });
  }
  await cdp.detach();
  return out;
}
