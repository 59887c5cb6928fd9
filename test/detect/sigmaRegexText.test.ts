// The text every match of a Sigma `re` value must contain (regexLiteral.ts), used to skip the regex on values
// without it: what is read, and that a value lacking it is never one the regex matches.
import { describe, expect, it } from 'vitest';
import { requiredText } from '../../src/detect/sigma/regexLiteral.ts';
import { compileLinearRegex } from '../../src/detect/sigma/linearRegex.ts';
import { each } from './sigmaHelpers.ts';

describe('requiredText', () => {
  const cases: [string, string | undefined][] = [
    ['werfaultsecure\\.exe', 'werfaultsecure.exe'],
    ['(?i)\\.exe["\']?\\s+[^"]{0,64}werfaultsecure\\.exe', 'werfaultsecure.exe'],
    ['(?i)(?:set).*&&\\s?set.*(?:environment|invoke).*&&.*"', 'set'], // groups skipped, '&&' too short
    ['abc|defgh', undefined], // top-level alternation: nothing is required
    ['(abc|def)ghij', 'ghij'],
    ['Powershel?l', 'powershe'], // the optional 'l' ends the run
    ['xy+zzz', 'zzz'], // 'xy' then 'zzz': 'xy' has two characters only
    ['abcd{0,3}ef', 'abc'],
    ['abcd{2}ef', 'abcd'],
    ['[abc]defg', 'defg'],
    ['\\d+\\.\\d+\\.exe', '.exe'],
    ['a.b.c', undefined],
    ['^cmd\\.exe$', 'cmd.exe'],
    ['tést123', undefined], // not ASCII: case folding is the regex engine's
    ['\\\\Windows\\\\Temp\\\\', '\\windows\\temp\\'],
    ['ab\\wcd', undefined],
    ['unclosed(group', undefined],
  ];
  for (const [src, want] of cases) it(`${src} -> ${String(want)}`, () => expect(requiredText(src)).toBe(want));
  it('a brace that is not a quantifier ends a run and is not taken as text', () => expect(requiredText('x{abcd')).toBe('abcd'));

  it('a value lacking the text is never matched (random values over the cases)', () => {
    const alphabet = 'aAbBcC.dDeEwW\\"\'{}0123 lLsStT&';
    let seed = 7;
    const rnd = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
    for (const [src] of cases) {
      const need = requiredText(src);
      if (need === undefined) continue;
      let re;
      try {
        re = compileLinearRegex(src, { i: true, m: false, s: false });
      } catch {
        continue;
      }
      for (let n = 0; n < 3000; n++) {
        let v = '';
        const len = Math.floor(rnd() * 30);
        for (let k = 0; k < len; k++) v += rnd() < 0.3 ? need[Math.floor(rnd() * need.length)] : alphabet[Math.floor(rnd() * alphabet.length)];
        if (re.test(v)) expect(v.toLowerCase().includes(need), `${src} matched ${JSON.stringify(v)}`).toBe(true);
      }
    }
  });
});

describe('re values with a required text match as the regex alone does', () => {
  const values = [
    'C:\\x\\WerFaultSecure.exe 1234', 'werfaultsecure.exe', 'WERFAULTSECURE.EXE', 'werfault.exe', 'WerFaultSecure.exé',
    'x werfaultsecure\u212Aexe', 'KEXE', 'x\u212Aexe', 'ſet &&', 'SET &&',
  ];
  // \u212A (Kelvin sign) and \u017F (long s) fold to k and s in case-insensitive regexes: a non-ASCII value always runs the regex
  for (const [mods, src, flags] of [
    ['re', '(?i)werfaultsecure\\.exe', { i: false }],
    ['re', 'WerFaultSecure\\.exe', { i: false }],
    ['re|i', 'kexe', { i: true }],
    ['re|i', 'set &&', { i: true }],
  ] as const) {
    it(`${mods}: ${src}`, () => {
      const re = compileLinearRegex(src, { i: flags.i, m: false, s: false });
      expect(each(`F|${mods}`, `'${src}'`, values)).toEqual(values.map((v) => re.test(v)));
    });
  }
});
