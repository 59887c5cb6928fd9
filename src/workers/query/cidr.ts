// IP values in queries: `10.0.0.0/8`, `2001:db8::/32` (CIDR) and single addresses, which match the
// same address however it is written (2001:DB8::1 = 2001:db8:0:0:0:0:0:1). Matching runs through
// dictLookup.ts (a probe or a binary search per term); this file only reads the term.
import { ipv4ToInt, ipv6ToGroups, isIPv4, isIPv6 } from '../../core/ip.ts';

export type IpTerm = { v: 4; lo: number; hi: number } | { v: 6; groups: number[]; bits: number };

/** The address range a query value names, or undefined when the text is no IP or CIDR. */
export function parseIpTerm(text: string): IpTerm | undefined {
  const slash = text.indexOf('/');
  const addr = slash >= 0 ? text.slice(0, slash) : text;
  const bitsText = slash >= 0 ? text.slice(slash + 1) : undefined;
  if (bitsText !== undefined && !/^\d{1,3}$/.test(bitsText)) return undefined;
  if (isIPv4(addr)) {
    const bits = bitsText === undefined ? 32 : Number(bitsText);
    if (bits > 32) return undefined;
    const mask = bits === 0 ? 0 : (~0 << (32 - bits)) >>> 0;
    const lo = (ipv4ToInt(addr) & mask) >>> 0;
    return { v: 4, lo, hi: lo + 2 ** (32 - bits) - 1 };
  }
  if (isIPv6(addr)) {
    const bits = bitsText === undefined ? 128 : Number(bitsText);
    const groups = ipv6ToGroups(addr);
    if (bits > 128 || groups === null) return undefined;
    return { v: 6, groups, bits };
  }
  return undefined;
}
