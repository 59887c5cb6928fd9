// Live-poll detection benchmark in Node: a case of N mixed events (SSH, Windows logons and account changes,
// web) indexed like the engine does, every detector run once (warm caches), then polls that each append a chunk
// of M new events and run every detector again, as the live follower does after a poll that brought events;
// half the polls on a fresh table (the cost before incremental inputs), half on the followed one.
// Prints the CPU time (process.cpuUsage: this thread and the GC's) and wall time per poll, median of the polls.
// Run: node --import tsx bench/live-detect-node.ts [events] [new events per poll] [polls] [followed]
import type { EventFields } from '../src/core/schema.ts';
import { ChunkBuilder } from '../src/workers/chunk/chunk.ts';
import { CaseIndex } from '../src/workers/query/caseIndex.ts';
import { caseTable } from '../src/workers/query/eventTable.ts';
import { runDetectors } from '../src/detect/index.ts';
import { rng } from '../scripts/rng.ts';
import { loadavg } from 'node:os';

const N = Number(process.argv[2] ?? 1_000_000);
const M = Number(process.argv[3] ?? 100);
const POLLS = Number(process.argv[4] ?? 5);
/** `followed` skips the rebuilt polls (for --cpu-prof) */
const ONLY = process.argv[5];
const r = rng(11);
const pick = <T>(a: readonly T[]): T => a[Math.floor(r() * a.length)];
const USERS = [...Array.from({ length: 500 }, (_, i) => `user${i}`), 'root', 'admin', 'oracle', 'deploy'];
const HOSTS = Array.from({ length: 30 }, (_, i) => `srv-${i}`);
const ATTACKERS = Array.from({ length: 40 }, (_, i) => `203.0.113.${i}`);

function event(i: number, ts: number): EventFields {
  const host = pick(HOSTS), user = pick(USERS), x = r();
  const ip = x < 0.1 ? pick(ATTACKERS) : `10.${Math.floor(r() * 8)}.${Math.floor(r() * 50)}.${Math.floor(r() * 50)}`;
  const base = { ts, 'obs.host.name': host, 'col.file': `logs/${host}`, 'col.line': i + 1, 'init.host.ip': ip, 'target.usr.name': user };
  const k = r();
  if (k < 0.35) return { ...base, type: 'AUTH', action: 'logon', outcome: 'failure', 'app.name': 'sshd', message: `Failed password for ${user}` };
  if (k < 0.55) return { ...base, type: 'AUTH', action: 'logon', outcome: 'success', 'app.name': 'sshd', message: `Accepted password for ${user}` };
  if (k < 0.621) return { ...base, type: 'AUTH', action: pick(['account-create', 'group-member-add', 'service-install']), 'target.group.name': 'Administrators' };
  if (k < 0.85) return { ...base, type: 'WEB', 'web.request.method': r() < 0.2 ? 'POST' : 'GET', 'target.uri.path': pick(['/', '/api/login', '/cart']), 'web.request.rc': pick([200, 200, 401, 404]) };
  return { ...base, type: 'SYS', action: 'cron', 'app.name': 'CRON', message: 'CMD (run-parts /etc/cron.hourly)' };
}

const index = new CaseIndex();
const b = new ChunkBuilder(10_000);
let seq = 0, ts = Date.UTC(2026, 0, 5), line = 0;
for (; line < N; line++) {
  ts += Math.floor(r() * 1200);
  b.add(event(line, ts));
  if (b.full) index.addChunk(b.build(1, seq++));
}
if (b.size > 0) index.addChunk(b.build(1, seq++));
const table = caseTable(index);
let t0 = performance.now();
let alerts = runDetectors(table).alerts.length;
console.log(`${N.toLocaleString('en')} events; first run of every detector ${(performance.now() - t0).toFixed(0)} ms, ${alerts} alerts`);
const median = (xs: number[]) => [...xs].sort((a, c) => a - c)[Math.floor(xs.length / 2)];
// alternate polls: "rebuilt" runs on a fresh table (what every poll cost before the logon arrays were extended:
// their cache was keyed by the row count), "followed" on the table kept across polls
const runs = { rebuilt: { wall: [] as number[], cpu: [] as number[] }, followed: { wall: [] as number[], cpu: [] as number[] } };
for (let p = 0; p < 2 * POLLS; p++) {
  const mode = ONLY === 'followed' || p % 2 === 1 ? 'followed' : 'rebuilt';
  const nb = new ChunkBuilder(M);
  for (let i = 0; i < M; i++, line++) nb.add(event(line, (ts += Math.floor(r() * 1200))));
  t0 = performance.now();
  const c = process.cpuUsage();
  index.addChunk(nb.build(2, seq++));
  alerts = runDetectors(mode === 'rebuilt' ? caseTable(index) : table).alerts.length;
  const u = process.cpuUsage(c);
  runs[mode].wall.push(performance.now() - t0);
  runs[mode].cpu.push((u.user + u.system) / 1000);
}
for (const [mode, { wall, cpu }] of Object.entries(runs)) {
  if (cpu.length === 0) continue;
  console.log(`poll of ${M} new events -> every detector, ${mode.padEnd(8)}: median ${median(cpu).toFixed(0)} ms CPU, ${median(wall).toFixed(0)} ms wall over ${POLLS} polls`);
}
console.log(`${alerts} alerts at the end; load average ${loadavg()[0].toFixed(1)}`);
