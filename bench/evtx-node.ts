// EVTX parser benchmark in Node: builds a large valid EVTX from the corpus's densest chunks (fixed header,
// made by bench/generate.ts), parses it with the `evtx` parser (the same parseBytes the worker runs, fed 1 MiB pieces)
// and times Debian's `evtxexport` (libevtx-utils) on the same file. Run: node --import tsx bench/evtx-node.ts
// The machine may be shared: each round runs every contender once, in turn, and the table shows medians, so the
// ratios are taken under the same load. EVTX_BENCH_BASELINE=<path of another copy of src/parsers/formats/evtx.ts>
// adds that version as a contender (e.g. the code before a change, copied out of the tree).
// Env: EVTX_BENCH_RECORDS (100000), EVTX_BENCH_RUNS (5; evtxexport runs at most 3 times).
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { loadavg } from 'node:os';
import { YearGuesser } from '../src/core/time.ts';
import { evtx } from '../src/parsers/formats/evtx.ts';
import type { BinaryParser, ParseContext } from '../src/parsers/types.ts';
import { evtxFile } from './generate.ts';

const TARGET_RECORDS = Number(process.env.EVTX_BENCH_RECORDS ?? 100_000);
const RUNS = Number(process.env.EVTX_BENCH_RUNS ?? 5);
const BASELINE = process.env.EVTX_BENCH_BASELINE;

async function parseOnce(parser: BinaryParser, bytes: Uint8Array): Promise<{ ms: number; cpuMs: number; events: number; problems: number }> {
  const time = { tzOffsetMinutes: 0, referenceMs: Date.now() };
  const ctx: ParseContext = { file: OUT, time, years: new YearGuesser(time), state: new Map() };
  async function* pieces(): AsyncIterable<Uint8Array> {
    for (let i = 0; i < bytes.length; i += 1 << 20) yield bytes.subarray(i, Math.min(bytes.length, i + (1 << 20)));
  }
  let events = 0, problems = 0, chars = 0;
  const t0 = performance.now(), c0 = process.cpuUsage();
  await parser.parseBytes(pieces(), ctx, {
    // reading a character flattens a string built by concatenation: its cost is counted here, not later
    event: (_f, raw) => { events++; chars += raw.length + (raw.charCodeAt(raw.length - 1) & 0); },
    unparsed: () => { problems++; },
    issue: () => { problems++; },
  });
  const ms = performance.now() - t0, c = process.cpuUsage(c0);
  if (chars === 0 && events > 0) throw new Error('bug: empty raw');
  // CPU time of the process (this thread plus V8's GC helper threads): steadier than wall time on a shared machine
  return { ms, cpuMs: (c.user + c.system) / 1000, events, problems };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const { path: OUT, records } = evtxFile(TARGET_RECORDS);
const bytes = new Uint8Array(readFileSync(OUT));
console.log(`${OUT}: ${(bytes.length / 2 ** 20).toFixed(1)} MiB, ${records} records`);

const baseline = BASELINE ? (await import(BASELINE) as { evtx: BinaryParser }).evtx : undefined;
const hasEvtxexport = spawnSync('sh', ['-c', 'command -v evtxexport']).status === 0;
await parseOnce(evtx, bytes); // warm-up (JIT)
if (baseline) await parseOnce(baseline, bytes);
const times: number[] = [], baseTimes: number[] = [], theirRuns: number[] = [], cpu: number[] = [], baseCpu: number[] = [];
let last = { ms: 0, cpuMs: 0, events: 0, problems: 0 };
for (let i = 0; i < RUNS; i++) {
  last = await parseOnce(evtx, bytes);
  times.push(last.ms);
  cpu.push(last.cpuMs);
  if (baseline) {
    const b = await parseOnce(baseline, bytes);
    baseTimes.push(b.ms);
    baseCpu.push(b.cpuMs);
  }
  if (hasEvtxexport && i < 3) {
    const t0 = performance.now();
    execFileSync('sh', ['-c', `evtxexport -f xml '${OUT}' > /dev/null 2>&1`]);
    theirRuns.push(performance.now() - t0);
  }
}
if (last.events !== records || last.problems) console.log(`WARNING: ${last.events} events, ${last.problems} issues (expected ${records}, 0)`);
const ours = median(times) / 1000;
const base = baseline ? median(baseTimes) / 1000 : NaN;
const theirs = hasEvtxexport ? median(theirRuns) / 1000 : NaN;
const theirsNote = hasEvtxexport ? `median of ${theirRuns.length}, same rounds` : 'not installed (apt-get install -y libevtx-utils)';

const row = (tool: string, s: number, note: string) =>
  `| ${tool.padEnd(38)} | ${String(records).padStart(8)} | ${Number.isFinite(s) ? s.toFixed(3).padStart(8) : '     n/a'} | ${Number.isFinite(s) ? Math.round(records / s).toLocaleString('en-US').padStart(10) : '       n/a'} | ${note}`;
console.log(`\nfile: ${(statSync(OUT).size / 2 ** 20).toFixed(1)} MiB, Node ${process.version}`);
console.log(`| ${'tool'.padEnd(38)} | ${'records'.padStart(8)} | ${'seconds'.padStart(8)} | ${'records/s'.padStart(10)} | runs`);
console.log(`|${'-'.repeat(40)}|${'-'.repeat(10)}|${'-'.repeat(10)}|${'-'.repeat(12)}|------`);
console.log(row('logdrop evtx (Node, parse+normalize)', ours, `median of ${RUNS}`));
if (baseline) console.log(row('baseline (EVTX_BENCH_BASELINE)', base, `median of ${RUNS}, same rounds`));
console.log(row('evtxexport -f xml (libevtx-utils)', theirs, theirsNote));
const ratio = (a: number, b: number) => (Number.isFinite(a) && Number.isFinite(b) ? `${(b / a).toFixed(2)}x` : 'n/a');
const cpuS = median(cpu) / 1000, baseCpuS = baseline ? median(baseCpu) / 1000 : NaN;
console.log(`\nCPU time (median): logdrop ${cpuS.toFixed(3)} s = ${Math.round(records / cpuS).toLocaleString('en-US')} records per CPU-second${baseline ? `; baseline ${baseCpuS.toFixed(3)} s = ${Math.round(records / baseCpuS).toLocaleString('en-US')}; baseline / logdrop CPU ${(baseCpuS / cpuS).toFixed(2)}x` : ''}; load ${loadavg()[0].toFixed(1)}`);
console.log(`\nrecords/s vs evtxexport: ${ratio(ours, theirs)}${baseline ? `; vs baseline: ${ratio(ours, base)} (baseline vs evtxexport: ${ratio(base, theirs)})` : ''}`);
