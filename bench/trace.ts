// Reading a Chromium trace taken with V8's sampling profiler (bench/profile-*.ts): self time per function and
// thread, and the main thread's long tasks with what ran inside them.
export interface TraceEvent { name?: string; ph?: string; pid: number; tid: number; ts?: number; dur?: number; tdur?: number; id?: string; args?: { name?: string; data?: ProfileData; beginData?: { dirtyObjects?: number; totalObjects?: number; stackTrace?: unknown[] } } }
interface ProfileData { cpuProfile?: { nodes?: ProfileNode[]; samples?: number[] }; timeDeltas?: number[]; startTime?: number }
interface ProfileNode { id: number; callFrame: { functionName: string; url?: string; lineNumber: number } }

export function summarize(events: TraceEvent[], top = 12): void {
  const threadNames = new Map<string, string>();
  for (const e of events) if (e.name === 'thread_name') threadNames.set(`${e.pid}:${e.tid}`, e.args?.name ?? '');
  const profiles = new Map<string, { thread: string; nodes: Map<number, ProfileNode>; self: Map<string, number> }>();
  for (const e of events) {
    if (e.name !== 'ProfileChunk' || e.args?.data === undefined) continue;
    const key = `${e.pid}:${e.id}`;
    let p = profiles.get(key);
    if (p === undefined) {
      p = { thread: threadNames.get(`${e.pid}:${e.tid}`) ?? `${e.pid}:${e.tid}`, nodes: new Map(), self: new Map() };
      profiles.set(key, p);
    }
    const data = e.args.data;
    for (const n of data.cpuProfile?.nodes ?? []) p.nodes.set(n.id, n);
    const samples = data.cpuProfile?.samples ?? [];
    const deltas = data.timeDeltas ?? [];
    samples.forEach((s, i) => {
      const f = p.nodes.get(s)?.callFrame;
      if (f === undefined) return;
      const name = `${f.functionName || '(anonymous)'} ${(f.url ?? '').split('/').pop() ?? ''}:${f.lineNumber}`;
      p.self.set(name, (p.self.get(name) ?? 0) + (deltas[i] ?? 0) / 1000);
    });
  }
  for (const p of profiles.values()) {
    const total = [...p.self.values()].reduce((a, b) => a + b, 0);
    // the idle node's line is -1 or absent depending on the Chromium version
    const busy = total - [...p.self].filter(([name]) => name.startsWith('(idle) ')).reduce((n, [, ms]) => n + ms, 0);
    console.log(`\n${p.thread}: ${busy.toFixed(0)} ms busy of ${total.toFixed(0)} ms`);
    for (const [name, ms] of [...p.self].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`  ${ms.toFixed(0).padStart(7)} ms  ${name}`);
  }
}

/** A layout's size (objects it laid out of the tree's) and whether script forced it (a read after a write). */
function layoutWords(e: TraceEvent): string {
  const b = e.name === 'Layout' ? e.args?.beginData : undefined;
  if (b === undefined) return '';
  return ` (${b.dirtyObjects ?? '?'} of ${b.totalObjects ?? '?'} objects${b.stackTrace !== undefined ? ', forced by script' : ''})`;
}

const isTask = (e: TraceEvent) => e.ph === 'X' && (e.name === 'RunTask' || e.name === 'ThreadControllerImpl::RunTask');

/** The page's main thread: of the renderers' main threads, the one that ran the most task time. */
export function pageMain(events: TraceEvent[]): TraceEvent | undefined {
  const mains = events.filter((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
  const busy = (m: TraceEvent) => events.reduce((sum, e) => (e.pid === m.pid && e.tid === m.tid && isTask(e) ? sum + (e.dur ?? 0) : sum), 0);
  return mains.length <= 1 ? mains[0] : mains.map((m) => ({ m, b: busy(m) })).sort((a, b) => b.b - a.b)[0].m;
}

/** The outermost tasks of a thread: Chromium nests RunTask events (a task in a task), each task counts once. */
function outermost(tasks: TraceEvent[]): TraceEvent[] {
  const sorted = [...tasks].sort((a, b) => (a.ts ?? 0) - (b.ts ?? 0) || (b.dur ?? 0) - (a.dur ?? 0));
  const out: TraceEvent[] = [];
  let end = -Infinity;
  for (const t of sorted) {
    if ((t.ts ?? 0) < end) continue;
    out.push(t);
    end = (t.ts ?? 0) + (t.dur ?? 0);
  }
  return out;
}

/** Every task of the page's main thread: wall time, and CPU time (the trace's thread duration; 0 if absent). */
export function mainThreadTasks(events: TraceEvent[]): { ts: number; wallMs: number; cpuMs: number }[] {
  const main = pageMain(events);
  if (main === undefined) return [];
  return outermost(events.filter((e) => e.pid === main.pid && e.tid === main.tid && isTask(e)))
    .map((e) => ({ ts: e.ts ?? 0, wallMs: (e.dur ?? 0) / 1000, cpuMs: (e.tdur ?? 0) / 1000 }));
}

/**
 * The page's main-thread tasks, without the test harness's own (needs the 'devtools.timeline' category). Playwright's
 * work, which a person's browser never does, is a task that calls no function of the page's scripts and either
 * runs a DevTools evaluation (its injected script, role queries and actionability checks: an EvaluateScript without
 * a script URL; setting the 1,000-member zip on the file input was one of 47 ms of CPU) or handles a DevTools
 * session message (a call into its utility world: a role query over the 1,000-member archive's open ledger was one
 * of 73 ms of CPU with no trace event of the page inside). A harness task that runs the app's handlers (the file
 * input's change event) still counts.
 */
export function pageTasks(events: TraceEvent[]): ReturnType<typeof mainThreadTasks> {
  const main = pageMain(events);
  if (main === undefined) return [];
  const on = events.filter((e) => e.pid === main.pid && e.tid === main.tid && e.ph === 'X');
  const url = (e: TraceEvent) => (e.args as { data?: { url?: string } } | undefined)?.data?.url ?? '';
  const mojo = (e: TraceEvent) => (e.args as { chrome_mojo_event_info?: { mojo_interface_tag?: string } } | undefined)?.chrome_mojo_event_info?.mojo_interface_tag;
  const harness = on.filter((e) => (e.name === 'EvaluateScript' && url(e) === '') || (e.name === 'Receive mojo message' && mojo(e) === 'blink.mojom.DevToolsSession'));
  const pageCalls = on.filter((e) => e.name === 'FunctionCall' && url(e) !== '');
  return mainThreadTasks(events).filter((t) => {
    const end = t.ts + t.wallMs * 1000;
    const within = (e: TraceEvent) => (e.ts ?? 0) >= t.ts && (e.ts ?? 0) < end;
    return !harness.some(within) || pageCalls.some(within);
  });
}

/** The main thread's tasks over overMs, each with the functions that took most of it (sampled self time). */
export function longTasks(events: TraceEvent[], overMs = 50, insideMs = 10, by: 'wall' | 'cpu' = 'wall'): void {
  const main = pageMain(events);
  if (main === undefined) return;
  const onMain = (e: TraceEvent) => e.pid === main.pid && e.tid === main.tid;
  // by CPU time on a loaded machine: there a 10 ms task can take 200 ms of wall time waiting for a core
  const length = (e: TraceEvent) => (by === 'cpu' ? e.tdur : e.dur) ?? 0;
  const tasks = outermost(events.filter((e) => onMain(e) && isTask(e))).filter((e) => length(e) >= overMs * 1000);
  // the main thread's samples with their times: deltas accumulate from the profile's start time (the
  // Profile event is on the profiled thread, its chunks on the profiler's own thread)
  const samples: { ts: number; name: string }[] = [];
  const nodes = new Map<number, ProfileNode>();
  const clock = new Map<string, number>();
  for (const e of events) if (onMain(e) && e.name === 'Profile' && e.id !== undefined) clock.set(e.id, e.args?.data?.startTime ?? 0);
  for (const e of events) {
    if (e.name !== 'ProfileChunk' || e.pid !== main.pid || e.id === undefined || !clock.has(e.id) || e.args?.data === undefined) continue;
    for (const n of e.args.data.cpuProfile?.nodes ?? []) nodes.set(n.id, n);
    let t = clock.get(e.id) ?? 0;
    const deltas = e.args.data.timeDeltas ?? [];
    (e.args.data.cpuProfile?.samples ?? []).forEach((s, i) => {
      t += deltas[i] ?? 0;
      const f = nodes.get(s)?.callFrame;
      if (f !== undefined) samples.push({ ts: t, name: `${f.functionName || '(anonymous)'} ${(f.url ?? '').split('/').pop() ?? ''}:${f.lineNumber}` });
    });
    clock.set(e.id, t);
  }
  console.log(`\nmain-thread tasks over ${overMs} ms (${by === 'cpu' ? 'CPU' : 'wall'} time): ${tasks.length}`);
  for (const task of tasks.sort((a, b) => length(b) - length(a)).slice(0, 8)) {
    const start = task.ts ?? 0, end = start + (task.dur ?? 0);
    const self = new Map<string, number>();
    for (const s of samples) if (s.ts >= start && s.ts < end) self.set(s.name, (self.get(s.name) ?? 0) + 1);
    const top = [...self].sort((a, b) => b[1] - a[1]).slice(0, 6).map(([n, c]) => `${n} (${c})`).join(', ');
    // what the trace itself says ran inside (style, layout, a message handler): samples alone show '(program)'
    const inside = events.filter((e) => onMain(e) && e !== task && e.ph === 'X' && (e.ts ?? 0) >= start && (e.ts ?? 0) < end && (e.dur ?? 0) >= insideMs * 1000)
      .map((e) => `${e.name} ${((e.dur ?? 0) / 1000).toFixed(0)}${layoutWords(e)}`).slice(0, 10).join(', ');
    const cpu = task.tdur === undefined ? '' : ` (CPU ${(task.tdur / 1000).toFixed(0)} ms)`;
    console.log(`  ${((task.dur ?? 0) / 1000).toFixed(0)} ms${cpu}: ${top}\n      trace: ${inside}`);
  }
}

