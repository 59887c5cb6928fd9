// The tokens of a message for template mining (drain.ts): cut at white space, variables (numbers, IPs with
// ports, hex ids, paths, quoted strings, host names, month and weekday names, any token holding a digit that
// is not a word such as "ssh2") masked as <*>, a key=value token keeping its key ("uid=<*>").
// The Tokenizer reads a message in one pass over its character codes and hands out every token as a number
// from its word table (the same word: the same number and the same string object), so the miner can compare a
// message's tokens as integers and recognise a message shape it has met (drain.ts's shape cache) without a
// string or an array per token or per line.

import { ownCopy } from '../text/ownCopy.ts';

export const WILDCARD = '<*>';
/** the token number of <*> */
export const WILDCARD_ID = 0;
/** a token the word table had no room for: the message has no shape number */
export const NO_ID = -1;

// variables that hold spaces, masked before tokenizing: quoted strings, a number with its unit ("1.2 KB",
// "<1 sec"), a parenthesised group with a number in it ("(1.2 KB)")
const SPACED = /"[^"]*"|'[^']*'|<?\b\d[\d.,:]*\s?(?:sec|secs|ms|us|ns|[KMGT]i?B|kB)\b/g;
// a parenthesised aside with a number ("sent (1.2 KB)"): glued to the word before it, so the token count stays
const ASIDE = /\s?\((?:[^()]*\d[^()]*)?\)/g;
const HAS_DIGIT = /\d/;
// a word with a digit that is still a word: "ssh2", "SOCKS5", "IPv6", "HTTP/1.1" are constants
const WORD_WITH_DIGIT = /^[A-Za-z][A-Za-z]+\d{1,2}$/;
// a path or a URL (the token starts with it)
const PATH = /^(?:[a-z][a-z0-9+.-]*:\/\/|\/|[A-Za-z]:\\)/;

// parts of a time written in words, and host names (two dots and a country/generic top-level domain, or one
// dot and a common one): values, like the numbers around them
const TIME_WORD = /^(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|Mon|Tue|Wed|Thu|Fri|Sat|Sun)[,.]?$/;
const HOST_NAME = /^(?:[a-z0-9-]+\.){2,}[a-z]{2,3}[,.:;]?$|^[a-z0-9-]+\.(?:com|net|org|edu|gov|io)[,.:;]?$/i;
// key=value: the key is the constant, a value with a digit (or a host name) the variable ("uid=0" -> "uid=<*>")
// (host:port is no key:value: a key has no dot, and a bare number after ':' is a port)
const KEY_VALUE = /^([A-Za-z_][\w-]*[=:])(.+)$/;

/** A token that names a value rather than words: numbers, addresses, ids, paths, times, host names. */
function isVariable(token: string): boolean {
  if (HAS_DIGIT.test(token)) return !WORD_WITH_DIGIT.test(token);
  // the cheap character tests first: this runs for every token of every message
  return PATH.test(token) || (token.length <= 5 && TIME_WORD.test(token)) || (token.includes('.') && HOST_NAME.test(token));
}

/** A token as it goes into the template: a variable is <*>, a key=value keeps its key. */
export function maskToken(t: string): string {
  const kv = t.includes('=') || t.includes(':') ? KEY_VALUE.exec(t) : null;
  if (kv !== null && !PATH.test(t) && !(kv[1].endsWith(':') && /^\d+$/.test(kv[2]))) return isVariable(kv[2]) ? kv[1] + WILDCARD : t;
  return isVariable(t) ? WILDCARD : t;
}

const UNITS = ['sec', 'ms', 'us', 'ns', 'KB', 'MB', 'GB', 'TB', 'KiB', 'MiB', 'GiB', 'TiB', 'kB'];

/**
 * SPACED can match: a quote, or a number ([\d.,:] run) followed, after at most one space, by a unit's
 * letters. Most messages have neither, and then the regex is not run (it would scan them for nothing).
 */
function maySpace(s: string): boolean {
  if (s.indexOf('"') >= 0 || s.indexOf("'") >= 0) return true;
  return unitAfterNumber(s, 0, s.length);
}

function unitAt(s: string, i: number): boolean {
  const c = s.charCodeAt(i);
  // s, m, u, n, K, M, G, T, k: the first letters of UNITS
  if (c !== 115 && c !== 109 && c !== 117 && c !== 110 && c !== 75 && c !== 77 && c !== 71 && c !== 84 && c !== 107) return false;
  for (const u of UNITS) if (s.startsWith(u, i)) return true;
  return false;
}

/** WORD_WITH_DIGIT on s[start, end): two or more letters, then one or two digits. */
function wordWithDigit(s: string, start: number, end: number): boolean {
  let i = start;
  while (i < end && isLetter(s.charCodeAt(i))) i++;
  const digits = end - i;
  if (i - start < 2 || digits < 1 || digits > 2) return false;
  for (; i < end; i++) if (s.charCodeAt(i) < 48 || s.charCodeAt(i) > 57) return false;
  return true;
}

function isLetter(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

/** A message with its spaced variables (quotes, numbers with units, asides with a number) already masked. */
export function premask(message: string): string {
  // ASIDE needs a '(' (most messages have none: no scan then)
  const aside = message.indexOf('(') < 0 ? message : message.replace(ASIDE, WILDCARD);
  return maySpace(aside) ? aside.replace(SPACED, WILDCARD) : aside;
}

/** Tokens of a message, variables masked (each call its own array: for tests and one-off use). */
export function templateTokens(message: string, maxTokens: number): string[] {
  const t = new Tokenizer();
  const n = t.read(message, maxTokens);
  return t.strs.slice(0, n);
}

/** the most distinct words a tokenizer numbers (log text is unbounded; a word past this has no number) */
const WORDS_MAX = 65_536;
/** the most distinct key=value tokens (without a digit) whose masked form a tokenizer remembers */
const KEYED_MAX = 8_192;
const FNV_OFFSET = 0x811c9dc5 | 0;
const FNV_PRIME = 0x01000193;

/**
 * Strings found by their characters (s[start, end) and its FNV-1a hash: no copy of a string met before), each
 * with a number value. Open addressing over typed arrays; at most `max` entries.
 */
class StringTable {
  readonly strings: string[] = [];
  // small at first, doubled as entries come: a tokenizer is made per file (see ShapeCache)
  private hashes = new Int32Array(64);
  values = new Int32Array(64);
  /** entry + 1 per slot, 0 empty */
  private slots = new Int32Array(256);

  constructor(private readonly max: number) {}

  /** The entry of s[start, end) with hash h, or -1. */
  find(s: string, start: number, end: number, h: number): number {
    const mask = this.slots.length - 1;
    const len = end - start;
    for (let slot = mix(h) & mask; ; slot = (slot + 1) & mask) {
      const k = this.slots[slot];
      if (k === 0) return -1;
      const e = k - 1;
      if (this.hashes[e] === h) {
        const w = this.strings[e];
        if (w.length === len && s.startsWith(w, start)) return e;
      }
    }
  }

  /**
   * A new entry (not there yet: find() first); -1 when the table is full. The table keeps its own copy: a word
   * cut from a message would keep the parser's whole block of text alive as long as the table lives (the file).
   */
  insert(str: string, h: number, value: number): number {
    const e = this.strings.length;
    if (e >= this.max) return -1;
    if (e >= this.hashes.length) {
      this.hashes = grow(this.hashes);
      this.values = grow(this.values);
    }
    this.strings.push(ownCopy(str));
    this.hashes[e] = h;
    this.values[e] = value;
    if (this.strings.length * 2 > this.slots.length) {
      this.slots = new Int32Array(this.slots.length * 2);
      for (let i = 0; i < this.strings.length; i++) this.place(i);
    } else this.place(e);
    return e;
  }

  private place(e: number): void {
    const mask = this.slots.length - 1;
    let slot = mix(this.hashes[e]) & mask;
    while (this.slots[slot] !== 0) slot = (slot + 1) & mask;
    this.slots[slot] = e + 1;
  }
}

/**
 * Reads messages into tokens. After read(): strs[0, n) are the tokens (the same string object for the same word),
 * ids[0, n) their numbers (WILDCARD_ID for <*>, NO_ID for a word the table had no room for), and `shape` a hash
 * of the id sequence. The arrays are reused for every message.
 */
export class Tokenizer {
  readonly strs: string[] = [];
  ids = new Int32Array(64);
  /** hash of ids[0, n) of the last read (meaningless when some id is NO_ID) */
  shape = 0;
  /** false when some token of the last read has no number */
  numbered = true;

  /** the words by number (a word's value: what it masks to, its own number or WILDCARD_ID); 0 is <*> */
  private readonly table = new StringTable(WORDS_MAX);
  /** key=value tokens without a digit, as written -> the number of their masked form ("PWD=/home/x" -> "PWD=<*>") */
  private readonly keyed = new StringTable(KEYED_MAX);

  constructor() {
    this.table.insert(WILDCARD, hashOf(WILDCARD, 0, WILDCARD.length), WILDCARD_ID);
  }

  /** The words by number. */
  get words(): readonly string[] {
    return this.table.strings;
  }

  /** Reads `message`; returns its token count (at most maxTokens). */
  read(message: string, maxTokens: number): number {
    if (this.ids.length < maxTokens) this.ids = new Int32Array(maxTokens);
    // a quote or an aside with a number: premask's replaces apply (checked here by the engine's own string scans)
    let n = message.indexOf('"') >= 0 || message.indexOf("'") >= 0 || hasAside(message) ? -1 : this.scan(message, maxTokens, true);
    // a quote, a number with a unit or an aside with a number: those spaced variables are masked first (a copy
    // of the message) and the tokens read from the copy
    if (n < 0) n = this.scan(premask(message), maxTokens, false);
    this.strs.length = n;
    return n;
  }

  /**
   * The tokens of s. With `check`, -1 as soon as premask() would change s (a quote; a number run followed by a
   * unit, maySpace's rule; a '(' that ASIDE matches): then the caller reads premask(s) instead.
   */
  private scan(s: string, maxTokens: number, check: boolean): number {
    const ids = this.ids;
    let n = 0, shape = FNV_OFFSET, numbered = true;
    let start = -1, digit = false, keyed = false, dot = false, h = FNV_OFFSET;
    const len = s.length;
    for (let i = 0; i <= len; i++) {
      const c = i < len ? s.charCodeAt(i) : 32;
      if (!check && n >= maxTokens) break;
      if (c !== 32 && c !== 9 && c !== 10 && c !== 13) {
        if (start < 0) {
          start = i;
          digit = keyed = dot = false;
          h = FNV_OFFSET;
        }
        h = Math.imul(h ^ c, FNV_PRIME);
        if (c >= 48 && c <= 57) digit = true;
        else if (c === 61 || c === 58) keyed = true;
        else if (c === 46) dot = true;
        continue;
      }
      if (start < 0) continue;
      // maySpace's number with a unit ("12 ms", "3sec"): premask's replace applies
      if (check && digit && unitAfterNumber(s, start, i)) return -1;
      if (n < maxTokens) {
        let id: number;
        if (keyed) id = this.keyedToken(s, start, i, n, digit, h);
        else if (digit) id = wordWithDigit(s, start, i) ? this.wordToken(s, start, i, h, n, false, true) : this.wild(n);
        else id = s.charCodeAt(start) === 47 ? this.wild(n) : this.wordToken(s, start, i, h, n, dot, false);
        ids[n++] = id;
        if (id === NO_ID) numbered = false;
        shape = Math.imul(shape ^ id, FNV_PRIME);
      }
      start = -1;
    }
    this.shape = Math.imul(shape ^ n, FNV_PRIME);
    this.numbered = numbered;
    return n;
  }

  private wild(n: number): number {
    this.strs[n] = WILDCARD;
    return WILDCARD_ID;
  }

  /**
   * A token without '=' or ':': found in the word table by its characters (no copy of a word met before). A word
   * met for the first time is tested once (a month or weekday name, a host name: <*>) and remembered with the
   * result; a word with a digit gets here only when it is a word ("ssh2").
   */
  private wordToken(s: string, start: number, end: number, h: number, n: number, dot: boolean, withDigit: boolean): number {
    const table = this.table;
    const e = table.find(s, start, end, h);
    if (e >= 0) {
      const m = table.values[e];
      this.strs[n] = table.strings[m];
      return m;
    }
    const t = s.slice(start, end);
    const c = s.charCodeAt(start);
    const len = end - start;
    const variable = !withDigit && ((len >= 3 && len <= 5 && c >= 65 && c <= 90 && TIME_WORD.test(t)) || (dot && HOST_NAME.test(t)));
    if (variable) {
      table.insert(t, h, WILDCARD_ID);
      this.strs[n] = WILDCARD;
      return WILDCARD_ID;
    }
    const own = table.insert(t, h, table.strings.length);
    this.strs[n] = own < 0 ? t : table.strings[own];
    return own < 0 ? NO_ID : own;
  }

  /**
   * A token with '=' or ':': maskToken's rules, its result numbered like a word ("uid=<*>", "user=root"). One
   * without a digit is remembered as written (most are constants or a few values: "USER=root", "pam_unix(sshd:session):").
   */
  private keyedToken(s: string, start: number, end: number, n: number, digit: boolean, h: number): number {
    const memo = digit ? -1 : this.keyed.find(s, start, end, h);
    if (memo >= 0) {
      const id = this.keyed.values[memo];
      this.strs[n] = this.table.strings[id];
      return id;
    }
    const raw = s.slice(start, end);
    const t = maskToken(raw);
    let id: number;
    if (t === WILDCARD) id = WILDCARD_ID;
    else {
      const th = t === raw ? h : hashOf(t, 0, t.length);
      id = this.table.find(t, 0, t.length, th);
      if (id < 0) id = this.table.insert(t, th, this.table.strings.length);
    }
    this.strs[n] = id < 0 ? t : this.table.strings[id];
    if (id < 0) return NO_ID;
    if (!digit) this.keyed.insert(raw, h, id);
    return id;
  }
}

/** ASIDE has a match in s (asideAt at some '('). */
function hasAside(s: string): boolean {
  for (let i = s.indexOf('('); i >= 0; i = s.indexOf('(', i + 1)) if (asideAt(s, i)) return true;
  return false;
}

/**
 * maySpace's rule inside the token s[start, end) (a run of [0-9.,:] from a digit, then a unit's first letters right
 * after it or after one space): runs hold no space, so the token's own runs are all maySpace can find there.
 */
function unitAfterNumber(s: string, start: number, end: number): boolean {
  for (let j = start; j < end; j++) {
    let c = s.charCodeAt(j);
    if (c < 48 || c > 57) continue;
    while (j < end && ((c >= 48 && c <= 57) || c === 46 || c === 44 || c === 58)) c = s.charCodeAt(++j);
    if (unitAt(s, j) || ((c === 32 || (c >= 9 && c <= 13) || c >= 128) && unitAt(s, j + 1))) return true;
  }
  return false;
}

/** ASIDE matches at the '(' at i: the next parenthesis is ')' and what is between is empty or holds a digit. */
function asideAt(s: string, i: number): boolean {
  let digit = false;
  for (let j = i + 1; j < s.length; j++) {
    const c = s.charCodeAt(j);
    if (c === 41) return digit || j === i + 1;
    if (c === 40) return false;
    if (c >= 48 && c <= 57) digit = true;
  }
  return false;
}

function grow(a: Int32Array<ArrayBuffer>): Int32Array<ArrayBuffer> {
  const b = new Int32Array(a.length * 2);
  b.set(a);
  return b;
}

/** FNV-1a of s[start, end) (the same as read() computes on the fly). */
function hashOf(s: string, start: number, end: number): number {
  let h = FNV_OFFSET;
  for (let i = start; i < end; i++) h = Math.imul(h ^ s.charCodeAt(i), FNV_PRIME);
  return h;
}

/** spreads FNV's low bits (the slot index uses them) */
function mix(h: number): number {
  return (h ^ (h >>> 15)) >>> 0;
}
