// The hand-over file's value codec: typed arrays as RFC 4648 base64 (checked against Node's encoder at every
// tail length), NaN/infinities/undefined kept, key order kept, and a value that cannot be written refused.
import { describe, expect, it } from 'vitest';
import { decodeValue, encodeValue } from '../../../src/workers/handover/codec.ts';

const roundTrip = (v: unknown) => decodeValue(JSON.parse(JSON.stringify(encodeValue(v))));

describe('hand-over codec', () => {
  it('writes typed arrays as standard base64 and reads them back', () => {
    for (const n of [0, 1, 2, 3, 4, 5, 100, 65537]) {
      const a = new Uint8Array(n).map((_, i) => (i * 131 + 7) & 255);
      expect((encodeValue(a) as { b64: string }).b64, `n=${n}`).toBe(Buffer.from(a).toString('base64'));
      expect(Buffer.from(roundTrip(a) as Uint8Array).equals(Buffer.from(a)), `n=${n}`).toBe(true);
    }
    const f = Float64Array.of(1.5, Number.NaN, -0, 1e300);
    const back = roundTrip(f) as Float64Array;
    expect(back).toBeInstanceOf(Float64Array);
    expect([...back]).toEqual([1.5, Number.NaN, -0, 1e300]);
    const u = Uint32Array.of(0, 4294967295, 7).subarray(1); // a view at an offset
    expect([...(roundTrip(u) as Uint32Array)]).toEqual([4294967295, 7]);
  });

  it('keeps NaN, infinities, undefined and key order; log text as keys stays off Object.prototype', () => {
    const v = { b: Number.NaN, a: [Number.POSITIVE_INFINITY, undefined, null], c: { __proto__x: 1 }, u: undefined };
    const back = roundTrip(v) as Record<string, unknown>;
    expect(Object.keys(back)).toEqual(['b', 'a', 'c', 'u']);
    expect(back.b).toBeNaN();
    expect(back.a).toEqual([Number.POSITIVE_INFINITY, undefined, null]);
    expect('u' in back && back.u === undefined).toBe(true);
    const hostile = decodeValue(JSON.parse('{"__proto__":{"polluted":1}}')) as Record<string, unknown>;
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf(hostile)).toBeNull();
    expect(JSON.stringify(encodeValue(hostile))).toBe('{"__proto__":{"polluted":1}}');
    expect(JSON.stringify(encodeValue(roundTrip(v)))).toBe(JSON.stringify(encodeValue(v)));
  });

  it('refuses what a case never holds', () => {
    expect(() => encodeValue(new Map())).toThrow(/cannot write a Map/);
    expect(() => encodeValue({ f: () => 1 })).toThrow(/cannot write/);
    expect(() => decodeValue({ $ld: 'Evil' })).toThrow(/unknown value tag/);
  });
});
