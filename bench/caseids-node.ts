// `node --import tsx bench/caseids-node.ts FILE [LINES]`: where case ids (chunk/caseIds.ts) move the dictionary
// work, in Node, CPU time: the ingest side (ingestBundle as the ingest worker runs it: text as bytes, chunks
// packed) with and without case ids, then the engine's index taking the chunks (by value, or resolved by the
// DictSession). Three rounds alternated; medians. Example: bench/caseids-node.ts .bench/app-1000000.jsonl 200000
// BENCH_BASE=DIR (another checkout, e.g. `git archive main | tar -x -C DIR`, with node_modules linked) adds that
// checkout's case-id ingest to each round, alternated with this one's (issue 15: fields not kept case-wide).
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { resolve } from 'node:path';
import * as here from './caseidsModules.ts';
import { sourceFromBytes } from '../test/harness/ingest.ts';

const file = process.argv[2], lines = Number(process.argv[3] ?? 200_000);
const all = readFileSync(file, 'utf8');
let cut = 0;
for (let i = 0; i < lines && cut >= 0; i++) cut = all.indexOf('\n', cut) + 1;
const bytes = new TextEncoder().encode(cut > 0 ? all.slice(0, cut) : all);
const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
const base = process.env.BENCH_BASE === undefined ? undefined
  : (await import(resolve(process.env.BENCH_BASE, 'bench/caseidsModules.ts')).catch(() => undefined) as typeof here | undefined)
    ?? await loadBase(resolve(process.env.BENCH_BASE));

/** A checkout without bench/caseidsModules.ts: its modules one by one. */
async function loadBase(dir: string): Promise<typeof here> {
  const [a, b, c, d] = await Promise.all([
    import(`${dir}/src/workers/ingest/ingestBundle.ts`), import(`${dir}/src/workers/chunk/packedDict.ts`),
    import(`${dir}/src/workers/query/caseIndex.ts`), import(`${dir}/src/workers/query/dictSession.ts`),
  ]) as [Pick<typeof here, 'ingestBundle'>, Pick<typeof here, 'packChunk'>, Pick<typeof here, 'CaseIndex'>, Pick<typeof here, 'DictSession'>];
  return { ingestBundle: a.ingestBundle, packChunk: b.packChunk, CaseIndex: c.CaseIndex, DictSession: d.DictSession };
}

/** [ingest side CPU ms, index CPU ms] */
async function run(m: typeof here, caseIds: boolean): Promise<[number, number]> {
  const index = new m.CaseIndex();
  const session = caseIds ? new m.DictSession(index) : undefined;
  const chunks: here.WireChunk[] = [];
  let id = 1;
  const t0 = cpuMs();
  await m.ingestBundle([sourceFromBytes(file, bytes, 0)], { textAsBytes: true, caseDict: session?.snapshot }, {
    addFile: async () => id++, updateFile: async () => {}, progress: () => {},
    chunk: async (c) => void chunks.push(m.packChunk(c)),
  });
  const t1 = cpuMs();
  for (const c of chunks) index.addChunk(session === undefined ? c : session.resolve(c, index));
  return [t1 - t0, cpuMs() - t1];
}

type Name = 'chunk dictionaries' | 'case ids' | 'case ids (BENCH_BASE)';
const runs = new Map<Name, [number, number][]>([['chunk dictionaries', []], ['case ids', []]]);
if (base !== undefined) runs.set('case ids (BENCH_BASE)', []);
for (let r = 0; r < 3; r++) {
  runs.get('chunk dictionaries')?.push(await run(here, false));
  if (base !== undefined) runs.get('case ids (BENCH_BASE)')?.push(await run(base, true));
  runs.get('case ids')?.push(await run(here, true));
}
const median = (xs: number[]) => xs.slice().sort((a, b) => a - b)[Math.floor(xs.length / 2)];
console.log(`${file}, ${lines.toLocaleString('en-US')} lines, load ${loadavg()[0].toFixed(1)}`);
for (const [name, rs] of runs) {
  console.log(`${name}: ingest side ${median(rs.map((x) => x[0])).toFixed(0)} CPU ms, index ${median(rs.map((x) => x[1])).toFixed(0)} CPU ms (runs ${rs.map((x) => x.map(Math.round).join('+')).join(', ')})`);
}
