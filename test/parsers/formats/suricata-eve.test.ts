import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { suricataEve } from '../../../src/parsers/formats/suricata-eve.ts';
import { corpusPath, needsCorpus } from '../../harness/corpus.ts';
import { makeCtx, parseFile } from '../../harness/parsers.ts';

describe('suricata-eve', () => {
  const cases: { name: string; input: string; ok: boolean }[] = [
    { name: 'other JSON is refused', input: '{"timestamp":"2018-07-05T15:01:09Z","msg":"x"}', ok: false },
    { name: 'unknown event_type still parses', input: '{"timestamp":"2018-07-05T15:01:09.820360-0400","flow_id":1,"event_type":"smb","src_ip":"10.0.0.1"}', ok: true },
    { name: 'bad port is not a port', input: '{"timestamp":"2018-07-05T15:01:09Z","flow_id":1,"event_type":"flow","src_ip":"10.0.0.1","src_port":"x"}', ok: true },
  ];
  it.each(cases)('$name', ({ input, ok }) => {
    const r = suricataEve.parse(input, makeCtx());
    expect(r.ok).toBe(ok);
    if (r.ok) expect(r.value['init.host.port']).toBeUndefined();
  });

  it('eve-small.log: every line parses', needsCorpus, () => {
    const text = readFileSync(corpusPath('elastic-beats/x-pack/filebeat/module/suricata/eve/test/eve-small.log'), 'utf8');
    const res = parseFile(suricataEve, text);
    expect(res.unparsed).toEqual([]);
    expect(res.events.length).toBe(8);
    expect(res.events.every((e) => typeof e.ts === 'number')).toBe(true);
  });
});
