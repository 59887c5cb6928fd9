// Table tests of Sigma values and modifiers (sigma-rules-specification "String Wildcard", "Escape Character";
// sigma-appendix-modifiers.md v2.1), with the traps: anchoring, escapes, windash with all, |all on one value,
// base64offset alignments, re flags.
import { describe, expect, it } from 'vitest';
import { LiteralIndex } from '../../src/detect/sigma/literals.ts';
import { base64Offsets } from '../../src/detect/sigma/modifiers.ts';
import { each, load, matchRows, ruleYaml } from './sigmaHelpers.ts';

const b64 = (s: string) => Buffer.from(s, 'utf8').toString('base64');
const b64le = (s: string) => Buffer.from(s, 'utf16le').toString('base64');

describe('Sigma wildcards and escapes', () => {
  it.each([
    // [key, yaml value, event values, expected]
    ['F', "'*.exe'", ['a.exe', 'A.EXE', 'a.exe.bak', '.exe'], [true, true, false, true]],
    ['F', "'cmd'", ['cmd', 'CMD', 'cmd.exe', 'xcmd'], [true, true, false, false]],
    ['F', "'a?c'", ['abc', 'ac', 'abbc', 'a?c'], [true, false, false, true]],
    ['F', "'a\\*c'", ['a*c', 'abc', 'a*C'], [true, false, true]],
    ['F', "'a\\?c'", ['a?c', 'abc'], [true, false]],
    ['F', "'C:\\Windows\\'", ['C:\\Windows\\', 'c:\\windows\\', 'C:\\Windows'], [true, true, false]],
    ['F', "'C:\\\\*'", ['C:\\x', 'C:\\', 'C:x'], [true, true, false]],
    ['F', "'a\\\\\\*'", ['a\\*', 'a\\x'], [true, false]],
    ['F', "'a\\\\\\\\b'", ['a\\\\b', 'a\\b'], [true, false]],
    ['F', "'*a*b*'", ['xaybz', 'ba', 'ab'], [true, false, true]],
    ['F', "''", ['', 'x'], [true, false]],
    ['F|cased', "'Cmd'", ['Cmd', 'cmd'], [true, false]],
    ['F|contains', "'\\*'", ['x*y', 'xy'], [true, false]],
    ['F|startswith', "'ab'", ['abc', 'xab', 'AB'], [true, false, true]],
    ['F|endswith', "'\\cmd.exe'", ['C:\\x\\cmd.exe', 'cmd.exe', 'C:\\CMD.EXE'], [true, false, true]],
    ['F', '4688', ['4688', '04688'], [true, false]],
  ])('%s: %s', (key, value, values, expected) => {
    expect(each(key, value, values)).toEqual(expected);
  });

  it('lists are OR, |all makes them AND; |all on a single value is that value (not its characters)', () => {
    const ev = ['alpha beta', 'alpha', 'beta', 'ab'];
    expect(each('F|contains', "['alpha', 'beta']", ev)).toEqual([true, true, true, false]);
    expect(each('F|contains|all', "['alpha', 'beta']", ev)).toEqual([true, false, false, false]);
    expect(each('F|contains|all', "'alpha'", ev)).toEqual([true, true, false, false]);
  });

  it('windash: a flag dash matches -, /, en dash, em dash and horizontal bar; with all, each value expands alone', () => {
    const ev = ['x -a -b', 'x /a \u2013b', 'x \u2014a \u2015b', 'x -a', 'x a-b', 'x /a'];
    expect(each('F|windash|contains|all', "['-a', '-b']", ev)).toEqual([true, true, true, false, false, false]);
    expect(each('F|windash|contains', "'-a'", ev)).toEqual([true, true, true, true, false, true]);
    // a dash inside a word is not a flag: 'a-b' stays literal
    expect(each('F|windash|contains', "'a-b'", ['a-b', 'a/b'])).toEqual([true, false]);
  });
});

describe('multi-pattern substring index (many rules, one pass per value)', () => {
  it('finds overlapping and nested patterns', () => {
    const idx = new LiteralIndex();
    const ids = ['he', 'she', 'his', 'hers', 'x'].map((p) => idx.add(p));
    expect([...idx.search('ushers')].sort()).toEqual([ids[0], ids[1], ids[3]].sort());
    expect(idx.search('nothing')).toEqual([]);
    expect(() => idx.add('late')).toThrow(/after the first search/);
  });

  it('contains lists, |all and |neq agree with the plain matcher', () => {
    const ev = ['a -enc b', 'iex x', 'none', 'IEX -ENC'];
    expect(each('F|contains', "[' -enc', 'iex']", ev)).toEqual([true, true, false, true]);
    expect(each('F|contains|all', "[' -enc', 'iex']", ev)).toEqual([false, false, false, true]);
    expect(each('F|contains|neq', "[' -enc', 'iex']", ev)).toEqual([false, false, true, false]);
  });
});

describe('Sigma encodings', () => {
  it('base64 encodes the whole value', () => {
    expect(each('F|base64', "'whoami'", [b64('whoami'), b64('whoami ')])).toEqual([true, false]);
    expect(each('F|base64|contains', "'whoami'", [`x${b64('whoami')}y`])).toEqual([true]);
  });

  it('base64offset finds the value at each of the three byte alignments', () => {
    const v = 'http://evil';
    const encoded = ['', 'a', 'ab'].map((pre) => b64(`${pre}${v} trailing`));
    expect(each('F|base64offset|contains', `'${v}'`, [...encoded, b64('no match here')])).toEqual([true, true, true, false]);
    // pySigma's documented values for 'test'
    expect(base64Offsets('test')).toEqual(['dGVzd', 'Rlc3', '0ZXN0']);
  });

  it('utf16le/wide then base64offset: a PowerShell -EncodedCommand payload', () => {
    const enc = ['', 'x', 'xy'].map((pre) => b64le(`${pre}Invoke-Mimikatz -x`));
    expect(each('F|wide|base64offset|contains', "'Invoke-Mimikatz'", enc)).toEqual([true, true, true]);
    expect(each('F|utf16le|base64offset|contains', "'Invoke-Mimikatz'", [b64('Invoke-Mimikatz')])).toEqual([false]);
    expect(each('F|utf16be|base64', "'ab'", [Buffer.from([0, 97, 0, 98]).toString('base64')])).toEqual([true]);
    expect(each('F|utf16|base64', "'ab'", [Buffer.from([0xff, 0xfe, 97, 0, 98, 0]).toString('base64')])).toEqual([true]);
  });
});

describe('Sigma regular expressions (linear time, PCRE subset)', () => {
  it.each([
    ['F|re', "'^a.c$'", ['abc', 'ABC', 'xabc', 'a\nc'], [true, false, false, false]],
    ['F|re|i', "'^a.c$'", ['ABC'], [true]],
    ['F|re|s', "'^a.c$'", ['a\nc'], [true]],
    ['F|re|m', "'^b$'", ['a\nb\nc', 'abc'], [true, false]],
    ['F|re', "'b'", ['abc'], [true]],
    ['F|re', "'(a+)+$'", ['a'.repeat(5000) + 'b'], [false]],
  ])('%s: %s', (key, value, values, expected) => {
    expect(each(key, value, values)).toEqual(expected);
  });

  it('an unsupported regex rejects the rule with the line of its key', () => {
    const set = load(ruleYaml("sel:\n    F|re: '(?<=a)b'\ncondition: sel"));
    expect(set.rules).toHaveLength(0);
    expect(set.issues[0].message).toMatch(/regular expression/);
    expect(set.issues[0].line).toBe(9); // the line of 'F|re:' (detection starts at line 7)
  });
});

describe('Sigma comparisons, time, network and special modifiers', () => {
  it('lt/lte/gt/gte compare numbers; neq negates', () => {
    const ev = ['5', '10', '11', 'x', ''];
    expect(each('F|lt', '10', ev)).toEqual([true, false, false, false, false]);
    expect(each('F|lte', '10', ev)).toEqual([true, true, false, false, false]);
    expect(each('F|gt', '10', ev)).toEqual([false, false, true, false, false]);
    expect(each('F|gte', '10', ev)).toEqual([false, true, true, false, false]);
    expect(each('F|neq', "'10'", ['10', '11'])).toEqual([false, true]);
    expect(each('F|neq', "['10', '11']", ['10', '11', '12'])).toEqual([false, false, true]);
  });

  it('minute/hour/day/week/month/year read a date value', () => {
    const ev = ['2024-03-05 23:15:00.123', '2024-03-05T08:00:00Z'];
    expect(each('F|hour', '23', ev)).toEqual([true, false]);
    expect(each('F|hour|lt', '9', ev)).toEqual([false, true]);
    expect(each('F|minute', '15', ev)).toEqual([true, false]);
    expect(each('F|day', '5', ev)).toEqual([true, true]);
    expect(each('F|month', '3', ev)).toEqual([true, true]);
    expect(each('F|year', '2024', ev)).toEqual([true, true]);
    expect(each('F|week', '10', ev)).toEqual([true, true]);
  });

  it('cidr for IPv4 and IPv6', () => {
    expect(each('F|cidr', "'10.0.0.0/8'", ['10.1.2.3', '11.0.0.1', '::ffff:10.0.0.1', 'x'])).toEqual([true, false, true, false]);
    expect(each('F|cidr', "['192.168.0.0/16', 'fe80::/10']", ['192.168.4.4', 'fe80::1', 'fec0::1'])).toEqual([true, true, false]);
  });

  it('exists and null', () => {
    const rows = (d: string) => matchRows(d, [{ F: 'x' }, { G: 'y' }, { F: '' }]);
    expect(rows('sel:\n    F|exists: true\ncondition: sel')).toEqual([0, 2]);
    expect(rows('sel:\n    F|exists: false\ncondition: sel')).toEqual([1]);
    expect(rows('sel:\n    F: null\ncondition: sel')).toEqual([1, 2]);
    expect(rows('sel:\n    F: null\ncondition: not sel')).toEqual([0]);
  });

  it('fieldref compares two fields of the same event (with neq: different)', () => {
    const ev = [{ A: 'bob', B: 'BOB' }, { A: 'bob', B: 'eve' }, { A: 'bob' }];
    expect(matchRows('sel:\n    A|fieldref: B\ncondition: sel', ev)).toEqual([0]);
    expect(matchRows('sel:\n    A|fieldref|neq: B\ncondition: sel', ev)).toEqual([1, 2]);
  });

  it('expand replaces placeholders with their configured values; an unknown one rejects the rule', () => {
    const ev = [{ U: 'admin' }, { U: 'root' }, { U: 'bob' }];
    expect(matchRows("sel:\n    U|expand: '%Administrators%'\ncondition: sel", ev, { Administrators: ['admin', 'root'] })).toEqual([0, 1]);
    expect(matchRows("sel:\n    U: '%Administrators%'\ncondition: sel", [{ U: '%administrators%' }])).toEqual([0]);
    const set = load(ruleYaml("sel:\n    U|expand: '%Nope%'\ncondition: sel"));
    expect(set.issues[0].message).toMatch(/placeholder %Nope%/);
  });

  it('keywords search the event text; |all needs every keyword', () => {
    const ev = [{ message: 'Mimikatz event::clear run' }, { message: 'other' }, { message: 'event::drop only' }];
    expect(matchRows("keywords:\n    - 'event::clear'\n    - 'EVENT::DROP'\ncondition: keywords", ev)).toEqual([0, 2]);
    expect(matchRows("keywords:\n    '|all':\n        - 'mimikatz'\n        - 'event::clear'\ncondition: keywords", ev)).toEqual([0]);
  });

  it('rejects unknown modifiers, null in a list and exists without a boolean, each with its line', () => {
    const cases: [string, RegExp, number][] = [
      ["sel:\n    F|foo: x\ncondition: sel", /unknown modifier 'foo'/, 9],
      ["sel:\n    F:\n        - x\n        - null\ncondition: sel", /null cannot be part/, 9],
      ["sel:\n    F: x\n    G|exists: yes\ncondition: sel", /'exists' needs true or false/, 10],
    ];
    for (const [d, re, line] of cases) {
      const set = load(ruleYaml(d));
      expect(set.issues[0].message).toMatch(re);
      expect(set.issues[0].line).toBe(line);
      expect(set.issues[0].file).toBe('test.yml');
    }
  });
});
