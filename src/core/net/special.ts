// Special-purpose address ranges (IANA IPv4/IPv6 Special-Purpose Address Registries, RFC 6890 and its
// updates): such an address is labelled, never looked up in GeoIP data and never sent to any service.
// Example: specialLabel('10.1.2.3') === 'private'; specialLabel('8.8.8.8') === undefined.
import { ipv4Value, ipv6ToGroups } from '../ip.ts';

export type SpecialLabel =
  | 'private' | 'loopback' | 'link-local' | 'cgnat' | 'documentation' | 'multicast' | 'unspecified'
  | 'benchmarking' | 'reserved' | 'broadcast' | 'this-network';

// [first address, prefix bits, label]; checked in order, so narrower ranges come before the ones holding them
const V4: readonly [string, number, SpecialLabel][] = [
  ['0.0.0.0', 32, 'unspecified'],
  ['0.0.0.0', 8, 'this-network'],
  ['10.0.0.0', 8, 'private'],
  ['100.64.0.0', 10, 'cgnat'],
  ['127.0.0.0', 8, 'loopback'],
  ['169.254.0.0', 16, 'link-local'],
  ['172.16.0.0', 12, 'private'],
  ['192.0.0.0', 24, 'reserved'],
  ['192.0.2.0', 24, 'documentation'],
  ['192.88.99.0', 24, 'reserved'],
  ['192.168.0.0', 16, 'private'],
  ['198.18.0.0', 15, 'benchmarking'],
  ['198.51.100.0', 24, 'documentation'],
  ['203.0.113.0', 24, 'documentation'],
  ['224.0.0.0', 4, 'multicast'],
  ['255.255.255.255', 32, 'broadcast'],
  ['240.0.0.0', 4, 'reserved'],
];

const V4_TABLE = V4.map(([base, bits, label]) => {
  const mask = bits === 0 ? 0 : (~0 << (32 - bits)) >>> 0;
  return { net: (ipv4Value(base) & mask) >>> 0, mask, label };
});

/** The label of a special IPv4 address given as its 32-bit value, or undefined for a global address. */
export function specialLabelV4(n: number): SpecialLabel | undefined {
  for (const r of V4_TABLE) if (((n & r.mask) >>> 0) === r.net) return r.label;
  return undefined;
}

/** The label of a special IPv6 address given as its eight 16-bit groups. */
export function specialLabelV6(g: readonly number[]): SpecialLabel | undefined {
  const zeroTo = (k: number) => g.slice(0, k).every((x) => x === 0);
  if (zeroTo(8)) return 'unspecified';
  if (zeroTo(7) && g[7] === 1) return 'loopback';
  // IPv4-mapped (::ffff:a.b.c.d): the IPv4 address decides
  if (zeroTo(5) && g[5] === 0xffff) return specialLabelV4((g[6] * 65536 + g[7]) >>> 0);
  if ((g[0] & 0xfe00) === 0xfc00) return 'private'; // fc00::/7 unique local
  if ((g[0] & 0xffc0) === 0xfe80) return 'link-local';
  if ((g[0] & 0xff00) === 0xff00) return 'multicast';
  if (g[0] === 0x2001 && g[1] === 0x0db8) return 'documentation';
  if (g[0] === 0x3fff && (g[1] & 0xf000) === 0) return 'documentation'; // 3fff::/20 (RFC 9637)
  if (g[0] === 0x2001 && g[1] === 0x0002 && g[2] === 0) return 'benchmarking'; // 2001:2::/48
  if (g[0] === 0x0100 && zeroTo(4)) return 'reserved'; // 100::/64 discard-only
  if (g[0] === 0x0064 && g[1] === 0xff9b) return 'reserved'; // NAT64 64:ff9b::/96 and /48
  if (zeroTo(6)) return 'reserved'; // deprecated IPv4-compatible ::a.b.c.d
  return undefined;
}

/** The special-range label of an address, undefined for a global one or for text that is no address. */
export function specialLabel(ip: string): SpecialLabel | undefined {
  const v4 = ipv4Value(ip);
  if (v4 >= 0) return specialLabelV4(v4);
  const g = ipv6ToGroups(ip);
  return g === null ? undefined : specialLabelV6(g);
}

/** Private, loopback, link-local, CGNAT, multicast, documentation and other reserved ranges: never sent to a service. */
export function isPrivateOrReserved(ip: string): boolean {
  const v4 = ipv4Value(ip);
  if (v4 >= 0) return specialLabelV4(v4) !== undefined;
  const g = ipv6ToGroups(ip);
  // text that is no address is never sent anywhere either
  return g === null || specialLabelV6(g) !== undefined;
}
