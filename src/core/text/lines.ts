// Chunk-safe line framing with byte offsets (DESIGN "decode" and "frame").
// UTF-8: bytes are cut at the last LF of each read and decoded in bulk; a multi-byte character never
// contains 0x0A, so a cut there is always on a character boundary and lines split across reads are joined.
// Byte offsets come from the LF positions in the bytes themselves, so invalid sequences (decoded to U+FFFD)
// do not shift them. UTF-16: decoded with a streaming decoder; offsets are 2 bytes per code unit.
// CR before LF is dropped; a lone CR is kept (it is content).
import { concatBytes } from '../bytes.ts';

export type OnLine = (text: string, line: number, offset: number) => void;

export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be';

export interface LineSplitter {
  push(bytes: Uint8Array, onLine: OnLine): void;
  /** flushes the last line (a file need not end with a newline) */
  end(onLine: OnLine): void;
}

export function createLineSplitter(encoding: TextEncodingName, bomLength: number): LineSplitter {
  return encoding === 'utf-8' ? new Utf8Lines(bomLength) : new Utf16Lines(encoding, bomLength);
}

class Utf8Lines implements LineSplitter {
  private readonly decoder = new TextDecoder('utf-8');
  /** bytes after the last LF so far, kept as parts so a 10 MB line is not re-copied at every read */
  private carry: Uint8Array[] = [];
  /** file offset of carry[0] */
  private base: number;
  private lineNo = 0;
  private skip: number;

  constructor(bomLength: number) {
    this.base = 0;
    this.skip = bomLength;
  }

  push(bytes: Uint8Array, onLine: OnLine): void {
    if (this.skip > 0) {
      // the BOM is not part of the first line (it may arrive split across tiny chunks)
      const n = Math.min(this.skip, bytes.length);
      bytes = bytes.subarray(n);
      this.base += n;
      this.skip -= n;
    }
    const lastLf = bytes.lastIndexOf(10);
    if (lastLf < 0) {
      if (bytes.length > 0) this.carry.push(bytes.slice());
      return;
    }
    let from = 0;
    if (this.carry.length > 0) {
      // only the line cut by the previous read is copied together; the rest is decoded where it lies
      // (copying every whole read to put the short carry in front cost ~5% of an auth.log ingest worker)
      from = bytes.indexOf(10) + 1;
      this.emitBlock(concatBytes([...this.carry, bytes.subarray(0, from)]), onLine);
    }
    if (from <= lastLf) this.emitBlock(bytes.subarray(from, lastLf + 1), onLine);
    this.carry = lastLf + 1 < bytes.length ? [bytes.slice(lastLf + 1)] : [];
  }

  end(onLine: OnLine): void {
    if (this.carry.length > 0) {
      const rest = concatBytes(this.carry);
      onLine(stripCr(this.decoder.decode(rest)), ++this.lineNo, this.base);
      this.base += rest.length;
      this.carry = [];
    }
  }

  /** block ends with LF */
  private emitBlock(block: Uint8Array, onLine: OnLine): void {
    const text = this.decoder.decode(block);
    let start = 0;
    if (text.length === block.length) {
      // pure ASCII: character positions are byte positions
      for (let nl = text.indexOf('\n'); nl >= 0; nl = text.indexOf('\n', start)) {
        const end = nl > start && text.charCodeAt(nl - 1) === 13 ? nl - 1 : nl;
        onLine(text.slice(start, end), ++this.lineNo, this.base + start);
        start = nl + 1;
      }
    } else {
      let byteStart = 0;
      for (let nl = text.indexOf('\n'); nl >= 0; nl = text.indexOf('\n', start)) {
        const end = nl > start && text.charCodeAt(nl - 1) === 13 ? nl - 1 : nl;
        onLine(text.slice(start, end), ++this.lineNo, this.base + byteStart);
        start = nl + 1;
        byteStart = block.indexOf(10, byteStart) + 1;
      }
    }
    this.base += block.length;
  }
}

class Utf16Lines implements LineSplitter {
  private readonly decoder: TextDecoder;
  private pending = '';
  /** file offset of pending[0] */
  private base: number;
  private lineNo = 0;

  constructor(encoding: 'utf-16le' | 'utf-16be', bomLength: number) {
    // ignoreBOM: false would eat the BOM itself; we skip it by offset instead so positions stay exact
    this.decoder = new TextDecoder(encoding, { ignoreBOM: true });
    this.base = 0;
    this.skipChars = bomLength / 2;
  }

  private skipChars: number;

  push(bytes: Uint8Array, onLine: OnLine): void {
    let text = this.decoder.decode(bytes, { stream: true });
    if (this.skipChars > 0) {
      const n = Math.min(this.skipChars, text.length);
      text = text.slice(n);
      this.skipChars -= n;
      this.base += n * 2;
    }
    const all = this.pending + text;
    let start = 0;
    for (let nl = all.indexOf('\n'); nl >= 0; nl = all.indexOf('\n', start)) {
      const end = nl > start && all.charCodeAt(nl - 1) === 13 ? nl - 1 : nl;
      onLine(all.slice(start, end), ++this.lineNo, this.base + start * 2);
      start = nl + 1;
    }
    this.base += start * 2;
    this.pending = all.slice(start);
  }

  end(onLine: OnLine): void {
    const tail = this.pending + this.decoder.decode();
    if (tail.length > 0) onLine(stripCr(tail), ++this.lineNo, this.base);
    this.pending = '';
  }
}

function stripCr(s: string): string {
  return s.endsWith('\r') ? s.slice(0, -1) : s;
}

