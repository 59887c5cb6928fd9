import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { syslog5424 } from '../../../src/parsers/formats/syslog5424.ts';
import { corpusPath, needsCorpus } from '../../harness/corpus.ts';
import { makeCtx, parseOk } from '../../harness/parsers.ts';

describe('syslog5424 cases', () => {
  const cases: { name: string; input: string; expected: Record<string, string | number> }[] = [
    { name: 'nil SD, nil msg', input: '<13>1 2024-01-01T00:00:00Z h app - - -', expected: { 'obs.host.name': 'h', 'app.name': 'app', message: '' } },
    { name: 'escaped ] and quote in SD', input: '<13>1 2024-01-01T00:00:00Z h app - - [x@1 a="b\\]c" q="say \\"hi\\""] msg', expected: { 'data.a': 'b]c', 'data.q': 'say "hi"', message: 'msg' } },
    { name: 'same key in two elements', input: '<13>1 2024-01-01T00:00:00Z h app - - [a@1 k="1"][b@1 k="2"]', expected: { 'data.k': '1', 'data.b@1.k': '2' } },
    { name: '__proto__ key is harmless', input: '<13>1 2024-01-01T00:00:00Z h app - - [a@1 __proto__="x"]', expected: { 'data.__proto__': 'x' } },
    { name: 'no PRI', input: '1 2024-01-01T00:00:00+02:00 h app 1 ID [a@1 k="v"] m', expected: { ts: Date.UTC(2023, 11, 31, 22), 'obs.process.id': '1' } },
  ];
  for (const c of cases) it(c.name, () => expect(parseOk(syslog5424, c.input)).toMatchObject(c.expected));

  it('refuses RFC 3164', () => {
    expect(syslog5424.parse('Dec 10 06:55:46 LabSZ sshd[24200]: x', makeCtx()).ok).toBe(false);
  });

  it('reads every Juniper flow.log line', needsCorpus, () => {
    const lines = readFileSync(corpusPath('elastic-beats/x-pack/filebeat/module/juniper/srx/test/flow.log'), 'utf8').split(/\r?\n/).filter((l) => l !== '');
    const ctx = makeCtx();
    for (const l of lines) {
      const ev = parseOk(syslog5424, l, ctx);
      expect(ev.type).toBe('FW');
      expect(typeof ev['init.host.ip']).toBe('string');
      expect(typeof ev.ts).toBe('number');
      for (const [k, v] of Object.entries(ev)) if (typeof v === 'string') expect(v, k).not.toMatch(/[\u201c\u201d]/);
    }
  });
});
