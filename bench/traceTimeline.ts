// Where each profiled thread spent a trace, over time: per slice of SLICE ms, the sampled busy time and the
// functions that took most of it (self time). Shows serial waits (a thread idle while another works) that a
// whole-run summary hides.
import type { TraceEvent } from './trace.ts';

interface Node { id: number; callFrame: { functionName: string; url?: string; lineNumber: number } }

export function timeline(events: TraceEvent[], from: number, sliceMs = 500, marks: { ts: number; name: string }[] = []): void {
  const names = new Map<string, string>();
  for (const e of events) if (e.name === 'thread_name') names.set(`${e.pid}:${e.tid}`, e.args?.name ?? '');
  // a profile's Profile event is on the profiled thread and carries its start; its chunks carry the deltas
  const threadOf = new Map<string, string>(), clock = new Map<string, number>(), nodes = new Map<string, Map<number, Node>>();
  for (const e of events) {
    if (e.name !== 'Profile' || e.id === undefined) continue;
    threadOf.set(`${e.pid}:${e.id}`, `${names.get(`${e.pid}:${e.tid}`) ?? e.tid} (${e.pid}:${e.tid})`);
    clock.set(`${e.pid}:${e.id}`, e.args?.data?.startTime ?? 0);
  }
  const slices = new Map<string, Map<number, Map<string, number>>>();
  for (const e of events) {
    const key = `${e.pid}:${e.id}`;
    if (e.name !== 'ProfileChunk' || !clock.has(key) || e.args?.data === undefined) continue;
    let n = nodes.get(key);
    if (n === undefined) nodes.set(key, (n = new Map()));
    for (const node of (e.args.data.cpuProfile?.nodes ?? []) as Node[]) n.set(node.id, node);
    let t = clock.get(key) ?? 0;
    const deltas = e.args.data.timeDeltas ?? [];
    const thread = threadOf.get(key) ?? key;
    let perThread = slices.get(thread);
    if (perThread === undefined) slices.set(thread, (perThread = new Map()));
    (e.args.data.cpuProfile?.samples ?? []).forEach((s, i) => {
      const d = deltas[i] ?? 0;
      t += d;
      const f = n.get(s)?.callFrame;
      if (f === undefined || f.functionName === '(idle)' || t < from) return;
      const slice = Math.floor((t - from) / 1000 / sliceMs);
      let m = perThread.get(slice);
      if (m === undefined) perThread.set(slice, (m = new Map()));
      const name = `${f.functionName || '(anonymous)'}:${f.lineNumber}`;
      m.set(name, (m.get(name) ?? 0) + d / 1000);
    });
    clock.set(key, t);
  }
  for (const mark of marks) console.log(`mark ${mark.name} at ${((mark.ts - from) / 1000).toFixed(0)} ms`);
  for (const [thread, perThread] of slices) {
    const busy = [...perThread.values()].reduce((a, m) => a + [...m.values()].reduce((x, y) => x + y, 0), 0);
    if (busy < 100) continue;
    console.log(`\n${thread}: ${busy.toFixed(0)} ms sampled busy, per ${sliceMs} ms slice:`);
    for (const slice of [...perThread.keys()].sort((a, b) => a - b)) {
      const m = perThread.get(slice)!;
      const ms = [...m.values()].reduce((x, y) => x + y, 0);
      const top = [...m].sort((a, b) => b[1] - a[1]).slice(0, 4).map(([f, v]) => `${f} ${v.toFixed(0)}`).join(', ');
      console.log(`  ${String(slice * sliceMs).padStart(6)} ms  busy ${ms.toFixed(0).padStart(4)}  ${top}`);
    }
  }
}
