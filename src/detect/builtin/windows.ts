// Time windows over sorted event times. A window starts at an event and covers [start, start + width):
// an event exactly `width` after the start is outside it (the window edges the tests pin down).

/**
 * Bursts: the earliest window (starting at an event) holding >= threshold events, then the next one from the
 * first event after it, and so on. Returns [first, last] index pairs into `times` (sorted ascending).
 */
export function bursts(times: ArrayLike<number>, threshold: number, width: number): [number, number][] {
  const out: [number, number][] = [];
  let i = 0, k = 0;
  while (i < times.length) {
    if (k < i) k = i;
    while (k + 1 < times.length && times[k + 1] < times[i] + width) k++;
    if (k - i + 1 >= threshold) {
      out.push([i, k]);
      i = k + 1;
    } else i++;
  }
  return out;
}

/**
 * One attack that runs for an hour is one alert, not four: a burst whose first event starts less than one
 * window after the previous burst's window ended continues it. Returns [first, last, windowEnd] triples.
 */
export function episodes(times: ArrayLike<number>, threshold: number, width: number): [number, number, number][] {
  const out: [number, number, number][] = [];
  for (const [a, b] of bursts(times, threshold, width)) {
    const last = out[out.length - 1];
    if (last !== undefined && times[a] < last[2] + width) {
      last[1] = b;
      last[2] = times[a] + width;
    } else out.push([a, b, times[a] + width]);
  }
  return out;
}

/** Index of the first time >= t (times sorted ascending). */
export function lowerBound(times: ArrayLike<number>, t: number, lo = 0, hi = times.length): number {
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (times[mid] < t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
