// What an ingest writes to IndexedDB, store by store (issue 15, the browser's IndexedDB thread pool): the whole
// engine in Node over fake-indexeddb, with an in-memory body store standing in for OPFS as the browser has it.
// Counts transactions (by the stores they cover), puts/adds/deletes per store, the structured-clone bytes of
// each value (v8.serialize: what Chromium's backend gets, before its own compression), and keys written more
// than once (a row rewritten per chunk is O(chunks) writes; a growing row rewritten so is O(n^2) bytes).
//   node --import tsx bench/idb-writes-node.ts [LINES=1000000] [FILE=.bench/auth-LINES.log]
// Detection after searchable (alerts) is counted apart: the browser bench measures until searchable.
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { serialize } from 'node:v8';
import { authLog } from './generate.ts';
import { createEngine } from '../src/workers/engine.ts';
import { MemoryBackend, setBodyBackend } from '../src/workers/store/chunkBodies.ts';

interface StoreCount { puts: number; deletes: number; bytes: number; maxBytes: number; keys: Map<string, number> }
interface Phase { txs: Map<string, number>; stores: Map<string, StoreCount> }

const newPhase = (): Phase => ({ txs: new Map(), stores: new Map() });
let phase = newPhase();
const lines = Number(process.argv[2] ?? 1_000_000);

function count(store: string, kind: 'put' | 'delete', key: unknown, value: unknown): void {
  let s = phase.stores.get(store);
  if (s === undefined) phase.stores.set(store, (s = { puts: 0, deletes: 0, bytes: 0, maxBytes: 0, keys: new Map() }));
  if (kind === 'delete') {
    s.deletes++;
    return;
  }
  s.puts++;
  const bytes = serialize(value).length;
  s.bytes += bytes;
  s.maxBytes = Math.max(s.maxBytes, bytes);
  const k = JSON.stringify(key ?? null);
  s.keys.set(k, (s.keys.get(k) ?? 0) + 1);
}

function keyOf(store: IDBObjectStore, value: unknown, key: unknown): unknown {
  if (key !== undefined) return key;
  const path = store.keyPath;
  if (path === null || typeof value !== 'object' || value === null) return undefined;
  const get = (p: string) => (value as Record<string, unknown>)[p];
  return Array.isArray(path) ? path.map(get) : get(path);
}

function instrument(): void {
  const proto = IDBObjectStore.prototype;
  for (const method of ['put', 'add'] as const) {
    const orig = proto[method];
    proto[method] = function (this: IDBObjectStore, value: unknown, key?: IDBValidKey) {
      count(this.name, 'put', keyOf(this, value, key), value);
      return orig.call(this, value, key);
    };
  }
  const del = proto.delete;
  proto.delete = function (this: IDBObjectStore, query: IDBValidKey | IDBKeyRange) {
    count(this.name, 'delete', query, undefined);
    return del.call(this, query);
  };
  const tx = IDBDatabase.prototype.transaction;
  IDBDatabase.prototype.transaction = function (this: IDBDatabase, names: string | string[], mode?: IDBTransactionMode, options?: IDBTransactionOptions) {
    if (mode === 'readwrite') {
      const k = `${this.name.startsWith('logdrop-case-') ? 'case' : this.name}: ${[names].flat().join('+')}`;
      phase.txs.set(k, (phase.txs.get(k) ?? 0) + 1);
    }
    return tx.call(this, names, mode, options);
  };
}

function print(title: string, p: Phase): void {
  const fmt = (n: number) => n.toLocaleString('en-US');
  console.log(`\n== ${title}\nreadwrite transactions (stores they cover): ${fmt([...p.txs.values()].reduce((a, b) => a + b, 0))}`);
  for (const [k, n] of [...p.txs].sort((a, b) => b[1] - a[1])) console.log(`  ${fmt(n).padStart(8)}  ${k}`);
  console.log('store | puts | deletes | bytes | bytes/put | largest | distinct keys | rewrites (puts - keys) | most writes of one key');
  for (const [name, s] of [...p.stores].sort((a, b) => b[1].bytes - a[1].bytes)) {
    const top = [...s.keys].sort((a, b) => b[1] - a[1])[0];
    console.log(`${name} | ${fmt(s.puts)} | ${fmt(s.deletes)} | ${fmt(s.bytes)} | ${fmt(Math.round(s.bytes / Math.max(1, s.puts)))} | ${fmt(s.maxBytes)} | ${fmt(s.keys.size)} | ${fmt(s.puts - s.keys.size)} | ${top === undefined ? '' : `${top[1]}x ${top[0].slice(0, 60)}`}`);
  }
}

async function main(): Promise<void> {
  instrument();
  const backend = new MemoryBackend();
  setBodyBackend(backend);
  const path = process.argv[3] ?? await authLog(lines);
  const file = new File([readFileSync(path)], 'auth.log', { lastModified: Date.UTC(2026, 0, 1) });
  const engine = createEngine();
  await engine.createCase('idb writes');
  phase = newPhase();
  const t0 = process.cpuUsage();
  const done = await engine.ingest([{ path: 'auth.log', file }], {}, () => {});
  const cpu = process.cpuUsage(t0);
  const ingest = phase;
  console.log(`${path}: ${done.files.map((f) => `${f.state} ${f.events} events`).join(', ')}; Node CPU ${((cpu.user + cpu.system) / 1000).toFixed(0)} ms (with counting)`);
  print('the ingest (drop -> ingest resolved)', ingest);
  phase = newPhase();
  await engine.detected();
  print('after the ingest resolved (detection, settings)', phase);
}

await main();
