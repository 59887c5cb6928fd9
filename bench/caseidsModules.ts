// The modules bench/caseids-node.ts runs, gathered so that another checkout's (BENCH_BASE) can stand in for them.
export { ingestBundle } from '../src/workers/ingest/ingestBundle.ts';
export { packChunk, type WireChunk } from '../src/workers/chunk/packedDict.ts';
export { CaseIndex } from '../src/workers/query/caseIndex.ts';
export { DictSession } from '../src/workers/query/dictSession.ts';
