// The miner's shape cache (drain.ts): a message's shape is its token sequence with variables masked, as token
// numbers (tokens.ts). Most lines of a log repeat a shape met before, and Drain's answer for a shape only
// changes when its leaf of the tree changes (a cluster added there, or a template position turned into <*>).
// So each shape keeps the cluster it went to and its leaf's version at that moment: a message of the same shape
// whose leaf still has that version goes to the same cluster without the tree walk and the comparisons.
// Numbers in typed arrays (the token numbers of every shape in one pool), no object per shape.

/** The cache for leaves of type L and clusters of type C. */
export class ShapeCache<L, C> {
  // every array starts small and doubles: a miner is made per file, and an archive of 10,000 two-line members
  // made 10,000 of them (zero-filling ~60 KB each was a visible share of its ingest; issue 9 item 11)
  /** the token numbers of every shape, one after the other */
  private pool = new Int32Array(256);
  private used = 0;
  private off = new Int32Array(16);
  private len = new Int32Array(16);
  private hash = new Int32Array(16);
  /** the leaf version each shape's answer holds for */
  version = new Int32Array(16);
  /** 1 for a shape whose place in the table went to a newer shape of the same tokens */
  private retired = new Uint8Array(16);
  readonly cluster: C[] = [];
  readonly leaf: L[] = [];
  count = 0;
  /** open addressing over the shapes: shape number + 1 per slot, 0 empty */
  private slots = new Int32Array(32);
  /** the slot of the last find() that found a shape */
  private lastSlot = -1;

  constructor(private readonly max: number) {}

  /** The shape number of ids[0, n) (whose hash is h), or -1. */
  find(ids: Int32Array, n: number, h: number): number {
    const mask = this.slots.length - 1;
    for (let slot = mix(h) & mask; ; slot = (slot + 1) & mask) {
      const k = this.slots[slot];
      if (k === 0) return -1;
      const s = k - 1;
      if (this.hash[s] === h && this.len[s] === n && this.same(s, ids, n)) {
        this.lastSlot = slot;
        return s;
      }
    }
  }

  /**
   * A new shape for ids[0, n): its cluster, leaf and the leaf's version. With `replaces` (the shape the last
   * find() returned, whose cluster differs now) the new shape takes that one's place; the old number stays
   * valid for the rows that have it. -1 when the cache is full.
   */
  add(ids: Int32Array, n: number, h: number, cluster: C, leaf: L, version: number, replaces: number): number {
    if (this.count >= this.max) return -1;
    const s = this.count++;
    if (s >= this.off.length) this.growShapes();
    while (this.used + n > this.pool.length) this.pool = grown(this.pool, this.pool.length * 2);
    this.pool.set(ids.subarray(0, n), this.used);
    this.off[s] = this.used;
    this.len[s] = n;
    this.used += n;
    this.hash[s] = h;
    this.version[s] = version;
    this.cluster.push(cluster);
    this.leaf.push(leaf);
    if (replaces >= 0) {
      this.retired[replaces] = 1;
      this.slots[this.lastSlot] = s + 1;
    } else if (this.count * 2 > this.slots.length) this.rehash();
    else this.place(s);
    return s;
  }

  /** The token numbers of shape s. */
  tokens(s: number): Int32Array {
    return this.pool.subarray(this.off[s], this.off[s] + this.len[s]);
  }

  private same(s: number, ids: Int32Array, n: number): boolean {
    const p = this.pool;
    const o = this.off[s];
    for (let i = 0; i < n; i++) if (p[o + i] !== ids[i]) return false;
    return true;
  }

  private place(s: number): void {
    const mask = this.slots.length - 1;
    let slot = mix(this.hash[s]) & mask;
    while (this.slots[slot] !== 0) slot = (slot + 1) & mask;
    this.slots[slot] = s + 1;
  }

  private rehash(): void {
    this.slots = new Int32Array(this.slots.length * 2);
    for (let s = 0; s < this.count; s++) if (this.retired[s] === 0) this.place(s);
  }

  private growShapes(): void {
    const n = this.off.length * 2;
    this.off = grown(this.off, n);
    this.len = grown(this.len, n);
    this.hash = grown(this.hash, n);
    this.version = grown(this.version, n);
    const r = new Uint8Array(n);
    r.set(this.retired);
    this.retired = r;
  }
}

function grown(a: Int32Array<ArrayBuffer>, n: number): Int32Array<ArrayBuffer> {
  const b = new Int32Array(n);
  b.set(a);
  return b;
}

/** spreads the hash's low bits (the slot index uses them) */
function mix(h: number): number {
  return (h ^ (h >>> 15)) >>> 0;
}
