// `node --import tsx bench/raw-query-node.ts [RECORDS] [RUNS]`: searches over the Windows case's raw
// XML (the generated EVTX file, indexed as the app's engine indexes it) with raw kept as bytes and kept deflated
// (query/textBlocks.ts), both in this process, one after the other: the first search (which, as bytes, makes
// the chunks' strings and the lower-cased copy it keeps) and the median of the next RUNS, in CPU ms
// (process.cpuUsage); heap figures: bench/heap-node.ts windows. Free text on a Windows case reads raw only for
// events without a message (none in this file), so `mimikatz` shows that path is untouched. A third pass keeps no
// raw as bytes (keepChars 0: every segment past the budget, where the message is deflated with its raw), so the
// free-text and message: searches show what a big case pays for its message kept deflated.
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { ingestFile } from '../src/workers/ingest/ingestFile.ts';
import { createQueryEngine, type QueryEngine } from '../src/workers/query/engine.ts';
import { DEFAULT_DEFLATE_LIMITS, deflatesSettled, forgetInflated, setDeflateLimits } from '../src/workers/query/textBlocks.ts';
import { evtxFile } from './generate.ts';
import { byteSource } from './byteSource.ts';
import { median } from './browser.ts';
import { builtAs, builtPath } from './builtAs.ts';

const QUERIES = ['raw:"4624"', 'raw:"sedebugprivilege"', 'raw:/TargetUserName">adm/', 'raw:"</event><event"', 'mimikatz', 'logon', 'message:/^Process /', 'alarm.id:4624'];

const cpuNow = (): number => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

async function load(path: string, bytes: Uint8Array): Promise<{ q: QueryEngine; events: number }> {
  const q = createQueryEngine();
  let events = 0;
  const via = builtPath(builtAs(), q.index);
  await ingestFile(byteSource(path, bytes), { templates: true, ...via.options }, (chunk) => {
    events += chunk.count;
    q.addChunk(via.resolve(chunk));
  });
  via.end();
  await deflatesSettled();
  return { q, events };
}

async function main(): Promise<void> {
  const { path } = evtxFile(Number(process.argv[2] ?? 100_000));
  const runs = Number(process.argv[3] ?? 5);
  const bytes = new Uint8Array(readFileSync(path));
  console.log(`Windows case (${path}); CPU ms; load ${loadavg()[0].toFixed(1)}`);
  console.log('raw kept as | query | hits | first | median of next');
  for (const mode of ['bytes', 'deflated', 'past the budget'] as const) {
    setDeflateLimits(mode === 'bytes' ? { longRaw: 0, minChars: Infinity, blockChars: 1 } : mode === 'deflated' ? undefined : { ...DEFAULT_DEFLATE_LIMITS, keepChars: 0 });
    forgetInflated();
    const { q } = await load(path, bytes);
    const rows: string[] = [];
    for (const text of QUERIES) {
      let t = cpuNow();
      const r = q.query(text);
      if (!r.ok) throw new Error(`${text}: ${r.error.message}`);
      const first = cpuNow() - t;
      const next: number[] = [];
      for (let i = 0; i < runs; i++) {
        t = cpuNow();
        q.query(text);
        next.push(cpuNow() - t);
      }
      rows.push(`${text} | ${r.handle.total.toLocaleString('en-US')} | ${first.toFixed(1)} | ${median(next).toFixed(1)}`);
    }
    for (const row of rows) console.log(`${mode} | ${row}`);
  }
  setDeflateLimits();
}

void main();
