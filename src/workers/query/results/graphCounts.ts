// Counters for the graph's nodes and edges in typed arrays. A 1M-event query links ~200k distinct nodes
// by ~700k distinct edges: a Map keyed by a * 2^26 + b (a heap number per key) and an object per edge made
// the build 3-4 s of engine-worker CPU; open addressing on int pairs does the same counting in a fraction.

/** Event counts per node id (ids are dense, from 0), split by outcome. */
export class NodeCounts {
  count = new Uint32Array(1024);
  success = new Uint32Array(1024);
  failure = new Uint32Array(1024);

  add(id: number, ok: boolean, bad: boolean): void {
    if (id >= this.count.length) this.grow(id + 1);
    this.count[id]++;
    if (ok) this.success[id]++;
    if (bad) this.failure[id]++;
  }

  private grow(min: number): void {
    let n = this.count.length * 2;
    while (n < min) n *= 2;
    const up = (a: Uint32Array) => { const b = new Uint32Array(n); b.set(a); return b; };
    this.count = up(this.count);
    this.success = up(this.success);
    this.failure = up(this.failure);
  }
}

/** Distinct (a, b) pairs in the order first seen, with their counts split by outcome. */
export class EdgeCounts {
  /** edge index + 1 per hash slot (0 = empty) */
  private slots = new Int32Array(1 << 12);
  a = new Int32Array(1024);
  b = new Int32Array(1024);
  count = new Uint32Array(1024);
  success = new Uint32Array(1024);
  failure = new Uint32Array(1024);
  size = 0;

  add(a: number, b: number, ok: boolean, bad: boolean): void {
    const e = this.find(a, b);
    this.count[e]++;
    if (ok) this.success[e]++;
    if (bad) this.failure[e]++;
  }

  private find(a: number, b: number): number {
    const mask = this.slots.length - 1;
    let h = hash(a, b) & mask;
    for (;;) {
      const s = this.slots[h];
      if (s === 0) break;
      if (this.a[s - 1] === a && this.b[s - 1] === b) return s - 1;
      h = (h + 1) & mask;
    }
    const e = this.size++;
    if (e >= this.a.length) this.growEdges();
    this.a[e] = a;
    this.b[e] = b;
    this.slots[h] = e + 1;
    // at most half full: probes stay short
    if (this.size * 2 > this.slots.length) this.rehash();
    return e;
  }

  private growEdges(): void {
    const n = this.a.length * 2;
    const i32 = (x: Int32Array) => { const y = new Int32Array(n); y.set(x); return y; };
    const u32 = (x: Uint32Array) => { const y = new Uint32Array(n); y.set(x); return y; };
    this.a = i32(this.a);
    this.b = i32(this.b);
    this.count = u32(this.count);
    this.success = u32(this.success);
    this.failure = u32(this.failure);
  }

  private rehash(): void {
    const slots = new Int32Array(this.slots.length * 2), mask = slots.length - 1;
    for (let e = 0; e < this.size; e++) {
      let h = hash(this.a[e], this.b[e]) & mask;
      while (slots[h] !== 0) h = (h + 1) & mask;
      slots[h] = e + 1;
    }
    this.slots = slots;
  }
}

function hash(a: number, b: number): number {
  let h = Math.imul(a, 0x9e3779b1) ^ Math.imul(b + 0x7f4a7c15, 0x85ebca6b);
  h ^= h >>> 15;
  return Math.imul(h, 0xc2b2ae35) ^ (h >>> 13);
}
