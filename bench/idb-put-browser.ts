// `node --import tsx bench/idb-put-browser.ts [CHUNKS] [ROUNDS]`: what an IndexedDB chunk write costs in Chromium,
// by the shape of the value, in a worker (as the engine writes). Each variant writes CHUNKS synthetic chunks the
// size of a 10,000-line auth.log chunk (~2.5 MB: two byte texts, ~20 id arrays, 3 number arrays, small strings)
// into a fresh database and is timed in the worker (wall) and by the CPU of every browser process (on a loaded
// machine the CPU figure is the one to compare). Variants alternate, ROUNDS times; medians are printed.
import { createServer } from 'node:http';
import { loadavg } from 'node:os';
import type { AddressInfo } from 'node:net';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../e2e/chromium.ts';
import { treeCpuMs } from './cpuTime.ts';
import { median } from './browser.ts';

const CHUNKS = Number(process.argv[2] ?? 60);
const ROUNDS = Number(process.argv[3] ?? 3);

/** The worker: builds the chunks once, then writes them in the asked shape and answers the wall time. */
const WORKER = `
const ROWS = 10000;
function chunk(seed) {
  const cols = Object.create(null);
  const text = (n) => { const b = new Uint8Array(n); for (let i = 0; i < n; i++) b[i] = 32 + ((i * 7 + seed) % 90); return b; };
  const ends = () => { const e = new Uint32Array(ROWS); for (let i = 0; i < ROWS; i++) e[i] = (i + 1) * 100; return e; };
  cols.raw = { kind: 'text', textBytes: text(ROWS * 103), ascii: true, ends: ends() };
  cols.message = { kind: 'text', textBytes: text(ROWS * 70), ascii: true, ends: ends() };
  for (let f = 0; f < 20; f++) {
    const ids = new Uint32Array(ROWS); for (let i = 0; i < ROWS; i++) ids[i] = 1 + ((i + f + seed) % 50);
    const dictEnds = new Uint32Array(50); for (let i = 0; i < 50; i++) dictEnds[i] = (i + 1) * 12;
    cols['field' + f] = { kind: 'dict', dictText: 'x'.repeat(600), dictEnds, ids };
  }
  for (let f = 0; f < 3; f++) { const v = new Float64Array(ROWS); for (let i = 0; i < ROWS; i++) v[i] = i * 1000 + seed; cols['num' + f] = { kind: 'num', values: v }; }
  return { format: 3, fileId: 1, seq: seed, count: ROWS, columns: cols };
}
/** every typed array of the chunk copied into one buffer; the columns keep offsets (what a one-buffer shape stores) */
function flat(c) {
  let n = 0; const views = [];
  for (const k in c.columns) for (const [p, v] of Object.entries(c.columns[k])) if (ArrayBuffer.isView(v)) { views.push([k, p, v]); n += (v.byteLength + 7) & ~7; }
  const buf = new Uint8Array(n); let at = 0; const layout = [];
  for (const [k, p, v] of views) { buf.set(new Uint8Array(v.buffer, v.byteOffset, v.byteLength), at); layout.push([k, p, v.constructor.name, at, v.length]); at += (v.byteLength + 7) & ~7; }
  const columns = Object.create(null);
  for (const k in c.columns) { columns[k] = {}; for (const [p, v] of Object.entries(c.columns[k])) if (!ArrayBuffer.isView(v)) columns[k][p] = v; }
  return { format: 3, fileId: c.fileId, seq: c.seq, count: c.count, columns, layout, bytes: buf.buffer };
}
function open(name) {
  return new Promise((res, rej) => { const r = indexedDB.open(name, 1); r.onupgradeneeded = () => { r.result.createObjectStore('chunks', { keyPath: 'key' }); }; r.onsuccess = () => res(r.result); r.onerror = () => rej(r.error); });
}
function done(tx) { return new Promise((res, rej) => { tx.oncomplete = res; tx.onerror = () => rej(tx.error); tx.onabort = () => rej(tx.error); }); }
let base;
const SIZE = 2500000;
const PIECE = 60 * 1024;
function randomBytes(n) { const b = new Uint8Array(n); for (let i = 0; i < n; i += 65536) crypto.getRandomValues(b.subarray(i, i + 65536)); return b.buffer; }
onmessage = async (e) => {
  const { variant, chunks, round } = e.data;
  base ??= Array.from({ length: chunks }, (_, i) => chunk(i));
  const db = await open('bench-' + variant + '-' + round);
  const t0 = performance.now();
  const [shape, group, durability] = variant.split(':');
  const per = Number(group);
  for (let i = 0; i < chunks; i += per) {
    const tx = db.transaction('chunks', 'readwrite', { durability });
    const store = tx.objectStore('chunks');
    for (let j = i; j < Math.min(chunks, i + per); j++) {
      const c = base[j];
      if (shape === 'pieces') {
        // under Chromium's 64 KiB wrapping threshold: stored inline, not as a blob
        const f = flat(c), all = new Uint8Array(f.bytes);
        for (let at = 0, k = 0; at < all.length; at += PIECE, k++) store.put({ key: [1, j, k], bytes: all.slice(at, at + PIECE) });
        continue;
      }
      const value = shape === 'flat' ? flat(c) : shape === 'blob' ? { key: [1, j], blob: new Blob([flat(c).bytes]) }
        : shape === 'zero' ? { bytes: new ArrayBuffer(SIZE) } : shape === 'rand' ? { bytes: randomBytes(SIZE) } : c;
      value.key = [1, j];
      store.put(value);
    }
    await done(tx);
  }
  const ms = performance.now() - t0;
  db.close();
  await new Promise((res) => { const r = indexedDB.deleteDatabase('bench-' + variant + '-' + round); r.onsuccess = res; r.onerror = res; });
  postMessage(ms);
};`;

async function main(): Promise<void> {
  const server = createServer((req, res) => {
    if (req.url === '/w.js') return void res.writeHead(200, { 'content-type': 'text/javascript' }).end(WORKER);
    res.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><title>idb</title>');
  });
  await new Promise<void>((r) => server.listen(Number(process.env.BENCH_PORT ?? 5174), '127.0.0.1', r));
  const port = (server.address() as AddressInfo).port;
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  const variants = (process.env.IDB_VARIANTS ?? 'object:1:default,object:1:relaxed,object:4:relaxed,flat:1:relaxed,flat:4:relaxed,blob:4:relaxed').split(',');
  const wall = new Map<string, number[]>(variants.map((v) => [v, []]));
  const cpu = new Map<string, number[]>(variants.map((v) => [v, []]));
  try {
    const page = await browser.newPage();
    await page.goto(`http://127.0.0.1:${port}/`);
    await page.evaluate(() => { (window as unknown as { w: Worker }).w = new Worker('/w.js'); });
    const run = (variant: string, round: number) => page.evaluate(([variant, chunks, round]) => new Promise<number>((res) => {
      const w = (window as unknown as { w: Worker }).w;
      w.onmessage = (e: MessageEvent<number>) => res(e.data);
      w.postMessage({ variant, chunks, round });
    }), [variant, CHUNKS, round] as const);
    await run(variants[0], -1); // warm-up: builds the chunks, starts the database backend
    for (let r = 0; r < ROUNDS; r++) {
      for (const v of variants) {
        const c0 = treeCpuMs(process.pid) ?? NaN;
        wall.get(v)!.push(await run(v, r));
        cpu.get(v)!.push((treeCpuMs(process.pid) ?? NaN) - c0);
      }
    }
  } finally {
    await browser.close();
    server.close();
  }
  console.log(`${CHUNKS} chunks of ~2.5 MB per variant, ${ROUNDS} rounds alternating; load ${loadavg().map((l) => l.toFixed(1)).join(' / ')}`);
  console.log('shape:chunks per transaction:durability | median wall ms | median browser CPU ms | CPU ms per chunk');
  for (const v of variants) console.log(`${v} | ${median(wall.get(v)!).toFixed(0)} | ${median(cpu.get(v)!).toFixed(0)} | ${(median(cpu.get(v)!) / CHUNKS).toFixed(1)}`);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
