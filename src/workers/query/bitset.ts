// A set of row ids as one bit per row: AND / OR / NOT of query terms are word-wide loops
// (1M rows = 31,250 words), far cheaper than merging sorted id lists.

export class Bitset {
  readonly words: Uint32Array;

  constructor(readonly size: number, words?: Uint32Array) {
    this.words = words ?? new Uint32Array((size + 31) >>> 5);
  }

  static all(size: number): Bitset {
    const b = new Bitset(size);
    b.words.fill(0xffffffff);
    b.clearTail();
    return b;
  }

  static fromRows(size: number, rows: ArrayLike<number>): Bitset {
    const b = new Bitset(size);
    for (let i = 0; i < rows.length; i++) b.set(rows[i]);
    return b;
  }

  has(row: number): boolean {
    return (this.words[row >>> 5] & (1 << (row & 31))) !== 0;
  }

  set(row: number): void {
    this.words[row >>> 5] |= 1 << (row & 31);
  }

  and(other: Bitset): this {
    const a = this.words, b = other.words;
    for (let i = 0; i < a.length; i++) a[i] &= b[i];
    return this;
  }

  or(other: Bitset): this {
    const a = this.words, b = other.words;
    for (let i = 0; i < a.length; i++) a[i] |= b[i];
    return this;
  }

  not(): this {
    const a = this.words;
    for (let i = 0; i < a.length; i++) a[i] = ~a[i];
    this.clearTail();
    return this;
  }

  isEmpty(): boolean {
    const a = this.words;
    for (let i = 0; i < a.length; i++) if (a[i] !== 0) return false;
    return true;
  }

  count(): number {
    const a = this.words;
    let n = 0;
    for (let i = 0; i < a.length; i++) n += popcount(a[i]);
    return n;
  }

  /** The members as ascending row ids. */
  toRows(): Uint32Array {
    const out = new Uint32Array(this.count());
    const a = this.words;
    let k = 0;
    for (let i = 0; i < a.length; i++) {
      let w = a[i];
      const base = i << 5;
      while (w !== 0) {
        const low = w & -w;
        out[k++] = base + 31 - Math.clz32(low);
        w ^= low;
      }
    }
    return out;
  }

  // bits past `size` in the last word must stay 0 so count() and toRows() never see phantom rows
  private clearTail(): void {
    const extra = this.size & 31;
    if (extra !== 0) this.words[this.words.length - 1] &= (1 << extra) - 1 >>> 0;
    if (this.size === 0 && this.words.length > 0) this.words.fill(0);
  }
}

export function popcount(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  x = (x + (x >>> 4)) & 0x0f0f0f0f;
  return Math.imul(x, 0x01010101) >>> 24;
}
