import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { zeekJson } from '../../../src/parsers/formats/zeek-json.ts';
import { zeekTsv } from '../../../src/parsers/formats/zeek-tsv.ts';
import { zeekPathFromName } from '../../../src/parsers/extract/zeek.ts';
import { corpusPath, listCorpus, needsCorpus } from '../../harness/corpus.ts';
import { makeCtx, parseFile } from '../../harness/parsers.ts';
import { otrfMembers } from './otrf.ts';

describe('zeek-json', () => {
  const names: { name: string; input: string; expected: string | undefined }[] = [
    { name: 'OTRF style', input: 'apt29/SCRANTON_conn.log', expected: 'conn' },
    { name: 'rotated', input: 'logs/dns.04:00:00-05:00:00.log.gz', expected: 'dns' },
    { name: 'plain', input: 'http.log', expected: 'http' },
    { name: 'unknown', input: 'events.json', expected: undefined },
  ];
  it.each(names)('log type from file name: $name', ({ input, expected }) => expect(zeekPathFromName(input)).toBe(expected));

  it('takes the log type from the file name when the record has none', () => {
    const r = zeekJson.parse('{"ts":1591367999.5,"uid":"C1","id.orig_h":"1.2.3.4","query":"a.example"}', makeCtx({ file: 'x/SCRANTON_dns.log' }));
    expect(r.ok && r.value).toMatchObject({ action: 'dns', type: 'DNS', 'data.query': 'a.example' });
  });

  it('OTRF apt29 SCRANTON_*.log: every line parses', needsCorpus, () => {
    for (const f of listCorpus('otrf-security-datasets', (p) => /SCRANTON_.*\.log$/.test(p))) {
      const text = readFileSync(corpusPath(f), 'utf8');
      const res = parseFile(zeekJson, text, f);
      expect(res.unparsed, f).toEqual([]);
      expect(res.events.length, f).toBe(text.trim().split('\n').length);
      for (const ev of res.events) {
        expect(typeof ev.ts, f).toBe('number');
        expect(ev['init.host.ip'], f).toBeTruthy();
        expect(ev.action, f).toBe(/SCRANTON_(\w+)\.log/.exec(f)?.[1]);
      }
    }
  });
});

describe('zeek-tsv', () => {
  it('reads unset, empty and a second header block', () => {
    const text = [
      '#separator \\x09', '#unset_field\t-', '#empty_field\t(empty)', '#path\tconn', '#fields\tts\tuid\tid.orig_h\tservice\ttunnel_parents',
      '1692146028.495991\tC1\t10.0.0.1\t-\t(empty)', '#close\t2023-08-15-21-06-19',
      '#separator \\x09', '#path\tdns', '#fields\tts\tquery', '1692146028.5\texample.org',
    ].join('\n');
    const res = parseFile(zeekTsv, text);
    expect(res.unparsed).toEqual([]);
    expect(res.meta).toBe(9);
    expect(res.events[0]).toMatchObject({ action: 'conn', 'data.tunnel_parents': '' });
    expect(res.events[0]['data.service']).toBeUndefined();
    expect(res.events[1]).toMatchObject({ action: 'dns', 'data.query': 'example.org' });
  });

  it('a record with the wrong number of fields is unparsed', () => {
    const res = parseFile(zeekTsv, '#separator \\x09\n#fields\ta\tb\n1\t2\t3');
    expect(res.unparsed.length).toBe(1);
  });

  it('OTRF LSASS_campaign_02 zeek_logs.zip: every record parses', needsCorpus, () => {
    const members = otrfMembers('datasets/compound/LSASS_campaign_02/metasploit_procdump_lsass_memory_dump_zeek_logs.zip');
    expect(members.length).toBe(6);
    for (const m of members) {
      const res = parseFile(zeekTsv, m.text, m.name);
      const records = m.text.split('\n').filter((l) => l !== '' && !l.startsWith('#')).length;
      expect(res.unparsed, m.name).toEqual([]);
      expect(res.events.length, m.name).toBe(records);
      for (const ev of res.events) expect(ev.action, m.name).toBe(m.name.replace(/^.*\//, '').replace('.log', ''));
    }
  });
});
