// Which container a byte stream is, from its first bytes (magic numbers), not from its name.
// References: zip local header 'PK\3\4' (APPNOTE 4.3.7), empty zip 'PK\5\6' (4.3.16), spanned-zip
// marker 'PK\7\8' (8.5.3); gzip ID1 ID2 = 1f 8b (RFC 1952 2.3.1); tar 'ustar' at offset 257
// (POSIX ustar; GNU writes 'ustar  \0'), old v7 tars have no magic and are known by a valid checksum.
//
// Example: detectContainer(bytesOf('PK\x03\x04...'), 'report.bin') === 'zip'

export type ContainerKind = 'zip' | 'gzip' | 'tar' | 'none';

/** Bytes the detector wants to see (a whole tar header). */
export const SNIFF_BYTES = 512;

export function detectContainer(head: Uint8Array, name: string): ContainerKind {
  if (head.length >= 4 && head[0] === 0x50 && head[1] === 0x4b) {
    const a = head[2];
    const b = head[3];
    if ((a === 3 && b === 4) || (a === 5 && b === 6) || (a === 7 && b === 8)) return 'zip';
  }
  if (head.length >= 3 && head[0] === 0x1f && head[1] === 0x8b) return 'gzip';
  if (head.length >= 512) {
    const magic = String.fromCharCode(...head.subarray(257, 262));
    if (magic === 'ustar' && tarChecksumOk(head)) return 'tar';
    // Why the name test: without magic, only a valid checksum says "tar"; ask for the extension too
    // so that a log that happens to checksum never gets opened as an archive.
    if (/\.tar$/i.test(name) && (tarChecksumOk(head) || isZero(head.subarray(0, 512)))) return 'tar'; // zeros: an empty tar
  }
  return 'none';
}

function isZero(b: Uint8Array): boolean {
  return b.every((x) => x === 0);
}

/** POSIX: the checksum is the sum of the header's bytes with the checksum field read as spaces. */
export function tarChecksumOk(header: Uint8Array): boolean {
  let text = '';
  for (let i = 148; i < 156; i++) text += String.fromCharCode(header[i]);
  const stored = parseInt(text.replace(/[\0 ]+$/g, '').trim(), 8);
  if (!Number.isFinite(stored)) return false;
  let unsigned = 0;
  let signed = 0;
  for (let i = 0; i < 512; i++) {
    const b = i >= 148 && i < 156 ? 0x20 : header[i];
    unsigned += b;
    signed += b > 127 ? b - 256 : b; // some old tars summed signed chars
  }
  return stored === unsigned || stored === signed;
}
