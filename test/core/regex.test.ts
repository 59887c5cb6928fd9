// The linear-time regex module (src/core/regex.ts): JS syntax, flags i m s, plain-words errors, and no
// backtracking blow-up on the patterns that hang a JS RegExp.
import { describe, expect, it } from 'vitest';
import { compileRegex, escapeRegex, MAX_REGEX_LENGTH } from '../../src/core/regex.ts';

const test = (source: string, flags: string, input: string): boolean => {
  const re = compileRegex(source, flags);
  if (!re.ok) throw new Error(re.error.message);
  return re.value.test(input);
};

describe('compileRegex', () => {
  it.each([
    { name: 'unanchored', source: 'adm', flags: '', input: 'badmin', expected: true },
    { name: 'anchors mean the input', source: '^b$', flags: '', input: 'a\nb\nc', expected: false },
    { name: 'm: anchors at line breaks', source: '^b$', flags: 'm', input: 'a\nb\nc', expected: true },
    { name: 'dot stops at a line break', source: 'a.b', flags: '', input: 'a\nb', expected: false },
    { name: 's: dot matches a line break', source: 'a.b', flags: 's', input: 'a\nb', expected: true },
    { name: 'case-sensitive by default', source: '^adm', flags: '', input: 'ADMIN', expected: false },
    { name: 'i: ignore case', source: '^adm', flags: 'i', input: 'ADMIN', expected: true },
    { name: 'u is accepted', source: '^.$', flags: 'u', input: '😀', expected: true },
    { name: 'JS \\u{...} escape', source: 'ro\\u{200B}ot', flags: '', input: 'ro\u200Bot', expected: true },
    { name: 'JS \\uXXXX escape', source: '\\u202E', flags: '', input: 'ad\u202Emin', expected: true },
    { name: 'named group', source: '(?<user>adm)\\d+', flags: '', input: 'adm12', expected: true },
    { name: 'escaped slash', source: 'var\\/log', flags: '', input: '/var/log/x', expected: true },
    { name: 'character classes', source: '^\\d+\\s\\w+$', flags: '', input: '42 abc', expected: true },
    { name: 'escapeRegex is literal', source: escapeRegex('a.b*(c)/'), flags: '', input: 'xa.b*(c)/y', expected: true },
  ])('$name', ({ source, flags, input, expected }) => {
    expect(test(source, flags, input)).toBe(expected);
  });

  it.each([
    { name: 'unknown flag', source: 'a', flags: 'g', message: "unknown flag 'g' (use i, m, s)" },
    { name: 'syntax', source: 'adm(', flags: '', message: 'missing closing ): `adm(`' },
    { name: 'lookahead', source: '(?=x)a', flags: '', message: /lookahead and lookbehind are not supported/ },
    { name: 'lookbehind', source: '(?<=a)b', flags: '', message: /lookahead and lookbehind are not supported/ },
    { name: 'backreference', source: '(a)\\1', flags: '', message: /backreferences are not supported/ },
    { name: 'huge repeat', source: '(a{1000}){1000}', flags: '', message: /invalid repeat count/ },
    { name: 'too long', source: 'a'.repeat(MAX_REGEX_LENGTH + 1), flags: '', message: /at most 10000 are allowed/ },
  ])('refuses $name in plain words', ({ source, flags, message }) => {
    const re = compileRegex(source, flags);
    expect(re.ok).toBe(false);
    if (!re.ok) expect(re.error.message).toMatch(message);
  });

  // A JS RegExp takes exponential time here (minutes for 50,001 characters): RE2 answers at once.
  it.each(['(a+)+$', '(a|aa)+$', '(a*)*b', '(.*a){20}', '^(\\w+\\s?)*$'])('%s over 50,001 characters finishes', (source) => {
    const input = 'a'.repeat(50_000) + '!';
    expect(test(source, '', input)).toBe(source === '(.*a){20}');
  });

  it('caches the same source and flags', () => {
    const a = compileRegex('x+y', 'i'), b = compileRegex('x+y', 'i');
    expect(a.ok && b.ok && a.value === b.value).toBe(true);
  });
});
