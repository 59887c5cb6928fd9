// Task CPU per process / thread from a Chromium trace's `toplevel` tasks, and the browser process's pool threads
// by where each task was posted from (src_file / src_func): IndexedDB, blob reads, OPFS and the rest told apart.
export interface Ev { name?: string; ph?: string; pid: number; tid: number; ts?: number; dur?: number; tdur?: number; cat?: string; args?: Record<string, unknown> }

export function threadTaskCpu(events: Ev[], since = -Infinity, until = Infinity): void {
  const threads = new Map<string, string>(), processes = new Map<number, string>();
  for (const e of events) {
    if (e.name === 'thread_name') threads.set(`${e.pid}:${e.tid}`, String(e.args?.name ?? ''));
    if (e.name === 'process_name') processes.set(e.pid, String(e.args?.name ?? ''));
  }
  const byThread = new Map<string, number>(), bySource = new Map<string, { ms: number; n: number }>();
  // outermost tasks per thread (tasks nest): count each stretch of thread time once
  const perThread = new Map<string, Ev[]>();
  for (const e of events) {
    if (e.ph !== 'X' || e.tdur === undefined || (e.ts ?? 0) < since || (e.ts ?? 0) >= until) continue;
    if (e.name !== 'ThreadPool_RunTask' && e.name !== 'ThreadControllerImpl::RunTask' && e.name !== 'RunTask') continue;
    const key = `${e.pid}:${e.tid}`;
    let list = perThread.get(key);
    if (list === undefined) perThread.set(key, (list = []));
    list.push(e);
  }
  for (const [key, list] of perThread) {
    const pid = Number(key.split(':')[0]);
    const thread = `${processes.get(pid) ?? pid} / ${(threads.get(key) ?? key).replace(/\d+$/, '')}`;
    list.sort((a, b) => (a.ts ?? 0) - (b.ts ?? 0) || (b.dur ?? 0) - (a.dur ?? 0));
    let end = -Infinity;
    for (const e of list) {
      if ((e.ts ?? 0) < end) continue;
      end = (e.ts ?? 0) + (e.dur ?? 0);
      const ms = (e.tdur ?? 0) / 1000;
      byThread.set(thread, (byThread.get(thread) ?? 0) + ms);
      if (!/Browser/.test(thread) || !/ThreadPool/.test(thread)) continue;
      const src = `${String(e.args?.src_func ?? e.args?.src ?? '?')} ${String(e.args?.src_file ?? '').split('/').slice(-2).join('/')}`;
      const s = bySource.get(src) ?? { ms: 0, n: 0 };
      s.ms += ms;
      s.n++;
      bySource.set(src, s);
    }
  }
  console.log('\ntask CPU (thread time of outermost tasks) per process / thread:');
  for (const [t, ms] of [...byThread].sort((a, b) => b[1] - a[1]).slice(0, 20)) console.log(`  ${ms.toFixed(0).padStart(8)} ms  ${t}`);
  console.log('\nthe browser process\'s pool threads, by where the task was posted from:');
  for (const [s, v] of [...bySource].sort((a, b) => b[1].ms - a[1].ms).slice(0, 30)) console.log(`  ${v.ms.toFixed(0).padStart(8)} ms  ${String(v.n).padStart(7)} tasks  ${s}`);
}
