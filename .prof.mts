import { ingestSources, sourceFromPath } from './test/harness/ingest.ts';
import { ingestBundle } from './src/workers/ingest/ingestBundle.ts';
import { createQueryEngine } from './src/workers/query/engine.ts';
const path = '.bench/auth-200000.log';
for (let i = 0; i < 3; i++) {
  let t = performance.now();
  let n = 0;
  await ingestBundle([sourceFromPath(path)], {}, { addFile: async () => 1, updateFile: async () => {}, progress: () => {}, chunk: async (c) => { n += c.count; } });
  const parse = performance.now() - t;
  const q = createQueryEngine();
  t = performance.now();
  await ingestBundle([sourceFromPath(path)], {}, { addFile: async () => 1, updateFile: async () => {}, progress: () => {}, chunk: async (c) => { q.addChunk(c); } });
  console.log(`parse+chunk ${parse.toFixed(0)} ms (${n}), with index ${(performance.now() - t).toFixed(0)} ms`);
}
