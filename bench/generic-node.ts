// The generic (learned-layout) path against the syslog parser, and the cost of template mining, in Node
// (`node --import tsx bench/generic-node.ts`; BENCH_LINES, BENCH_RUNS, BENCH_CASES, BENCH_TEMPLATES, BENCH_GC).
// Same steps as ingestBundle minus IndexedDB: read, decode, split, parse, template mining (when on), columnar
// chunks.
//   syslog      the generated auth.log, sniffed: syslog3164
//   generic     the same bytes, --parser generic: learned time layout + header (host, tag[pid])
//   generic-app an application log no specific parser has (time, pid, level, logger, message), generic
// each with and without template mining.
//
// Method (the same for every case, chosen before looking at the ratios):
// - every measurement runs in a fresh Node process (no heap, garbage or JIT state carried from one case to the
//   next: in one process a case paid for the garbage of the case before it), the cases interleaved round by
//   round, medians of BENCH_RUNS rounds;
// - the figure is the process's CPU time (user + system), not wall-clock time (which on a shared machine
//   measures the other processes' turns too);
// - with --single-threaded-gc (BENCH_GC=single, the default): V8's parallel GC helper threads otherwise add
//   their own CPU time, and on a loaded machine they spin waiting for each other (one micro-benchmark went from
//   700 ms to 44 ms of CPU with the flag). With the flag all GC work is still counted, once, on the main thread,
//   and both parsers pay for their garbage alike. BENCH_GC=parallel measures V8's default for comparison; the
//   main-thread column (from /proc) shows how much of the process time the helper threads were.
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { loadavg } from 'node:os';
import { authLog, BENCH_DIR } from './generate.ts';
import { median } from './browser.ts';
import { byteSource } from './byteSource.ts';
import { ingestFile } from '../src/workers/ingest/ingestFile.ts';

const LINES = Number(process.env.BENCH_LINES ?? 1_000_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
/** BENCH_CASES=syslog,generic-app: only these cases */
const ONLY = process.env.BENCH_CASES?.split(',');
/** BENCH_TEMPLATES=0 or 1: only without or with template mining */
const MINING = process.env.BENCH_TEMPLATES === undefined ? [false, true] : [process.env.BENCH_TEMPLATES === '1'];
/** BENCH_GC=parallel: V8's default GC (helper threads) instead of --single-threaded-gc */
const GC_FLAGS = process.env.BENCH_GC === 'parallel' ? [] : ['--single-threaded-gc'];
/** set in the child process: the one measurement it makes ("name:0" or "name:1") */
const ONE = process.env.BENCH_ONE;
/**
 * BENCH_BEFORE=<another checkout with node_modules>: every case is also measured with that checkout's code, in the
 * same rounds (before/after figures from one run, on the same load)
 */
const BEFORE = process.env.BENCH_BEFORE;


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

/** CPU ms of this process's main thread (/proc/self/task/<pid>/stat), or NaN where /proc is missing. */
function mainThreadCpuMs(): number {
  try {
    const s = readFileSync(`/proc/self/task/${process.pid}/stat`, 'utf8');
    const f = s.slice(s.lastIndexOf(')') + 2).split(' ');
    return (Number(f[11]) + Number(f[12])) * 10;
  } catch {
    return NaN;
  }
}

interface Measured { ms: number; mainMs: number; parser: string; events: number }

const CASES: Record<string, { path: () => Promise<string>; parserId?: string }> = {
  syslog: { path: () => authLog(LINES) },
  generic: { path: () => authLog(LINES), parserId: 'generic' },
  'generic-app': { path: async () => appLog(await authLog(LINES)), parserId: 'generic' },
};

/** In the child: one ingest of one case, its CPU time printed as JSON. */
async function measureOne(spec: string): Promise<void> {
  const [name, mining] = spec.split(':');
  const c = CASES[name];
  const path = await c.path();
  const bytes = new Uint8Array(readFileSync(path));
  const cpu = process.cpuUsage();
  const main = mainThreadCpuMs();
  // ingestFile builds the columnar chunks (and mines templates unless told not to); the chunks are dropped here
  const r = await ingestFile(byteSource(path, bytes), { parserId: c.parserId, templates: mining === '1' }, () => {});
  const d = process.cpuUsage(cpu);
  const out: Measured = { ms: (d.user + d.system) / 1000, mainMs: mainThreadCpuMs() - main, parser: r.parserId, events: r.events };
  process.stdout.write(JSON.stringify(out) + '\n');
}

function spawnOne(spec: string, checkout?: string): Measured {
  // this script, run in the other checkout's tree (its ingest code) when one is given
  const script = checkout === undefined ? new URL(import.meta.url).pathname : join(checkout, 'bench/generic-node.ts');
  const out = execFileSync(process.execPath, [...GC_FLAGS, '--import', 'tsx', script], {
    env: { ...process.env, BENCH_ONE: spec }, encoding: 'utf8', maxBuffer: 1 << 20, cwd: checkout,
  });
  return JSON.parse(out.trim().split('\n').pop() ?? '') as Measured;
}

async function main() {
  // the input files are generated once, here, not in a timed child
  await CASES['generic-app'].path();
  const times = new Map<string, Measured[]>();
  const names = Object.keys(CASES).filter((n) => ONLY === undefined || ONLY.includes(n));
  const load = loadavg()[0];
  for (let r = 0; r < RUNS; r++) {
    for (const name of names) {
      for (const templates of MINING) {
        for (const checkout of BEFORE === undefined ? [undefined] : [BEFORE, undefined]) {
          const key = `${checkout === undefined ? '' : 'before:'}${name}${templates ? '+templates' : ''}`;
          const res = spawnOne(`${name}:${templates ? 1 : 0}`, checkout);
          if (r === 0) console.error(`${key}: parser ${res.parser}, ${res.events} events`);
          times.set(key, [...(times.get(key) ?? []), res]);
        }
      }
    }
  }
  const loads = [load, ...loadavg()].map((x) => x.toFixed(1));
  console.log(`${LINES} lines, median CPU time of ${RUNS} runs (each in its own process, ${GC_FLAGS.length > 0 ? '--single-threaded-gc' : 'parallel GC'}), load average ${loads[0]} at the start, ${loads.slice(1).join(' ')} at the end`);
  const med = (k: string, f: (m: Measured) => number) => median((times.get(k) ?? []).map(f));
  const first = [...times.keys()][0];
  for (const k of times.keys()) {
    const syslog = k.startsWith('before:') ? 'before:syslog' : 'syslog';
    const base = med(times.has(syslog) ? syslog : first, (m) => m.ms);
    const m = med(k, (x) => x.ms);
    const plain = k.endsWith('+templates') && times.has(k.replace('+templates', '')) ? med(k.replace('+templates', ''), (x) => x.ms) : undefined;
    const mining = plain === undefined ? '' : `  templates +${((m / plain - 1) * 100).toFixed(0)}%`;
    const all = (times.get(k) ?? []).map((x) => x.ms.toFixed(0)).join('/');
    console.log(`${k.padEnd(22)} ${m.toFixed(0).padStart(6)} ms CPU (main thread ${med(k, (x) => x.mainMs).toFixed(0)}; runs ${all})  ${(LINES / m * 1000).toFixed(0).padStart(8)} lines/s  ${(m / base).toFixed(2)}x syslog${mining}`);
  }
}

if (ONE !== undefined) await measureOne(ONE);
else await main();
