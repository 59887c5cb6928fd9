// IP values in queries: `10.0.0.0/8`, `2001:db8::/32` (CIDR) and single addresses, which match the
// same address however it is written (2001:DB8::1 = 2001:db8:0:0:0:0:0:1).
import { ipv4ToInt, ipv4Value, ipv6ToGroups, isIPv4, isIPv6 } from '../../core/ip.ts';

/** A test for dict values, or undefined when the text is no IP or CIDR. */
export function ipMatcher(text: string): ((value: string) => boolean) | undefined {
  const slash = text.indexOf('/');
  const addr = slash >= 0 ? text.slice(0, slash) : text;
  const bitsText = slash >= 0 ? text.slice(slash + 1) : undefined;
  if (bitsText !== undefined && !/^\d{1,3}$/.test(bitsText)) return undefined;
  if (isIPv4(addr)) {
    const bits = bitsText === undefined ? 32 : Number(bitsText);
    if (bits > 32) return undefined;
    const mask = bits === 0 ? 0 : (~0 << (32 - bits)) >>> 0;
    const base = (ipv4ToInt(addr) & mask) >>> 0;
    return (v) => {
      const n = ipv4Value(v);
      return n >= 0 && ((n & mask) >>> 0) === base;
    };
  }
  if (isIPv6(addr)) {
    const bits = bitsText === undefined ? 128 : Number(bitsText);
    const groups = ipv6ToGroups(addr);
    if (bits > 128 || groups === null) return undefined;
    return (v) => {
      if (!v.includes(':')) return false;
      const g = ipv6ToGroups(v);
      return g !== null && prefixEqual(groups, g, bits);
    };
  }
  return undefined;
}

function prefixEqual(a: number[], b: number[], bits: number): boolean {
  for (let i = 0; i < 8 && bits > 0; i++, bits -= 16) {
    const mask = bits >= 16 ? 0xffff : (0xffff << (16 - bits)) & 0xffff;
    if ((a[i] & mask) !== (b[i] & mask)) return false;
  }
  return true;
}
