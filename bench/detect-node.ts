// Detection benchmark in Node: 1M mixed events (SSH, Windows logons and account changes, web) generated
// deterministically into 10k-event chunks and indexed like the engine does; then every built-in detector
// (cold: builds the per-table logon arrays; warm: a re-run) and, per detector, a parameter change: what the
// alerts view waits for after a trainer moves a slider. Median of 5 runs; on a loaded machine the CPU time
// (process.cpuUsage: this thread and the GC's) is closer to what an idle laptop's wall time would be.
// Run: node --import tsx bench/detect-node.ts [events]
import type { EventFields } from '../src/core/schema.ts';
import { ChunkBuilder } from '../src/workers/chunk/chunk.ts';
import { CaseIndex } from '../src/workers/query/caseIndex.ts';
import { caseTable } from '../src/workers/query/eventTable.ts';
import { DETECTORS, runDetector, runDetectors } from '../src/detect/index.ts';
import { rng } from '../scripts/rng.ts';

const N = Number(process.argv[2] ?? 1_000_000);
const RUNS = 5;
const T0 = Date.UTC(2026, 0, 5);
const r = rng(7);
const pick = <T>(a: readonly T[]): T => a[Math.floor(r() * a.length)];
const USERS = [...Array.from({ length: 500 }, (_, i) => `user${i}`), 'root', 'admin', 'administrator', 'oracle', 'deploy'];
const HOSTS = Array.from({ length: 30 }, (_, i) => `srv-${i}`);
const ATTACKERS = Array.from({ length: 40 }, (_, i) => `203.0.113.${i}`);

function event(i: number, ts: number): EventFields {
  const host = pick(HOSTS), user = pick(USERS), x = r();
  const ip = x < 0.1 ? pick(ATTACKERS) : `10.${Math.floor(r() * 8)}.${Math.floor(r() * 50)}.${Math.floor(r() * 50)}`;
  const base = { ts, 'obs.host.name': host, 'col.file': `logs/${host}`, 'col.line': i + 1, 'init.host.ip': ip, 'target.usr.name': user };
  const k = r();
  if (k < 0.35) return { ...base, type: 'AUTH', action: 'logon', outcome: 'failure', 'app.name': 'sshd', message: `Failed password for ${user}` };
  if (k < 0.55) return { ...base, type: 'AUTH', action: 'logon', outcome: 'success', 'app.name': 'sshd', message: `Accepted password for ${user}` };
  if (k < 0.62) return { ...base, type: 'AUTH', action: 'logon', outcome: r() < 0.3 ? 'failure' : 'success', 'alarm.id': '4625', 'app.name': 'Microsoft-Windows-Security-Auditing' };
  if (k < 0.621) return { ...base, type: 'AUTH', action: pick(['account-create', 'group-member-add', 'service-install', 'task-create', 'log-clear']), 'target.group.name': 'Administrators', 'target.service.name': `svc${i % 50}` };
  if (k < 0.64) return { ...base, type: 'AUTH', action: 'sudo', outcome: 'success', 'init.usr.name': user, 'target.usr.name': 'root' };
  if (k < 0.85) return { ...base, type: 'WEB', 'web.request.method': r() < 0.2 ? 'POST' : 'GET', 'target.uri.path': pick(['/', '/api/login', '/products', '/cart']), 'web.request.rc': pick([200, 200, 200, 401, 404, 302]) };
  return { ...base, type: 'SYS', action: 'cron', 'app.name': 'CRON', message: 'CMD (run-parts /etc/cron.hourly)' };
}

const index = new CaseIndex();
let t0 = performance.now();
const b = new ChunkBuilder(10_000);
let seq = 0, ts = T0;
for (let i = 0; i < N; i++) {
  ts += Math.floor(r() * 1200);
  b.add(event(i, ts));
  if (b.full) index.addChunk(b.build(1, seq++));
}
if (b.size > 0) index.addChunk(b.build(1, seq));
console.log(`${N.toLocaleString('en')} events indexed in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

const table = caseTable(index);
const median = (xs: number[]) => [...xs].sort((a, c) => a - c)[Math.floor(xs.length / 2)];
t0 = performance.now();
const cold = runDetectors(table);
console.log(`all detectors, cold (builds the logon arrays): ${(performance.now() - t0).toFixed(0)} ms, ${cold.alerts.length} alerts`);
const warm: number[] = [];
for (let i = 0; i < RUNS; i++) {
  const s = performance.now();
  runDetectors(table);
  warm.push(performance.now() - s);
}
console.log(`all detectors, warm: median ${median(warm).toFixed(0)} ms`);
console.log('parameter change -> alerts of that detector (median of 5):');
const changes: Record<string, Record<string, number>[]> = {
  'builtin.bruteforce.user': [{ threshold: 20 }, { threshold: 10 }],
  'builtin.bruteforce.ip': [{ threshold: 8 }, { threshold: 5 }],
  'builtin.password-spray': [{ minUsers: 15 }, { minUsers: 10 }],
  'builtin.success-after-failures': [{ minFailures: 8 }, { minFailures: 5 }],
  'builtin.failed-logon-spike': [{ threshold: 4 }, { threshold: 3 }],
  'builtin.account-tampering': [{ mergeMinutes: 30 }, { mergeMinutes: 60 }],
};
let worst = 0;
for (const d of DETECTORS) {
  const steps = changes[d.id];
  if (steps === undefined) continue;
  const times: number[] = [], cpu: number[] = [];
  let alerts = 0;
  for (let i = 0; i < RUNS; i++) {
    const s = performance.now(), c = process.cpuUsage();
    alerts = runDetector(table, d, steps[i % 2]).alerts.length;
    times.push(performance.now() - s);
    const u = process.cpuUsage(c);
    cpu.push((u.user + u.system) / 1000);
  }
  worst = Math.max(worst, median(times));
  console.log(`  ${d.id.padEnd(32)} ${median(times).toFixed(0).padStart(5)} ms wall, ${median(cpu).toFixed(0).padStart(5)} ms CPU  (${alerts} alerts)`);
}
console.log(`slowest parameter change: ${worst.toFixed(0)} ms at ${N.toLocaleString('en')} events (target <= 1000 ms)`);
