// Many rules test one field (CommandLine) for plain substrings. Testing each distinct value against every
// rule's list costs values x patterns substring searches; an Aho-Corasick automaton over all of them finds
// every pattern in one pass per value. Items made only of such substrings read their verdict from the pass.
// Patterns are lower-cased (these items are case-insensitive) and registered before the first search.

export class LiteralIndex {
  private readonly ids = new Map<string, number>();
  private built = false;
  // automaton: per node a map char -> node, a failure link and the pattern ids ending here (with suffixes)
  private goto: Map<number, number>[] = [new Map()];
  private fail: number[] = [0];
  private out: number[][] = [[]];
  /** per dictionary id: the pattern ids found in the value (cached) */
  private readonly found = new Map<readonly string[], (readonly number[] | undefined)[]>();

  /** The id of a pattern (registering it); the automaton must not be built yet. */
  add(pattern: string): number {
    if (this.built) throw new Error('bug: literal registered after the first search');
    let id = this.ids.get(pattern);
    if (id === undefined) {
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

  private build(): void {
    this.built = true;
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
  }

  /** Pattern ids found in a lower-cased text. */
  search(text: string): readonly number[] {
    if (!this.built) this.build();
    const goto = this.goto, fail = this.fail, out = this.out;
    let node = 0;
    let hits: number[] | undefined;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      let next = goto[node].get(c);
      while (next === undefined && node !== 0) {
        node = fail[node];
        next = goto[node].get(c);
      }
      node = next ?? 0;
      if (out[node].length > 0) (hits ??= []).push(...out[node]);
    }
    return hits ?? NONE;
  }

  /** Pattern ids found in dictionary value `id` (1-based), searched once per value. */
  searchDict(values: readonly string[], low: (string | undefined)[], id: number): readonly number[] {
    let cache = this.found.get(values);
    if (cache === undefined) this.found.set(values, cache = new Array<readonly number[] | undefined>(values.length + 1));
    let hit = cache[id];
    if (hit === undefined) {
      const x = values[id - 1];
      hit = this.search(low[id - 1] ??= x.toLowerCase());
      cache[id] = hit;
    }
    return hit;
  }
}

const NONE: readonly number[] = [];
