import { describe, expect, it } from 'vitest';
import { azureAd } from '../../../src/parsers/formats/azure-ad.ts';
import { needsCorpus } from '../../harness/corpus.ts';
import { parseFile } from '../../harness/parsers.ts';
import { otrfFile } from './otrf.ts';

describe('azure-ad', () => {
  it('OTRF AADAuditEvents.Zip: every row parses', needsCorpus, () => {
    const res = parseFile(azureAd, otrfFile('datasets/compound/GoldenSAMLADFSMailAccess/AADAuditEvents.Zip').text);
    expect(res.unparsed).toEqual([]);
    expect(res.events.length).toBe(4);
    for (const ev of res.events) expect(ev).toMatchObject({ 'init.usr.name': 'pgustavo@simulandlabs.com', outcome: 'success' });
  });

  it('JSON-text columns that are not JSON stay text', () => {
    const res = parseFile(azureAd, '{"SourceSystem":"Azure AD","OperationName":"x","InitiatedBy":"{not json"}');
    expect(res.events[0]['data.InitiatedBy']).toBe('{not json');
  });
});
