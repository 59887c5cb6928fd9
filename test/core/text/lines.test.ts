import { describe, expect, it } from 'vitest';
import { createLineSplitter, type TextEncodingName } from '../../../src/core/text/lines.ts';
import { utf16 } from '../../harness/bytes.ts';

type Out = [string, number, number][];

function split(bytes: Uint8Array, encoding: TextEncodingName, bom: number, chunk: number): Out {
  const out: Out = [];
  const s = createLineSplitter(encoding, bom);
  const on = (t: string, l: number, o: number) => out.push([t, l, o]);
  for (let at = 0; at < bytes.length; at += chunk) s.push(bytes.subarray(at, at + chunk), on);
  s.end(on);
  return out;
}

const enc = (s: string) => new TextEncoder().encode(s);
/** UTF-16 with an optional BOM (U+FEFF encoded in the same byte order). */
function utf16With(s: string, be: boolean, bom: boolean): Uint8Array {
  return utf16((bom ? '\ufeff' : '') + s, !be);
}

const cases: { name: string; input: Uint8Array; encoding: TextEncodingName; bom: number; expected: Out }[] = [
  { name: 'LF with final newline', input: enc('a\nbb\n'), encoding: 'utf-8', bom: 0, expected: [['a', 1, 0], ['bb', 2, 2]] },
  { name: 'CRLF without final newline', input: enc('a\r\nbb\r\nccc'), encoding: 'utf-8', bom: 0, expected: [['a', 1, 0], ['bb', 2, 3], ['ccc', 3, 7]] },
  { name: 'empty lines kept', input: enc('a\n\nb\n'), encoding: 'utf-8', bom: 0, expected: [['a', 1, 0], ['', 2, 2], ['b', 3, 3]] },
  { name: 'UTF-8 BOM skipped, offsets in bytes', input: enc('\ufeffé1\né2\n'), encoding: 'utf-8', bom: 3, expected: [['é1', 1, 3], ['é2', 2, 7]] },
  {
    name: 'invalid UTF-8 and NUL keep the line and the byte offsets',
    input: Uint8Array.from([0x41, 0xff, 0x00, 0x42, 0x0a, 0xc3, 0x0a, 0x43, 0x0a]), encoding: 'utf-8', bom: 0,
    expected: [['A\ufffd\u0000B', 1, 0], ['\ufffd', 2, 5], ['C', 3, 7]],
  },
  { name: 'lone CR is content', input: enc('a\rb\n'), encoding: 'utf-8', bom: 0, expected: [['a\rb', 1, 0]] },
  { name: 'UTF-16LE with BOM', input: utf16With('ab\r\ncd', false, true), encoding: 'utf-16le', bom: 2, expected: [['ab', 1, 2], ['cd', 2, 10]] },
  { name: 'UTF-16BE without BOM', input: utf16With('x\ny\n', true, false), encoding: 'utf-16be', bom: 0, expected: [['x', 1, 0], ['y', 2, 4]] },
];

describe('line splitter', () => {
  for (const c of cases) {
    it(c.name, () => {
      expect(split(c.input, c.encoding, c.bom, 1 << 16)).toEqual(c.expected);
    });
    it(`${c.name}: identical when read 1 byte at a time`, () => {
      expect(split(c.input, c.encoding, c.bom, 1)).toEqual(c.expected);
    });
  }

  it('joins a 3 MB line arriving in many reads', () => {
    const long = 'x'.repeat(3_000_000);
    const out = split(enc(`${long}\nend`), 'utf-8', 0, 65_536);
    expect(out.map(([t, l, o]) => [t.length, l, o])).toEqual([[3_000_000, 1, 0], [3, 2, 3_000_001]]);
  });

  it('reads of every size from 1 to 40 bytes give what one read gives (a cut line, then whole lines, in one read)', () => {
    const text = 'Jan  1 sshd[1]: é ok\r\nline two\n\nčtyři\r\nx\n\u20ac end\nlast without newline';
    const whole = split(enc(text), 'utf-8', 0, 1 << 16);
    expect(whole.map(([t]) => t)).toEqual(['Jan  1 sshd[1]: é ok', 'line two', '', 'čtyři', 'x', '\u20ac end', 'last without newline']);
    for (let size = 1; size <= 40; size++) expect(split(enc(text), 'utf-8', 0, size)).toEqual(whole);
  });
});
