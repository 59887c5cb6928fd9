// The EVTX output must not change when the parser is made faster: one digest over every event of the corpus
// (raw XML and every field) and one over damaged copies (unparsed records, issues, warnings), both computed
// with the tree-building implementation (before walk.ts existed) and pinned here as literals.
import { describe, expect, it } from 'vitest';
import { evtx } from '../../src/parsers/formats/evtx.ts';
import { needsCorpus } from '../harness/corpus.ts';
import { corpusDigest } from './evtx-digest.ts';

describe('EVTX output digest', needsCorpus, () => {
  it('is the same as before the template walker', async () => {
    expect(await corpusDigest(evtx)).toEqual({
      clean: 'd254937d4886ef59f8f37c72239234a56a5d780bc2f753cfe7eb6a67accf4935',
      // damaged copies now also report how many records a chunk lost (issue 9 item 7): new issues, same events
      damaged: 'b69621beb3c4d018865d861a68d300914c34092257609a60c097a5f3087088f9',
      records: 558,
    });
  }, 60_000);
});
