// A short identity for some texts (cache keys: "are these the inputs the stored result was computed from?"):
// two FNV-1a hashes with different offsets, 64 bits in hex. Not a checksum against tampering (SHA-256 is).
export function textHash(parts: Iterable<string>): string {
  let a = 0x811c9dc5, b = 0x9e3779b9;
  for (const t of parts) {
    for (let i = 0; i < t.length; i++) {
      const c = t.charCodeAt(i);
      a = Math.imul(a ^ c, 0x01000193) >>> 0;
      b = Math.imul(b ^ c, 0x01000193) >>> 0;
    }
    // a separator, so ['ab', 'c'] and ['a', 'bc'] differ
    a = Math.imul(a ^ 0x1f, 0x01000193) >>> 0;
    b = Math.imul(b ^ 0x1e, 0x01000193) >>> 0;
  }
  return a.toString(16).padStart(8, '0') + b.toString(16).padStart(8, '0');
}
