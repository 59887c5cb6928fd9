// CRC-32 (IEEE 802.3, reflected polynomial 0xEDB88320): the checksum of EVTX headers and records, zip
// entries and gzip trailers.
// References: https://github.com/libyal/libevtx/blob/main/documentation/Windows%20XML%20Event%20Log%20(EVTX).asciidoc
// ("Checksum: CRC-32 of the first 120 bytes of the file header"); PKWARE APPNOTE 4.4.7; RFC 1952 section 8.
// Example: crc32 of "123456789" = 0xCBF43926.

const TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

// "Slicing by 4": four tables let the loop take 4 bytes per step (every EVTX chunk and zip entry is checksummed).
const T4 = (() => {
  const t = new Int32Array(1024);
  for (let n = 0; n < 256; n++) t[n] = TABLE[n];
  for (let k = 1; k < 4; k++) for (let n = 0; n < 256; n++) t[256 * k + n] = (t[256 * (k - 1) + n] >>> 8) ^ t[t[256 * (k - 1) + n] & 0xff];
  return t;
})();

/** Continues a CRC over bytes[start, end); pass the previous result as `crc` to checksum disjoint ranges. */
export function crc32(bytes: Uint8Array, start = 0, end = bytes.length, crc = 0): number {
  let c = ~crc;
  let i = start;
  for (; i + 4 <= end; i += 4) {
    c ^= bytes[i] | (bytes[i + 1] << 8) | (bytes[i + 2] << 16) | (bytes[i + 3] << 24);
    c = T4[768 + (c & 0xff)] ^ T4[512 + ((c >>> 8) & 0xff)] ^ T4[256 + ((c >>> 16) & 0xff)] ^ T4[c >>> 24];
  }
  for (; i < end; i++) c = TABLE[(c ^ bytes[i]) & 0xff] ^ (c >>> 8);
  return ~c >>> 0;
}

/** Continues a CRC over all of `bytes`; start with 0 (the streaming form zip and gzip readers use). */
export function crc32Update(crc: number, bytes: Uint8Array): number {
  return crc32(bytes, 0, bytes.length, crc);
}
