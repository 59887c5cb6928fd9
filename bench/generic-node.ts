// The generic (learned-layout) path against the syslog parser, and the cost of template mining, in Node
// (`node --import tsx bench/generic-node.ts`; BENCH_LINES, BENCH_RUNS). Same steps as ingestBundle minus
// IndexedDB: read, decode, split, parse, template mining (when on), columnar chunks. Process CPU time, medians;
// ratios within one run.
//   syslog      the generated auth.log, sniffed: syslog3164
//   generic     the same bytes, --parser generic: learned time layout + header (host, tag[pid])
//   generic-app an application log no specific parser has (time, pid, level, logger, message), generic
// each with and without template mining.
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { loadavg } from 'node:os';
import { authLog, BENCH_DIR } from './generate.ts';
import { median } from './browser.ts';
import { ingestFile } from '../src/workers/ingest/ingestFile.ts';

const LINES = Number(process.env.BENCH_LINES ?? 1_000_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
/** BENCH_CASES=syslog,generic-app: only these cases (for --cpu-prof) */
const ONLY = process.env.BENCH_CASES?.split(',');
/** BENCH_TEMPLATES=0 or 1: only without or with template mining */
const MINING = process.env.BENCH_TEMPLATES === undefined ? [false, true] : [process.env.BENCH_TEMPLATES === '1'];

function source(path: string, bytes: Uint8Array) {
  return {
    path, lastModified: Date.UTC(2026, 5, 1),
    open: () => new ReadableStream<Uint8Array>({
      start(c) {
        for (let at = 0; at < bytes.length; at += 1 << 20) c.enqueue(bytes.subarray(at, at + (1 << 20)));
        c.close();
      },
    }),
  };
}

/** The auth.log re-written as "2026-03-01 00:00:01.234 1234 INFO sshd.auth: message" (a Java/HDFS-like layout). */
function appLog(authPath: string): string {
  const path = join(BENCH_DIR, `app-${LINES}.log`);
  if (existsSync(path)) return path;
  const MON: Record<string, string> = { Jan: '01', Feb: '02', Mar: '03', Apr: '04', May: '05', Jun: '06', Jul: '07', Aug: '08', Sep: '09', Oct: '10', Nov: '11', Dec: '12' };
  const levels = ['INFO', 'INFO', 'WARN', 'INFO', 'ERROR', 'DEBUG'];
  const out = readFileSync(authPath, 'utf8').split('\n').filter((l) => l !== '').map((l, i) => {
    const m = /^(\w{3}) ([ \d]\d) (\S+) (\S+) (\w+)(?:\[(\d+)\])?: (.*)$/.exec(l);
    if (m === null) return l;
    return `2026-${MON[m[1]]}-${m[2].trim().padStart(2, '0')} ${m[3]}.${String(i % 1000).padStart(3, '0')} ${m[6] ?? '1'} ${levels[i % levels.length]} ${m[5].toLowerCase()}.${m[4]}: ${m[7]}`;
  });
  writeFileSync(path, out.join('\n') + '\n');
  return path;
}

async function run(path: string, bytes: Uint8Array, parserId: string | undefined, templates: boolean): Promise<{ ms: number; parser: string; events: number }> {
  // CPU time of the process (user + system): on a shared machine wall-clock counts other processes' turns
  const c = process.cpuUsage();
  // ingestFile builds the columnar chunks (and mines templates unless told not to); the chunks are dropped here
  const r = await ingestFile(source(path, bytes), { parserId, templates }, () => {});
  const d = process.cpuUsage(c);
  return { ms: (d.user + d.system) / 1000, parser: r.parserId, events: r.events };
}

async function main() {
  const auth = await authLog(LINES);
  const authBytes = new Uint8Array(readFileSync(auth));
  const app = appLog(auth);
  const appBytes = new Uint8Array(readFileSync(app));
  const cases: [string, string, Uint8Array, string | undefined][] = [
    ['syslog', auth, authBytes, undefined],
    ['generic', auth, authBytes, 'generic'],
    ['generic-app', app, appBytes, 'generic'],
  ];
  const times = new Map<string, number[]>();
  for (let r = 0; r < RUNS; r++) {
    for (const [name, path, bytes, parserId] of cases) {
      if (ONLY !== undefined && !ONLY.includes(name)) continue;
      for (const templates of MINING) {
        const key = `${name}${templates ? '+templates' : ''}`;
        const res = await run(path, bytes, parserId, templates);
        if (r === 0) console.error(`${key}: parser ${res.parser}, ${res.events} events`);
        times.set(key, [...(times.get(key) ?? []), res.ms]);
      }
    }
  }
  console.log(`${LINES} lines, median CPU time of ${RUNS} runs, load average ${loadavg().map((x) => x.toFixed(1)).join(' ')}`);
  const base = median(times.get('syslog') ?? [...times.values()][0]);
  for (const [k, v] of times) {
    const m = median(v);
    const plain = median(times.get(k.replace('+templates', '')) ?? v);
    const mining = k.endsWith('+templates') && times.has(k.replace('+templates', '')) ? `  templates +${((m / plain - 1) * 100).toFixed(0)}%` : '';
    console.log(`${k.padEnd(22)} ${m.toFixed(0).padStart(6)} ms CPU  ${(LINES / m * 1000).toFixed(0).padStart(8)} lines/s  ${(m / base).toFixed(2)}x syslog${mining}`);
  }
}

void main();
