// appendAll: what a 10M-line auth.log needed (~280,000 alerts from one detector: `alerts.push(...list)` threw
// "Maximum call stack size exceeded" and the whole detection run failed). ESLint now refuses the spread in src/.
import { describe, expect, it } from 'vitest';
import { appendAll } from '../../src/core/appendAll.ts';

describe('appendAll', () => {
  it('appends a million items to a list in order, from an array or any iterable', () => {
    const big = Array.from({ length: 1_000_000 }, (_, i) => i);
    const out = appendAll([-1], big);
    expect(out.length).toBe(1_000_001);
    expect(out[0]).toBe(-1);
    expect(out[1]).toBe(0);
    expect(out.at(-1)).toBe(999_999);
    const fromMap = appendAll<string>([], new Map(big.slice(0, 300_000).map((i) => [i, `v${i}`])).values());
    expect(fromMap.length).toBe(300_000);
    expect(fromMap[299_999]).toBe('v299999');
  });

  it('leaves the list as it was for an empty input', () => {
    const out = ['a'];
    expect(appendAll(out, [])).toBe(out);
    expect(out).toEqual(['a']);
  });
});
