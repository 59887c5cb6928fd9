// The rows of a sparse field of the case index (DictField, NumField), ascending, at 2 bytes a row: each row
// is kept as its low 16 bits, and `starts` says where each block of 65,536 rows begins among the entries.
// A Windows case holds about six values of rare fields per event: as 4-byte rows they cost as much as the
// dictionary columns everyone reads. Example: rows 5, 70000, 70001 -> low [5, 4464, 4465], starts [0, 1].

export class SparseRows {
  /** entries used */
  count = 0;
  private low = new Uint16Array(0);
  /** starts[b] = entries before block b (rows b * 65536 ...), for every block up to `last` */
  private starts = new Uint32Array(4);
  private last = 0;

  /** Appends a row greater than every row held. */
  push(row: number): void {
    const b = row >>> 16;
    if (b > this.last) {
      if (b + 1 >= this.starts.length) {
        const next = new Uint32Array(Math.max(b + 2, this.starts.length * 2));
        next.set(this.starts);
        this.starts = next;
      }
      for (let k = this.last + 1; k <= b; k++) this.starts[k] = this.count;
      this.last = b;
    }
    if (this.count === this.low.length) this.grow(this.count + 1);
    this.low[this.count++] = row & 0xffff;
  }

  /** Entry index of `row`, or -1 when the field has no value there. */
  find(row: number): number {
    const b = row >>> 16;
    if (b > this.last) return -1;
    let lo = this.starts[b], hi = (b === this.last ? this.count : this.starts[b + 1]) - 1;
    const key = row & 0xffff, low = this.low;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const r = low[mid];
      if (r < key) lo = mid + 1;
      else if (r > key) hi = mid - 1;
      else return mid;
    }
    return -1;
  }

  /** Every entry in order: its row and its index. */
  forEach(each: (row: number, i: number) => void): void {
    const low = this.low, starts = this.starts;
    for (let b = 0; b <= this.last; b++) {
      const end = b === this.last ? this.count : starts[b + 1], high = b * 0x10000;
      for (let i = starts[b]; i < end; i++) each(high + low[i], i);
    }
  }

  /** Room for at least `needed` entries (the owner grows its value array alongside: `capacity`). */
  get capacity(): number {
    return this.low.length;
  }

  private grow(needed: number): void {
    const next = new Uint16Array(Math.max(needed, Math.ceil(this.low.length * 1.5), 64));
    next.set(this.low);
    this.low = next;
  }
}
