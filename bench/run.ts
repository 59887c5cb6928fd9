// `npm run bench`: the ingest and query benchmarks in headless Chromium through the real app path,
// with the bare parse ceiling measured in the same run (compare ratios: these machines are noisy).
import { statSync } from 'node:fs';
import { loadavg } from 'node:os';
import { accessLog, authLog, evtxFile, jsonLines } from './generate.ts';
import { ceilingMs, ingestThroughUi, ingestTimes, launch, longTasks, median, openApp, reopenTimes, resetLongTasks, startServer, timeEngine, workerHeaps } from './browser.ts';
import { SYSLOG3164_LINE } from '../src/parsers/formats/syslog3164.ts';

const LINES = Number(process.env.BENCH_LINES ?? 1_000_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
/** BENCH_FORMATS=syslog,json,apache,evtx picks the format families measured after the auth.log runs ('none': none; default: all) */
const FORMATS = (process.env.BENCH_FORMATS ?? 'syslog,json,apache,evtx').split(',').map((f) => f.trim());

const fmt = (n: number, digits = 0) => n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });

async function main(): Promise<void> {
  const path = await authLog(LINES);
  const mb = statSync(path).size / 1e6;
  console.log(`input: ${path} — ${fmt(LINES)} lines, ${fmt(mb, 1)} MB; ${RUNS} runs, medians`);
  const server = await startServer();
  const browser = await launch();
  try {
    const ingest: number[] = [];
    const ceiling: number[] = [];
    const reopen: number[] = [];
    const alertsReady: number[] = [];
    const reopenAlerts: number[] = [];
    const maxLong: number[] = [];
    let last: Awaited<ReturnType<typeof openApp>> | undefined;
    for (let run = 0; run < RUNS; run++) {
      const page = await openApp(browser);
      const c = await ceilingMs(page, path, SYSLOG3164_LINE.source);
      if (c.lines !== LINES) throw new Error(`ceiling read ${c.lines} lines, expected ${LINES}`);
      ceiling.push(c.ms);
      await resetLongTasks(page);
      const times = await ingestTimes(page, path);
      ingest.push(times.searchableMs);
      alertsReady.push(times.alertsMs);
      const status = await page.getByRole('status').textContent();
      if (status !== `${fmt(LINES)} events`) throw new Error(`status after ingest: "${status}"`);
      maxLong.push(Math.max(0, ...(await longTasks(page))));
      const again = await reopenTimes(page);
      reopen.push(again.searchableMs);
      reopenAlerts.push(again.alertsMs);
      if (last !== undefined) await last.context().close();
      last = page;
    }
    const page = last!;
    const heaps = await workerHeaps(page);
    const engineHeap = heaps.find((h) => h.url.includes('engine.worker'));
    const rawTextBytes = statSync(path).size - LINES; // one byte per character (ASCII), newlines not kept
    const rows: [string, string][] = [];
    const ing = median(ingest), ceil = median(ceiling);
    rows.push(['bare ceiling (stream+decode+split+regex, worker)', `${fmt(ceil)} ms  (${fmt(LINES / ceil * 1000)} lines/s, ${fmt(mb / ceil * 1000, 1)} MB/s)`]);
    rows.push(['drop -> parsed, stored, searchable', `${fmt(ing)} ms  (${fmt(LINES / ing * 1000)} events/s, ${fmt(mb / ing * 1000, 1)} MB/s)`]);
    rows.push(['ratio to ceiling', `${fmt(ing / ceil, 2)}x`]);
    rows.push(['drop -> alerts ready (detection runs after the case is searchable)', `${fmt(median(alertsReady))} ms`]);
    rows.push(['reopen stored case until searchable', `${fmt(median(reopen))} ms`]);
    rows.push(['reopen until alerts shown (stored alerts reused when current)', `${fmt(median(reopenAlerts))} ms`]);
    rows.push(['longest main-thread task during ingest', `${fmt(median(maxLong))} ms`]);
    if (engineHeap !== undefined) {
      const total = engineHeap.usedBytes + engineHeap.backingBytes;
      rows.push(['engine worker heap after GC (JS + typed arrays)', `${fmt(total / 1e6, 1)} MB = ${fmt(total / LINES)} B/event; excluding raw text ${fmt((total - rawTextBytes) / LINES)} B/event`]);
    }
    rows.push(['count, all events', `${fmt(await timeEngine(page, { kind: 'query', text: '' }), 1)} ms`]);
    rows.push(['filtered count outcome:failure and init.host.ip:203.0.113.0/24', `${fmt(await timeEngine(page, { kind: 'query', text: 'outcome:failure and init.host.ip:203.0.113.0/24' }), 1)} ms`]);
    rows.push(['free text "Failed password"', `${fmt(await timeEngine(page, { kind: 'query', text: '"Failed password"' }), 1)} ms`]);
    rows.push(['regex target.usr.name:/adm.*/', `${fmt(await timeEngine(page, { kind: 'query', text: 'target.usr.name:/adm.*/' }), 1)} ms`]);
    rows.push(['facet init.host.ip (top 10)', `${fmt(await timeEngine(page, { kind: 'facet', text: '', field: 'init.host.ip' }), 1)} ms`]);
    rows.push(['histogram 100 buckets split by outcome', `${fmt(await timeEngine(page, { kind: 'histogram', text: '', split: 'outcome' }), 1)} ms`]);
    rows.push(['first page sorted by time', `${fmt(await timeEngine(page, { kind: 'page', text: '' }), 1)} ms`]);
    rows.push(['first page sorted by target.usr.name', `${fmt(await timeEngine(page, { kind: 'page', text: '', sort: { field: 'target.usr.name', dir: 'asc' } }), 1)} ms`]);
    const width = Math.max(...rows.map((r) => r[0].length));
    console.log(`\n${'measure'.padEnd(width)} | median`);
    console.log(`${'-'.repeat(width)}-|-${'-'.repeat(40)}`);
    for (const [k, v] of rows) console.log(`${k.padEnd(width)} | ${v}`);
    console.log(`\nall ingest runs (ms): ${ingest.map((x) => fmt(x)).join(', ')}; ceiling runs (ms): ${ceiling.map((x) => fmt(x)).join(', ')}`);
    // closed first: the heap figures below find the engine worker among the browser's workers
    await page.context().close();
    const families = await formatFamilies(browser);
    const linuxHeap = engineHeap === undefined ? NaN : (engineHeap.usedBytes + engineHeap.backingBytes) / LINES;
    targets([
      [`${fmt(LINES)}-line auth.log drop -> searchable`, `${fmt(ing / 1000, 1)} s, ${fmt(ing / ceil, 1)}x the ceiling`, '<= 3 s and <= 3x the ceiling (1M lines)'],
      [`${fmt(LINES)} JSON lines`, `${fmt((families.get('JSON lines')?.ms ?? NaN) / 1000, 1)} s`, '<= 5 s (1M lines)'],
      ['EVTX (100k records)', `${fmt(families.get('EVTX')?.eventsPerS ?? NaN)} records/s`, '>= 40,000 records/s'],
      [`reopen a ${fmt(LINES)}-event case`, `${fmt(median(reopen) / 1000, 1)} s`, '<= 1 s (1M events)'],
      ['engine heap per event, Linux case', `${fmt(linuxHeap)} B/event`, '<= 300 B/event'],
      ['engine heap per event, Windows case (EVTX)', `${fmt(families.get('EVTX')?.heapPerEvent ?? NaN)} B/event`, '<= 300 B/event'],
      ['longest main-thread task during ingest', `${fmt(median(maxLong))} ms`, '<= 50 ms'],
    ]);
  } finally {
    await browser.close();
    server.kill();
  }
}

/** Issue 15's table: each figure of this run beside its target, and the machine's load while it ran. */
function targets(rows: [string, string, string][]): void {
  const [one, five] = loadavg();
  console.log(`\nissue 15 targets (this run; load average ${one.toFixed(1)} / ${five.toFixed(1)}: on a loaded machine compare ratios, not seconds)`);
  console.log('measure | now | target');
  for (const [k, now, target] of rows) console.log(`${k} | ${now} | ${target}`);
}

interface FamilyFigures { ms: number; eventsPerS: number; heapPerEvent: number }

/** One ingest per format family through the UI (issue 3's figures): events/s, MB/s and the engine heap per event. */
async function formatFamilies(browser: Awaited<ReturnType<typeof launch>>): Promise<Map<string, FamilyFigures>> {
  const out = new Map<string, FamilyFigures>();
  const all: [string, string, () => Promise<string> | string][] = [
    ['syslog', 'syslog (auth.log)', () => authLog(LINES)],
    ['json', 'JSON lines', () => jsonLines(LINES)],
    ['apache', 'Apache access (combined)', () => accessLog(LINES)],
    ['evtx', 'EVTX', () => evtxFile(100_000).path],
  ];
  const families: [string, string][] = [];
  for (const [key, name, file] of all) if (FORMATS.includes(key)) families.push([name, await file()]);
  console.log('\nformat family | input | drop -> searchable | events/s | MB/s | engine heap');
  for (const [name, file] of families) {
    const page = await openApp(browser);
    const ms = await ingestThroughUi(page, file);
    const events = Number((await page.getByRole('status').textContent())?.replace(/[^\d]/g, '') ?? 0);
    const mb = statSync(file).size / 1e6;
    const heap = (await workerHeaps(page)).find((h) => h.url.includes('engine.worker'));
    const heapPerEvent = heap === undefined || events === 0 ? NaN : (heap.usedBytes + heap.backingBytes) / events;
    console.log(`${name} | ${fmt(mb, 1)} MB | ${fmt(ms)} ms | ${fmt(events / ms * 1000)} | ${fmt(mb / ms * 1000, 1)} | ${fmt(heapPerEvent)} B/event`);
    out.set(name, { ms, eventsPerS: events / ms * 1000, heapPerEvent });
    await page.context().close();
  }
  return out;
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
