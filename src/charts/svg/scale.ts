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

export interface AxisLabel { i: number; anchor: 'start' | 'middle' }

/**
 * Which categories get a time label, so that no two labels touch: every k-th band (k from the label's
 * width), each centred on its band except the first, drawn rightwards from its band's centre (centred, it
 * would run into the value axis); a label that would touch the one before it is left out. labelPx: the
 * width of one label in pixels.
 */
export function spacedLabels(n: number, x0: number, band: number, labelPx: number, gap = 12): AxisLabel[] {
  if (n <= 0 || !(band > 0)) return [];
  const every = Math.max(1, Math.ceil((labelPx + gap) / band));
  const out: AxisLabel[] = [];
  let lastRight = -Infinity;
  for (let i = 0; i < n; i += every) {
    const centre = x0 + (i + 0.5) * band;
    const anchor = i === 0 ? 'start' : 'middle';
    const left = anchor === 'start' ? centre : centre - labelPx / 2;
    if (left < lastRight + gap) continue;
    out.push({ i, anchor });
    lastRight = anchor === 'start' ? centre + labelPx : centre + labelPx / 2;
  }
  return out;
}

/** Estimated width in px of a label of `chars` digits and separators at a font size (0.6 em a character). */
export function labelWidth(chars: number, fontPx: number): number {
  return Math.ceil(chars * fontPx * 0.6);
}

/** The category under an x position (clamped), for bands of equal width starting at x0. */
export function bandAt(x: number, x0: number, band: number, n: number): number {
  if (n <= 0 || !(band > 0)) return -1;
  return Math.min(n - 1, Math.max(0, Math.floor((x - x0) / band)));
}
