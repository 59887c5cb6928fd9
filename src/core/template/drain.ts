// Message templates (issue 12 "categorize"): Drain, a fixed-depth parse tree over a message's tokens.
// He, Zhu, Zheng, Lyu, "Drain: An Online Log Parsing Approach with Fixed Depth Tree", ICWS 2017,
// https://jiemingzhu.github.io/pub/pjhe_icws2017.pdf
// A message is cut into tokens; variables (numbers, IPs with ports, hex ids, paths, quoted strings, any token
// holding a digit) are masked as <*>; the tree goes by token count, then the first tokens, to a leaf
// whose clusters are compared token by token; the most similar one at or above the threshold takes the
// message (differing tokens become <*>), else the message starts a cluster of its own.

export const WILDCARD = '<*>';

export interface DrainOptions {
  /** tokens of the message used as tree levels below the length level (Drain's depth - 2) */
  prefixLevels: number;
  /** similarity (share of equal constant tokens) a message needs to join a cluster */
  threshold: number;
  /** children a tree node keeps before new tokens go to a <*> child */
  maxChildren: number;
  /** tokens of a message mined (a long message is grouped by its start) */
  maxTokens: number;
}

const DEFAULTS: DrainOptions = { prefixLevels: 2, threshold: 0.5, maxChildren: 100, maxTokens: 48 };

export interface Cluster {
  id: number;
  tokens: string[];
  size: number;
  /**
   * Per position generalised to <*>: the constant words seen there (value -> count), or null once a masked
   * variable or more than VARIANT_LIMIT distinct words met there (a true variable). See refine().
   */
  variants?: (Map<string, number> | null | undefined)[];
}

/**
 * A position where a cluster only ever saw a few distinct constant words ("Begin"/"End", "HTTPS"/"SOCKS5",
 * "user=root"/"user=guest") is part of the template, not a variable: those words name different events.
 * A position that met more distinct words (user names, host names) or a masked variable is a variable.
 */
export const VARIANT_LIMIT = 4;

interface Node {
  children: Map<string, Node>;
  clusters: Cluster[];
}

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
function maskToken(t: string): string {
  const kv = t.includes('=') || t.includes(':') ? KEY_VALUE.exec(t) : null;
  if (kv !== null && !PATH.test(t) && !(kv[1].endsWith(':') && /^\d+$/.test(kv[2]))) return isVariable(kv[2]) ? kv[1] + WILDCARD : t;
  return isVariable(t) ? WILDCARD : t;
}

// the word after these names a user or a host: a variable even when a file shows only a few of them
const NAMING = new Set(['user', 'users', 'username', 'account', 'login', 'host', 'hostname', 'group']);

/** the tree's first level is keyed by token count: the keys made once */
const LENGTH_KEYS = Array.from({ length: 65 }, (_, i) => String(i));

function newNode(): Node {
  return { children: new Map(), clusters: [] };
}

/** Tokens of a message, variables masked. */
export function templateTokens(message: string, maxTokens: number): string[] {
  return tokensInto(message, maxTokens, []);
}

/** the most distinct constant words a miner keeps to hand out again (log text is unbounded) */
const WORDS_MAX = 65_536;

/**
 * The constant words a miner has met, found by their characters: a message's words are handed out from here
 * instead of copied out of it (most words repeat; the copies were most of what mining allocated per event,
 * and allocation is what the ingest's garbage collector pays for while a chunk's text is alive).
 */
class WordTable {
  private readonly byHash = new Map<number, string[]>();
  private size = 0;

  get(s: string, start: number, end: number): string {
    let h = 0x811c9dc5;
    for (let i = start; i < end; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
    const bucket = this.byHash.get(h);
    if (bucket !== undefined) {
      for (const w of bucket) if (w.length === end - start && s.startsWith(w, start)) return w;
    }
    const w = s.slice(start, end);
    if (this.size < WORDS_MAX) {
      this.size++;
      if (bucket === undefined) this.byHash.set(h, [w]);
      else bucket.push(w);
    }
    return w;
  }
}

/** templateTokens into `out` (emptied first), constant words from `words` when given. */
function tokensInto(message: string, maxTokens: number, out: string[], words?: WordTable): string[] {
  out.length = 0;
  // ASIDE needs a '(' (most messages have none: no scan then)
  const aside = message.indexOf('(') < 0 ? message : message.replace(ASIDE, WILDCARD);
  const masked = maySpace(aside) ? aside.replace(SPACED, WILDCARD) : aside;
  let start = -1, digit = false, keyed = false, dot = false;
  for (let i = 0; i <= masked.length && out.length < maxTokens; i++) {
    const c = i < masked.length ? masked.charCodeAt(i) : 32;
    const space = c === 32 || c === 9 || c === 10 || c === 13;
    if (!space) {
      if (start < 0) {
        start = i;
        digit = keyed = dot = false;
      }
      if (c >= 48 && c <= 57) digit = true;
      else if (c === 61 || c === 58) keyed = true;
      else if (c === 46) dot = true;
    } else if (start >= 0) {
      out.push(keyed ? maskToken(masked.slice(start, i)) : digit ? numbered(masked, start, i, words) : word(masked, start, i, dot, words));
      start = -1;
    }
  }
  return out;
}

/**
 * maskToken for a token with a digit and no '=' or ':': a variable unless it is a word with a digit ("ssh2"),
 * with no copy of a variable's text.
 */
function numbered(s: string, start: number, end: number, words?: WordTable): string {
  return wordWithDigit(s, start, end) ? (words?.get(s, start, end) ?? s.slice(start, end)) : WILDCARD;
}

/**
 * maskToken for a token with no digit, '=' or ':' (isVariable's tests in the order that decides: a path
 * starts with '/' here, a time word is 3-5 characters from a capital, a host name has a dot).
 */
function word(s: string, start: number, end: number, dot: boolean, words?: WordTable): string {
  const c = s.charCodeAt(start);
  if (c === 47) return WILDCARD;
  const t = words?.get(s, start, end) ?? s.slice(start, end);
  const n = end - start;
  if (n >= 3 && n <= 5 && c >= 65 && c <= 90 && TIME_WORD.test(t)) return WILDCARD;
  return dot && HOST_NAME.test(t) ? WILDCARD : t;
}

const UNITS = ['sec', 'ms', 'us', 'ns', 'KB', 'MB', 'GB', 'TB', 'KiB', 'MiB', 'GiB', 'TiB', 'kB'];

/**
 * SPACED can match: a quote, or a number ([\d.,:] run) followed, after at most one space, by a unit's
 * letters. Most messages have neither, and then the regex is not run (it would scan them for nothing).
 */
function maySpace(s: string): boolean {
  if (s.indexOf('"') >= 0 || s.indexOf("'") >= 0) return true;
  const n = s.length;
  for (let i = 0; i < n; i++) {
    let c = s.charCodeAt(i);
    if (c < 48 || c > 57) continue;
    while (i < n && ((c >= 48 && c <= 57) || c === 46 || c === 44 || c === 58)) c = s.charCodeAt(++i);
    if (unitAt(s, i) || ((c === 32 || (c >= 9 && c <= 13) || c >= 128) && unitAt(s, i + 1))) return true;
  }
  return false;
}

function unitAt(s: string, i: number): boolean {
  const c = s.charCodeAt(i);
  // s, m, u, n, K, M, G, T, k: the first letters of UNITS
  if (c !== 115 && c !== 109 && c !== 117 && c !== 110 && c !== 75 && c !== 77 && c !== 71 && c !== 84 && c !== 107) return false;
  for (const u of UNITS) if (s.startsWith(u, i)) return true;
  return false;
}

/** WORD_WITH_DIGIT on masked[start, end): two or more letters, then one or two digits. */
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

export class Drain {
  private readonly root = newNode();
  private readonly opts: DrainOptions;
  readonly clusters: Cluster[] = [];

  constructor(options: Partial<DrainOptions> = {}) {
    this.opts = { ...DEFAULTS, ...options };
  }

  /** one token array reused by add() (a new cluster keeps a copy) */
  private readonly scratch: string[] = [];
  private readonly words = new WordTable();

  /** The cluster of a message (found or created). */
  add(message: string): Cluster {
    const tokens = tokensInto(message, this.opts.maxTokens, this.scratch, this.words);
    const leaf = this.leaf(tokens);
    let best: Cluster | undefined;
    let bestSim = -1, bestVars = -1;
    for (const c of leaf.clusters) {
      const sim = similarity(c.tokens, tokens);
      const vars = lastVars;
      if (sim > bestSim || (sim === bestSim && vars > bestVars)) {
        best = c;
        bestSim = sim;
        bestVars = vars;
      }
    }
    if (best !== undefined && bestSim >= this.opts.threshold) {
      const t = best.tokens;
      for (let i = 0; i < t.length; i++) {
        if (t[i] !== tokens[i] || (t[i] === WILDCARD && best.variants?.[i] !== undefined)) noteVariant(best, i, tokens[i]);
        if (t[i] !== tokens[i]) t[i] = WILDCARD;
      }
      best.size++;
      return best;
    }
    const cluster: Cluster = { id: this.clusters.length, tokens: tokens.slice(), size: 1 };
    this.clusters.push(cluster);
    leaf.clusters.push(cluster);
    return cluster;
  }

  /** The template text of a cluster as it stands now. */
  text(cluster: Cluster): string {
    return cluster.tokens.join(' ');
  }

  /** Whether some of the cluster's <*> are few constant words (then refine() gives each message its own text). */
  refinable(cluster: Cluster): boolean {
    return cluster.variants?.some((v, i) => v !== undefined && v !== null && v.size <= VARIANT_LIMIT && !named(cluster.tokens, i)) === true;
  }

  /** The template text for one message of the cluster: its few-valued positions keep the message's word. */
  refine(cluster: Cluster, message: string): string {
    const tokens = templateTokens(message, this.opts.maxTokens);
    const v = cluster.variants;
    if (v === undefined || tokens.length !== cluster.tokens.length) return this.text(cluster);
    return cluster.tokens.map((t, i) => {
      const seen = v[i];
      return seen !== undefined && seen !== null && seen.size <= VARIANT_LIMIT && seen.has(tokens[i]) && !named(cluster.tokens, i) ? tokens[i] : t;
    }).join(' ');
  }

  private leaf(tokens: string[]): Node {
    let node = child(this.root, LENGTH_KEYS[tokens.length] ?? String(tokens.length), Infinity);
    const levels = Math.min(this.opts.prefixLevels, tokens.length);
    for (let i = 0; i < levels; i++) node = child(node, tokens[i], this.opts.maxChildren);
    return node;
  }
}

/** The position follows a word that names a user or host ("for user <*>"): a variable. */
function named(tokens: string[], i: number): boolean {
  return i > 0 && NAMING.has(tokens[i - 1].toLowerCase());
}

/** Records the word a message brings to a position that is (becoming) <*>; the template's own word counts too. */
function noteVariant(cluster: Cluster, i: number, token: string): void {
  const variants = (cluster.variants ??= []);
  let seen = variants[i];
  if (seen === null) return;
  if (seen === undefined) {
    const own = cluster.tokens[i];
    if (own.includes(WILDCARD)) {
      variants[i] = null; // the position held a masked variable from the start
      return;
    }
    seen = new Map([[own, cluster.size]]);
    variants[i] = seen;
  }
  // "bytes" against "bytes<*>" (an aside glued to a word): a variable part, not another word
  if (token.includes(WILDCARD) || (!seen.has(token) && seen.size >= VARIANT_LIMIT)) variants[i] = null;
  else seen.set(token, (seen.get(token) ?? 0) + 1);
}

/** The node's child for `key`; a full node (or a variable key) sends it to the <*> child. */
function child(node: Node, key: string, maxChildren: number): Node {
  let next = node.children.get(key);
  if (next !== undefined) return next;
  const k = node.children.size >= maxChildren ? WILDCARD : key;
  next = node.children.get(k);
  if (next === undefined) {
    next = newNode();
    node.children.set(k, next);
  }
  return next;
}

/** the template's variable count of the last similarity() (a second result without an array per comparison) */
let lastVars = 0;

/** Share of positions where the template's constant token equals the message's; the variable count goes to lastVars. */
function similarity(template: string[], tokens: string[]): number {
  let same = 0, vars = 0;
  // a variable slot meeting a masked variable counts as equal (a message of only numbers is like its template)
  for (let i = 0; i < template.length; i++) {
    if (template[i] === tokens[i]) same++;
    else if (template[i] === WILDCARD) vars++;
  }
  lastVars = vars;
  return template.length === 0 ? 1 : same / template.length;
}

/** A short stable id for a template text (FNV-1a, 32 bits, hex): the same template has the same id in every file. */
export function templateId(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, '0');
}
