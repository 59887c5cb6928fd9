// MAC addresses in the notations logs use: 00:16:3e:5e:6c:00 (Linux, most firewalls), 00-16-3E-5E-6C-00
// (Windows), 0016.3e5e.6c00 (Cisco), 00163E5E6C00 (Windows DHCP audit log). One key per address, so a query
// in any notation finds the value in any other (issue 12 "Equivalent values compare equal").

const SEPARATED = /^([0-9A-Fa-f]{1,2})([:-])([0-9A-Fa-f]{1,2})\2([0-9A-Fa-f]{1,2})\2([0-9A-Fa-f]{1,2})\2([0-9A-Fa-f]{1,2})\2([0-9A-Fa-f]{1,2})$/;
const DOTTED = /^([0-9A-Fa-f]{4})\.([0-9A-Fa-f]{4})\.([0-9A-Fa-f]{4})$/;
const BARE = /^[0-9A-Fa-f]{12}$/;

/** The address as 12 lower-case hex digits, or undefined when the text is no MAC address. */
export function macKey(text: string): string | undefined {
  const n = text.length;
  if (n < 12 || n > 17) return undefined;
  if (n === 12) return BARE.test(text) ? text.toLowerCase() : undefined;
  const s = SEPARATED.exec(text);
  if (s !== null) return [s[1], s[3], s[4], s[5], s[6], s[7]].map((b) => b.padStart(2, '0')).join('').toLowerCase();
  const d = DOTTED.exec(text);
  return d === null ? undefined : (d[1] + d[2] + d[3]).toLowerCase();
}
