// How the heap benches build chunks (env BENCH_BUILT): as the app's ingest worker does (default: text columns as
// bytes, message and ts.raw as spans of raw: chunk/rawSpans.ts), as bytes without spans (the ingest worker before
// chunk format 4), or as strings (the CLI's and the tests' form; what these benches measured before).
import type { FileIngestOptions } from '../src/workers/ingest/ingestFile.ts';

export type BuiltAs = 'spans' | 'bytes' | 'strings';

export function builtAs(): BuiltAs {
  const v = process.env.BENCH_BUILT ?? 'spans';
  if (v !== 'spans' && v !== 'bytes' && v !== 'strings') throw new Error(`BENCH_BUILT=${v}: spans, bytes or strings`);
  return v;
}

export function builtOptions(b: BuiltAs): Pick<FileIngestOptions, 'textAsBytes' | 'textSpans'> {
  return b === 'strings' ? {} : { textAsBytes: true, textSpans: b === 'spans' };
}
