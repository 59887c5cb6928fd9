// One spelling per address, so a list entry, a cache entry and a log value meet: IPv4 as written
// (ipv4Value refuses leading zeros), IPv6 in RFC 5952 form (lower case, longest zero run as ::),
// IPv4-mapped IPv6 as the IPv4 address. Text that is no address gives undefined.
import { ipv4Value, ipv6ToGroups } from '../../../core/ip.ts';

export function canonicalIp(text: string): string | undefined {
  const s = text.trim();
  const v4 = ipv4Value(s);
  if (v4 >= 0) return s;
  const g = ipv6ToGroups(s);
  if (g === null || g.length !== 8) return undefined;
  if (g.slice(0, 5).every((x) => x === 0) && g[5] === 0xffff) return `${g[6] >>> 8}.${g[6] & 255}.${g[7] >>> 8}.${g[7] & 255}`;
  // the longest run of two or more zero groups becomes :: (the first one on a tie)
  let best = -1, bestLen = 1;
  for (let i = 0; i < 8;) {
    if (g[i] !== 0) { i++; continue; }
    let j = i;
    while (j < 8 && g[j] === 0) j++;
    if (j - i > bestLen) { best = i; bestLen = j - i; }
    i = j;
  }
  const hex = g.map((x) => x.toString(16));
  if (best < 0) return hex.join(':');
  return `${hex.slice(0, best).join(':')}::${hex.slice(best + bestLen).join(':')}`;
}
