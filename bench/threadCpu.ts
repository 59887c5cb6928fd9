// CPU time per thread of every process below a root (Linux /proc): which Chromium process (browser, renderer,
// GPU, network or storage service) and which of its threads (CrRendererMain, DedicatedWorker, Compositor,
// Chrome_IOThread, ThreadPoolForeg...) spent the time of a run. V8's profiler sees only JavaScript threads; this
// sees every thread, so "the rest is the page" can be named (issue 9 item 11).
import { readFileSync, readdirSync } from 'node:fs';
import { processesUnder, statCpuMs } from './cpuTime.ts';

/** cpu ms of one thread: `process kind / thread name` and its user + system time so far */
interface Seen { key: string; ms: number }

function read(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

function fieldsOf(stat: string): string[] {
  // after the command name (which may hold spaces): index 0 is field 3 (state)
  return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
}

/** What a Chromium process is, from its command line (--type, --utility-sub-type). */
function kindOf(pid: number): string {
  // Chromium rewrites its process title: the arguments are one string with spaces, not NUL-separated
  const cmd = (read(`/proc/${pid}/cmdline`) ?? '').split(/[\0 ]/);
  const type = cmd.find((a) => a.startsWith('--type='))?.slice(7);
  if (type === undefined) return cmd[0]?.includes('chrom') === true ? 'browser' : (cmd[0]?.split('/').pop() ?? `${pid}`);
  const sub = cmd.find((a) => a.startsWith('--utility-sub-type='))?.slice(19).replace(/\.mojom\..*$/, '');
  return sub === undefined ? type : `${type}:${sub}`;
}

/** Every thread of every process whose ancestry reaches `root` (not `root` itself), `skip` left out, by tid. */
function snapshot(root: number, skip: readonly number[], splitWorkers: boolean): Map<string, Seen> {
  const out = new Map<string, Seen>();
  for (const pid of processesUnder(root, skip)?.keys() ?? []) {
    const kind = kindOf(pid);
    let tids: string[];
    try {
      tids = readdirSync(`/proc/${pid}/task`);
    } catch {
      continue;
    }
    for (const tid of tids) {
      const s = read(`/proc/${pid}/task/${tid}/stat`);
      if (s === undefined) continue;
      const name = s.slice(s.indexOf('(') + 1, s.lastIndexOf(')')).replace(/\d+$/, '');
      // every worker thread is named DedicatedWorker: split, each keeps its thread id (see workerOrder)
      const key = splitWorkers && name === 'DedicatedWorker' ? `${kind} / DedicatedWorker tid ${tid}` : `${kind} / ${name}`;
      out.set(`${pid}:${tid}`, { key, ms: statCpuMs(fieldsOf(s)) });
    }
  }
  return out;
}

/**
 * Samples every thread's CPU time while a run goes on (every `everyMs`), so a worker that ends before the run
 * does still counts; stop() gives the CPU each `process kind / thread name` spent since start.
 */
export class ThreadCpuSampler {
  private readonly first: Map<string, Seen>;
  private readonly last = new Map<string, Seen>();
  private readonly timer: ReturnType<typeof setInterval>;

  /** `splitWorkers`: each worker thread apart (workerOrder names them), not summed under DedicatedWorker */
  constructor(private readonly root: number, private readonly skip: readonly number[] = [], everyMs = 250, private readonly splitWorkers = false) {
    this.first = snapshot(root, skip, splitWorkers);
    this.timer = setInterval(() => this.sample(), everyMs);
  }

  private sample(): void {
    for (const [tid, seen] of snapshot(this.root, this.skip, this.splitWorkers)) this.last.set(tid, seen);
  }

  stop(): Map<string, number> {
    clearInterval(this.timer);
    this.sample();
    const out = new Map<string, number>();
    for (const [tid, seen] of this.last) out.set(seen.key, (out.get(seen.key) ?? 0) + seen.ms - (this.first.get(tid)?.ms ?? 0));
    return out;
  }
}

/** The CPU per thread, largest first, as lines (`top` of them, the rest summed, and the total). */
export function threadCpuLines(cpu: Map<string, number>, top = 14): string[] {
  const all = [...cpu].filter(([, ms]) => ms > 0).sort((a, b) => b[1] - a[1]);
  const total = all.reduce((n, [, ms]) => n + ms, 0);
  const lines = all.slice(0, top).map(([k, ms]) => `${String(ms).padStart(7)} ms  ${(100 * ms / total).toFixed(1).padStart(5)}%  ${k}`);
  const rest = all.slice(top).reduce((n, [, ms]) => n + ms, 0);
  if (rest > 0) lines.push(`${String(rest).padStart(7)} ms  ${(100 * rest / total).toFixed(1).padStart(5)}%  (${all.length - top} more threads)`);
  lines.push(`${String(total).padStart(7)} ms  total`);
  return lines;
}

/**
 * Worker threads split by thread id (ThreadCpuSampler splitWorkers) renamed by the order they started: thread ids
 * grow, and the app starts the engine worker with the page, the ingest worker at the first ingest (from the
 * engine) and the hash worker from the ingest worker, so #1 engine, #2 ingest, #3 hash when nothing else started one.
 */
export function workerOrder(cpu: Map<string, number>): Map<string, number> {
  const workers = [...cpu.keys()].filter((k) => / tid \d+$/.test(k)).sort((a, b) => Number(a.split(' tid ')[1]) - Number(b.split(' tid ')[1]));
  const names = ['engine', 'ingest', 'hash'];
  const out = new Map<string, number>();
  for (const [k, ms] of cpu) {
    const i = workers.indexOf(k);
    out.set(i < 0 ? k : `${k.split(' tid ')[0]} #${i + 1}${i < names.length && workers.length === names.length ? ` (${names[i]})` : ''}`, ms);
  }
  return out;
}
