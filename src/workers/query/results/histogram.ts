// Events over time: a nice bucket size (1s, 5s, ... 1d, 7d, ...) chosen so the rows' time range fits
// in at most `buckets` buckets, aligned on UTC multiples of the size; optionally split by a field's
// top values (the rest is "(other)", events lacking the field "(none)").
import type { Histogram, HistogramBucket } from '../../api.ts';
import type { CaseIndex } from '../caseIndex.ts';
import { resolveFieldName } from '../compile.ts';
import type { RowSet } from '../rowSet.ts';
import { codesOf, countCodes, topCodes } from './codes.ts';

const S = 1000, M = 60 * S, H = 60 * M, D = 24 * H;
export const NICE_BUCKETS_MS = [
  S, 5 * S, 10 * S, 30 * S, M, 5 * M, 10 * M, 30 * M, H, 3 * H, 6 * H, 12 * H, D, 7 * D, 30 * D, 90 * D, 365 * D,
];
/** How many split values get their own series; the rest is summed as "(other)". */
export const SPLIT_TOP = 10;
export const OTHER = '(other)';
export const NONE = '(none)';

export function niceBucketMs(min: number, max: number, buckets: number): number {
  const want = Math.max(1, Math.floor(buckets));
  for (const size of NICE_BUCKETS_MS) {
    const from = Math.floor(min / size) * size;
    if (Math.floor((max - from) / size) + 1 <= want) return size;
  }
  let size = NICE_BUCKETS_MS[NICE_BUCKETS_MS.length - 1]; // beyond the table: doubling years
  while (Math.floor((max - Math.floor(min / size) * size) / size) + 1 > want) size *= 2;
  return size;
}

export function histogram(index: CaseIndex, set: RowSet, buckets: number, splitField?: string): Histogram {
  const rows = set.rows(), ts = index.ts;
  let min = Infinity, max = -Infinity;
  for (let i = 0; i < rows.length; i++) {
    const t = ts[rows[i]];
    if (t < min) min = t;
    if (t > max) max = t; // NaN fails both comparisons
  }
  if (min === Infinity) return { bucketMs: S, from: 0, to: 0, buckets: [], splitField };
  const size = niceBucketMs(min, max, buckets);
  const from = Math.floor(min / size) * size;
  const nb = Math.floor((max - from) / size) + 1;
  const counts = new Uint32Array(nb);
  const field = splitField === undefined ? undefined : index.field(resolveFieldName(index, splitField));

  if (splitField === undefined || field === undefined) {
    for (let i = 0; i < rows.length; i++) {
      const t = ts[rows[i]];
      if (t === t) counts[Math.floor((t - from) / size)]++;
    }
    const out: HistogramBucket[] = [];
    for (let b = 0; b < nb; b++) out.push(splitField === undefined ? { start: from + b * size, count: counts[b] } : { start: from + b * size, count: counts[b], split: counts[b] ? { [NONE]: counts[b] } : {} });
    return { bucketMs: size, from, to: from + nb * size, buckets: out, splitField };
  }

  // series: the top values, then (other), then (none)
  const codes = codesOf(index, field, rows);
  const top = topCodes(countCodes(codes, rows), codes.labels, SPLIT_TOP);
  const series = top.length;
  const slotOf = new Uint8Array(codes.labels.length + 1).fill(series); // default: (other)
  slotOf[0] = series + 1;
  top.forEach((code, i) => { slotOf[code] = i; });
  const width = series + 2;
  const cells = new Uint32Array(nb * width);
  const ids = codes.ids;
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i], t = ts[r];
    if (t !== t) continue;
    const b = Math.floor((t - from) / size);
    counts[b]++;
    cells[b * width + slotOf[ids[r]]]++;
  }
  const names = [...top.map((c) => codes.labels[c - 1]), OTHER, NONE];
  const out: HistogramBucket[] = [];
  for (let b = 0; b < nb; b++) {
    // null prototype: a split value such as "__proto__" is an ordinary key
    const split = Object.create(null) as Record<string, number>;
    for (let s = 0; s < width; s++) if (cells[b * width + s] !== 0) split[names[s]] = cells[b * width + s];
    out.push({ start: from + b * size, count: counts[b], split });
  }
  return { bucketMs: size, from, to: from + nb * size, buckets: out, splitField };
}
