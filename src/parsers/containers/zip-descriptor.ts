// The zip data descriptor: crc and sizes written after an entry's data when the writer streamed it.
// Reference: PKWARE APPNOTE.TXT https://pkware.cachefly.net/webdocs/casestudies/APPNOTE.TXT
// 4.3.9 (optional signature 50 4b 07 08, crc-32, compressed size, uncompressed size; 8-byte sizes
// when the entry has a zip64 extra), 4.4.4 bit 3.
//
// Example after the data: 50 4b 07 08 | crc 4 | csize 4 | usize 4 | 50 4b 03 04 (the next entry)
//
// Why scan: with bit 3 the local header says nothing about where the data ends. A descriptor is
// accepted only where its compressed size equals the bytes seen so far and a zip record follows,
// so PK bytes inside the data (a stored nested zip, say) are never taken for the end.

import type { ByteReader } from './byte-reader.ts';

export interface Descriptor {
  crc: number;
  csize: number;
  usize: number;
}

const u32 = (b: Uint8Array, o: number) => (b[o] | (b[o + 1] << 8) | (b[o + 2] << 16) | (b[o + 3] << 24)) >>> 0;
const u64 = (b: Uint8Array, o: number) => u32(b, o) + u32(b, o + 4) * 2 ** 32;
const WINDOW = 64 * 1024;

function parse(b: Uint8Array, o: number, zip64: boolean): Descriptor {
  return zip64
    ? { crc: u32(b, o), csize: u64(b, o + 4), usize: u64(b, o + 12) }
    : { crc: u32(b, o), csize: u32(b, o + 4), usize: u32(b, o + 8) };
}

/** Reads a descriptor right where the reader stands; null if the archive ends first. */
export async function readDataDescriptor(r: ByteReader, zip64: boolean): Promise<Descriptor | null> {
  const body = zip64 ? 20 : 12;
  if (!(await r.fill(4))) return null;
  if (u32(r.peek(4), 0) === 0x08074b50) r.take(4);
  if (!(await r.fill(body))) return null;
  return parse(r.take(body), 0, zip64);
}

/** Finds where the data of a bit-3 entry ends, handing out the data in pieces on the way. */
export class DescriptorScanner {
  private seen = 0;

  constructor(
    private readonly r: ByteReader,
    private readonly zip64: boolean,
  ) {}

  /** a piece of data, the descriptor (consumed; the data is over), or 'truncated' */
  async next(): Promise<Uint8Array | Descriptor | 'truncated'> {
    const r = this.r;
    const body = this.zip64 ? 20 : 12;
    const eof = !(await r.fill(WINDOW));
    const avail = Math.min(r.available, WINDOW); // a fixed window: the same pieces whatever the source's chunks
    if (avail === 0) return 'truncated';
    const buf = r.peek(avail);
    const sizeOk = (o: number, p: number) => {
      const csize = this.zip64 ? u64(buf, o) : u32(buf, o);
      return csize === (this.zip64 ? this.seen + p : (this.seen + p) % 2 ** 32);
    };
    const recordAt = (q: number) =>
      buf[q] === 0x50 && buf[q + 1] === 0x4b && ((buf[q + 2] === 3 && buf[q + 3] === 4) || (buf[q + 2] === 1 && buf[q + 3] === 2) || (buf[q + 2] === 5 && buf[q + 3] === 6));
    let safe = eof ? avail : avail - (body + 8); // bytes that cannot hold the start of a descriptor
    for (let q = buf.indexOf(0x50); q >= 0 && q < safe + body + 4; q = buf.indexOf(0x50, q + 1)) {
      if (buf[q + 1] !== 0x4b) continue;
      // With signature: PK 07 08 crc csize usize, then the next record (or the end of the file).
      if (buf[q + 2] === 7 && buf[q + 3] === 8 && q + 4 + body <= avail && sizeOk(q + 8, q)) {
        const next = q + 4 + body;
        if ((next + 4 <= avail && recordAt(next)) || (eof && next + 4 > avail)) return this.found(q, 4 + body);
      }
      // Without signature: crc csize usize directly before the next record.
      const p = q - body;
      if (recordAt(q) && p >= 0 && sizeOk(p + 4, p)) return this.found(p, body);
    }
    if (eof && safe === avail) {
      if (avail > 0) return this.hand(avail); // what remains is data, then the archive is cut
      return 'truncated';
    }
    safe = Math.max(safe, 1);
    return this.hand(safe);
  }

  private hand(n: number): Uint8Array {
    this.seen += n;
    return this.r.take(n);
  }

  private found(at: number, length: number): Uint8Array | Descriptor {
    if (at > 0) return this.hand(at); // the data before it first; found again at 0 next time
    const d = this.r.take(length);
    return parse(d, length - (this.zip64 ? 20 : 12), this.zip64);
  }
}
