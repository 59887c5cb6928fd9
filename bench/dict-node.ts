// `node --import tsx bench/dict-node.ts [auth|json] [LINES]`: the engine side of a chunk, array dictionaries
// against packed ones (chunk/packedDict.ts), in CPU time, medians of BENCH_RUNS interleaved runs:
//   clone  = structuredClone of every chunk (what postMessage and an IndexedDB put and get do to it)
//   index  = the case index taking in every chunk (after its clone, as the engine gets it)
import { loadavg } from 'node:os';
import { authLog, jsonLines } from './generate.ts';
import { median } from './browser.ts';
import { cpuMs } from './cpuTime.ts';
import { chunksOf } from './fileChunks.ts';
import { packChunk, type WireChunk } from '../src/workers/chunk/packedDict.ts';
import { CaseIndex } from '../src/workers/query/caseIndex.ts';

const kind = process.argv[2] ?? 'auth';
const LINES = Number(process.argv[3] ?? 200_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 5);

async function main(): Promise<void> {
  const path = kind === 'json' ? await jsonLines(LINES) : await authLog(LINES);
  const chunks = await chunksOf(path);
  const forms: Record<string, () => WireChunk[]> = { array: () => chunks, packed: () => chunks.map(packChunk) };
  const times: Record<string, number[]> = {};
  for (let r = 0; r < RUNS; r++) {
    for (const [name, form] of Object.entries(forms)) {
      const [pack, wire] = cpuMs(form);
      const [clone, cloned] = cpuMs(() => wire.map((c) => structuredClone(c)));
      const [index] = cpuMs(() => {
        const ix = new CaseIndex();
        for (const c of cloned) ix.addChunk(c);
        return ix;
      });
      for (const [k, v] of [['pack', pack], ['clone', clone], ['index', index]] as const) (times[`${name} ${k}`] ??= []).push(v);
    }
  }
  console.log(`${kind}, ${LINES} lines, ${chunks.length} chunks, ${RUNS} runs (CPU ms, medians); load ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);
  for (const [k, v] of Object.entries(times)) console.log(`${k.padEnd(14)} ${median(v).toFixed(0).padStart(7)} ms   runs ${v.map((x) => x.toFixed(0)).join(', ')}`);
}

void main();
