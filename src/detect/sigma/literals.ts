// Many rules test one field (CommandLine) for plain substrings. Testing each distinct value against every
// rule's list costs values x patterns substring searches; an Aho-Corasick automaton over all of them finds
// every pattern in one pass per value. Items made only of such substrings read their verdict from the pass.
// Patterns are lower-cased (these items are case-insensitive) and registered before the first search.

/** A built automaton: read-only once built, so indexes with the same pattern list share it. */
interface Compiled {
  goto: Map<number, number>[];
  fail: number[];
  out: number[][];
  delta: Uint16Array | Int32Array | undefined;
  classOf: Uint16Array | undefined;
  width: number;
  term: Uint8Array | undefined;
  tableOut: number[][];
}

/** the automata built last, by pattern list (a run builds one per searched column: a few, at most a few MB each) */
const COMPILED = new Map<string, Compiled>();
const COMPILED_MAX = 24;

export class LiteralIndex {
  private readonly ids = new Map<string, number>();
  private built = false;
  // automaton: per node a map char -> node, a failure link and the pattern ids ending here (with suffixes)
  private goto: Map<number, number>[] = [new Map()];
  private fail: number[] = [0];
  private out: number[][] = [[]];
  /** per dictionary id: the pattern ids found in the value (cached) */
  private readonly found = new Map<readonly string[], (readonly number[] | undefined)[]>();

  /** The id of a pattern (registering it); a new pattern must come before the first search. */
  add(pattern: string): number {
    let id = this.ids.get(pattern);
    if (id === undefined) {
      if (this.built) throw new Error('bug: literal registered after the first search');
      id = this.ids.size;
      this.ids.set(pattern, id);
    }
    return id;
  }

  /** The id of a registered pattern (undefined when no rule registered it). */
  idOf(pattern: string): number | undefined {
    return this.ids.get(pattern);
  }

  private readonly postingLists = new Map<readonly string[], number[][]>();

  /** Per pattern id, the dictionary ids (ascending) whose value contains it: every value searched once. */
  postings(values: readonly string[], low: (string | undefined)[]): number[][] {
    let lists = this.postingLists.get(values);
    if (lists === undefined) {
      lists = Array.from({ length: this.ids.size }, () => []);
      for (let id = 1; id <= values.length; id++) {
        const hits = this.searchDict(values, low, id);
        // a pattern found twice in one value is listed once
        for (const h of hits) if (lists[h][lists[h].length - 1] !== id) lists[h].push(id);
      }
      this.postingLists.set(values, lists);
    }
    return lists;
  }

  get size(): number {
    return this.ids.size;
  }

  /** the automaton as a table (node x character class -> node), when it fits: no failure links to follow */
  private delta: Uint16Array | Int32Array | undefined;
  private classOf: Uint16Array | undefined;
  private width = 0;
  /** 1 for nodes where patterns end */
  private term: Uint8Array | undefined;
  /** the pattern ids ending at each node of the table (its numbering) */
  private tableOut: number[][] = [];

  private build(): void {
    this.built = true;
    // compiled once per pattern list: runs of the same rules (a rule toggled elsewhere, the next ingest) reuse it
    const key = [...this.ids.keys()].join('\u0000');
    const done = COMPILED.get(key);
    if (done !== undefined) {
      ({ goto: this.goto, fail: this.fail, out: this.out, delta: this.delta, classOf: this.classOf, width: this.width, term: this.term, tableOut: this.tableOut } = done);
      return;
    }
    this.compile();
    if (COMPILED.size >= COMPILED_MAX) COMPILED.delete(COMPILED.keys().next().value as string);
    COMPILED.set(key, { goto: this.goto, fail: this.fail, out: this.out, delta: this.delta, classOf: this.classOf, width: this.width, term: this.term, tableOut: this.tableOut });
  }

  private compile(): void {
    for (const [p, id] of this.ids) {
      let node = 0;
      for (let i = 0; i < p.length; i++) {
        const c = p.charCodeAt(i);
        let next = this.goto[node].get(c);
        if (next === undefined) {
          next = this.goto.length;
          this.goto.push(new Map());
          this.fail.push(0);
          this.out.push([]);
          this.goto[node].set(c, next);
        }
        node = next;
      }
      this.out[node].push(id);
    }
    // breadth-first: failure links and inherited outputs
    const queue: number[] = [...this.goto[0].values()];
    for (let q = 0; q < queue.length; q++) {
      const node = queue[q];
      for (const [c, child] of this.goto[node]) {
        let f = this.fail[node];
        while (f !== 0 && !this.goto[f].has(c)) f = this.fail[f];
        const target = this.goto[f].get(c);
        this.fail[child] = target !== undefined && target !== child ? target : 0;
        if (this.out[this.fail[child]].length > 0) this.out[child] = [...this.out[child], ...this.out[this.fail[child]]];
        queue.push(child);
      }
    }
    this.buildTable(queue);
  }

  /**
   * The automaton as a transition table over character classes, for ASCII text (each ASCII character of a
   * pattern is a class; any other ASCII character is class 0 and leads back to the root): one array read per
   * character. Text with a character beyond ASCII walks the links instead (search): a class per non-ASCII
   * pattern character made the table five times wider (374 classes, 10 MB for CommandLine's 13,000 nodes,
   * allocated and filled on every run) for text that rarely holds one.
   */
  private buildTable(order: readonly number[]): void {
    const classOf = new Uint16Array(128);
    const codes = new Set<number>();
    for (const p of this.ids.keys()) for (let i = 0; i < p.length; i++) if (p.charCodeAt(i) < 128) codes.add(p.charCodeAt(i));
    const chars = [0, ...[...codes].sort((x, y) => x - y)];
    for (let k = 1; k < chars.length; k++) classOf[chars[k]] = k;
    const width = chars.length, nodes = this.goto.length;
    // about 32 MB at most; a larger automaton keeps following failure links
    if (nodes * width > 1 << 24) return;
    const delta = nodes < 65536 ? new Uint16Array(nodes * width) : new Int32Array(nodes * width);
    // the table numbers nodes breadth-first: text mostly walks the root and shallow nodes, whose rows then
    // sit together at the table's start (numbered as inserted, they were spread over the table)
    const renum = new Uint32Array(nodes);
    for (let k = 0; k < order.length; k++) renum[order[k]] = k + 1;
    for (const [c, child] of this.goto[0]) if (c < 128) delta[classOf[c]] = renum[child];
    // breadth-first, so a node's failure target has its row: the node's row is that row (copied at once)
    // with the node's own edges over it (13,000 nodes x 374 classes were 4.9M map lookups)
    for (const node of order) {
      const f = renum[this.fail[node]] * width, at = renum[node] * width;
      delta.copyWithin(at, f, f + width);
      delta[at] = 0;
      for (const [c, child] of this.goto[node]) if (c < 128) delta[at + classOf[c]] = renum[child];
    }
    // upper-case ASCII letters read as their lower case: ASCII text needs no lower-cased copy
    for (let c = 65; c <= 90; c++) classOf[c] = classOf[c + 32];
    const term = new Uint8Array(nodes);
    const outOf: number[][] = new Array<number[]>(nodes);
    outOf[0] = this.out[0];
    for (const node of order) outOf[renum[node]] = this.out[node];
    for (let n = 0; n < nodes; n++) if (outOf[n].length > 0) term[n] = 1;
    this.tableOut = outOf;
    this.delta = delta;
    this.classOf = classOf;
    this.width = width;
    this.term = term;
  }

  /** per pattern id, the search that last reported it: each search lists a pattern once */
  private stamp = new Uint32Array(0);
  private searches = 0;

  /** Pattern ids found in a lower-cased text, each once. */
  search(text: string): readonly number[] {
    if (!this.built) this.build();
    if (this.delta !== undefined) {
      const hits = this.scan(text);
      if (hits !== null) return hits ?? NONE;
    }
    const out = this.out;
    if (this.stamp.length !== this.ids.size) this.stamp = new Uint32Array(this.ids.size);
    const stamp = this.stamp, now = ++this.searches;
    let hits: number[] | undefined;
    const goto = this.goto, fail = this.fail;
    let node = 0;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      let next = goto[node].get(c);
      while (next === undefined && node !== 0) {
        node = fail[node];
        next = goto[node].get(c);
      }
      node = next ?? 0;
      for (const id of out[node]) if (stamp[id] !== now) {
        stamp[id] = now;
        (hits ??= []).push(id);
      }
    }
    return hits ?? NONE;
  }

  /**
   * Pattern ids found in a text as if lower-cased: ASCII text is read as it is (the table folds A-Z), any
   * other text is lower-cased first (lower-casing beyond ASCII can depend on neighbours or change lengths).
   */
  searchFolded(text: string): readonly number[] {
    if (!this.built) this.build();
    if (this.delta === undefined) return this.search(text.toLowerCase());
    const hits = this.scan(text);
    return hits === null ? this.search(text.toLowerCase()) : hits ?? NONE;
  }

  /** searchFolded over text[start, end) without slicing it out (a row of a chunk's joined text) */
  searchFoldedRange(text: string, start: number, end: number): readonly number[] {
    if (!this.built) this.build();
    if (this.delta === undefined) return this.search(text.slice(start, end).toLowerCase());
    const hits = this.scan(text, start, end);
    return hits === null ? this.search(text.slice(start, end).toLowerCase()) : hits ?? NONE;
  }

  /** The table walk: pattern ids found (undefined: none); null when a character beyond ASCII came (walk the links). */
  private scan(text: string, start = 0, end = text.length): number[] | undefined | null {
    const delta = this.delta as Uint16Array | Int32Array, classOf = this.classOf as Uint16Array, term = this.term as Uint8Array;
    const out = this.tableOut, width = this.width;
    if (this.stamp.length !== this.ids.size) this.stamp = new Uint32Array(this.ids.size);
    const stamp = this.stamp, now = ++this.searches;
    let hits: number[] | undefined;
    let node = 0;
    for (let i = start; i < end; i++) {
      const c = text.charCodeAt(i);
      if (c > 0x7f) return null;
      node = delta[node * width + classOf[c]];
      if (term[node] === 1) {
        for (const id of out[node]) if (stamp[id] !== now) {
          stamp[id] = now;
          (hits ??= []).push(id);
        }
      }
    }
    return hits;
  }

  /** Pattern ids found in dictionary value `id` (1-based), searched once per value. */
  searchDict(values: readonly string[], low: (string | undefined)[], id: number): readonly number[] {
    let cache = this.found.get(values);
    if (cache === undefined) this.found.set(values, cache = new Array<readonly number[] | undefined>(values.length + 1));
    let hit = cache[id];
    if (hit === undefined) {
      const lx = low[id - 1];
      hit = lx !== undefined ? this.search(lx) : this.searchFolded(values[id - 1]);
      cache[id] = hit;
    }
    return hit;
  }
}

const NONE: readonly number[] = [];
