// Test inputs in UTF-16 (Windows exports), shared by the charset and line tests and the hostile fixtures.

/** `s` as UTF-16 code units, little- or big-endian, without a BOM. */
export function utf16(s: string, littleEndian: boolean): Uint8Array {
  const out = new Uint8Array(s.length * 2);
  for (let i = 0; i < s.length; i++) {
    const u = s.charCodeAt(i);
    out[2 * i + (littleEndian ? 0 : 1)] = u & 0xff;
    out[2 * i + (littleEndian ? 1 : 0)] = u >> 8;
  }
  return out;
}
