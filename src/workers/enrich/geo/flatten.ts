// Overlapping IP ranges -> disjoint spans. Data sets list a more specific range inside a wider one without
// splitting the wider one (ip-location-db: 37405696-37406207 DE, then 37405967-37405967 BE); users' range
// files do the same. The inner range (the one starting later, or the narrower of two with one start) wins.

export interface Span { first: bigint; last: bigint; record: number }

/** A sweep over the ranges sorted by start (wider first); neighbours with one record are joined. */
export function flatten(input: readonly Span[]): Span[] {
  const ranges = [...input].sort((x, y) => (x.first < y.first ? -1 : x.first > y.first ? 1 : x.last > y.last ? -1 : x.last < y.last ? 1 : 0));
  const out: Span[] = [];
  const emit = (first: bigint, last: bigint, record: number) => {
    const prev = out[out.length - 1];
    if (prev !== undefined && prev.record === record && prev.last + 1n === first) prev.last = last;
    else out.push({ first, last, record });
  };
  const open: Span[] = [];
  let cursor = 0n;
  // close the innermost open ranges that end before `limit`, emitting what is left of each
  const closeUntil = (limit: bigint) => {
    while (open.length > 0 && open[open.length - 1].last < limit) {
      const top = open.pop() as Span;
      if (cursor <= top.last) {
        emit(cursor, top.last, top.record);
        cursor = top.last + 1n;
      }
    }
  };
  for (const r of ranges) {
    closeUntil(r.first);
    const top = open[open.length - 1];
    if (top !== undefined && cursor < r.first) emit(cursor, r.first - 1n, top.record);
    cursor = r.first;
    open.push(r);
  }
  closeUntil(1n << 129n);
  return out;
}
