// Nothing else changes when the ingest is made faster (issue 15): the whole corpus through ingest and the query
// engine gives the same events, ledger and query results as the code before that work. The digests below were
// computed on that code (branch h-ingest, before its first change) and pinned as literals.
import { describe, expect, it } from 'vitest';
import { needsCorpus } from '../../harness/corpus.ts';
import { corpusDigest } from './corpus-digest.ts';

const PINNED = {
  files: 87,
  events: 39977,
  eventsSha: '5c60e04f50e84707485761b5878704b1625be601e7f3270b4a4f596e8a849256',
  ledgerSha: '39dea28ff523336e5152efad899faabadbf7ab29915a8e559184ba4c703a6327',
  queriesSha: '96d852182ec8afcfca32cf36b653fefc46b31c19baeb422ae2f73b63f3b14f9e',
};

describe('whole-corpus output digest', needsCorpus, () => {
  it('is the same as before the ingest work of issue 15', async () => {
    expect(await corpusDigest()).toEqual(PINNED);
  }, 300_000);

  it('is the same with chunks built as the ingest worker builds them (bytes, message and ts.raw as spans of raw)', async () => {
    expect(await corpusDigest({ textAsBytes: true, textSpans: true })).toEqual(PINNED);
  }, 300_000);

  // dictionary columns in case ids, assigned while building (chunk/caseIds.ts), with bytes and spans: the browser's form
  it('is the same with case ids, bytes and spans, as the browser\'s ingest builds them', async () => {
    expect(await corpusDigest({ caseIds: true, textAsBytes: true, textSpans: true })).toEqual(PINNED);
  }, 300_000);
});
