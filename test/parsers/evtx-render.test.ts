// The rendered XML (`raw`) of EVTX records must parse as XML and carry the EventData/UserData names and values.
import { readFileSync } from 'node:fs';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { renderXml } from '../../src/parsers/evtx/render.ts';
import type { XNode } from '../../src/parsers/evtx/tree.ts';
import { corpusPath, listCorpus, needsCorpus } from '../harness/corpus.ts';
import { runEvtx } from './evtx-run.ts';

const parser = new XMLParser({
  ignoreAttributes: false, attributeNamePrefix: '@_', parseTagValue: false, parseAttributeValue: false,
  trimValues: false, htmlEntities: true, isArray: (name) => name === 'Data',
});

type Obj = Record<string, unknown>;
const asObj = (v: unknown): Obj => (v && typeof v === 'object' ? v as Obj : {});
const text = (v: unknown): string => (typeof v === 'string' ? v : typeof asObj(v)['#text'] === 'string' ? asObj(v)['#text'] as string : '');

const SPOT = [
  { file: 'evtx-attack-samples/AutomatedTestingTools/WinDefender_Events_1117_1116_AtomicRedTeam.evtx', channel: 'Microsoft-Windows-Windows Defender/Operational',
    field: 'Threat Name', value: 'Trojan:PowerShell/Powersploit.M' },
  { file: 'evtx-attack-samples/Command and Control/DE_RDP_Tunneling_4624.evtx', channel: 'Security', field: 'LogonProcessName', value: 'Advapi  ' },
  { file: 'evtx-attack-samples/Command and Control/DE_sysmon-3-rdp-tun.evtx', channel: 'Microsoft-Windows-Sysmon/Operational', field: 'Image', value: 'C:\\Windows\\System32\\svchost.exe' },
  { file: 'evtx-attack-samples/Lateral Movement/LM_Remote_Service02_7045.evtx', channel: 'System', field: 'ServiceName', value: 'spoolfool' },
  { file: 'evtx-attack-samples/Credential Access/Powershell_4104_MiniDumpWriteDump_Lsass.evtx', channel: 'Microsoft-Windows-PowerShell/Operational',
    field: 'Path', value: 'C:\\Users\\Public\\lsass_wer_ps.ps1' },
  { file: 'evtx-attack-samples/Lateral Movement/DFIR_RDP_Client_TimeZone_RdpCoreTs_104_example.evtx',
    channel: 'Microsoft-Windows-RemoteDesktopServices-RdpCoreTS/Operational', field: 'TimezoneBiasHour', value: '[1]' },
] as const;

describe('EVTX rendered XML', needsCorpus, () => {
  it.each(SPOT)('$channel: $file', async ({ file, channel, field, value }) => {
    const got = await runEvtx(new Uint8Array(readFileSync(corpusPath(file))));
    expect(got.events.length).toBeGreaterThan(0);
    const withField = got.events.filter((e) => e.fields['data.Channel'] === channel && e.fields[`data.${field}`] === value);
    expect(withField.length).toBeGreaterThan(0);
    for (const e of got.events) {
      expect(XMLValidator.validate(e.raw)).toBe(true);
      const doc = asObj(asObj(parser.parse(e.raw)).Event);
      expect(text(asObj(doc.System).EventID)).toBe(e.fields['data.EventID']);
      expect(asObj(asObj(doc.System).TimeCreated)['@_SystemTime']).toBe(e.fields['data.TimeCreated']);
      const datas = asObj(doc.EventData).Data;
      for (const d of Array.isArray(datas) ? datas : []) {
        const name = asObj(d)['@_Name'];
        if (typeof name === 'string') expect(e.fields[`data.${name}`]).toBe(text(d));
      }
    }
  });

  it('every record of every corpus file renders to well-formed XML', async () => {
    let n = 0;
    for (const rel of listCorpus('.', (p) => p.endsWith('.evtx'))) {
      const got = await runEvtx(new Uint8Array(readFileSync(corpusPath(rel))));
      for (const e of got.events) {
        expect(XMLValidator.validate(e.raw), `${rel} #${e.ordinal}`).toBe(true);
        n++;
      }
    }
    expect(n).toBe(558);
  });

  it('UserData fields are flattened (Eventlog 104 log clear)', async () => {
    const file = 'evtx-attack-samples/Credential Access/Zerologon_CVE-2020-1472_DFIR_System_NetLogon_Error_EventID_5805.evtx';
    const got = await runEvtx(new Uint8Array(readFileSync(corpusPath(file))));
    const clear = got.events.find((e) => e.fields['data.EventID'] === '104');
    expect(clear?.fields).toMatchObject({ 'data.SubjectUserName': 'a-jbrown', 'data.SubjectDomainName': '3B', 'data.Channel_2': 'System' });
    expect(clear?.raw).toContain('<UserData>');
    expect(clear?.raw).toContain('<SubjectUserName>a-jbrown</SubjectUserName>');
  });
});

describe('XML escaping of hostile text', () => {
  const cases: { name: string; input: XNode[]; expected: string }[] = [
    { name: 'markup characters in text and attributes',
      input: [{ k: 0, name: 'Data', attrs: [{ name: 'Name', value: 'a"b<c>&' }], children: ['x < y && z > "q"'] }],
      expected: '<Data Name="a&quot;b&lt;c&gt;&amp;">x &lt; y &amp;&amp; z &gt; "q"</Data>' },
    { name: 'control characters, CR, lone surrogate',
      input: [{ k: 0, name: 'Data', attrs: [{ name: 'Name', value: 'tab\there\nnl' }], children: ['nul\u0000 bell\u0007 cr\r\n lone\ud800 pair\ud83d\ude00'] }],
      expected: '<Data Name="tab&#x9;here&#xA;nl">nul\ufffd bell\ufffd cr&#xD;\n lone\ufffd pair\ud83d\ude00</Data>' },
    { name: 'CDATA holding its own terminator',
      input: [{ k: 0, name: 'E', attrs: [], children: [{ k: 3, text: 'a]]>b<&' }] }],
      expected: '<E><![CDATA[a]]]]><![CDATA[>b<&]]></E>' },
    { name: 'processing instruction',
      input: [{ k: 4, target: 'xml-stylesheet', data: 'href="a?>b"' }],
      expected: '<?xml-stylesheet href="a? >b"?>' },
    { name: 'element and attribute names that are not XML names',
      input: [{ k: 0, name: '1 bad name', attrs: [{ name: 'a b', value: '1' }, { name: 'a b', value: '2' }], children: [] }],
      expected: '<_1_bad_name a_b="1"/>' },
  ];
  it.each(cases)('$name', ({ input, expected }) => {
    const xml = renderXml(input);
    expect(xml).toBe(expected);
    expect(XMLValidator.validate(`<r>${xml}</r>`)).toBe(true);
  });
});
