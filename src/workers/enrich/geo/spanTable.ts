// Builds a RangeTable in memory from ranges a user supplied (first/last addresses or CIDR networks):
// overlaps resolved like the built-in data (the inner range wins), IPv6 bounds split into 32-bit words.
import { flatten, type Span } from './flatten.ts';
import type { DecodedRanges } from './rangeCodec.ts';
import { RangeTable, ipKey } from './rangeTable.ts';

export interface UserRange { first: string; last: string; record: number }

/** An address as a bigint and its family, or undefined for text that is no address. */
export function ipBig(ip: string): { v: 4 | 6; n: bigint } | undefined {
  const k = ipKey(ip);
  if (k === undefined) return undefined;
  if (k.v === 4) return { v: 4, n: BigInt(k.n) };
  let n = 0n;
  for (let i = 0; i < 4; i++) n = (n << 32n) | BigInt(k.w[i]);
  return { v: 6, n };
}

/** "10.0.0.0/8" -> its first and last address, or undefined when malformed. */
export function cidrBounds(cidr: string): { v: 4 | 6; first: bigint; last: bigint } | undefined {
  const slash = cidr.indexOf('/');
  if (slash < 0) return undefined;
  const base = ipBig(cidr.slice(0, slash).trim());
  const bitsText = cidr.slice(slash + 1).trim();
  if (base === undefined || !/^\d{1,3}$/.test(bitsText)) return undefined;
  const width = base.v === 4 ? 32n : 128n;
  const bits = BigInt(Number(bitsText));
  if (bits > width) return undefined;
  const hostMask = (1n << (width - bits)) - 1n;
  const first = base.n & ~hostMask;
  return { v: base.v, first, last: first | hostMask };
}

export function spanTable(columns: string[], records: string[][], v4: Span[], v6: Span[]): RangeTable {
  const f4 = flatten(v4), f6 = flatten(v6);
  const d: DecodedRanges = {
    columns, records,
    v4First: Uint32Array.from(f4, (s) => Number(s.first)),
    v4Last: Uint32Array.from(f4, (s) => Number(s.last)),
    v4Record: Uint32Array.from(f4, (s) => s.record),
    v6First: new Uint32Array(4 * f6.length),
    v6Last: new Uint32Array(4 * f6.length),
    v6Record: Uint32Array.from(f6, (s) => s.record),
  };
  f6.forEach((s, i) => {
    for (let k = 0; k < 4; k++) {
      const shift = BigInt(96 - 32 * k);
      d.v6First[4 * i + k] = Number((s.first >> shift) & 0xffffffffn);
      d.v6Last[4 * i + k] = Number((s.last >> shift) & 0xffffffffn);
    }
  });
  return new RangeTable(d);
}
