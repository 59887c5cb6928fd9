// usage: node --import tsx measure.ts URL ZIP
import { chromium } from 'playwright-core';
import { CHROMIUM_PATH, CHROMIUM_ARGS } from '/work/h-c/e2e/chromium.ts';
const [url, zip] = process.argv.slice(2);
const b = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
const page = await b.newPage();
await page.addInitScript(() => { (window as any).__lt = []; new PerformanceObserver((l) => { for (const e of l.getEntries()) (window as any).__lt.push(Math.round(e.duration)); }).observe({ type: 'longtask', buffered: true }); });
await page.goto(url + '/?testing=1');
await page.waitForFunction(() => (window as any).__logdrop !== undefined);
await page.evaluate(() => (window as any).__logdrop.idle());
await page.evaluate(() => { (window as any).__lt = []; });
const cdp = await page.context().newCDPSession(page); await cdp.send('Profiler.enable'); await cdp.send('Profiler.setSamplingInterval', { interval: 500 }); await cdp.send('Profiler.start');
const t0 = Date.now();
await page.getByLabel('Open log files').setInputFiles(zip);
await page.evaluate(() => (window as any).__logdrop.idle(), undefined);
const s = (Date.now() - t0) / 1000;
const { profile } = await cdp.send('Profiler.stop') as any;
const self = new Map<string, number>(); const dt = new Map<number, number>(); profile.samples.forEach((x: number, i: number) => dt.set(x, (dt.get(x) ?? 0) + (profile.timeDeltas[i] ?? 0)));
for (const n of profile.nodes) { const k = `${n.callFrame.functionName || '(anon)'} ${n.callFrame.url.split('/').pop()}:${n.callFrame.lineNumber}:${n.callFrame.columnNumber}`; self.set(k, (self.get(k) ?? 0) + (dt.get(n.id) ?? 0)); }
[...self].sort((a, b) => b[1] - a[1]).slice(0, 25).forEach(([k, v]) => console.log((v / 1000).toFixed(0).padStart(6), k));
const lt: number[] = await page.evaluate(() => (window as any).__lt);
const status = await page.getByRole('status').textContent();
const t1 = Date.now();
await page.getByRole('button', { name: 'Show ledger' }).click();
await page.evaluate(() => (window as any).__logdrop.idle());
const ledgerS = (Date.now() - t1) / 1000;
const lt2: number[] = await page.evaluate(() => (window as any).__lt);
console.log(JSON.stringify({ zip, seconds: s, status, longTasks: lt.length, longTaskMs: lt.reduce((a, x) => a + x, 0), maxLongTask: Math.max(0, ...lt), showLedgerS: ledgerS, maxAfterLedger: Math.max(0, ...lt2) }));
await b.close();
