// Tokens of the query language, read on demand in one of two modes because the same characters mean
// different things: in a term `:` ends a field name, in a value it is part of it (IPv6 2001:db8::1,
// times 12:00). The parser says which mode it wants; positions are 0-based offsets into the query.
import type { RangeOp } from './ast.ts';
import { compileRegex } from '../../../core/regex.ts';
import { QuerySyntaxError, queryError } from './errors.ts';

export type Token =
  | { t: 'lparen' | 'rparen' | 'eof' | 'colon'; pos: number; end: number }
  | { t: 'op'; op: RangeOp; pos: number; end: number }
  | { t: 'quoted'; text: string; pos: number; end: number }
  | { t: 'regex'; source: string; flags: string; pos: number; end: number }
  /** text: escapes resolved; raw: as typed (wildcards keep their escapes); wild: an unescaped * or ? */
  | { t: 'word'; text: string; raw: string; wild: boolean; escaped: boolean; pos: number; end: number };

const isSpace = (c: string) => c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === '\f' || c === '\v' || c === '\u00a0';

function skipSpace(src: string, pos: number): number {
  while (pos < src.length && isSpace(src[pos])) pos++;
  return pos;
}

/** Term mode: fields, free-text words, operators, parentheses, phrases. */
export function lexTerm(src: string, start: number): Token {
  const pos = skipSpace(src, start);
  if (pos >= src.length) return { t: 'eof', pos, end: pos };
  const c = src[pos];
  if (c === '(') return { t: 'lparen', pos, end: pos + 1 };
  if (c === ')') return { t: 'rparen', pos, end: pos + 1 };
  if (c === ':') return { t: 'colon', pos, end: pos + 1 };
  if (c === '"') return lexQuoted(src, pos);
  if (c === '<' || c === '>') {
    const eq = src[pos + 1] === '=';
    return { t: 'op', op: (eq ? `${c}=` : c) as RangeOp, pos, end: pos + (eq ? 2 : 1) };
  }
  return lexWord(src, pos, (ch) => isSpace(ch) || ch === '(' || ch === ')' || ch === '"' || ch === ':' || ch === '<' || ch === '>');
}

/** Value mode (after `field:` or `field >=`): colons and slashes belong to the value. */
export function lexValue(src: string, start: number): Token {
  const pos = skipSpace(src, start);
  if (pos >= src.length) return { t: 'eof', pos, end: pos };
  const c = src[pos];
  if (c === '(') return { t: 'lparen', pos, end: pos + 1 };
  if (c === ')') return { t: 'rparen', pos, end: pos + 1 };
  if (c === '"') return lexQuoted(src, pos);
  if (c === '/') {
    const re = lexRegex(src, pos);
    if (re !== undefined) return re;
  }
  return lexWord(src, pos, (ch) => isSpace(ch) || ch === '(' || ch === ')' || ch === '"');
}

/**
 * The escape at src[i] (a backslash): `\u{200B}` or `\u200B` is that character (so invisible characters
 * can be typed: `target.usr.name:"ro\u200Bot"`), any other `\x` is x itself.
 */
export function readEscape(src: string, i: number): { text: string; next: number } {
  if (i + 1 >= src.length) throw new QuerySyntaxError(queryError('a backslash must be followed by the character it escapes', i));
  if (src[i + 1] === 'u') {
    const braced = /^\{([0-9a-fA-F]{1,6})\}/.exec(src.slice(i + 2, i + 10));
    const hex = braced?.[1] ?? /^[0-9a-fA-F]{4}/.exec(src.slice(i + 2, i + 6))?.[0];
    if (hex === undefined) throw new QuerySyntaxError(queryError('\\u must be followed by 4 hex digits or {hex}, as in \\u200B or \\u{202E}', i));
    const cp = parseInt(hex, 16);
    if (cp > 0x10ffff) throw new QuerySyntaxError(queryError(`\\u{${hex}} is beyond the last code point (10FFFF)`, i));
    return { text: String.fromCodePoint(cp), next: i + 2 + (braced !== null ? hex.length + 2 : 4) };
  }
  return { text: src[i + 1], next: i + 2 };
}

function lexWord(src: string, pos: number, stop: (c: string) => boolean): Token {
  let i = pos, text = '', wild = false, escaped = false;
  while (i < src.length && !stop(src[i])) {
    const ch = src[i];
    if (ch === '\\') {
      const e = readEscape(src, i);
      text += e.text;
      escaped = true;
      i = e.next;
      continue;
    }
    if (ch === '*' || ch === '?') wild = true;
    text += ch;
    i++;
  }
  return { t: 'word', text, raw: src.slice(pos, i), wild, escaped, pos, end: i };
}

function lexQuoted(src: string, pos: number): Token {
  let i = pos + 1, text = '';
  while (i < src.length) {
    const ch = src[i];
    if (ch === '"') return { t: 'quoted', text, pos, end: i + 1 };
    if (ch === '\\' && i + 1 < src.length) {
      const e = readEscape(src, i);
      text += e.text;
      i = e.next;
      continue;
    }
    text += ch;
    i++;
  }
  throw new QuerySyntaxError(queryError('unclosed quote opened', pos));
}

/**
 * `/re/flags` only when the closing slash is followed by flags and then the end of the value:
 * `col.file:/var/log/auth.log` stays a plain value (its first closing slash is followed by "log/...").
 */
function lexRegex(src: string, pos: number): Token | undefined {
  let i = pos + 1;
  while (i < src.length && src[i] !== '/') i += src[i] === '\\' ? 2 : 1;
  if (i >= src.length) return undefined;
  const close = i;
  let j = close + 1;
  while (j < src.length && /[a-z]/.test(src[j])) j++;
  if (j < src.length && !isSpace(src[j]) && src[j] !== ')') return undefined;
  const source = src.slice(pos + 1, close);
  const flags = src.slice(close + 1, j);
  if (!/^[imsu]*$/.test(flags)) {
    throw new QuerySyntaxError(queryError(`unknown regular expression flags '${flags}' (use i, m, s)`, close + 1));
  }
  // checked here so the error points at the expression; the compiler compiles it again (cached)
  const re = compileRegex(source, flags);
  if (!re.ok) throw new QuerySyntaxError(queryError(`invalid regular expression: ${re.error.message}`, pos));
  return { t: 'regex', source, flags, pos, end: j };
}
