// Invisible and control characters: found, split out for marking, described and escaped (src/core/text/invisible.ts).
import { describe, expect, it } from 'vitest';
import { describeCodePoint, escapeInvisible, hasInvisible, splitInvisible } from '../../../src/core/text/invisible.ts';

describe('invisible characters', () => {
  it.each([
    ['bidi override', 'ad\u202Emin', true], ['isolates', 'a\u2066b\u2069', true], ['LRM/RLM', '\u200E\u200F', true],
    ['zero width space', 'ro\u200Bot', true], ['ZWJ/ZWNJ', '\u200C\u200D', true], ['BOM', '\uFEFFx', true], ['word joiner', 'a\u2060b', true],
    ['ANSI escape', '\u001b[31m', true], ['C1 CSI', '\u009b31m', true], ['DEL', 'a\u007f', true], ['tag characters', 'a\u{E0041}', true],
    ['plain ASCII', 'root', false], ['accents and CJK', 'José 東京', false], ['emoji', '😀👍🏽', false],
  ])('%s', (_name, text, expected) => {
    expect(hasInvisible(text)).toBe(expected);
  });

  it('splits text into visible runs and single invisible characters that join back', () => {
    const parts = splitInvisible('ad\u202Emin\u200B\u{E0041}');
    expect(parts).toEqual([
      { text: 'ad', invisible: false }, { text: '\u202E', invisible: true, codePoint: 0x202e },
      { text: 'min', invisible: false }, { text: '\u200B', invisible: true, codePoint: 0x200b },
      { text: '\u{E0041}', invisible: true, codePoint: 0xe0041 },
    ]);
    expect(parts.map((p) => p.text).join('')).toBe('ad\u202Emin\u200B\u{E0041}');
  });

  it('describes and escapes', () => {
    expect(describeCodePoint(0x202e)).toBe('right-to-left override (U+202E)');
    expect(describeCodePoint(0x85)).toBe('U+0085');
    expect(escapeInvisible('a\tb\u001b[0m\u202E')).toBe('a\\tb\\u{1B}[0m\\u{202E}');
  });
});
