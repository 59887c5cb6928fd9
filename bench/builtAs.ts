// How the heap benches build chunks (env BENCH_BUILT): as the app's ingest worker does with case ids (caseids:
// bytes, spans and dictionary columns in case ids resolved by a DictSession as the engine resolves them:
// chunk/caseIds.ts), as bytes with spans (default: text columns as bytes, message and ts.raw as spans of raw:
// chunk/rawSpans.ts; dictionary columns with their own dictionaries), as bytes without spans (the ingest worker
// before chunk format 4), or as strings (the CLI's and the tests' form; what these benches measured before).
import type { FileIngestOptions } from '../src/workers/ingest/ingestFile.ts';
import type { WireChunk } from '../src/workers/chunk/packedDict.ts';
import { CaseDictBuilder } from '../src/workers/chunk/caseIds.ts';
import type { CaseIndex } from '../src/workers/query/caseIndex.ts';
import { DictSession } from '../src/workers/query/dictSession.ts';

export type BuiltAs = 'caseids' | 'spans' | 'bytes' | 'strings';

export function builtAs(): BuiltAs {
  const v = process.env.BENCH_BUILT ?? 'spans';
  if (v !== 'caseids' && v !== 'spans' && v !== 'bytes' && v !== 'strings') throw new Error(`BENCH_BUILT=${v}: caseids, spans, bytes or strings`);
  return v;
}

export function builtOptions(b: BuiltAs): Pick<FileIngestOptions, 'textAsBytes' | 'textSpans'> {
  return b === 'strings' ? {} : { textAsBytes: true, textSpans: b !== 'bytes' };
}

/**
 * The ingest options for `b` and what a chunk goes through before `index` takes it: with case ids, the ingest's
 * case dictionary (the worker's side, `caseDict`, whose held() the benches print), the engine's resolve and end.
 */
export function builtPath(b: BuiltAs, index: CaseIndex): {
  options: Pick<FileIngestOptions, 'textAsBytes' | 'textSpans' | 'caseDict'>; resolve: (chunk: WireChunk) => WireChunk; end: () => void;
  caseDict?: CaseDictBuilder;
} {
  if (b !== 'caseids') return { options: builtOptions(b), resolve: (chunk) => chunk, end: () => {} };
  const session = new DictSession(index);
  const caseDict = new CaseDictBuilder(session.snapshot);
  return { options: { ...builtOptions(b), caseDict }, resolve: (chunk) => session.resolve(chunk, index), end: () => session.end(index), caseDict };
}
