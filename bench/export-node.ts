// Export throughput in Node: a synthetic 1M-event case (sshd, sudo, web and Windows logon events with the
// fields real parsers give), generated deterministically straight into the engine's CaseIndex, then each
// exporter streams every event in time order through runExport (the engine's own path) into a sink that only
// counts bytes (the browser hands them to Blob parts). Reports events/s (wall and CPU), output size and the
// process's peak heap and RSS while exporting (one batch of text is held at a time).
// Run: npm run bench:export [-- events [exporter,...]]
import type { EventFields } from '../src/core/schema.ts';
import { CaseIndex } from '../src/workers/query/caseIndex.ts';
import { ChunkBuilder } from '../src/workers/chunk/chunk.ts';
import { exporterById } from '../src/workers/export/index.ts';
import { exportSettings } from '../src/workers/export/ops.ts';
import { runExport } from '../src/workers/export/run.ts';
import type { ExportSettings } from '../src/workers/export/types.ts';
import { rng } from '../scripts/rng.ts';

const N = Number(process.argv[2] ?? 1_000_000);
const IDS = (process.argv[3] ?? 'csv,csv-analyst,timesketch,ndjson,ecs,es-bulk').split(',');
const T0 = Date.UTC(2026, 2, 1);
const USERS = ['root', 'admin', 'alice', 'bob', 'deploy', 'oracle', 'svc_backup', 'administrator'];
const HOSTS = ['web01', 'web02', 'db01', 'bastion', 'DC01'];

function* events(): Generator<EventFields> {
  const r = rng(11);
  const pick = <T>(a: readonly T[]): T => a[Math.floor(r() * a.length)];
  let ts = T0;
  for (let i = 0; i < N; i++) {
    ts += Math.floor(r() * 400);
    const host = pick(HOSTS), user = pick(USERS), ip = `203.0.113.${Math.floor(r() * 250)}`, port = 1024 + Math.floor(r() * 60000);
    const base: EventFields = { ts, 'obs.host.name': host, 'col.line': i + 1, 'col.offset': i * 110, 'parser.version': '2' };
    const k = r();
    if (k < 0.5) {
      const failed = k < 0.4;
      const message = `${failed ? 'Failed' : 'Accepted'} password for ${user} from ${ip} port ${port} ssh2`;
      yield { ...base, 'ts.raw': 'Mar  1 00:00:00', message, raw: `Mar  1 00:00:00 ${host} sshd[${i % 30000}]: ${message}`, 'app.name': 'sshd',
        'obs.process.name': 'sshd', 'obs.process.id': String(i % 30000), type: 'AUTH', action: 'logon', outcome: failed ? 'failure' : 'success',
        'init.host.ip': ip, 'init.host.port': port, 'target.usr.name': user, 'col.file': `var/log/${host}/auth.log`, 'parser.name': 'syslog3164' };
    } else if (k < 0.8) {
      const rc = pick([200, 200, 200, 302, 401, 404, 500]);
      const path = `/app/${pick(['login', 'search', 'api/v1/items', 'static/app.js'])}?q=${i % 997}`;
      const message = `GET ${path} HTTP/1.1 ${rc}`;
      yield { ...base, message, raw: `${ip} - ${user} [01/Mar/2026:00:00:00 +0000] "${message}" ${rc} ${i % 5000} "-" "Mozilla/5.0"`, 'app.name': 'nginx', type: 'WEB',
        'init.host.ip': ip, 'init.usr.name': user, 'web.request.method': 'GET', 'target.uri.path': path, 'web.request.rc': rc,
        'web.header.user_agent': 'Mozilla/5.0', outcome: rc < 400 ? 'success' : 'failure', 'col.file': `var/log/${host}/access.log`, 'parser.name': 'clf' };
    } else {
      const id = pick(['4624', '4625', '4672']);
      yield { ...base, message: `An account ${id === '4625' ? 'failed to log on' : 'was successfully logged on'}.`, raw: '<Event>…</Event>',
        type: 'AUTH', action: 'logon', outcome: id === '4625' ? 'failure' : 'success', 'alarm.id': id, 'target.usr.name': user, 'target.usr.domain': 'CORP',
        'init.host.ip': ip, 'data.LogonType': pick(['2', '3', '10']), 'data.TargetUserName': user, 'data.IpAddress': ip,
        'col.file': 'DC01/Security.evtx', 'parser.name': 'evtx' };
    }
  }
}

function buildCase(): CaseIndex {
  const index = new CaseIndex();
  const b = new ChunkBuilder(10_000);
  let seq = 0;
  for (const e of events()) {
    b.add(e);
    if (b.full) index.addChunk(b.build(1, seq++));
  }
  if (b.size > 0) index.addChunk(b.build(1, seq));
  return index;
}

const mib = (n: number) => `${(n / 1024 / 1024).toFixed(0)} MiB`;

let t = performance.now();
const index = buildCase();
console.log(`case: ${index.rowCount.toLocaleString('en-US')} events built in ${((performance.now() - t) / 1000).toFixed(1)} s; heap ${mib(process.memoryUsage().heapUsed)}`);
const rows = new Uint32Array(index.rowCount).map((_, i) => i);
const settings = exportSettings({ columns: ['ts', 'obs.host.name', 'app.name', 'init.host.ip', 'target.usr.name', 'outcome', 'message'], timeZone: 'Europe/Paris' }) as ExportSettings;

for (const id of IDS) {
  const exporter = exporterById(id);
  if (exporter === undefined) throw new Error(`no exporter ${id}`);
  global.gc?.();
  const base = process.memoryUsage();
  let peakHeap = base.heapUsed, peakRss = base.rss, bytes = 0;
  const sample = setInterval(() => {
    const m = process.memoryUsage();
    peakHeap = Math.max(peakHeap, m.heapUsed);
    peakRss = Math.max(peakRss, m.rss);
  }, 50);
  t = performance.now();
  const c0 = process.cpuUsage();
  const run = await runExport(index, rows, exporter, settings, undefined, { write: (s) => { bytes += Buffer.byteLength(s); } }, { cancelled: () => false });
  const wall = (performance.now() - t) / 1000;
  const c1 = process.cpuUsage(c0);
  clearInterval(sample);
  const cpu = (c1.user + c1.system) / 1e6;
  const n = run === 'cancelled' ? 0 : run.rows;
  console.log(`${id.padEnd(22)} ${n.toLocaleString('en-US')} events in ${wall.toFixed(1)} s wall / ${cpu.toFixed(1)} s cpu: `
    + `${Math.round(n / wall).toLocaleString('en-US')} events/s wall, ${Math.round(n / cpu).toLocaleString('en-US')} events/s cpu; `
    + `${mib(bytes)} written; peak heap +${mib(peakHeap - base.heapUsed)}, peak rss +${mib(peakRss - base.rss)}`);
}
