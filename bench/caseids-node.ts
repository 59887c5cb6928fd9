// `node --import tsx bench/caseids-node.ts FILE [LINES]`: where case ids (chunk/caseIds.ts) move the dictionary
// work, in Node, CPU time: the ingest side (ingestBundle as the ingest worker runs it: text as bytes, chunks
// packed) with and without case ids, then the engine's index taking the chunks (by value, or resolved by the
// DictSession). Three rounds alternated; medians. Example: bench/caseids-node.ts .bench/app-1000000.jsonl 200000
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { ingestBundle } from '../src/workers/ingest/ingestBundle.ts';
import { packChunk, type WireChunk } from '../src/workers/chunk/packedDict.ts';
import { CaseIndex } from '../src/workers/query/caseIndex.ts';
import { DictSession } from '../src/workers/query/dictSession.ts';
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

async function run(caseIds: boolean): Promise<[number, number]> {
  const index = new CaseIndex();
  const session = caseIds ? new DictSession(index) : undefined;
  const chunks: WireChunk[] = [];
  let id = 1;
  const t0 = cpuMs();
  await ingestBundle([sourceFromBytes(file, bytes, 0)], { textAsBytes: true, caseDict: session?.snapshot }, {
    addFile: async () => id++, updateFile: async () => {}, progress: () => {},
    chunk: async (c) => void chunks.push(packChunk(c)),
  });
  const t1 = cpuMs();
  for (const c of chunks) index.addChunk(session === undefined ? c : session.resolve(c, index));
  return [t1 - t0, cpuMs() - t1];
}

const runs: Record<'chunk dictionaries' | 'case ids', [number, number][]> = { 'chunk dictionaries': [], 'case ids': [] };
for (let r = 0; r < 3; r++) {
  runs['chunk dictionaries'].push(await run(false));
  runs['case ids'].push(await run(true));
}
const median = (xs: number[]) => xs.slice().sort((a, b) => a - b)[Math.floor(xs.length / 2)];
console.log(`${file}, ${lines.toLocaleString('en-US')} lines, load ${loadavg()[0].toFixed(1)}`);
for (const [name, rs] of Object.entries(runs)) {
  console.log(`${name}: ingest side ${median(rs.map((x) => x[0])).toFixed(0)} CPU ms, index ${median(rs.map((x) => x[1])).toFixed(0)} CPU ms (runs ${rs.map((x) => x.map(Math.round).join('+')).join(', ')})`);
}
