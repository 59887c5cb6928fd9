// Sigma engine benchmark in Node: every rule of ../shared/corpus/sigma over a synthetic 1M-event mixed case
// (Sysmon process/network/file events, Security logons and 4688, Linux syslog), generated deterministically
// straight into the engine's CaseIndex (ingest is not what this measures). Median of 3 runs; each run
// binds the rules afresh (candidate rows, verdict caches), as a re-run after a rule change does.
// Run: npm run bench:sigma [-- events [runs]]
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { EventFields } from '../src/core/schema.ts';
import { dependents, loadRules, runSigma } from '../src/detect/sigma/index.ts';
import { CaseIndex } from '../src/workers/query/caseIndex.ts';
import { caseTable } from '../src/workers/query/eventTable.ts';
import { ChunkBuilder } from '../src/workers/chunk/chunk.ts';
import { corpusExists, corpusPath, listCorpus } from '../test/harness/corpus.ts';
import { rng } from '../scripts/rng.ts';

const N = Number(process.argv[2] ?? 1_000_000);
const RUNS = Number(process.argv[3] ?? 3);
const CHUNK = 10_000;
const T0 = Date.UTC(2026, 2, 1);


const HOSTS = Array.from({ length: 30 }, (_, i) => `WS-${String(i).padStart(3, '0')}`);
const USERS = ['alice', 'bob', 'carol', 'dave', 'svc_backup', 'administrator', 'SYSTEM', 'eve', 'mallory'];
const PROGRAMS: [string, string, string][] = [
  ['C:\\Windows\\System32\\cmd.exe', 'cmd.exe', 'cmd.exe /c echo %d > C:\\Temp\\out%d.txt'],
  ['C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe', 'PowerShell.EXE', 'powershell.exe -NoProfile -Command Get-Process -Id %d'],
  ['C:\\Windows\\System32\\svchost.exe', 'svchost.exe', 'C:\\Windows\\system32\\svchost.exe -k netsvcs -p -s Schedule'],
  ['C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe', 'chrome.exe', '"C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe" --type=renderer --field-trial-handle=%d'],
  ['C:\\Windows\\System32\\wbem\\WMIC.exe', 'wmic.exe', 'wmic process where processid=%d get name'],
  ['C:\\Windows\\System32\\reg.exe', 'reg.exe', 'reg query HKLM\\Software\\Vendor%d'],
  ['C:\\Windows\\System32\\schtasks.exe', 'schtasks.exe', 'schtasks /query /tn Task%d'],
  ['C:\\Windows\\System32\\certutil.exe', 'CertUtil.exe', 'certutil -hashfile C:\\Users\\Public\\f%d.bin SHA256'],
  ['C:\\Windows\\explorer.exe', 'EXPLORER.EXE', 'C:\\Windows\\Explorer.EXE'],
  ['C:\\Windows\\System32\\whoami.exe', 'whoami.exe', 'whoami /all'],
];
const PARENTS = ['C:\\Windows\\explorer.exe', 'C:\\Windows\\System32\\services.exe', 'C:\\Windows\\System32\\cmd.exe', 'C:\\Program Files\\Microsoft VS Code\\Code.exe'];

function* events(): Generator<EventFields> {
  const r = rng(7);
  const pick = <T>(a: readonly T[]): T => a[Math.floor(r() * a.length)];
  let ts = T0;
  for (let i = 0; i < N; i++) {
    ts += Math.floor(r() * 600);
    const host = pick(HOSTS), user = pick(USERS), n = Math.floor(r() * 100_000);
    const base: EventFields = { ts, 'obs.host.name': host, 'col.file': `case/${host}.evtx`, 'col.line': i + 1, 'col.offset': i * 1000 };
    const k = r();
    if (k < 0.35) {
      const [image, orig, cli] = pick(PROGRAMS);
      const cmd = cli.replace(/%d/g, String(n));
      yield { ...base, raw: `<Event>${cmd}</Event>`, message: `Process ${orig} started by ${user}: ${cmd}`, 'parser.name': 'evtx',
        'data.Channel': 'Microsoft-Windows-Sysmon/Operational', 'data.EventID': '1', 'data.Provider_Name': 'Microsoft-Windows-Sysmon',
        'data.Image': image, 'data.OriginalFileName': orig, 'data.CommandLine': cmd, 'data.ParentImage': pick(PARENTS),
        'data.ParentCommandLine': 'C:\\Windows\\Explorer.EXE', 'data.User': `CORP\\${user}`, 'data.IntegrityLevel': r() < 0.2 ? 'High' : 'Medium',
        'data.CurrentDirectory': 'C:\\Windows\\system32\\', 'data.Hashes': `SHA256=${(n * 2654435761 >>> 0).toString(16)}` };
    } else if (k < 0.45) {
      yield { ...base, raw: '<Event/>', message: 'Network connection', 'parser.name': 'evtx', 'data.Channel': 'Microsoft-Windows-Sysmon/Operational',
        'data.EventID': '3', 'data.Image': pick(PROGRAMS)[0], 'data.DestinationIp': `10.0.${n % 256}.${n % 200}`, 'data.DestinationPort': String(n % 65535),
        'data.Initiated': 'true', 'data.Protocol': 'tcp' };
    } else if (k < 0.55) {
      yield { ...base, raw: '<Event/>', message: 'File created', 'parser.name': 'evtx', 'data.Channel': 'Microsoft-Windows-Sysmon/Operational',
        'data.EventID': '11', 'data.Image': pick(PROGRAMS)[0], 'data.TargetFilename': `C:\\Users\\${user}\\AppData\\Local\\Temp\\tmp${n}.tmp` };
    } else if (k < 0.7) {
      const id = pick(['4624', '4625', '4688', '4672', '4634']);
      yield { ...base, raw: '<Event/>', message: `Security ${id}`, 'parser.name': 'evtx', 'data.Channel': 'Security', 'data.EventID': id,
        'data.Provider_Name': 'Microsoft-Windows-Security-Auditing', 'data.TargetUserName': user, 'data.SubjectUserName': pick(USERS),
        'data.LogonType': pick(['2', '3', '10']), 'data.IpAddress': `203.0.113.${n % 255}`, 'data.NewProcessName': pick(PROGRAMS)[0],
        'data.CommandLine': id === '4688' ? pick(PROGRAMS)[2].replace(/%d/g, String(n)) : '' };
    } else {
      const app = pick(['sshd', 'sshd', 'sudo', 'CRON', 'systemd']);
      const message = app === 'sshd' ? `Failed password for ${user} from 203.0.113.${n % 255} port ${n % 60000} ssh2`
        : app === 'sudo' ? `${user} : TTY=pts/0 ; PWD=/home/${user} ; USER=root ; COMMAND=/usr/bin/systemctl restart nginx`
          : app === 'CRON' ? '(root) CMD (run-parts /etc/cron.hourly)' : `Started Session ${n} of user ${user}.`;
      yield { ...base, raw: `Mar  1 00:00:00 ${host} ${app}[${n}]: ${message}`, message, 'parser.name': 'syslog3164', 'app.name': app, 'obs.process.name': app };
    }
  }
}

function buildCase(): CaseIndex {
  const index = new CaseIndex();
  const b = new ChunkBuilder(CHUNK);
  let seq = 0;
  for (const e of events()) {
    b.add(e);
    if (b.full) index.addChunk(b.build(1, seq++));
  }
  if (b.size > 0) index.addChunk(b.build(1, seq));
  return index;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[s.length >> 1];
}

if (!corpusExists()) {
  console.log('bench:sigma skipped: corpus ../shared/corpus absent');
  process.exit(0);
}
const files = listCorpus('sigma/rules', (p) => p.endsWith('.yml')).map((p) => ({ path: p, text: readFileSync(corpusPath(p), 'utf8') }));
const loadTimes: number[] = [];
let set = loadRules(files);
for (let i = 0; i < 3; i++) {
  const t = performance.now();
  set = loadRules(files);
  loadTimes.push(performance.now() - t);
}
let t = performance.now();
const index = buildCase();
console.log(`case: ${index.rowCount} events built in ${((performance.now() - t) / 1000).toFixed(1)} s`);
const table = caseTable(index);
const runs: number[] = [], cpu: number[] = [];
let alerts = 0, active = 0, digest = '';
for (let i = 0; i < RUNS; i++) {
  t = performance.now();
  const c0 = process.cpuUsage();
  const run = runSigma(set, table);
  runs.push(performance.now() - t);
  const c1 = process.cpuUsage(c0);
  // CPU time of this process: on a shared, overloaded machine wall time also counts waiting for a core
  cpu.push((c1.user + c1.system) / 1000);
  alerts = run.alerts.length;
  // a digest of every alert (id, count, evidence) and every rule's matching rows: a speed change must leave it as it was
  const h = createHash('sha256');
  for (const a of run.alerts) h.update(`${a.id}\u0000${a.count}\u0000${a.evidence.join(',')}\n`);
  for (const [id, m] of run.matches) h.update(`${id}\u0000${m.rows.join(',')}\n`);
  digest = h.digest('hex').slice(0, 16);
  active = run.coverage.filter((c) => c.status === 'active').length;
}
const ms = median(runs);
console.log(`rules: ${set.rules.length + set.correlations.length} loaded of ${set.documents} documents, load median ${median(loadTimes).toFixed(0)} ms`);
console.log(`run: ${set.rules.length} rules (${active} active in this case) over ${index.rowCount} events: median ${ms.toFixed(0)} ms (runs ${runs.map((x) => x.toFixed(0)).join(', ')} ms), ${alerts} alerts, digest ${digest}`);
const cpuMs = median(cpu);
console.log(`cpu: median ${cpuMs.toFixed(0)} ms (runs ${cpu.map((x) => x.toFixed(0)).join(', ')} ms)`);
console.log(`throughput (wall): ${Math.round(index.rowCount / (ms / 1000)).toLocaleString('en-US')} events/s for all rules; ${Math.round((index.rowCount * set.rules.length) / (ms / 1000) / 1e6).toLocaleString('en-US')} M rule-event checks/s (one thread)`);
console.log(`throughput (cpu):  ${Math.round(index.rowCount / (cpuMs / 1000)).toLocaleString('en-US')} events/s for all rules`);

// turning one rule off and on again, as the coverage report's switch does: only that rule and the correlations
// reading it run again (the rule with most matches, then a correlation's base rule if the set has one)
const last = runSigma(set, table);
const busiest = [...last.matches.values()].sort((x, y) => y.rows.length - x.rows.length)[0]?.rule.id;
const chained = set.correlations[0]?.rules[0];
for (const id of [busiest, chained].filter((x): x is string => x !== undefined)) {
  const only = dependents(set, [id]);
  const wall: number[] = [], cpuT: number[] = [];
  let fired = 0;
  for (let i = 0; i < 3; i++) {
    for (const disabled of [new Set([id]), new Set<string>()]) {
      const w0 = performance.now(), c0 = process.cpuUsage();
      const part = runSigma(set, table, { disabled, only });
      const c1 = process.cpuUsage(c0);
      wall.push(performance.now() - w0);
      cpuT.push((c1.user + c1.system) / 1000);
      fired = part.alerts.length;
    }
  }
  console.log(`toggle ${id} (${only.size} documents re-run, ${fired} alerts when on): median ${median(wall).toFixed(0)} ms wall, ${median(cpuT).toFixed(0)} ms CPU`);
}
