// The zip local file header (the record in front of each member's data).
// Reference: PKWARE APPNOTE.TXT https://pkware.cachefly.net/webdocs/casestudies/APPNOTE.TXT
// 4.3.7 (layout), 4.4.4 (flags: bit 0 encrypted, bit 3 data descriptor, bit 11 UTF-8 name),
// 4.4.6 (MS-DOS date/time), 4.5.3 (zip64 extra 0x0001), Appendix D (names default to IBM CP437),
// Info-ZIP extended timestamp 0x5455 (extrafld.txt: flags byte, then unix mtime seconds).
//
// Example: 50 4b 03 04 14 00 08 08 08 00 | 7a 4a 2e 51 | 00.. | 10 00 00 00 "var/log/auth.log"

import { err, ok, type Result } from '../../core/result.ts';
import type { ByteReader } from './byte-reader.ts';

export interface LocalHeader {
  flags: number;
  method: number;
  crc: number;
  csize: number;
  usize: number;
  /** the name as written (decoded, not cleaned) */
  name: string;
  /** epoch ms, undefined when the header holds no valid date */
  mtime: number | undefined;
  /** a zip64 extra is present: a trailing data descriptor then carries 8-byte sizes (4.3.9.2) */
  zip64: boolean;
}

const u16 = (b: Uint8Array, o: number) => b[o] | (b[o + 1] << 8);
const u32 = (b: Uint8Array, o: number) => (b[o] | (b[o + 1] << 8) | (b[o + 2] << 16) | (b[o + 3] << 24)) >>> 0;
const u64 = (b: Uint8Array, o: number) => u32(b, o) + u32(b, o + 4) * 2 ** 32;

// IBM code page 437, bytes 0x80-0xFF (APPNOTE Appendix D): what names without the UTF-8 flag mean.
const CP437_HIGH =
  'ÇüéâäàåçêëèïîìÄÅÉæÆôöòûùÿÖÜ¢£¥₧ƒáíóúñÑªº¿⌐¬½¼¡«»░▒▓│┤╡╢╖╕╣║╗╝╜╛┐└┴┬├─┼╞╟╚╔╩╦╠═╬╧╨╤╥╙╘╒╓╫╪┘┌█▄▌▐▀αßΓπΣσµτΦΘΩδ∞φε∩≡±≥≤⌠⌡÷≈°∙·√ⁿ²■\u00a0';

const utf8 = new TextDecoder('utf-8', { fatal: true });

function decodeName(bytes: Uint8Array, utf8Flag: boolean): string {
  try {
    // Why try UTF-8 without the flag too: many tools (macOS, 7-Zip, Python) write UTF-8 and omit it.
    return utf8.decode(bytes);
  } catch {
    if (utf8Flag) return new TextDecoder('utf-8').decode(bytes);
    let s = '';
    for (const b of bytes) s += b < 0x80 ? String.fromCharCode(b) : CP437_HIGH[b - 0x80];
    return s;
  }
}

/**
 * MS-DOS date and time carry no zone; they are read as UTC so that the result does not depend on the
 * machine running the ingest (`unzip -l` shows the same clock reading).
 */
function dosTime(date: number, time: number): number | undefined {
  const day = date & 31;
  const month = (date >> 5) & 15;
  if (day === 0 || month === 0 || month > 12) return undefined;
  return Date.UTC((date >> 9) + 1980, month - 1, day, time >> 11, (time >> 5) & 63, (time & 31) * 2);
}

/** Reads a local header; the reader must stand on its signature. */
export async function parseLocalHeader(r: ByteReader): Promise<Result<LocalHeader>> {
  if (!(await r.fill(30))) return err('archive truncated inside an entry header');
  const b = r.take(30);
  const nameLen = u16(b, 26);
  const extraLen = u16(b, 28);
  if (!(await r.fill(nameLen + extraLen))) return err('archive truncated inside an entry header');
  const flags = u16(b, 6);
  const name = decodeName(r.take(nameLen), (flags & 0x800) !== 0);
  const extra = r.take(extraLen);
  const h: LocalHeader = {
    flags,
    method: u16(b, 8),
    crc: u32(b, 14),
    csize: u32(b, 18),
    usize: u32(b, 22),
    name,
    mtime: dosTime(u16(b, 12), u16(b, 10)),
    zip64: false,
  };
  for (let o = 0; o + 4 <= extra.length; ) {
    const id = u16(extra, o);
    const size = u16(extra, o + 2);
    const data = extra.subarray(o + 4, Math.min(extra.length, o + 4 + size));
    if (id === 0x0001) {
      h.zip64 = true;
      // Only the fields whose 32-bit value is 0xFFFFFFFF are present, in this order (4.5.3).
      let p = 0;
      if (h.usize === 0xffffffff && p + 8 <= data.length) {
        h.usize = u64(data, p);
        p += 8;
      }
      if (h.csize === 0xffffffff && p + 8 <= data.length) h.csize = u64(data, p);
    } else if (id === 0x5455 && data.length >= 5 && data[0] & 1) {
      h.mtime = u32(data, 1) * 1000;
    }
    o += 4 + size;
  }
  return ok(h);
}
