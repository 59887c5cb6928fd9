import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { windowsXml } from '../../../src/parsers/formats/windows-xml.ts';
import { corpusPath, needsCorpus } from '../../harness/corpus.ts';
import { makeCtx, parseFile } from '../../harness/parsers.ts';

interface TruthEvent { id: number; time: string; computer: string; channel: string; provider: string; record_id: number }
type Manifest = Record<string, { from: string; events: number; style: string }>;

describe('windows-xml', () => {
  const cases: { name: string; input: string; expected: Record<string, string | number> }[] = [
    { name: 'entities in attributes and text', input: '<Event><System><Provider Name="A &amp; B"/><EventID>4</EventID><Computer>h&#x41;</Computer></System><EventData><Data Name="X">&lt;&#65;&gt;</Data></EventData></Event>', expected: { 'data.Provider_Name': 'A & B', 'data.Computer': 'hA', 'data.X': '<A>' } },
    { name: 'unnamed Data are positional', input: '<Event><System><EventID>1000</EventID></System><EventData><Data>first</Data><Data>second</Data><Binary>00FF</Binary></EventData></Event>', expected: { 'data.Data1': 'first', 'data.Data2': 'second', 'data.Binary': '00FF' } },
    { name: 'CDATA text', input: '<Event><System><EventID>1</EventID></System><EventData><Data Name="S"><![CDATA[a <b> & c]]></Data></EventData></Event>', expected: { 'data.S': 'a <b> & c' } },
    { name: '__proto__ as a Data name is a field', input: '<Event><System><EventID>1</EventID></System><EventData><Data Name="__proto__">x</Data><Data Name="constructor">y</Data></EventData></Event>', expected: { 'data.__proto__': 'x', 'data.constructor': 'y' } },
  ];
  it.each(cases)('$name', ({ input, expected }) => {
    const r = windowsXml.parse(input, makeCtx());
    expect(r.ok && r.value).toMatchObject(expected);
  });

  const bad: { name: string; input: string }[] = [
    { name: 'truncated', input: '<Event><System><EventID>4</EventID>' },
    { name: 'mismatched tags', input: '<Event><System></EventData></Event>' },
    { name: 'not an Event', input: '<Foo/>' },
    { name: 'hostile nesting', input: '<Event>' + '<a>'.repeat(10000) + '</a>'.repeat(10000) + '</Event>' },
  ];
  it.each(bad)('unparsed: $name', ({ input }) => {
    expect(windowsXml.parse(input, makeCtx()).ok).toBe(false);
  });

  it('agrees with evtx_truth.json for every corpus file', needsCorpus, () => {
    const manifest = JSON.parse(readFileSync(corpusPath('windows-xml/MANIFEST.json'), 'utf8')) as Manifest;
    const truth = JSON.parse(readFileSync(corpusPath('evtx_truth.json'), 'utf8')) as Record<string, { events: TruthEvent[] }>;
    for (const [file, info] of Object.entries(manifest)) {
      const res = parseFile(windowsXml, readFileSync(corpusPath(file), 'utf8'), file);
      expect(res.unparsed, file).toEqual([]);
      expect(res.events.length, file).toBe(info.events);
      const want = truth[info.from].events;
      expect(res.events.length, file).toBe(want.length);
      res.events.forEach((ev, i) => {
        const t = want[i];
        expect({
          id: ev['data.EventID'], computer: ev['data.Computer'], channel: ev['data.Channel'],
          provider: ev['data.Provider_Name'], record: ev['data.EventRecordID'], ts: ev.ts,
        }, `${file} #${i}`).toEqual({
          id: String(t.id), computer: t.computer, channel: t.channel, provider: t.provider, record: String(t.record_id),
          ts: Date.parse(t.time.replace(/(\.\d{3})\d*Z$/, '$1Z')) + Number(`0.${/\.\d{3}(\d*)Z$/.exec(t.time)?.[1] ?? '0'}`),
        });
        expect(ev['alarm.id'], file).toBe(String(t.id));
        expect(ev['obs.host.name'], file).toBe(t.computer);
      });
    }
  });
});
