// Text helpers shared by the index and the query compiler: case folding that keeps offsets, globs.
import { compileRegex, escapeRegex, type LinearRegex } from '../../core/regex.ts';
import { readEscape } from './language/lexer.ts';

/**
 * Lower-cases without changing the length: String.prototype.toLowerCase turns 'İ' (U+0130) into 'i' plus
 * a combining dot, which would shift every offset after it; such a character folds to its first unit.
 */
export function lowerSameLength(s: string): string {
  const low = s.toLowerCase();
  if (low.length === s.length) return low;
  return s.replace(/\p{Lu}|\p{Lt}/gu, (ch) => {
    const l = ch.toLowerCase();
    return l.length === ch.length ? l : ch.length === 1 ? l[0] : ch;
  });
}

export const escapeRegExp = escapeRegex;

/**
 * A wildcard value ('adm*', 'web-0?', 'a\*b' with a literal star) as a case-insensitive linear-time matcher
 * (a glob like `*a*a*a*b` would backtrack polynomially in a JS RegExp).
 * anchored: keyword values match whole; text fields and free text match anywhere inside.
 */
export function globToRegExp(glob: string, anchored: boolean): LinearRegex {
  let src = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (c === '\\' && i + 1 < glob.length) {
      const e = readEscape(glob, i);
      src += escapeRegExp(e.text);
      i = e.next - 1;
    } else if (c === '*') src += '[\\s\\S]*';
    else if (c === '?') src += '[\\s\\S]';
    else src += escapeRegExp(c);
  }
  const re = compileRegex(anchored ? `^(?:${src})$` : src, 'i');
  if (!re.ok) throw new Error(`glob ${glob} compiled to an invalid pattern: ${re.error.message}`); // a bug: every glob is valid
  return re.value;
}
