// Characters that change what text looks like without being seen: C0/C1 controls and DEL, bidi controls
// (U+202E turns "ad\u202Emin" into "adnim" on screen), zero-width characters ("ro\u200Bot" looks like
// "root" but is not), and other format characters. The UI marks them (SafeText), the CLI escapes them:
// log content is hostile and must be shown, never obeyed.

/** The BMP ranges, inclusive (built into a class at load: a literal would mix combining marks into a class). */
const RANGES: readonly [number, number][] = [
  [0x0000, 0x001f], [0x007f, 0x009f], [0x00ad, 0x00ad], [0x034f, 0x034f], [0x061c, 0x061c], [0x115f, 0x1160],
  [0x17b4, 0x17b5], [0x180e, 0x180e], [0x200b, 0x200f], [0x2028, 0x202e], [0x2060, 0x2064], [0x2066, 0x206f],
  [0x3164, 0x3164], [0xfeff, 0xfeff], [0xffa0, 0xffa0], [0xfff9, 0xfffb],
];
const hex4 = (n: number) => `\\u${n.toString(16).padStart(4, '0')}`;
/** One invisible character per match; astral tag characters (U+E0000-E007F) as their surrogate pair. */
const SOURCE = `[${RANGES.map(([a, b]) => (a === b ? hex4(a) : `${hex4(a)}-${hex4(b)}`)).join('')}]|\\udb40[\\udc00-\\udc7f]`;
const INVISIBLE = new RegExp(SOURCE);
const INVISIBLE_ALL = new RegExp(SOURCE, 'g');

const NAMES: ReadonlyMap<number, string> = new Map([
  [0x09, 'tab'], [0x0a, 'line feed'], [0x0d, 'carriage return'], [0x1b, 'escape'], [0x00, 'null'], [0x7f, 'delete'],
  [0x9b, 'control sequence introducer'], [0x00ad, 'soft hyphen'], [0x061c, 'Arabic letter mark'],
  [0x200b, 'zero width space'], [0x200c, 'zero width non-joiner'], [0x200d, 'zero width joiner'],
  [0x200e, 'left-to-right mark'], [0x200f, 'right-to-left mark'], [0x2028, 'line separator'], [0x2029, 'paragraph separator'],
  [0x202a, 'left-to-right embedding'], [0x202b, 'right-to-left embedding'], [0x202c, 'pop directional formatting'],
  [0x202d, 'left-to-right override'], [0x202e, 'right-to-left override'], [0x2060, 'word joiner'],
  [0x2066, 'left-to-right isolate'], [0x2067, 'right-to-left isolate'], [0x2068, 'first strong isolate'],
  [0x2069, 'pop directional isolate'], [0xfeff, 'zero width no-break space (byte order mark)'],
]);

export function hasInvisible(text: string): boolean {
  return INVISIBLE.test(text);
}

/** Runs of visible text and single invisible characters, in order; joined, they give `text` back. */
export type TextPart = { text: string; invisible: false } | { text: string; invisible: true; codePoint: number };

export function splitInvisible(text: string): TextPart[] {
  const parts: TextPart[] = [];
  let last = 0;
  for (const m of text.matchAll(INVISIBLE_ALL)) {
    if (m.index > last) parts.push({ text: text.slice(last, m.index), invisible: false });
    parts.push({ text: m[0], invisible: true, codePoint: m[0].codePointAt(0)! });
    last = m.index + m[0].length;
  }
  if (last < text.length) parts.push({ text: text.slice(last), invisible: false });
  return parts;
}

/** 'U+202E' */
export function codePointLabel(cp: number): string {
  return `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** 'right-to-left override (U+202E)', or the code point alone for characters without a common name. */
export function describeCodePoint(cp: number): string {
  const name = NAMES.get(cp);
  return name === undefined ? codePointLabel(cp) : `${name} (${codePointLabel(cp)})`;
}

/**
 * Text for a terminal or a plain-text report: every invisible character becomes an escape that the query
 * language reads back (`\u{202E}`); tab, line feed and carriage return become \t, \n, \r.
 */
export function escapeInvisible(text: string): string {
  if (!INVISIBLE.test(text)) return text;
  return text.replace(INVISIBLE_ALL, (ch) => {
    if (ch === '\t') return '\\t';
    if (ch === '\n') return '\\n';
    if (ch === '\r') return '\\r';
    return `\\u{${ch.codePointAt(0)!.toString(16).toUpperCase()}}`;
  });
}
