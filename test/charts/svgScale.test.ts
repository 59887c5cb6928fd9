// Axis arithmetic of the plain-SVG charts.
import { describe, expect, it } from 'vitest';
import { bandAt, labelWidth, niceTicks, spacedLabels } from '../../src/charts/svg/scale.ts';
import { orderKeys, seriesClass } from '../../src/charts/series/stackedTime.ts';

describe('svg chart scales', () => {
  it('nice ticks cover the maximum on 1/2/5 steps, whole counts only', () => {
    expect(niceTicks(3320)).toEqual([0, 1000, 2000, 3000, 4000]);
    expect(niceTicks(17)).toEqual([0, 5, 10, 15, 20]);
    expect(niceTicks(1)).toEqual([0, 1]);
    expect(niceTicks(3)).toEqual([0, 1, 2, 3]);
    expect(niceTicks(0)).toEqual([0, 1]);
  });

  it('time labels never touch: every k-th band, the first drawn rightwards, one that would overlap it left out', () => {
    // 97 bands of 8 px from x=56, labels 110 px wide: every 16th band; the first (start-anchored) would run
    // into the second (centred): the second is left out
    const labels = spacedLabels(97, 56, 8, 110);
    expect(labels[0]).toEqual({ i: 0, anchor: 'start' });
    expect(labels.map((l) => l.i)).toEqual([0, 32, 48, 64, 80, 96]);
    const boxes = labels.map(({ i, anchor }) => {
      const c = 56 + (i + 0.5) * 8;
      return anchor === 'start' ? [c, c + 110] : [c - 55, c + 55];
    });
    for (let k = 1; k < boxes.length; k++) expect(boxes[k][0]).toBeGreaterThanOrEqual(boxes[k - 1][1] + 12);
    // wide bands: every band labelled
    expect(spacedLabels(3, 56, 300, 110).map((l) => l.i)).toEqual([0, 1, 2]);
    expect(spacedLabels(0, 56, 8, 110)).toEqual([]);
    // projector type (16 px) needs wider spacing than 12 px
    expect(labelWidth(16, 16)).toBeGreaterThan(labelWidth(16, 12));
  });

  it('the band under a pointer, clamped to the bars', () => {
    expect(bandAt(56, 56, 10, 5)).toBe(0);
    expect(bandAt(75, 56, 10, 5)).toBe(1);
    expect(bandAt(10, 56, 10, 5)).toBe(0);
    expect(bandAt(999, 56, 10, 5)).toBe(4);
    expect(bandAt(60, 56, 10, 0)).toBe(-1);
  });

  it('severities stack worst first and have their own colours', () => {
    const totals = new Map([['low', 9], ['critical', 1], ['high', 3]]);
    expect(orderKeys(['low', 'critical', 'high'], totals)).toEqual(['critical', 'high', 'low']);
    expect(seriesClass('high', 5)).toBe('series--sev-high');
  });
});
