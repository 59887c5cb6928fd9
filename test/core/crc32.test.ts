import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { crc32, crc32Update } from '../../src/core/hash/crc32.ts';

describe('crc32', () => {
  const enc = (s: string) => new TextEncoder().encode(s);
  const cases: { name: string; input: Uint8Array; expected: number }[] = [
    { name: 'empty', input: new Uint8Array(0), expected: 0 },
    { name: 'check value', input: enc('123456789'), expected: 0xcbf43926 },
    { name: 'one byte', input: enc('a'), expected: 0xe8b7be43 },
    { name: 'pangram (length not a multiple of 4)', input: enc('The quick brown fox jumps over the lazy dog'), expected: 0x414fa339 },
  ];
  for (const c of cases) it(c.name, () => expect(crc32(c.input)).toBe(c.expected));

  it('gives the same value streamed in pieces of any size', () => {
    const data = createHash('sha512').update('seed').digest();
    const big = new Uint8Array(10_007).map((_, i) => data[i % data.length] ^ (i & 255));
    for (const piece of [1, 3, 64, 1000]) {
      let c = 0;
      for (let at = 0; at < big.length; at += piece) c = crc32Update(c, big.subarray(at, at + piece));
      expect(c).toBe(crc32(big));
    }
  });
});
