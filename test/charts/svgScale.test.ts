// Axis arithmetic of the plain-SVG charts.
import { describe, expect, it } from 'vitest';
import { bandAt, labelledIndexes, niceTicks } from '../../src/charts/svg/scale.ts';
import { orderKeys, seriesClass } from '../../src/charts/series/stackedTime.ts';

describe('svg chart scales', () => {
  it('nice ticks cover the maximum on 1/2/5 steps, whole counts only', () => {
    expect(niceTicks(3320)).toEqual([0, 1000, 2000, 3000, 4000]);
    expect(niceTicks(17)).toEqual([0, 5, 10, 15, 20]);
    expect(niceTicks(1)).toEqual([0, 1]);
    expect(niceTicks(3)).toEqual([0, 1, 2, 3]);
    expect(niceTicks(0)).toEqual([0, 1]);
  });

  it('labels every k-th category so about the asked number fit', () => {
    expect(labelledIndexes(120, 8)).toEqual([0, 15, 30, 45, 60, 75, 90, 105]);
    expect(labelledIndexes(3, 8)).toEqual([0, 1, 2]);
    expect(labelledIndexes(0, 8)).toEqual([]);
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
