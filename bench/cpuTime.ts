// CPU time (user + system) on Linux from /proc, for benchmarks on a loaded machine: wall-clock time there measures
// the other processes as much as ours, CPU time does not. `treeCpuMs(root)`: every process below `root` (the
// browser's renderer, GPU and utility processes under this Node process); `childrenCpuMs()`: the waited-for
// children of this process (a CLI run with execFileSync). Both return undefined where /proc is missing.
import { readFileSync, readdirSync } from 'node:fs';

const TICK_MS = 10; // USER_HZ is 100 on Linux

function stat(pid: number | 'self'): string[] | undefined {
  try {
    const s = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // fields after the command name (which may hold spaces), so index 0 is field 3 (state)
    return s.slice(s.lastIndexOf(')') + 2).split(' ');
  } catch {
    return undefined;
  }
}

/**
 * The /proc stat fields (index 0 = field 3) of every live process whose ancestry reaches `root` (not `root`
 * itself), `skip` left out with its subtree; undefined where /proc is missing.
 */
export function processesUnder(root: number, skip: readonly number[] = []): Map<number, string[]> | undefined {
  let pids: number[];
  try {
    pids = readdirSync('/proc').filter((d) => /^\d+$/.test(d)).map(Number);
  } catch {
    return undefined;
  }
  const fields = new Map<number, string[]>();
  for (const pid of pids) {
    const f = stat(pid);
    if (f !== undefined) fields.set(pid, f);
  }
  const parent = (pid: number): number | undefined => {
    const f = fields.get(pid);
    return f === undefined ? undefined : Number(f[1]);
  };
  const out = new Map<number, string[]>();
  for (const [pid, f] of fields) {
    for (let p = parent(pid); p !== undefined && p > 1; p = parent(p)) {
      if (skip.includes(p) || skip.includes(pid)) break;
      if (p === root) {
        out.set(pid, f);
        break;
      }
    }
  }
  return out;
}

/** user + system CPU ms from a stat line's fields (as `stat` and `processesUnder` give them) */
export function statCpuMs(f: readonly string[]): number {
  return (Number(f[11]) + Number(f[12])) * TICK_MS;
}

/** CPU ms of every live process whose ancestry reaches `root` (not `root` itself), `skip` left out with its subtree. */
export function treeCpuMs(root: number, skip: readonly number[] = []): number | undefined {
  const under = processesUnder(root, skip);
  if (under === undefined) return undefined;
  let total = 0;
  for (const f of under.values()) total += statCpuMs(f);
  return total;
}

/** CPU ms of this process's children that have been waited for (cutime + cstime). */
export function childrenCpuMs(): number | undefined {
  const f = stat('self');
  return f === undefined ? undefined : (Number(f[13]) + Number(f[14])) * TICK_MS;
}

/** CPU ms (user + system) this process spent in `work`, with its result. */
export function cpuMs<T>(work: () => T): [number, T] {
  const t = process.cpuUsage();
  const out = work();
  const d = process.cpuUsage(t);
  return [(d.user + d.system) / 1000, out];
}
