// Series helpers behind the charts: shaping only, never counting events.
import { describe, expect, it } from 'vitest';
import { barRows, formatShare, shortLabel } from '../../src/charts/series/bars.ts';
import { orderKeys, seriesClass, seriesLabel, stackedSeries, type TimeBucketInput } from '../../src/charts/series/stackedTime.ts';

describe('bars', () => {
  it('shares of the total, or of the largest bar when no total is known', () => {
    const values = [{ value: 'a', count: 50 }, { value: 'b', count: 25 }];
    expect(barRows(values, 200).map((r) => r.share)).toEqual([0.25, 0.125]);
    expect(barRows(values).map((r) => r.share)).toEqual([1, 0.5]);
    expect(barRows([], 0)).toEqual([]);
  });

  it('labels: long values shortened, the empty string named', () => {
    expect(shortLabel('x'.repeat(40))).toBe(`${'x'.repeat(27)}…`);
    expect(shortLabel('')).toBe('(empty)');
    expect(barRows([{ value: 'x'.repeat(40), count: 1 }])[0].value).toBe('x'.repeat(40));
  });

  it('shares as percentages', () => {
    expect(formatShare(0.25)).toBe('25%');
    expect(formatShare(0.034)).toBe('3.4%');
    expect(formatShare(0)).toBe('0%');
  });
});

describe('stacked time series', () => {
  const buckets: TimeBucketInput[] = [
    { start: 0, count: 3, split: { success: 1, failure: 2 } },
    { start: 60_000, count: 0, split: {} },
    { start: 120_000, count: 5, split: { '(none)': 1, weird: 3, success: 1 } },
  ];

  it('one row per bucket with its end, series in meaningful order', () => {
    const s = stackedSeries(buckets, 60_000);
    expect(s.keys).toEqual(['failure', 'success', 'weird', '(none)']);
    expect(s.rows.map((r) => [r.start, r.end, r.total])).toEqual([[0, 60_000, 3], [60_000, 120_000, 0], [120_000, 180_000, 5]]);
    expect({ ...s.rows[2].bySeries }).toEqual({ '(none)': 1, weird: 3, success: 1 });
  });

  it('a bucket without a split is one "(none)" series; "__proto__" is an ordinary series name', () => {
    const s = stackedSeries([{ start: 0, count: 2 }, { start: 1000, count: 1, split: JSON.parse('{"__proto__": 1}') as Record<string, number> }], 1000);
    expect(s.keys).toEqual(['__proto__', '(none)']);
    expect(s.rows[1].bySeries.__proto__).toBe(1);
  });

  it('orders other keys by size, then name; classes carry the outcome colours', () => {
    expect(orderKeys(['b', '(other)', 'a', 'unknown'], new Map([['a', 1], ['b', 1]]))).toEqual(['unknown', 'a', 'b', '(other)']);
    expect(seriesClass('failure', 5)).toBe('series--failure');
    expect(seriesClass('(other)', 5)).toBe('series--rest');
    expect(seriesClass('GET', 9)).toBe('series--c1');
    expect(seriesLabel('(none)')).toBe('no value');
  });
});
