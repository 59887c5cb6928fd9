// `node --import tsx bench/index-node.ts [auth|json] [LINES]`: the engine worker's share of an ingest and of a
// reopen, in CPU time, medians of BENCH_RUNS interleaved runs (no browser, no IndexedDB):
//   append  = the case index taking in every chunk as the ingest worker posts it (packed), growing by 1.5x
//   append, reserved = the same with the rows reserved from the file's size and fitted at the end, as the engine's
//             ingest does since issue 15 (query/ingestCapacity.ts)
//   reopen  = a fresh index built from the chunks as stored (a structured clone of each), plus the first
//             time-sorted page (the time order) and one facet: what a reopen does before the case is searchable
// `node --cpu-prof --import tsx bench/index-node.ts auth 1000000` for a profile of the same work.
import { loadavg } from 'node:os';
import { statSync } from 'node:fs';
import { authLog, jsonLines } from './generate.ts';
import { median } from './browser.ts';
import { cpuMs } from './cpuTime.ts';
import { chunksOf } from './fileChunks.ts';
import { packChunk, type WireChunk } from '../src/workers/chunk/packedDict.ts';
import { CaseIndex } from '../src/workers/query/caseIndex.ts';
import { IngestCapacity } from '../src/workers/query/ingestCapacity.ts';

const kind = process.argv[2] ?? 'auth';
const LINES = Number(process.argv[3] ?? 200_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);

function build(chunks: readonly WireChunk[], totalRows?: number): CaseIndex {
  const ix = new CaseIndex();
  if (totalRows !== undefined) ix.reserve(totalRows);
  for (const c of chunks) ix.addChunk(c);
  return ix;
}

/** As the engine's ingest: rows reserved from the file's size at its first chunk, fitted at the end. */
function buildReserved(chunks: readonly WireChunk[], fileBytes: number): CaseIndex {
  const ix = new CaseIndex();
  const plan = new IngestCapacity(ix);
  for (const c of chunks) {
    plan.file(c.fileId, fileBytes);
    plan.beforeChunk(c);
    ix.addChunk(c);
  }
  plan.end();
  return ix;
}

async function main(): Promise<void> {
  const path = kind === 'json' ? await jsonLines(LINES) : await authLog(LINES);
  const chunks = (await chunksOf(path)).map(packChunk);
  const times: Record<string, number[]> = {};
  for (let r = 0; r < RUNS; r++) {
    const posted = chunks.map((c) => structuredClone(c));
    const [append] = cpuMs(() => build(posted));
    const posted2 = chunks.map((c) => structuredClone(c));
    const [reserved] = cpuMs(() => buildReserved(posted2, statSync(path).size));
    const stored = chunks.map((c) => structuredClone(c));
    const total = stored.reduce((n, c) => n + c.count, 0);
    const [reopen, ix] = cpuMs(() => build(stored, total));
    const [order] = cpuMs(() => ix.timeOrder());
    const [facet] = cpuMs(() => {
      const f = ix.field('init.host.ip');
      return f?.kind === 'dict' ? f.ids.length : 0;
    });
    for (const [k, v] of [['append', append], ['append, reserved', reserved], ['reopen index', reopen], ['time order', order], ['facet ids', facet]] as const) (times[k] ??= []).push(v);
  }
  console.log(`${kind}, ${LINES} lines, ${chunks.length} chunks, ${RUNS} runs (CPU ms, medians); load ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);
  for (const [k, v] of Object.entries(times)) console.log(`${k.padEnd(17)} ${median(v).toFixed(0).padStart(7)} ms   runs ${v.map((x) => x.toFixed(0)).join(', ')}`);
}

void main();
