// Case hand-over in Node (fake-indexeddb): a synthetic case of N sshd events is written chunk by chunk into a
// CaseStore, exported to a file on disk through exportCase (bytes only counted and written, never kept), then
// imported back from a file stream through importCase. Reports CPU time per phase, file size, and the peak heap
// growth above the case itself (fake-indexeddb keeps the database in the JS heap, so the heap before each phase
// is the baseline). Run: npm run bench:handover [-- events]
import 'fake-indexeddb/auto';
import { createWriteStream, createReadStream, statSync, mkdtempSync, rmSync } from 'node:fs';
import { Readable } from 'node:stream';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ChunkBuilder } from '../src/workers/chunk/chunk.ts';
import { CaseStore } from '../src/workers/store/caseStore.ts';
import { getCase, getGlobalSetting, globalSettingKeys, newCaseId, putCase, removeCase, setGlobalSetting } from '../src/workers/store/catalog.ts';
import { exportCase } from '../src/workers/handover/exportCase.ts';
import { importCase } from '../src/workers/handover/importCase.ts';
import { rng } from '../scripts/rng.ts';

const N = Number(process.argv[2] ?? 1_000_000);
const USERS = ['root', 'admin', 'alice', 'bob', 'deploy'];

function sampler() {
  let peak = 0;
  const base = process.memoryUsage().heapUsed;
  const t = setInterval(() => { peak = Math.max(peak, process.memoryUsage().heapUsed - base); }, 20);
  return () => { clearInterval(t); return Math.max(peak, process.memoryUsage().heapUsed - base); };
}
const cpuMs = (from: NodeJS.CpuUsage) => { const u = process.cpuUsage(from); return (u.user + u.system) / 1000; };
const mib = (b: number) => `${(b / 2 ** 20).toFixed(1)} MiB`;

const id = newCaseId();
await putCase({ id, name: 'bench', createdMs: 0, events: N, unparsed: 0, files: 1, sourceBytes: 0 });
const store = await CaseStore.open(id);
const fileId = await store.addFile({ path: 'auth.log', size: 0, sha256: '', parserId: 'syslog3164', confidence: 1, state: 'done', bytesRead: 0, events: N, unparsed: 0 } as never);
const r = rng(7);
const b = new ChunkBuilder(10_000);
let seq = 0;
for (let i = 0; i < N; i++) {
  const ip = `203.0.113.${Math.floor(r() * 250)}`, user = USERS[Math.floor(r() * USERS.length)];
  const message = `Failed password for ${user} from ${ip} port ${1024 + (i % 60000)} ssh2`;
  b.add({ ts: Date.UTC(2026, 2, 1) + i * 37, raw: `Mar  1 00:00:00 web01 sshd[${i % 30000}]: ${message}`, message, 'app.name': 'sshd',
    'obs.host.name': 'web01', 'init.host.ip': ip, 'target.usr.name': user, outcome: 'failure', 'col.line': i + 1, 'col.offset': i * 90, 'parser.name': 'syslog3164' });
  if (b.full) await store.putChunk(b.build(fileId, seq++));
}
if (b.size > 0) await store.putChunk(b.build(fileId, seq));

const dir = mkdtempSync(join(tmpdir(), 'handover-'));
const path = join(dir, 'bench.logdrop-case');
const out = createWriteStream(path);
const gc = (globalThis as { gc?: () => void }).gc;
gc?.();
let stop = sampler();
let cpu = process.cpuUsage();
let wall = performance.now();
const res = await exportCase({ id, name: 'bench', createdMs: 0 }, store, { keys: globalSettingKeys, get: getGlobalSetting }, { write: (x) => out.write(x) });
await new Promise<void>((done) => out.end(done));
const exp = { cpu: cpuMs(cpu), wall: performance.now() - wall, heap: stop() };
store.close();
await removeCase(id); // import takes the same id back: the file's own
gc?.();
stop = sampler();
cpu = process.cpuUsage();
wall = performance.now();
const info = await importCase(Readable.toWeb(createReadStream(path, { highWaterMark: 1 << 20 })) as ReadableStream<Uint8Array>,
  { getCase, putCase, removeCase, newCaseId, getGlobal: getGlobalSetting, setGlobal: setGlobalSetting });
const imp = { cpu: cpuMs(cpu), wall: performance.now() - wall, heap: stop() };
const size = statSync(path).size;
rmSync(dir, { recursive: true });
console.log(`events ${N.toLocaleString('en-US')}, chunks ${res.chunks}, file ${mib(size)} (${(size / N).toFixed(0)} B/event), imported ${info.events.toLocaleString('en-US')} events`);
console.log(`export: cpu ${(exp.cpu / 1000).toFixed(1)} s (${Math.round(N / (exp.cpu / 1000)).toLocaleString('en-US')} events/s cpu), wall ${(exp.wall / 1000).toFixed(1)} s, peak heap growth ${mib(exp.heap)}`);
console.log(`import: cpu ${(imp.cpu / 1000).toFixed(1)} s (${Math.round(N / (imp.cpu / 1000)).toLocaleString('en-US')} events/s cpu), wall ${(imp.wall / 1000).toFixed(1)} s, peak heap growth ${mib(imp.heap)} (includes the imported case in fake-indexeddb)`);
console.log(`load average ${(await import('node:os')).loadavg().map((x) => x.toFixed(1)).join(' ')}`);
