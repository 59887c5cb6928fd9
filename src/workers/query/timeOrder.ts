// The rows of the case sorted by ts (a permutation), kept so that pages sorted by time are instant.
// Chunks arrive mostly in time order; each new chunk becomes a sorted run (usually already sorted,
// so a linear check) and the runs are merged with the existing order when the order is next asked for.

export class TimeOrder {
  private order: Uint32Array = new Uint32Array(0);
  private rank: Uint32Array = new Uint32Array(0);
  private pending: { base: number; count: number }[] = [];

  add(base: number, count: number): void {
    this.pending.push({ base, count });
  }

  /** order[i] = row at time position i (ties and missing ts: arrival order; missing ts last). */
  orderOf(ts: Float64Array): Uint32Array {
    this.flush(ts);
    return this.order;
  }

  /** rank[row] = time position of the row: the tie-breaker of every other sort. */
  rankOf(ts: Float64Array): Uint32Array {
    this.flush(ts);
    return this.rank;
  }

  private flush(ts: Float64Array): void {
    if (this.pending.length === 0) return;
    const key = (r: number) => (ts[r] === ts[r] ? ts[r] : Infinity);
    let runs: Uint32Array[] = [this.order];
    for (const { base, count } of this.pending) runs.push(sortedRun(base, count, key));
    this.pending = [];
    // runs that follow each other in time (one file read in order, a reopen of it): one copy, not log2(runs) merges
    if (inSequence(runs, key)) runs = [concat(runs)];
    // pairwise merges of neighbours keep ties in arrival order (left runs hold the smaller rows)
    while (runs.length > 1) {
      const next: Uint32Array[] = [];
      for (let i = 0; i < runs.length; i += 2) next.push(i + 1 < runs.length ? merge(runs[i], runs[i + 1], key) : runs[i]);
      runs = next;
    }
    this.order = runs[0];
    this.rank = new Uint32Array(this.order.length);
    for (let i = 0; i < this.order.length; i++) this.rank[this.order[i]] = i;
  }
}

function sortedRun(base: number, count: number, key: (r: number) => number): Uint32Array {
  const run = new Uint32Array(count);
  let sorted = true;
  for (let i = 0; i < count; i++) {
    run[i] = base + i;
    if (i > 0 && key(base + i) < key(base + i - 1)) sorted = false;
  }
  if (!sorted) run.sort((a, b) => key(a) - key(b) || a - b);
  return run;
}

/** Every non-empty run starts at or after the end of the one before it. */
function inSequence(runs: readonly Uint32Array[], key: (r: number) => number): boolean {
  let last = -Infinity;
  for (const run of runs) {
    if (run.length === 0) continue;
    if (key(run[0]) < last) return false;
    last = key(run[run.length - 1]);
  }
  return true;
}

function concat(runs: readonly Uint32Array[]): Uint32Array {
  const out = new Uint32Array(runs.reduce((n, r) => n + r.length, 0));
  let at = 0;
  for (const run of runs) {
    out.set(run, at);
    at += run.length;
  }
  return out;
}

function merge(a: Uint32Array, b: Uint32Array, key: (r: number) => number): Uint32Array {
  const out = new Uint32Array(a.length + b.length);
  let i = 0, j = 0, k = 0;
  // fast path: runs that do not overlap (files appended in time order) are a copy
  if (a.length === 0 || b.length === 0 || key(a[a.length - 1]) <= key(b[0])) {
    out.set(a);
    out.set(b, a.length);
    return out;
  }
  while (i < a.length && j < b.length) out[k++] = key(b[j]) < key(a[i]) ? b[j++] : a[i++];
  while (i < a.length) out[k++] = a[i++];
  while (j < b.length) out[k++] = b[j++];
  return out;
}
