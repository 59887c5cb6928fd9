// IP helpers shared by parsers, enrichment and the query language.

/**
 * The dotted-quad IPv4 address as an unsigned 32-bit number, or -1 when `s` is not one. A char-code loop
 * without allocation: queries test every distinct address of a case (hundreds of thousands) against a CIDR.
 */
export function ipv4Value(s: string): number {
  const n = s.length;
  if (n < 7 || n > 15) return -1;
  let value = 0, octet = 0, digits = 0, dots = 0;
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c === 46) {
      if (digits === 0 || dots === 3) return -1;
      value = value * 256 + octet;
      octet = 0;
      digits = 0;
      dots++;
    } else if (c >= 48 && c <= 57) {
      if (digits > 0 && octet === 0) return -1; // no leading zeros ("010" is ambiguous: octal to some tools)
      octet = octet * 10 + (c - 48);
      if (++digits > 3 || octet > 255) return -1;
    } else {
      return -1;
    }
  }
  if (dots !== 3 || digits === 0) return -1;
  return value * 256 + octet;
}

export function isIPv4(s: string): boolean {
  return ipv4Value(s) >= 0;
}

/** Loose IPv6 check: hex groups and colons, at most one '::', optional embedded IPv4 tail. */
export function isIPv6(s: string): boolean {
  if (s.length < 2 || s.length > 45 || !s.includes(':')) return false;
  const zone = s.indexOf('%');
  const addr = zone >= 0 ? s.slice(0, zone) : s;
  if ((addr.match(/::/g) ?? []).length > 1) return false;
  const parts = addr.split(':');
  const last = parts[parts.length - 1];
  const hasV4 = last.includes('.');
  if (hasV4 && !isIPv4(last)) return false;
  const groups = hasV4 ? parts.slice(0, -1) : parts;
  const max = hasV4 ? 6 : 8;
  if (!addr.includes('::') && groups.length !== max) return false;
  if (groups.length > max + 1) return false;
  return groups.every((g) => g === '' || /^[0-9a-fA-F]{1,4}$/.test(g));
}

export function isIP(s: string): boolean {
  return isIPv4(s) || isIPv6(s);
}

/** Unsigned 32-bit value of a dotted quad the caller knows is valid (see ipv4Value for untrusted text). */
export function ipv4ToInt(s: string): number {
  return ipv4Value(s);
}

/** Expands an IPv6 address to 8 16-bit groups (embedded IPv4 folded into the last two). */
export function ipv6ToGroups(s: string): number[] | null {
  if (!isIPv6(s)) return null;
  let addr = s.split('%')[0];
  const tail: number[] = [];
  const lastColon = addr.lastIndexOf(':');
  const last = addr.slice(lastColon + 1);
  if (last.includes('.')) {
    const v = ipv4ToInt(last);
    tail.push(v >>> 16, v & 0xffff);
    addr = addr.slice(0, lastColon + 1) + '0';
    addr = addr.endsWith(':0') && tail.length ? addr.slice(0, -2) : addr;
  }
  const [head, rest] = addr.includes('::') ? addr.split('::') : [addr, undefined];
  const h = head ? head.split(':').filter((x) => x !== '').map((x) => parseInt(x, 16)) : [];
  const r = rest !== undefined && rest !== '' ? rest.split(':').filter((x) => x !== '').map((x) => parseInt(x, 16)) : [];
  const fill = 8 - tail.length - h.length - r.length;
  if (fill < 0 || (rest === undefined && fill !== 0)) return null;
  return [...h, ...new Array<number>(fill).fill(0), ...r, ...tail];
}
