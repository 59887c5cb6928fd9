import { describe, expect, it } from 'vitest';
import { concatBytes } from '../../src/core/bytes.ts';

describe('concatBytes', () => {
  it('joins parts in order, keeps a single part as it is, and gives an empty array for none', () => {
    const a = new Uint8Array([1, 2]), b = new Uint8Array([]), c = new Uint8Array([3, 4, 5]).subarray(1);
    expect([...concatBytes([a, b, c])]).toEqual([1, 2, 4, 5]);
    expect(concatBytes([c])).toBe(c);
    expect(concatBytes([])).toEqual(new Uint8Array(0));
  });
});
