// Every .evtx of the shared corpus against evtx_truth.json (evtxexport, cross-checked with python-evtx):
// record count, EventID, TimeCreated (exact 100 ns), Computer, Channel, Provider, EventRecordID must all agree.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { corpusPath, corpusTestsRun, needsCorpus } from '../harness/corpus.ts';
import { runEvtx } from './evtx-run.ts';

interface TruthEvent { id: number; time: string; computer: string; channel: string; provider: string; record_id: number }
interface TruthFile { records: number; events: TruthEvent[] }

const truth: Record<string, TruthFile> = corpusTestsRun()
  ? JSON.parse(readFileSync(corpusPath('evtx_truth.json'), 'utf8')) as Record<string, TruthFile>
  : {};
const files = Object.keys(truth).sort();

/** evtxexport prints 9 fractional digits; the parser keeps Windows' 7 (100 ns): compare on 9. */
function nineDigits(t: string): string {
  const m = /^(.*\.)(\d+)Z$/.exec(t);
  return m ? `${m[1]}${m[2].padEnd(9, '0')}Z` : t;
}

describe('evtx parser against evtx_truth.json', needsCorpus, () => {
  it('covers the 110 corpus files', () => {
    expect(files.length).toBe(110);
  });

  it.each(files)('%s', async (rel) => {
    const t = truth[rel];
    const got = await runEvtx(new Uint8Array(readFileSync(corpusPath(rel))), 1 << 20, rel);
    expect(got.unparsed).toEqual([]);
    expect(got.issues).toEqual([]);
    expect(got.events.length).toBe(t.records);
    const actual = got.events.map((e) => ({
      id: Number(e.fields['data.EventID']),
      time: nineDigits(String(e.fields['data.TimeCreated'])),
      computer: e.fields['data.Computer'],
      channel: e.fields['data.Channel'],
      provider: e.fields['data.Provider_Name'],
      record_id: Number(e.fields['data.EventRecordID']),
    }));
    expect(actual).toEqual(t.events);
  });

  it('gives identical output when fed in 100-byte and 4097-byte pieces', async () => {
    for (const rel of files.slice(0, 8)) {
      const bytes = new Uint8Array(readFileSync(corpusPath(rel)));
      const whole = await runEvtx(bytes, 1 << 20, rel);
      expect(await runEvtx(bytes, 100, rel)).toEqual(whole);
      expect(await runEvtx(bytes, 4097, rel)).toEqual(whole);
    }
  });
});
