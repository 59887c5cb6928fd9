// Which text encoding a file's head is in, and whether it is text at all.
// References: Unicode BOMs https://www.unicode.org/faq/utf_bom.html#bom4 ; WHATWG Encoding
// "BOM sniff" https://encoding.spec.whatwg.org/#bom-sniff ; UTF-8 well-formedness: Unicode 15
// Table 3-7 https://www.unicode.org/versions/Unicode15.0.0/ch03.pdf#G27506 ;
// file signatures https://en.wikipedia.org/wiki/List_of_file_signatures
//
// Example: sniffCharset(FF FE 4A 00 61 00 6E 00) -> { encoding: 'utf-16le', bomLength: 2 }
//          sniffCharset(4A 00 61 00 6E 00 20 00) -> { encoding: 'utf-16le', bomLength: 0 } (Windows
//          tools such as wevtutil and PowerShell's Out-File write UTF-16LE, sometimes without a BOM)
//
// Why UTF-8 is the default: ASCII and UTF-8 logs are the norm; Latin-1 bytes decode to U+FFFD
// rather than failing, and the raw bytes are never changed by decoding.

export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be';

export interface Charset {
  encoding: TextEncoding;
  /** bytes of byte order mark to skip (0 when there is none) */
  bomLength: number;
}

/** How much of the head the statistics look at. */
const UTF16_SAMPLE = 4096;
const BINARY_SAMPLE = 64 * 1024;
/** NUL runs at least this long are holes (a log file pre-allocated, then cut by a crash), not content. */
const NUL_HOLE = 8;

export function sniffCharset(head: Uint8Array): Charset {
  const [a, b, c] = head;
  if (a === 0xef && b === 0xbb && c === 0xbf) return { encoding: 'utf-8', bomLength: 3 };
  if (a === 0xff && b === 0xfe) return { encoding: 'utf-16le', bomLength: 2 };
  if (a === 0xfe && b === 0xff) return { encoding: 'utf-16be', bomLength: 2 };
  return { encoding: utf16ByNulPattern(head), bomLength: 0 };
}

/**
 * UTF-16 text that is mostly ASCII has a zero byte in every code unit, always on the same side:
 * odd positions for little-endian, even for big-endian. A UTF-8 log with a few NULs (the Tomcat
 * attack log) or a binary file with zeros everywhere shows no such one-sided pattern.
 */
function utf16ByNulPattern(head: Uint8Array): TextEncoding {
  const n = Math.min(head.length, UTF16_SAMPLE) & ~1;
  const pairs = n / 2;
  if (pairs < 2) return 'utf-8';
  let zeroEven = 0;
  let zeroOdd = 0;
  for (let i = 0; i < n; i += 2) {
    if (head[i] === 0) zeroEven++;
    if (head[i + 1] === 0) zeroOdd++;
  }
  const oneSided = (many: number, few: number) => many >= 2 && many >= pairs * 0.3 && few <= many * 0.1;
  if (oneSided(zeroOdd, zeroEven)) return 'utf-16le';
  if (oneSided(zeroEven, zeroOdd)) return 'utf-16be';
  return 'utf-8';
}

/** Formats that start with a fixed signature and are never log text. */
const SIGNATURES: readonly (readonly number[])[] = [
  [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], // PNG
  [0xff, 0xd8, 0xff], // JPEG
  [0x47, 0x49, 0x46, 0x38], // GIF8
  [0x25, 0x50, 0x44, 0x46, 0x2d], // %PDF-
  [0x7f, 0x45, 0x4c, 0x46], // ELF
  [0x4d, 0x5a, 0x90, 0x00], // MZ (Windows executable, as every linker writes it)
  [0xcf, 0xfa, 0xed, 0xfe], // Mach-O 64
  [0xca, 0xfe, 0xba, 0xbe], // Java class / Mach-O fat
  [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c], // 7z
  [0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00], // xz
  [0x28, 0xb5, 0x2f, 0xfd], // zstd
  [0x42, 0x5a, 0x68], // bzip2 'BZh' (checked with the block magic below)
  [0x53, 0x51, 0x4c, 0x69, 0x74, 0x65, 0x20, 0x66], // 'SQLite f'
  [0x45, 0x6c, 0x66, 0x46, 0x69, 0x6c, 0x65, 0x00], // 'ElfFile\0' (EVTX: binary; its parser reads it)
  [0xd4, 0xc3, 0xb2, 0xa1], // pcap
  [0x0a, 0x0d, 0x0d, 0x0a], // pcapng
];

const BZIP2_BLOCK = [0x31, 0x41, 0x59, 0x26, 0x53, 0x59]; // pi in BCD: '1AY&SY'

function hasSignature(head: Uint8Array): boolean {
  return SIGNATURES.some((sig) => {
    if (head.length < sig.length || !sig.every((v, i) => head[i] === v)) return false;
    // 'BZh' starts plenty of words; bzip2 follows it with a level digit and the block magic 1AY&SY.
    if (sig[0] === 0x42) return head[3] >= 0x31 && head[3] <= 0x39 && BZIP2_BLOCK.every((v, i) => head[4 + i] === v);
    return true;
  });
}

/** C0 controls that do not occur in text (TAB LF VT FF CR and ESC, for ANSI colours, do), and DEL. */
const isControl = (u: number) => (u < 0x20 && !(u >= 0x09 && u <= 0x0d) && u !== 0x1b) || u === 0x7f;

/**
 * True when the head looks like a binary file (an image, an executable, compressed or random bytes)
 * rather than log text, for the "binary file skipped" message. Text with a few NULs, NUL holes,
 * Latin-1 or other single-byte-charset letters stays text: only a share of control characters above
 * 5% (random bytes: about 11%) or a known binary signature says binary. Note that EVTX is binary too:
 * ask the binary parsers before skipping a file for this.
 */
export function isProbablyBinary(head: Uint8Array, charset: Charset): boolean {
  if (head.length === 0) return false;
  if (charset.bomLength === 0 && hasSignature(head)) return true;
  const body = head.subarray(charset.bomLength, charset.bomLength + BINARY_SAMPLE);
  const { units, controls } = charset.encoding === 'utf-8' ? countBytes(body) : countUnits(body, charset.encoding === 'utf-16le');
  if (units === 0) return body.length > 0; // nothing but NUL holes: no text in it
  return controls >= 3 && controls > units * 0.05;
}

function countBytes(b: Uint8Array): { units: number; controls: number } {
  let units = 0;
  let controls = 0;
  for (let i = 0; i < b.length; i++) {
    if (b[i] === 0) {
      let j = i;
      while (j < b.length && b[j] === 0) j++;
      const run = j - i;
      if (run < NUL_HOLE) {
        units += run;
        controls += run;
      }
      i = j - 1;
      continue;
    }
    units++;
    if (isControl(b[i])) controls++;
  }
  return { units, controls };
}

function countUnits(b: Uint8Array, le: boolean): { units: number; controls: number } {
  let units = 0;
  let controls = 0;
  let nulRun = 0;
  const unitAt = (i: number) => (le ? b[i] | (b[i + 1] << 8) : (b[i] << 8) | b[i + 1]);
  const endNulRun = () => {
    if (nulRun > 0 && nulRun < NUL_HOLE) {
      units += nulRun;
      controls += nulRun;
    }
    nulRun = 0;
  };
  for (let i = 0; i + 1 < b.length; i += 2) {
    const u = unitAt(i);
    if (u === 0) {
      nulRun++;
      continue;
    }
    endNulRun();
    units++;
    // private-use characters stand in for controls here: log text has none, random units hit them 10% of the time
    if (isControl(u) || u === 0xfffe || u === 0xffff || (u >= 0xe000 && u <= 0xf8ff)) controls++;
    else if (u >= 0xd800 && u <= 0xdbff) {
      // a high surrogate must be followed by a low one (the last unit of the head may be cut)
      const next = i + 3 < b.length ? unitAt(i + 2) : 0xdc00;
      if (next >= 0xdc00 && next <= 0xdfff) i += 2;
      else controls++;
    } else if (u >= 0xdc00 && u <= 0xdfff) controls++;
  }
  endNulRun();
  return { units, controls };
}
