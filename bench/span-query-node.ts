// `node --expose-gc --import tsx bench/span-query-node.ts [LINES] [RUNS]`: free-text and message searches over
// the generated auth.log indexed as the ingest worker builds its chunks, with message and ts.raw as their own
// text (BENCH_BUILT=bytes, format 3) or as spans of raw (BENCH_BUILT=spans, the default: format 4), one build per
// process (run it once each way): the first search (which makes the chunks'
// strings and the lower-cased copy it searches) and the median of the next RUNS (CPU time, process.cpuUsage),
// plus the heap after the searches (a search keeps its lower-cased text).
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { ingestFile } from '../src/workers/ingest/ingestFile.ts';
import { createQueryEngine, type QueryEngine } from '../src/workers/query/engine.ts';
import { authLog } from './generate.ts';
import { byteSource } from './byteSource.ts';
import { median } from './browser.ts';
import { builtAs, builtPath, type BuiltAs } from './builtAs.ts';
import { deflatesSettled } from '../src/workers/query/textBlocks.ts';
import { requireGc, usedAfterGc } from './heapBytes.ts';

const QUERIES = ['"Failed password"', 'message:"failed password"', 'message:/^Accepted/', 'invalid', 'ts.raw:"Mar  1 00:0"'];

const cpuNow = (): number => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

async function load(path: string, bytes: Uint8Array, built: BuiltAs): Promise<{ q: QueryEngine; events: number }> {
  const q = createQueryEngine();
  let events = 0;
  const via = builtPath(built, q.index);
  await ingestFile(byteSource(path, bytes), { templates: true, ...via.options }, (chunk) => {
    events += chunk.count;
    q.addChunk(via.resolve(chunk));
  });
  via.end();
  await deflatesSettled(); // long raw text is deflated after each chunk (query/textBlocks.ts)
  return { q, events };
}

async function main(): Promise<void> {
  requireGc();
  const lines = Number(process.argv[2] ?? 200_000);
  const runs = Number(process.argv[3] ?? 7);
  const path = await authLog(lines);
  const bytes = new Uint8Array(readFileSync(path));
  console.log(`${lines.toLocaleString('en-US')}-line auth.log; CPU ms; load ${loadavg()[0].toFixed(1)}`);
  console.log('built as | query | hits | first | median of next | heap after all searches B/event');
  {
    const built = builtAs();
    const before = usedAfterGc();
    const { q, events } = await load(path, bytes, built);
    const rows: string[] = [];
    for (const text of QUERIES) {
      let t = cpuNow();
      const first = q.query(text);
      const firstMs = cpuNow() - t;
      if (!first.ok) throw new Error(`${text}: ${first.error.message}`);
      q.release(first.handle.id);
      const times: number[] = [];
      for (let r = 0; r < runs; r++) {
        t = cpuNow();
        const res = q.query(text);
        times.push(cpuNow() - t);
        if (res.ok) q.release(res.handle.id);
      }
      rows.push(`${built} | ${text} | ${first.handle.total} | ${firstMs.toFixed(0)} | ${median(times).toFixed(1)}`);
    }
    const heap = (usedAfterGc() - before) / events;
    for (const r of rows) console.log(`${r} | ${heap.toFixed(0)}`);
    if (q.index.rowCount === -1) console.log('unreachable'); // keeps the index alive until measured
  }
}

void main();
