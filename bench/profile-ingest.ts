// `node --import tsx bench/profile-ingest.ts [FILE | members:N]`: where an ingest spends its time, per thread (main,
// engine worker, ingest worker), from a Chromium trace with V8's sampling profiler. Needs a build (dist/).
import { launch, openApp, ingestThroughUi, startServer } from './browser.ts';
import { authLog } from './generate.ts';
import { membersZip } from './members.ts';

interface TraceEvent { name?: string; pid: number; tid: number; id?: string; args?: { name?: string; data?: ProfileData } }
interface ProfileData { cpuProfile?: { nodes?: ProfileNode[]; samples?: number[] }; timeDeltas?: number[] }
interface ProfileNode { id: number; callFrame: { functionName: string; url?: string; lineNumber: number } }

async function main(): Promise<void> {
  // `members:N`: the many-member zip of bench/members.ts
  const arg = process.argv[2];
  const path = arg === undefined ? await authLog(200_000) : arg.startsWith('members:') ? membersZip(Number(arg.slice(8))) : arg;
  const server = await startServer();
  const browser = await launch();
  try {
    const page = await openApp(browser);
    await browser.startTracing(page, { categories: ['disabled-by-default-v8.cpu_profiler', 'devtools.timeline'] });
    const ms = await ingestThroughUi(page, path);
    const trace = JSON.parse((await browser.stopTracing()).toString()) as { traceEvents: TraceEvent[] };
    console.log(`ingest of ${path}: ${ms} ms`);
    summarize(trace.traceEvents);
  } finally {
    await browser.close();
    server.kill();
  }
}

function summarize(events: TraceEvent[]): void {
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
    const busy = total - (p.self.get('(idle) :-1') ?? 0);
    console.log(`\n${p.thread}: ${busy.toFixed(0)} ms busy of ${total.toFixed(0)} ms`);
    for (const [name, ms] of [...p.self].sort((a, b) => b[1] - a[1]).slice(0, 12)) console.log(`  ${ms.toFixed(0).padStart(7)} ms  ${name}`);
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
