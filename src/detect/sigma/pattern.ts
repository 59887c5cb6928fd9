// Sigma string values: wildcards, escapes and the string modifiers' rewrites, and their matchers.
// Spec (sigma-rules-specification "String Wildcard", "Escape Character"): `*` any run, `?` one character,
// `\` escapes `*`, `?` and `\` only (any other backslash is literal: `C:\Windows\` needs no escaping);
// a pattern is anchored to the whole value; matching is case-insensitive unless `cased`.
// Example: 'C:\Windows\*.exe' -> ['c:\windows\', STAR, '.exe'] matches 'C:\WINDOWS\cmd.exe', not 'xC:\Windows\a.exe'.

export const STAR = 0;
export const ONE = 1;
/** one character out of a set (windash's dash variants) */
export interface CharClass { chars: string }
export type Part = string | typeof STAR | typeof ONE | CharClass;

/** Parses a Sigma string: wildcards become STAR/ONE, escaped ones literal text. */
export function parseSigmaString(s: string): Part[] {
  const out: Part[] = [];
  let lit = '';
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c === '\\') {
      const n = s[i + 1];
      if (n === '*' || n === '?' || n === '\\') {
        lit += n;
        i++;
      } else lit += c;
    } else if (c === '*' || c === '?') {
      if (lit !== '') out.push(lit);
      lit = '';
      out.push(c === '*' ? STAR : ONE);
    } else lit += c;
  }
  if (lit !== '') out.push(lit);
  return out;
}

/** The literal text of a pattern, or undefined when it holds wildcards or classes. */
export function plainText(p: readonly Part[]): string | undefined {
  let s = '';
  for (const x of p) {
    if (typeof x !== 'string') return undefined;
    s += x;
  }
  return s;
}

export function contains(p: Part[]): Part[] {
  return startsWith(endsWith(p));
}

export function startsWith(p: Part[]): Part[] {
  return p[p.length - 1] === STAR ? p : [...p, STAR];
}

export function endsWith(p: Part[]): Part[] {
  return p[0] === STAR ? p : [STAR, ...p];
}

const DASHES = '-/\u2013\u2014\u2015';
// pySigma: \B[-/]\b: a dash or slash that starts a word (after a non-word character or at the start)
const WINDASH = /(?<![\p{L}\p{N}_])[-/](?=[\p{L}\p{N}_])/u;

/** windash: every `-` or `/` that starts a command-line flag matches any dash variant (no 5^n expansion). */
export function windash(p: Part[]): Part[] {
  const out: Part[] = [];
  for (const x of p) {
    if (typeof x !== 'string') {
      out.push(x);
      continue;
    }
    let rest = x;
    for (let m = WINDASH.exec(rest); m !== null; m = WINDASH.exec(rest)) {
      if (m.index > 0) out.push(rest.slice(0, m.index));
      out.push({ chars: DASHES });
      rest = rest.slice(m.index + 1);
    }
    if (rest !== '') out.push(rest);
  }
  return out;
}

/** A compiled pattern: segments between stars, each a list of units (a literal string, ONE or a class). */
type Unit = string | typeof ONE | CharClass;
interface Segment {
  units: Unit[];
  length: number;
  literal: string | undefined;
  /** the segment's longest literal unit and its fixed offset: found by indexOf before a unit-by-unit check */
  anchor?: { text: string; offset: number };
}

function segment(units: Unit[]): Segment {
  let length = 0, literal: string | undefined = '';
  let anchor: Segment['anchor'];
  for (const u of units) {
    if (typeof u === 'string') {
      if (anchor === undefined || u.length > anchor.text.length) anchor = { text: u, offset: length };
      length += u.length;
      if (literal !== undefined) literal += u;
    } else {
      length++;
      literal = undefined;
    }
  }
  return { units, length, literal, anchor: literal === undefined ? anchor : undefined };
}

function matchAt(v: string, at: number, seg: Segment): boolean {
  if (seg.literal !== undefined) return v.startsWith(seg.literal, at);
  for (const u of seg.units) {
    if (typeof u === 'string') {
      if (!v.startsWith(u, at)) return false;
      at += u.length;
    } else {
      if (at >= v.length) return false;
      if (u !== ONE && !u.chars.includes(v[at])) return false;
      at++;
    }
  }
  return true;
}

/** The leftmost start >= from where the segment matches, or -1. */
function findFrom(v: string, from: number, seg: Segment): number {
  if (seg.literal !== undefined) return v.indexOf(seg.literal, from);
  const anchor = seg.anchor;
  if (anchor === undefined) {
    for (let at = from; at + seg.length <= v.length; at++) if (matchAt(v, at, seg)) return at;
    return -1;
  }
  // '-instanceid 462?' or windash's '[-/]enc': jump between occurrences of the literal part (most values have none)
  for (let at = from; ;) {
    const hit = v.indexOf(anchor.text, at + anchor.offset);
    if (hit < 0) return -1;
    const start = hit - anchor.offset;
    if (start + seg.length > v.length) return -1;
    if (matchAt(v, start, seg)) return start;
    at = start + 1;
  }
}

export type StringTest = (v: string) => boolean;

/**
 * A matcher for a pattern; `cased` false lower-cases the pattern, and the caller passes lower-cased values.
 * Leftmost-first search of each star-separated segment is exact for globs and linear in the value.
 */
export function compilePattern(p: readonly Part[], cased: boolean): StringTest {
  const low = (x: Part): Part => (typeof x === 'string' && !cased ? x.toLowerCase() : x);
  const parts = p.map(low);
  const segs: Segment[] = [];
  let cur: Unit[] = [];
  for (const x of parts) {
    if (x === STAR) {
      segs.push(segment(cur));
      cur = [];
    } else cur.push(x);
  }
  segs.push(segment(cur));
  if (segs.length === 1) {
    const s = segs[0];
    if (s.literal !== undefined) {
      const lit = s.literal;
      return (v) => v === lit;
    }
    return (v) => v.length === s.length && matchAt(v, 0, s);
  }
  const first = segs[0], last = segs[segs.length - 1], middle = segs.slice(1, -1);
  // fast paths for the shapes contains/startswith/endswith produce
  if (middle.length === 1 && first.length === 0 && last.length === 0 && middle[0].literal !== undefined) {
    const lit = middle[0].literal;
    return (v) => v.includes(lit);
  }
  if (middle.length === 0 && last.length === 0 && first.literal !== undefined) {
    const lit = first.literal;
    return (v) => v.startsWith(lit);
  }
  if (middle.length === 0 && first.length === 0 && last.literal !== undefined) {
    const lit = last.literal;
    return (v) => v.endsWith(lit);
  }
  const minLength = segs.reduce((n, s) => n + s.length, 0);
  return (v) => {
    if (v.length < minLength || !matchAt(v, 0, first)) return false;
    const end = v.length - last.length;
    let at = first.length;
    for (const s of middle) {
      const found = findFrom(v, at, s);
      if (found < 0 || found + s.length > end) return false;
      at = found + s.length;
    }
    return at <= end && matchAt(v, end, last);
  };
}
