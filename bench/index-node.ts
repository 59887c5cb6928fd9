// `node --import tsx bench/index-node.ts [auth|json] [LINES]`: the engine worker's share of an ingest and of a
// reopen, in CPU time, medians of BENCH_RUNS interleaved runs (no browser, no IndexedDB):
//   append  = the case index taking in every chunk as the ingest worker posts it (packed), as during an ingest
//   reopen  = a fresh index built from the chunks as stored (a structured clone of each), plus the first
//             time-sorted page (the time order) and one facet: what a reopen does before the case is searchable
// `node --cpu-prof --import tsx bench/index-node.ts auth 1000000` for a profile of the same work.
import { loadavg } from 'node:os';
import { authLog, jsonLines } from './generate.ts';
import { median } from './browser.ts';
import { cpuMs } from './cpuTime.ts';
import { chunksOf } from './fileChunks.ts';
import { packChunk, type WireChunk } from '../src/workers/chunk/packedDict.ts';
import { CaseIndex } from '../src/workers/query/caseIndex.ts';

const kind = process.argv[2] ?? 'auth';
const LINES = Number(process.argv[3] ?? 200_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);

function build(chunks: readonly WireChunk[], totalRows?: number): CaseIndex {
  const ix = new CaseIndex();
  if (totalRows !== undefined) ix.reserve(totalRows);
  for (const c of chunks) ix.addChunk(c);
  return ix;
}

async function main(): Promise<void> {
  const path = kind === 'json' ? await jsonLines(LINES) : await authLog(LINES);
  const chunks = (await chunksOf(path)).map(packChunk);
  const times: Record<string, number[]> = {};
  for (let r = 0; r < RUNS; r++) {
    const posted = chunks.map((c) => structuredClone(c));
    const [append] = cpuMs(() => build(posted));
    const stored = chunks.map((c) => structuredClone(c));
    const total = stored.reduce((n, c) => n + c.count, 0);
    const [reopen, ix] = cpuMs(() => build(stored, total));
    const [order] = cpuMs(() => ix.timeOrder());
    const [facet] = cpuMs(() => {
      const f = ix.field('init.host.ip');
      return f?.kind === 'dict' ? f.ids.length : 0;
    });
    for (const [k, v] of [['append', append], ['reopen index', reopen], ['time order', order], ['facet ids', facet]] as const) (times[k] ??= []).push(v);
  }
  console.log(`${kind}, ${LINES} lines, ${chunks.length} chunks, ${RUNS} runs (CPU ms, medians); load ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);
  for (const [k, v] of Object.entries(times)) console.log(`${k.padEnd(14)} ${median(v).toFixed(0).padStart(7)} ms   runs ${v.map((x) => x.toFixed(0)).join(', ')}`);
}

void main();
