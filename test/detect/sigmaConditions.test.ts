// Table tests of the Sigma condition grammar (sigma-rules-specification "Condition"), logsource gating
// and filters (sigma-filters-specification.md).
import { describe, expect, it } from 'vitest';
import { parseCondition } from '../../src/detect/sigma/condition.ts';
import type { CondNode } from '../../src/detect/sigma/model.ts';
import { loadRules, runSigma } from '../../src/detect/sigma/index.ts';
import { memoryTable } from '../harness/memoryTable.ts';
import { load, matchRows } from './sigmaHelpers.ts';

function show(n: CondNode): string {
  switch (n.t) {
    case 'id': return n.name;
    case 'not': return `not(${show(n.a)})`;
    case 'of': return `${n.all ? 'all' : 'any'}[${n.names.join(',')}]`;
    default: return `${n.t}(${show(n.a)},${show(n.b)})`;
  }
}

const IDS = ['a', 'b', 'c', 'sel_1', 'sel_2', 'filter_x', '_private'];

describe('Sigma condition parser', () => {
  it.each([
    ['a or b and c', 'or(a,and(b,c))'],
    ['a and b or c', 'or(and(a,b),c)'],
    ['not a and b', 'and(not(a),b)'],
    ['not (a and b)', 'not(and(a,b))'],
    ['(a or b) and c', 'and(or(a,b),c)'],
    ['a and not not b', 'and(a,not(not(b)))'],
    ['1 of sel_*', 'any[sel_1,sel_2]'],
    ['any of sel_*', 'any[sel_1,sel_2]'],
    ['all of sel_*', 'all[sel_1,sel_2]'],
    ['1 of them', 'any[a,b,c,sel_1,sel_2,filter_x]'],
    ['all of them', 'all[a,b,c,sel_1,sel_2,filter_x]'],
    ['1 of _*', 'any[_private]'],
    ['a and not 1 of filter_*', 'and(a,not(any[filter_x]))'],
    ['all of sel_* or a', 'or(all[sel_1,sel_2],a)'],
    ['A AND NOT b'.replace('A', 'a'), 'and(a,not(b))'],
    ['((a))', 'a'],
  ])('%s', (text, expected) => {
    expect(show(parseCondition(text, IDS))).toBe(expected);
  });

  it.each([
    ['a and', /ends too early/],
    ['a b', /unexpected 'b'/],
    ['(a or b', /missing '\)'/],
    ['x', /unknown search identifier 'x'/],
    ['1 of nomatch*', /no search identifier matches/],
    ['a near b', /unexpected 'near'/],
  ])('rejects %s', (text, re) => {
    expect(() => parseCondition(text, IDS)).toThrow(re);
  });

  it('evaluates a condition list as OR, and maps/lists as AND/OR', () => {
    const ev = [{ A: '1', B: '2' }, { A: '1' }, { B: '2' }, { C: '3' }];
    expect(matchRows("s1:\n    A: '1'\n    B: '2'\ns2:\n    C: '3'\ncondition:\n    - s1\n    - s2", ev)).toEqual([0, 3]);
    expect(matchRows("s:\n    - A: '1'\n    - B: '2'\ncondition: s", ev)).toEqual([0, 1, 2]);
    expect(matchRows("s:\n    A: '1'\n_f:\n    B: '2'\ncondition: all of them", ev)).toEqual([0, 1]);
  });
});

describe('Sigma logsource gating', () => {
  const rule = (ls: string) => `title: t\nid: r\nlogsource:\n${ls}\ndetection:\n    sel:\n        CommandLine|contains: whoami\n    condition: sel\n`;
  const events = [
    { 'data.Channel': 'Security', 'data.EventID': '4688', 'data.CommandLine': 'whoami /all', 'data.NewProcessName': 'C:\\w\\whoami.exe' },
    { 'data.Channel': 'Microsoft-Windows-Sysmon/Operational', 'data.EventID': '1', 'data.CommandLine': 'whoami', 'data.Image': 'C:\\w\\whoami.exe' },
    { 'data.Channel': 'Microsoft-Windows-Sysmon/Operational', 'data.EventID': '3', 'data.CommandLine': 'whoami' },
    { 'parser.name': 'syslog3164', 'app.name': 'sshd', message: 'whoami' },
  ];
  const rows = (ls: string) => [...(runSigma(loadRules([{ path: 'r.yml', text: rule(ls) }]), memoryTable(events)).matches.get('r')?.rows ?? [])];

  it('process_creation covers Sysmon 1 and Security 4688 only', () => {
    expect(rows('    product: windows\n    category: process_creation')).toEqual([0, 1]);
  });
  it('a Security rule sees only the Security channel; a Sysmon rule only Sysmon', () => {
    expect(rows('    product: windows\n    service: security')).toEqual([0]);
    expect(rows('    product: windows\n    service: sysmon')).toEqual([1, 2]);
  });
  it('Security 4688 is read under Sysmon names (Image -> NewProcessName)', () => {
    const text = 'title: t\nid: r\nlogsource:\n    product: windows\n    category: process_creation\ndetection:\n    sel:\n        Image|endswith: \\whoami.exe\n    condition: sel\n';
    expect([...(runSigma(loadRules([{ path: 'r.yml', text }]), memoryTable(events)).matches.get('r')?.rows ?? [])]).toEqual([0, 1]);
  });
  it('an unmapped logsource is inactive with the reason; a mapped one without events too', () => {
    const set = loadRules([
      { path: 'a.yml', text: rule('    product: macos\n    category: process_creation').replace('id: r', 'id: a') },
      { path: 'b.yml', text: rule('    product: windows\n    service: powershell').replace('id: r', 'id: b') },
    ]);
    const cov = runSigma(set, memoryTable(events)).coverage;
    expect(cov.find((c) => c.id === 'a')).toMatchObject({ status: 'inactive', reason: expect.stringMatching(/no mapping/) });
    expect(cov.find((c) => c.id === 'b')).toMatchObject({ status: 'inactive', reason: expect.stringMatching(/no events/) });
  });
});

describe('Sigma filters', () => {
  it('a filter document removes the events it selects from the rules it names', () => {
    const text = [
      "title: whoami\nid: r1\nlogsource:\n    product: windows\n    service: security\ndetection:\n    sel:\n        CommandLine|contains: whoami\n    condition: sel",
      "title: not admins\nid: f1\nlogsource:\n    product: windows\nfilter:\n    rules:\n        - r1\n    selection:\n        User|startswith: 'adm_'\n    condition: not selection",
    ].join('\n---\n');
    const set = load(text);
    expect(set.filters).toHaveLength(1);
    const ev = [{ 'data.Channel': 'Security', 'data.CommandLine': 'whoami', 'data.User': 'adm_bob' }, { 'data.Channel': 'Security', 'data.CommandLine': 'whoami', 'data.User': 'eve' }];
    expect([...(runSigma(set, memoryTable(ev)).matches.get('r1')?.rows ?? [])]).toEqual([1]);
  });
});
