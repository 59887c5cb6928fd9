// Scroll scaling: identity below the cap, linear mapping above it, every row reachable, keyboard moves.
import { describe, expect, it } from 'vitest';
import { MAX_SCROLL, scrollRange, scrollTopFor, windowAt } from '../../src/app/views/search/scrollScale.ts';

const small = { total: 1000, rowHeight: 30, viewHeight: 600 };
const huge = { total: 10_000_000, rowHeight: 30, viewHeight: 600 };

describe('below the cap', () => {
  it('is the identity', () => {
    expect(scrollRange(small)).toBe(1000 * 30 - 600);
    expect(windowAt(small, 0)).toEqual({ first: 0, shift: 0, count: 20 });
    expect(windowAt(small, 45)).toEqual({ first: 1, shift: 15, count: 21 });
    expect(windowAt(small, scrollRange(small))).toEqual({ first: 980, shift: 0, count: 20 });
  });

  it('fewer rows than the viewport holds', () => {
    expect(scrollRange({ total: 3, rowHeight: 30, viewHeight: 600 })).toBe(0);
    expect(windowAt({ total: 3, rowHeight: 30, viewHeight: 600 }, 100)).toEqual({ first: 0, shift: 0, count: 3 });
    expect(windowAt({ total: 0, rowHeight: 30, viewHeight: 600 }, 0).count).toBe(0);
  });
});

describe('10M rows', () => {
  it('caps the spacer and still reaches both ends', () => {
    expect(scrollRange(huge)).toBe(MAX_SCROLL);
    expect(windowAt(huge, 0).first).toBe(0);
    const end = windowAt(huge, MAX_SCROLL);
    expect(end.first + end.count).toBe(huge.total);
    expect(windowAt(huge, MAX_SCROLL / 2).first).toBe(Math.floor((huge.total * 30 - 600) / 2 / 30));
  });

  it('scrollTopFor brings a row into view', () => {
    for (const row of [0, 1, 123_456, 5_000_000, 9_999_999]) {
      const w = windowAt(huge, scrollTopFor(huge, row, 0));
      expect(row).toBeGreaterThanOrEqual(w.first);
      expect(row).toBeLessThan(w.first + w.count);
    }
  });

  it('a row already in view does not scroll', () => {
    expect(scrollTopFor(small, 5, 0)).toBe(0);
    expect(scrollTopFor(small, 25, 0)).toBe(26 * 30 - 600);
  });
});
