import { sourceFromPath } from './test/harness/ingest.ts';
import { ingestBundle } from './src/workers/ingest/ingestBundle.ts';
const path = '.bench/auth-200000.log';
const t = performance.now();
await ingestBundle([sourceFromPath(path)], {}, { addFile: async () => 1, updateFile: async () => {}, progress: () => {}, chunk: async () => {} });
console.log(performance.now() - t);
