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

function lexWord(src: string, pos: number, stop: (c: string) => boolean): Token {
  let i = pos, text = '', wild = false, escaped = false;
  while (i < src.length && !stop(src[i])) {
    const ch = src[i];
    if (ch === '\\') {
      if (i + 1 >= src.length) throw new QuerySyntaxError(queryError('a backslash must be followed by the character it escapes', i));
      text += src[i + 1];
      escaped = true;
      i += 2;
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
      text += src[i + 1];
      i += 2;
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
