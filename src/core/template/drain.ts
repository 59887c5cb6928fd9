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
}

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

/** A token that names a value rather than words: numbers, addresses, ids, paths. */
function isVariable(token: string): boolean {
  return (HAS_DIGIT.test(token) && !WORD_WITH_DIGIT.test(token)) || PATH.test(token);
}

function newNode(): Node {
  return { children: new Map(), clusters: [] };
}

/** Tokens of a message, variables masked. */
export function templateTokens(message: string, maxTokens: number): string[] {
  const masked = message.replace(ASIDE, WILDCARD).replace(SPACED, WILDCARD);
  const out: string[] = [];
  let start = -1;
  for (let i = 0; i <= masked.length && out.length < maxTokens; i++) {
    const c = i < masked.length ? masked.charCodeAt(i) : 32;
    const space = c === 32 || c === 9 || c === 10 || c === 13;
    if (!space && start < 0) start = i;
    else if (space && start >= 0) {
      const t = masked.slice(start, i);
      out.push(isVariable(t) ? WILDCARD : t);
      start = -1;
    }
  }
  return out;
}

export class Drain {
  private readonly root = newNode();
  private readonly opts: DrainOptions;
  readonly clusters: Cluster[] = [];

  constructor(options: Partial<DrainOptions> = {}) {
    this.opts = { ...DEFAULTS, ...options };
  }

  /** The cluster of a message (found or created). */
  add(message: string): Cluster {
    const tokens = templateTokens(message, this.opts.maxTokens);
    const leaf = this.leaf(tokens);
    let best: Cluster | undefined;
    let bestSim = -1, bestVars = -1;
    for (const c of leaf.clusters) {
      const [sim, vars] = similarity(c.tokens, tokens);
      if (sim > bestSim || (sim === bestSim && vars > bestVars)) {
        best = c;
        bestSim = sim;
        bestVars = vars;
      }
    }
    if (best !== undefined && bestSim >= this.opts.threshold) {
      const t = best.tokens;
      for (let i = 0; i < t.length; i++) if (t[i] !== tokens[i]) t[i] = WILDCARD;
      best.size++;
      return best;
    }
    const cluster: Cluster = { id: this.clusters.length, tokens, size: 1 };
    this.clusters.push(cluster);
    leaf.clusters.push(cluster);
    return cluster;
  }

  /** The template text of a cluster as it stands now. */
  text(cluster: Cluster): string {
    return cluster.tokens.join(' ');
  }

  private leaf(tokens: string[]): Node {
    let node = child(this.root, String(tokens.length), Infinity);
    const levels = Math.min(this.opts.prefixLevels, tokens.length);
    for (let i = 0; i < levels; i++) node = child(node, tokens[i], this.opts.maxChildren);
    return node;
  }
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

/** Share of positions where the template's constant token equals the message's, and the template's variable count. */
function similarity(template: string[], tokens: string[]): [number, number] {
  let same = 0, vars = 0;
  // a variable slot meeting a masked variable counts as equal (a message of only numbers is like its template)
  for (let i = 0; i < template.length; i++) {
    if (template[i] === tokens[i]) same++;
    else if (template[i] === WILDCARD) vars++;
  }
  return [template.length === 0 ? 1 : same / template.length, vars];
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
