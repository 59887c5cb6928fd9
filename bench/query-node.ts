// Query engine benchmark in Node: 1M realistic auth-log events generated deterministically straight
// into 10k-event chunks, indexed, then the operations the UI asks for, median of 5 runs each.
// Run: node --expose-gc --import tsx bench/query-node.ts [events]
import type { EventFields } from '../src/core/schema.ts';
import { ChunkBuilder, type EventChunk } from '../src/workers/chunk/chunk.ts';
import { CaseIndex } from '../src/workers/query/caseIndex.ts';
import { createQueryEngine, type QueryEngine } from '../src/workers/query/engine.ts';
import { rng } from '../scripts/rng.ts';

const N = Number(process.argv[2] ?? 1_000_000);
const CHUNK = 10_000;
const RUNS = 5;
const T0 = Date.UTC(2024, 9, 1);


const HOSTS = Array.from({ length: 20 }, (_, i) => `srv-${String(i).padStart(2, '0')}`);
const USERS = [...Array.from({ length: 300 }, (_, i) => `user${i}`), 'root', 'admin', 'administrator', 'oracle', 'postgres', 'ubuntu', 'test', 'guest'];

function* events(): Generator<EventFields> {
  const r = rng(42);
  const pick = <T>(a: readonly T[]): T => a[Math.floor(r() * a.length)];
  let ts = T0;
  for (let i = 0; i < N; i++) {
    ts += Math.floor(r() * 1200); // ~0.6 s apart: 1M events over ~1 week
    const host = pick(HOSTS);
    const x = r();
    const ip = x < 0.3 ? `203.0.113.${Math.floor(r() * 256)}` : x < 0.5 ? `198.51.100.${Math.floor(r() * 256)}`
      : `10.${Math.floor(r() * 8)}.${Math.floor(r() * 50)}.${Math.floor(r() * 50)}`;
    const port = 1024 + Math.floor(r() * 64000);
    const pid = String(1000 + Math.floor(r() * 30000));
    const y = r();
    const user = y < 0.05 ? `adm${Math.floor(r() * 1000)}` : pick(USERS);
    const time = new Date(ts).toISOString().slice(11, 19);
    let message: string, action: string, outcome: string, app = 'sshd';
    const kind = r();
    if (kind < 0.45) { message = `Failed password for ${user} from ${ip} port ${port} ssh2`; action = 'login'; outcome = 'failure'; }
    else if (kind < 0.6) { message = `Invalid user ${user} from ${ip} port ${port}`; action = 'invalid-user'; outcome = 'failure'; }
    else if (kind < 0.8) { message = `Accepted password for ${user} from ${ip} port ${port} ssh2`; action = 'login'; outcome = 'success'; }
    else if (kind < 0.92) { message = `pam_unix(sshd:session): session opened for user ${user} by (uid=0)`; action = 'session-open'; outcome = 'success'; }
    else { app = 'sudo'; message = `${user} : TTY=pts/0 ; PWD=/home/${user} ; USER=root ; COMMAND=/bin/systemctl restart nginx`; action = 'sudo'; outcome = 'success'; }
    yield {
      ts, raw: `Oct  1 ${time} ${host} ${app}[${pid}]: ${message}`, message,
      'obs.host.name': host, 'app.name': app, 'obs.process.id': pid, 'init.host.ip': ip, 'init.host.port': port,
      'target.usr.name': user, outcome, action, type: 'AUTH', 'col.file': `logs/${host}/auth.log`, 'col.line': i + 1,
      'col.offset': i * 100, 'parser.name': 'syslog',
    };
  }
}

function* chunks(): Generator<EventChunk> {
  const b = new ChunkBuilder(CHUNK);
  let seq = 0;
  for (const e of events()) {
    b.add(e);
    if (b.full) yield b.build(1, seq++);
  }
  if (b.size > 0) yield b.build(1, seq);
}

const gc = (globalThis as { gc?: () => void }).gc;
const mem = () => { gc?.(); gc?.(); const m = process.memoryUsage(); return m.heapUsed + m.arrayBuffers; };
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

function time(fn: () => unknown): { median: number; first: number } {
  const t: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    fn();
    t.push(performance.now() - t0);
  }
  return { median: median(t), first: t[0] };
}

function handle(engine: QueryEngine, q: string): number {
  const r = engine.query(q);
  if (!r.ok) throw new Error(r.error.message);
  return r.handle.id;
}

// 1. memory: stream chunks into the index (the chunks themselves are dropped as they go)
if (!gc) console.warn('run with --expose-gc for the memory figure');
const m0 = mem();
const index = new CaseIndex();
let rawChars = 0, messageChars = 0;
for (const c of chunks()) {
  const raw = c.columns.raw, msg = c.columns.message;
  if (raw.kind === 'text') rawChars += raw.text.length;
  if (msg.kind === 'text') messageChars += msg.text.length;
  index.addChunk(c);
}
index.timeOrder();
const m1 = mem();
const indexBytes = m1 - m0;

// 2. build time over pre-generated chunks
const all: EventChunk[] = [...chunks()];
const build = time(() => {
  const idx = new CaseIndex();
  for (const c of all) idx.addChunk(c);
  idx.timeOrder();
});
all.length = 0;

// 3. queries
const engine = createQueryEngine(index);
const ALL = handle(engine, '');
const FAIL = handle(engine, 'outcome:failure');
const rows: [string, { median: number; first: number }, string][] = [];
const add = (name: string, fn: () => unknown, note = '') => rows.push([name, time(fn), note]);
let total = 0;
rows.push([`index build (${Math.ceil(N / CHUNK)} chunks + time order)`, build, 'from ready chunks']);
add('facet target.usr.name, all rows', () => engine.facets(ALL, ['target.usr.name'], 10), 'kept counts');
add('facet target.usr.name, 60% of rows', () => engine.facets(FAIL, ['target.usr.name'], 10), 'scan');
add('facet init.host.ip, 60% of rows', () => engine.facets(FAIL, ['init.host.ip'], 10), 'scan');
add('facet init.host.port (number), 60%', () => engine.facets(FAIL, ['init.host.port'], 10), 'interned');
add('histogram 100 buckets, all rows', () => engine.histogram(ALL, 100));
add('histogram 100 buckets split by outcome', () => engine.histogram(ALL, 100, 'outcome'));
add('count outcome:failure and ip:203.0.113.0/24', () => { const r = engine.query('outcome:failure and init.host.ip:203.0.113.0/24'); total = r.ok ? r.handle.total : -1; if (r.ok) engine.release(r.handle.id); });
const filteredTotal = total;
add('free text "Failed password"', () => { const r = engine.query('"Failed password"'); total = r.ok ? r.handle.total : -1; if (r.ok) engine.release(r.handle.id); }, 'first run lower-cases');
const freeTotal = total;
add('regex target.usr.name:/^adm\\d+$/', () => { const r = engine.query('target.usr.name:/^adm\\d+$/'); if (r.ok) engine.release(r.handle.id); }, 'per distinct value');
add('regex message:/port 6\\d{4} ssh2$/', () => { const r = engine.query('message:/port 6\\d{4} ssh2$/'); if (r.ok) engine.release(r.handle.id); }, 'per event');
add('first page (100) by ts, all rows', () => engine.page(ALL, 0, 100));
add('first page (100) by ts desc, 60%', () => engine.page(FAIL, 0, 100, { field: 'ts', dir: 'desc' }));
add('first page (100) by target.usr.name, 60%', () => engine.page(FAIL, 0, 100, { field: 'target.usr.name', dir: 'asc' }));
add('first page (100) by init.host.port desc', () => engine.page(ALL, 0, 100, { field: 'init.host.port', dir: 'desc' }));
add('topN 10 ip x 10 users, 60%', () => engine.topN(FAIL, 'init.host.ip', 'target.usr.name', 10));
add('field catalog', () => engine.fieldCatalog());
const m2 = mem();

const pad = (s: string, n: number) => s.padEnd(n);
console.log(`\n${N} events, ${CHUNK} per chunk, median of ${RUNS} runs (Node ${process.version})\n`);
console.log(`| ${pad('operation', 46)} | median ms | first ms | note |`);
console.log(`|${'-'.repeat(48)}|-----------|----------|------|`);
for (const [name, t, note] of rows) console.log(`| ${pad(name, 46)} | ${t.median.toFixed(1).padStart(9)} | ${t.first.toFixed(1).padStart(8)} | ${note} |`);
console.log(`\nmatches: filtered count = ${filteredTotal}, free text = ${freeTotal}`);
const perEvent = (b: number) => (b / N).toFixed(0);
console.log(`index memory (JS heap + ArrayBuffers): ${(indexBytes / 1e6).toFixed(1)} MB = ${perEvent(indexBytes)} B/event`);
console.log(`  text held: raw ${(rawChars / 1e6).toFixed(1)} MB, message ${(messageChars / 1e6).toFixed(1)} MB (one byte per char)`);
console.log(`  excluding raw text: ${perEvent(indexBytes - rawChars)} B/event; excluding raw and message text: ${perEvent(indexBytes - rawChars - messageChars)} B/event`);
console.log(`  after the queries (lower-cased message copies, handles): +${((m2 - m1) / 1e6).toFixed(1)} MB`);
