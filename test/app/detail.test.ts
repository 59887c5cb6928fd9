// The event detail's pure parts: grouping fields by role, entity kinds, EVTX XML indentation.
import { describe, expect, it } from 'vitest';
import { entityKindOf, groupFields } from '../../src/app/views/search/detail/fieldGroups.ts';
import { INDENT_MAX, prettyXml, rawForDrawer } from '../../src/app/views/search/detail/prettyXml.ts';

describe('groupFields', () => {
  it('puts each field under its role, data.* apart, raw left out', () => {
    const groups = groupFields({
      ts: 1, message: 'm', outcome: 'failure', 'init.host.ip': '203.0.113.5', 'target.usr.name': 'root', 'obs.host.name': 'web01',
      'obs.process.id': '12', 'alarm.id': '4625', 'data.EventID': '4625', 'col.file': 'a.log', raw: 'x', 'weird': 'w',
    });
    expect(groups.map((g) => [g.title, g.fields.map(([f]) => f)])).toEqual([
      ['Event', ['message', 'outcome', 'ts', 'weird']],
      ['Initiator (init)', ['init.host.ip']],
      ['Target', ['target.usr.name']],
      ['Process', ['obs.process.id']],
      ['Observer (obs)', ['obs.host.name']],
      ['Rule / alarm', ['alarm.id']],
      ['Original fields (data.*)', ['data.EventID']],
      ['Collection', ['col.file']],
    ]);
  });

  it.each([['init.host.ip', 'ip'], ['target.usr.name', 'user'], ['obs.host.name', 'host'], ['outcome', undefined], ['data.IpAddress', undefined]])('%s opens %s', (f, k) => {
    expect(entityKindOf(f)).toBe(k);
  });
});

describe('prettyXml', () => {
  it('indents elements, keeps text-only elements on one line', () => {
    const xml = '<Event xmlns="x"><System><EventID>4625</EventID><Execution ProcessID="1"/></System><EventData><Data Name="a">b &lt; c</Data></EventData></Event>';
    expect(prettyXml(xml)).toBe([
      '<Event xmlns="x">',
      '  <System>',
      '    <EventID>4625</EventID>',
      '    <Execution ProcessID="1"/>',
      '  </System>',
      '  <EventData>',
      '    <Data Name="a">b &lt; c</Data>',
      '  </EventData>',
      '</Event>',
    ].join('\n'));
  });

  it('leaves what is not XML alone', () => {
    expect(prettyXml('Failed password for root')).toBe('Failed password for root');
    expect(prettyXml('')).toBe('');
  });
});

describe('rawForDrawer', () => {
  const record = (data: string) => `<Event><System><EventID>4688</EventID></System><EventData><Data Name="CommandLine">${data}</Data></EventData></Event>`;

  it('indents an EVTX record', () => {
    const r = rawForDrawer(record('cmd.exe /c whoami'));
    expect(r).toMatchObject({ xml: true, indented: true });
    expect(r.text.split('\n')).toContain('    <Data Name="CommandLine">cmd.exe /c whoami</Data>');
  });

  it('shows a record too large to indent as it was read, whole', () => {
    const raw = record('A'.repeat(INDENT_MAX));
    const r = rawForDrawer(raw);
    expect(r).toEqual({ text: raw, xml: true, indented: false });
  });

  it('leaves a log line alone', () => {
    expect(rawForDrawer('Oct  1 10:00:00 web-01 sshd[42]: Failed password')).toEqual({ text: 'Oct  1 10:00:00 web-01 sshd[42]: Failed password', xml: false, indented: false });
  });
});
