// Axis arithmetic for the plain-SVG charts: "nice" value ticks (1, 2, 5 x 10^n) and evenly spaced
// category labels. Pure functions, so the charts draw in one cheap pass and the tests need no DOM.

/** Ticks from 0 to at least max, about `count` of them, on 1/2/5 x 10^n steps. */
export function niceTicks(max: number, count = 4): number[] {
  if (!(max > 0)) return [0, 1];
  const raw = max / count;
  const pow = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * pow).find((s) => s >= raw) ?? 10 * pow;
  const whole = Math.max(1, step); // counts: no fractional ticks
  const top = Math.ceil(max / whole) * whole;
  const ticks: number[] = [];
  for (let v = 0; v <= top + whole / 2; v += whole) ticks.push(v);
  return ticks;
}

/** Indexes of the categories that get a label: every k-th, so about `count` labels fit. */
export function labelledIndexes(n: number, count: number): number[] {
  if (n <= 0) return [];
  const every = Math.max(1, Math.ceil(n / Math.max(1, count)));
  const out: number[] = [];
  for (let i = 0; i < n; i += every) out.push(i);
  return out;
}

/** The category under an x position (clamped), for bands of equal width starting at x0. */
export function bandAt(x: number, x0: number, band: number, n: number): number {
  if (n <= 0 || !(band > 0)) return -1;
  return Math.min(n - 1, Math.max(0, Math.floor((x - x0) / band)));
}
