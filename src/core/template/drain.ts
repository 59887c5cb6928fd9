// Message templates (issue 12 "categorize"): Drain, a fixed-depth parse tree over a message's tokens.
// He, Zhu, Zheng, Lyu, "Drain: An Online Log Parsing Approach with Fixed Depth Tree", ICWS 2017,
// https://jiemingzhu.github.io/pub/pjhe_icws2017.pdf
// A message is cut into tokens; variables (numbers, IPs with ports, hex ids, paths, quoted strings, any token
// holding a digit) are masked as <*>; the tree goes by token count, then the first tokens, to a leaf
// whose clusters are compared token by token; the most similar one at or above the threshold takes the
// message (differing tokens become <*>), else the message starts a cluster of its own.
// Tokens are numbered by their words (tokens.ts); a message whose token sequence (its shape) was met before,
// and whose leaf has not changed since, goes straight to the same cluster (shapes.ts): the same answer as the
// walk, without it.

import { Tokenizer, WILDCARD, templateTokens } from './tokens.ts';
import { ShapeCache } from './shapes.ts';

export { WILDCARD, templateTokens };

export interface DrainOptions {
  /** tokens of the message used as tree levels below the length level (Drain's depth - 2) */
  prefixLevels: number;
  /** similarity (share of equal constant tokens) a message needs to join a cluster */
  threshold: number;
  /** children a tree node keeps before new tokens go to a <*> child */
  maxChildren: number;
  /** tokens of a message mined (a long message is grouped by its start) */
  maxTokens: number;
  /** message shapes remembered with their cluster (shapes.ts); 0: every message walks the tree */
  maxShapes: number;
}

const DEFAULTS: DrainOptions = { prefixLevels: 2, threshold: 0.5, maxChildren: 100, maxTokens: 48, maxShapes: 65_536 };

export interface Cluster {
  id: number;
  tokens: string[];
  size: number;
  /**
   * Per position generalised to <*>: the constant words seen there, or null once a masked variable or more
   * than VARIANT_LIMIT distinct words met there (a true variable). See refine().
   */
  variants?: (Set<string> | null | undefined)[];
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
  /** bumped whenever a cluster is added here or one of its templates changes (the shape cache's check) */
  version: number;
}

// the word after these names a user or a host: a variable even when a file shows only a few of them
const NAMING = new Set(['user', 'users', 'username', 'account', 'login', 'host', 'hostname', 'group']);

/** the tree's first level is keyed by token count: the keys made once */
const LENGTH_KEYS = Array.from({ length: 65 }, (_, i) => String(i));

function newNode(): Node {
  return { children: new Map(), clusters: [], version: 0 };
}

export class Drain {
  private readonly root = newNode();
  private readonly opts: DrainOptions;
  readonly clusters: Cluster[] = [];
  private readonly tok = new Tokenizer();
  private readonly shapes: ShapeCache<Node, Cluster> | undefined;
  /** the shape number of the message of the last add() (-1: none, the cache was full or a word unnumbered) */
  lastShape = -1;

  constructor(options: Partial<DrainOptions> = {}) {
    this.opts = { ...DEFAULTS, ...options };
    this.shapes = this.opts.maxShapes > 0 ? new ShapeCache(this.opts.maxShapes) : undefined;
  }

  /** The cluster of a message (found or created). */
  add(message: string): Cluster {
    const tok = this.tok;
    const n = tok.read(message, this.opts.maxTokens);
    const shapes = tok.numbered ? this.shapes : undefined;
    let shape = -1;
    if (shapes !== undefined) {
      shape = shapes.find(tok.ids, n, tok.shape);
      // the same tokens against the same leaf: Drain's answer is the cluster it gave last time, and joining it
      // again changes nothing but its size (see shapes.ts)
      if (shape >= 0 && shapes.version[shape] === shapes.leaf[shape].version) {
        const c = shapes.cluster[shape];
        c.size++;
        this.lastShape = shape;
        return c;
      }
    }
    const tokens = tok.strs;
    const leaf = this.leaf(tokens);
    const cluster = this.place(leaf, tokens);
    if (shapes !== undefined) {
      if (shape >= 0 && shapes.cluster[shape] === cluster) shapes.version[shape] = leaf.version;
      else shape = shapes.add(tok.ids, n, tok.shape, cluster, leaf, leaf.version, shape);
    }
    this.lastShape = shape;
    return cluster;
  }

  /** Drain's step in a leaf: the most similar cluster takes the message, or it starts its own. */
  private place(leaf: Node, tokens: string[]): Cluster {
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
      let changed = false;
      for (let i = 0; i < t.length; i++) {
        if (t[i] !== tokens[i] || (t[i] === WILDCARD && best.variants?.[i] !== undefined)) noteVariant(best, i, tokens[i]);
        if (t[i] !== tokens[i] && t[i] !== WILDCARD) {
          t[i] = WILDCARD;
          changed = true;
        }
      }
      if (changed) leaf.version++;
      best.size++;
      return best;
    }
    const cluster: Cluster = { id: this.clusters.length, tokens: tokens.slice(), size: 1 };
    this.clusters.push(cluster);
    leaf.clusters.push(cluster);
    leaf.version++;
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
    this.tok.read(message, this.opts.maxTokens);
    return this.refined(cluster, this.tok.strs);
  }

  /** The cluster number of shape number `shape`. */
  shapeCluster(shape: number): number {
    const c = this.shapes?.cluster[shape];
    if (c === undefined) throw new Error(`bug: no shape ${shape}`);
    return c.id;
  }

  /** refine() for a message of shape number `shape` (its tokens kept by the shape cache: no message read). */
  refineShape(cluster: Cluster, shape: number): string {
    const ids = this.shapes?.tokens(shape);
    if (ids === undefined) throw new Error(`bug: no shape ${shape}`);
    const words = this.tok.words;
    const tokens = this.scratch;
    tokens.length = ids.length;
    for (let i = 0; i < ids.length; i++) tokens[i] = words[ids[i]];
    return this.refined(cluster, tokens);
  }

  private readonly scratch: string[] = [];

  private refined(cluster: Cluster, tokens: string[]): string {
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
    seen = new Set([own]);
    variants[i] = seen;
  }
  // "bytes" against "bytes<*>" (an aside glued to a word): a variable part, not another word
  if (token.includes(WILDCARD) || (!seen.has(token) && seen.size >= VARIANT_LIMIT)) variants[i] = null;
  else seen.add(token);
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
