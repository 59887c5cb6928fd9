// The result of a query: a bitset (for membership tests while walking the time order) and, built on
// first use, the ascending list of row ids (for counting loops). Either form can be the source.
import { Bitset } from './bitset.ts';

export class RowSet {
  private list: Uint32Array | undefined;
  private set: Bitset | undefined;
  readonly size: number;

  /** universe: the index's rowCount when the set was made (rows added later are not members) */
  constructor(readonly universe: number, source: Bitset | Uint32Array) {
    if (source instanceof Bitset) {
      this.set = source;
      this.size = source.count();
    } else {
      this.list = source;
      this.size = source.length;
    }
  }

  static all(n: number): RowSet {
    return new RowSet(n, Bitset.all(n));
  }

  get isAll(): boolean {
    return this.size === this.universe;
  }

  rows(): Uint32Array {
    this.list ??= this.set!.toRows(); // one of the two is always set by the constructor
    return this.list;
  }

  bits(): Bitset {
    this.set ??= Bitset.fromRows(this.universe, this.list!);
    return this.set;
  }

  has(row: number): boolean {
    return row < this.universe && this.bits().has(row);
  }
}
