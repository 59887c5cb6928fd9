// `node --import tsx bench/worker-ingest-node.ts auth|json|evtx [LINES]`: the ingest worker's own work on one file
// as ingest.worker.ts does it (ingestFile with text as bytes, spans of raw, case ids from a fresh case
// dictionary, template mining, then packChunk), without the hash (the hash worker's) and without posting, in CPU
// time (process.cpuUsage), medians of BENCH_RUNS rounds. With INGEST_BASELINE=<folder holding another checkout's
// src/> (e.g. `git archive main src | tar -x -C dist-basesrc`, inside this worktree so node_modules resolve) the
// two trees run alternated in the same process, so the ratio holds under a loaded machine.
// Add `--cpu-prof` to node's flags for a profile of the same work.
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { accessLog, authLog, evtxFile, jsonLines } from './generate.ts';
import { median } from './browser.ts';
import { byteSource } from './byteSource.ts';
import * as here from '../src/workers/ingest/ingestFile.ts';
import * as hereIds from '../src/workers/chunk/caseIds.ts';
import * as herePack from '../src/workers/chunk/packedDict.ts';

type Ingest = typeof here.ingestFile;
interface Tree { name: string; ingest: Ingest; dict: () => hereIds.CaseDictBuilder; pack: typeof herePack.packChunk }

const kind = process.argv[2] ?? 'auth';
const LINES = Number(process.argv[3] ?? 200_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const BASE = process.env.INGEST_BASELINE;

/** the hash is the hash worker's in the app: left out here, as from the ingest worker's CPU */
const noHash = () => ({ update: () => undefined, hex: () => Promise.resolve('') });

async function once(tree: Tree, path: string, bytes: Uint8Array): Promise<{ cpuMs: number; events: number }> {
  let events = 0;
  const c0 = process.cpuUsage();
  await tree.ingest(byteSource(path, bytes), { templates: true, textAsBytes: true, textSpans: true, caseDict: tree.dict(), hasher: noHash }, (chunk) => {
    events += chunk.count;
    tree.pack(chunk);
  });
  const c = process.cpuUsage(c0);
  return { cpuMs: (c.user + c.system) / 1000, events };
}

async function main(): Promise<void> {
  let path: string, expected = LINES;
  if (kind === 'evtx') ({ path, records: expected } = evtxFile(LINES));
  else path = kind === 'json' ? await jsonLines(LINES) : kind === 'access' ? await accessLog(LINES) : await authLog(LINES);
  const bytes = new Uint8Array(readFileSync(path));
  const trees: Tree[] = [{ name: 'this tree', ingest: here.ingestFile, dict: () => new hereIds.CaseDictBuilder(), pack: herePack.packChunk }];
  if (BASE !== undefined) {
    const src = resolve(BASE, 'src');
    const i = (await import(join(src, 'workers/ingest/ingestFile.ts'))) as typeof here;
    const d = (await import(join(src, 'workers/chunk/caseIds.ts'))) as typeof hereIds;
    const p = (await import(join(src, 'workers/chunk/packedDict.ts'))) as typeof herePack;
    trees.push({ name: 'baseline', ingest: i.ingestFile, dict: () => new d.CaseDictBuilder(), pack: p.packChunk });
  }
  console.log(`${path}: ${expected.toLocaleString('en-US')} records, ${(bytes.length / 1e6).toFixed(1)} MB; ${RUNS} rounds; load ${loadavg().map((l) => l.toFixed(1)).join(' / ')}`);
  const cpu = new Map<string, number[]>(trees.map((t) => [t.name, []]));
  for (let r = 0; r < RUNS; r++) {
    // alternate which tree runs first: the first run of a round meets a colder heap
    for (const tree of r % 2 === 0 ? trees : [...trees].reverse()) {
      const run = await once(tree, path, bytes);
      if (run.events !== expected) throw new Error(`${tree.name}: ${run.events} events, expected ${expected}`);
      cpu.get(tree.name)?.push(run.cpuMs);
      console.log(`round ${r + 1} ${tree.name}: ${(run.cpuMs / 1000).toFixed(2)} CPU-s`);
    }
  }
  const first = median(cpu.get('this tree') ?? []);
  for (const { name } of trees) {
    const m = median(cpu.get(name) ?? []);
    console.log(`${name}: median ${(m / 1000).toFixed(2)} CPU-s = ${Math.round(expected / m * 1000).toLocaleString('en-US')} records per CPU-second (${(m / first).toFixed(3)}x this tree's CPU)`);
  }
  console.log(`load at the end ${loadavg()[0].toFixed(1)}`);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
