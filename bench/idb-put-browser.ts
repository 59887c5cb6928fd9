// `node --import tsx bench/idb-put-browser.ts [CHUNKS] [ROUNDS]`: what an IndexedDB chunk write costs in Chromium,
// by the shape of the value, in a worker (as the engine writes). Each variant writes CHUNKS synthetic chunks the
// size of a 10,000-line auth.log chunk (~2.5 MB: two byte texts, ~20 id arrays, 3 number arrays, small strings)
// into a fresh database and is timed in the worker (wall) and by the CPU of every browser process (on a loaded
// machine the CPU figure is the one to compare). Variants alternate, ROUNDS times; medians are printed.
// Besides IndexedDB shapes, `opfs:N` writes the same chunks (one buffer each) into an Origin Private File System
// file through a sync access handle, flushing every N chunks; `opfsread` reads that file back (list it after an
// opfs variant); `idbread` reads every chunk back with one getAll (the store is filled once, not timed).
// File layout (case schema 8, store/caseBodies.ts): `files:KB` writes CHUNKS buffers of KB KiB, one OPFS file each
// (getFileHandle, sync access handle, write, flush, close: what the engine does per chunk); `filesread:KB` reads
// them back through getFile() (no lock), `filessync:KB` through read-only sync access handles; `idbkb:KB` puts the same buffers into IndexedDB one per transaction;
// `idbkbread:KB` reads those with one getAll. Per-chunk CPU of the pairs says below which size a chunk is cheaper
// in IndexedDB.
// BENCH_PERSIST=1 runs in a profile on disk, as a user's browser does: the default off-the-record context keeps
// IndexedDB and OPFS in memory, which costs differently.
import { createServer } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
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
let filled = false;
async function idbRead(chunks) {
  const db = await open('bench-read');
  if (!filled) {
    const tx = db.transaction('chunks', 'readwrite'), st = tx.objectStore('chunks');
    for (let j = 0; j < chunks; j++) { const f = flat(base[j]); f.key = [1, j]; st.put(f); }
    await done(tx);
    filled = true;
  }
  const t0 = performance.now();
  const tx = db.transaction('chunks', 'readonly');
  await new Promise((res, rej) => { const r = tx.objectStore('chunks').getAll(); r.onsuccess = () => res(r.result); r.onerror = () => rej(r.error); });
  const ms = performance.now() - t0;
  db.close();
  return ms;
}
async function opfs(write, chunks, flushEvery) {
  const t0 = performance.now();
  const root = await navigator.storage.getDirectory();
  const h = await (await root.getFileHandle('bench.bin', { create: true })).createSyncAccessHandle();
  if (write) {
    h.truncate(0);
    for (let j = 0, at = 0; j < chunks; j++) {
      at += h.write(new Uint8Array(flat(base[j]).bytes), { at });
      if ((j + 1) % flushEvery === 0) h.flush();
    }
    h.flush();
  } else h.read(new Uint8Array(h.getSize()), { at: 0 });
  h.close();
  return performance.now() - t0;
}
async function files(kind, chunks, kb, round) {
  const root = await navigator.storage.getDirectory();
  const dir = await root.getDirectoryHandle('bench-files-' + kb, { create: true });
  const bytes = new Uint8Array(kb * 1024).fill(97);
  const t0 = performance.now();
  if (kind === 'files') {
    for (let j = 0; j < chunks; j++) {
      const h = await (await dir.getFileHandle(round + '-' + j, { create: true })).createSyncAccessHandle();
      h.write(bytes, { at: 0 }); h.flush(); h.close();
    }
  } else if (kind === 'filesread') {
    const names = []; for await (const k of dir.keys()) names.push(k);
    await Promise.all(names.slice(0, chunks).map(async (n) => (await (await dir.getFileHandle(n)).getFile()).arrayBuffer()));
  } else if (kind === 'filessync') {
    const names = []; for await (const k of dir.keys()) names.push(k);
    for (const n of names.slice(0, chunks)) {
      const h = await (await dir.getFileHandle(n)).createSyncAccessHandle({ mode: 'read-only' });
      const buf = new Uint8Array(h.getSize()); h.read(buf, { at: 0 }); h.close();
    }
  } else if (kind === 'idbkb') {
    const db = await open('bench-kb-' + kb);
    for (let j = 0; j < chunks; j++) { const tx = db.transaction('chunks', 'readwrite'); tx.objectStore('chunks').put({ key: [round, j], bytes: bytes.slice().buffer }); await done(tx); }
    db.close();
  } else {
    const db = await open('bench-kb-' + kb);
    const tx = db.transaction('chunks', 'readonly');
    await new Promise((res, rej) => { const r = tx.objectStore('chunks').getAll(undefined, chunks); r.onsuccess = () => res(r.result); r.onerror = () => rej(r.error); });
    db.close();
  }
  return performance.now() - t0;
}
onmessage = async (e) => {
  const { variant, chunks, round } = e.data;
  if (/^(files|filesread|filessync|idbkb|idbkbread):/.test(variant)) { const [k, kb] = variant.split(':'); return postMessage(await files(k, chunks, Number(kb), round)); }
  base ??= Array.from({ length: chunks }, (_, i) => chunk(i));
  const [shape, group, durability] = variant.split(':');
  if (shape === 'idbread') return postMessage(await idbRead(chunks));
  if (shape === 'opfs' || shape === 'opfsread') return postMessage(await opfs(shape === 'opfs', chunks, Number(group)));
  const db = await open('bench-' + variant + '-' + round);
  const t0 = performance.now();
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
  const profile = process.env.BENCH_PERSIST === '1' ? mkdtempSync(join(tmpdir(), 'logdrop-idb-')) : undefined;
  const context = profile === undefined ? undefined
    : await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  const browser = context === undefined ? await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS }) : undefined;
  const variants = (process.env.IDB_VARIANTS ?? 'object:1:default,object:1:relaxed,object:4:relaxed,flat:1:relaxed,flat:4:relaxed,blob:4:relaxed').split(',');
  const wall = new Map<string, number[]>(variants.map((v) => [v, []]));
  const cpu = new Map<string, number[]>(variants.map((v) => [v, []]));
  try {
    const page = context !== undefined ? await context.newPage() : await browser!.newPage();
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
    await (context ?? browser)?.close();
    server.close();
    if (profile !== undefined) rmSync(profile, { recursive: true, force: true });
  }
  console.log(`${CHUNKS} chunks of ~2.5 MB per variant, ${ROUNDS} rounds alternating, ${profile === undefined ? 'off-the-record context' : 'profile on disk'}; load ${loadavg().map((l) => l.toFixed(1)).join(' / ')}`);
  console.log('shape:chunks per transaction:durability | median wall ms | median browser CPU ms | CPU ms per chunk');
  for (const v of variants) console.log(`${v} | ${median(wall.get(v)!).toFixed(0)} | ${median(cpu.get(v)!).toFixed(0)} | ${(median(cpu.get(v)!) / CHUNKS).toFixed(1)}`);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
