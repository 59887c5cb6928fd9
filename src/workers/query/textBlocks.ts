// Long raw text kept deflated in the case index (issue 15, the Windows case heap): a Windows event's raw XML is
// ~1,250 characters, 1,277 of the index's 1,529 bytes per event as Latin-1 bytes, while the query engine reads
// it only for `raw:` searches, regexes, free text on rows without a message, Sigma keywords and the rows shown.
// A segment whose raw averages at least LONG_RAW characters a row is deflated (deflate-raw, the browser's own
// CompressionStream: native, off the query path) in blocks of about BLOCK_CHARS characters, whole rows each, so
// showing one row inflates one block (fflate's inflateSync: reads must be synchronous), and a scan inflates the
// blocks one after the other. The stored chunk is unchanged (storage, exports, the hand-over file read the store).
// Example: 10,000 rows of XML (12.5 MB) -> ~48 blocks of ~256 KiB, ~0.7 MB deflated (66 B a row on the bench file).
import { inflateSync } from 'fflate';
import { latin1Text } from '../chunk/packedText.ts';
import { throughStream } from '../../core/bytes.ts';

/**
 * longRaw: average characters a row from which a raw segment is kept deflated (Windows XML: ~1,250; a syslog
 * line: ~100); minChars: segments smaller stay as they are (a tiny archive member: nothing to gain); blockChars:
 * about this many characters a block (at least one row): inflating one to show a row costs ~1 ms; keepChars:
 * long raw text a case keeps as bytes before its next segments are deflated (none: 0). A deflated `raw:` search
 * or regex costs 0.7-1.7 s of CPU per 100k Windows records against ~20-50 ms over bytes (bench/raw-query-node.ts),
 * so a case of up to ~50k such records keeps every search fast, and a bigger one pays for the rest with ~350
 * instead of ~1,530 B/event of heap (a worker's heap is what ends a big case: a 2M-record case would need ~3 GB).
 */
export interface DeflateLimits { longRaw: number; minChars: number; blockChars: number; keepChars?: number }
export const DEFAULT_DEFLATE_LIMITS: DeflateLimits = { longRaw: 512, minChars: 64 * 1024, blockChars: 256 * 1024, keepChars: 64 * 1024 * 1024 };
let limits = DEFAULT_DEFLATE_LIMITS;

/** Tests only: other limits (small blocks over the corpus), or the defaults again with no argument. */
export function setDeflateLimits(next: DeflateLimits = DEFAULT_DEFLATE_LIMITS): void {
  limits = next;
}

/** A segment's text as deflated blocks of whole rows. */
export class TextBlocks {
  /**
   * `rowStart[b]`: the block's first local row (one more entry: the row count); `charStart[b]`: its first
   * character in the segment's joined text (one more entry: the text's length); `at[b]`: where its deflated bytes
   * start in `packed` (one more entry: the end).
   */
  constructor(readonly rowStart: Uint32Array, readonly charStart: Uint32Array, readonly at: Uint32Array,
    readonly packed: Uint8Array, readonly ascii: boolean, private readonly kinds: Uint8Array) {}

  get count(): number {
    return this.rowStart.length - 1;
  }

  /** The block holding local row `local`. */
  blockOf(local: number): number {
    const s = this.rowStart;
    let lo = 0, hi = s.length - 2;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if (s[mid] <= local) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  /** Block b's bytes, inflated. */
  bytes(b: number): Uint8Array {
    const out = new Uint8Array(this.charStart[b + 1] - this.charStart[b]);
    if (out.length === 0) return out;
    return inflateSync(this.packed.subarray(this.at[b], this.at[b + 1]), { out });
  }

  /** Block b's text, kept among the last few read (rows shown are near each other). */
  text(b: number): string {
    for (const c of recent) if (c.blocks === this && c.b === b) return c.text;
    const text = decodeBlock(this.bytes(b), this.kinds[b]);
    recent.unshift({ blocks: this, b, text });
    if (recent.length > RECENT) recent.length = RECENT;
    return text;
  }

  /** Block b's bytes lower-cased as `lowerText` lower-cases its text (a substring scan over bytes; not kept). */
  lowerBytes(b: number): Uint8Array {
    const bytes = this.bytes(b);
    for (let i = 0; i < bytes.length; i++) bytes[i] = LOWER[bytes[i]];
    return bytes;
  }

  /**
   * Block b's text lower-cased as query/text.ts lowerSameLength lower-cases it (a substring scan; not kept): on
   * Latin-1 that is A-Z and U+00C0-U+00DE but U+00D7, each 0x20 up, done on the bytes before they are decoded.
   */
  lowerText(b: number): string {
    return decodeBlock(this.lowerBytes(b), this.kinds[b]);
  }

  /** The whole joined text (a scan that needs it at once: spans of raw, a Sigma pass), or lower-cased; not kept. */
  allText(lower = false): string {
    const parts: string[] = [];
    for (let b = 0; b < this.count; b++) parts.push(lower ? this.lowerText(b) : decodeBlock(this.bytes(b), this.kinds[b]));
    return parts.join('');
  }
}

/**
 * `needle` as Latin-1 bytes, to find in a block's lower-cased bytes (`lowerBytes`), or undefined when a character
 * is above U+00FF (no one-byte text holds it).
 */
export function latin1Needle(needle: string): Uint8Array | undefined {
  const out = new Uint8Array(needle.length);
  for (let i = 0; i < needle.length; i++) {
    const c = needle.charCodeAt(i);
    if (c > 0xff) return undefined;
    out[i] = c;
  }
  return out;
}

/** The first position at or after `from` where `needle` (not empty) starts in `hay`, or -1 (the native indexOf finds its first byte). */
export function bytesIndexOf(hay: Uint8Array, needle: Uint8Array, from: number): number {
  const first = needle[0], n = needle.length, last = hay.length - n;
  for (let p = hay.indexOf(first, from); p !== -1 && p <= last; p = hay.indexOf(first, p + 1)) {
    let k = 1;
    while (k < n && hay[p + k] === needle[k]) k++;
    if (k === n) return p;
  }
  return -1;
}

/** Latin-1 lower-casing by byte (what String.prototype.toLowerCase does to U+0000-U+00FF). */
const LOWER = Uint8Array.from({ length: 256 }, (_, c) => ((c >= 0x41 && c <= 0x5a) || (c >= 0xc0 && c <= 0xde && c !== 0xd7) ? c + 0x20 : c));

/** What a block's bytes hold, for decoding: ASCII only; or no byte in 0x80-0x9F (the label 'latin1' decodes as windows-1252, which maps those). */
const KIND_ASCII = 1, KIND_NO_C1 = 2;
const ascii = new TextDecoder();
let win1252: TextDecoder | null | undefined;

function blockKind(bytes: Uint8Array): number {
  let high = false;
  for (let i = 0; i < bytes.length; i++) {
    const c = bytes[i];
    if (c >= 0x80) {
      if (c < 0xa0) return 0;
      high = true;
    }
  }
  return high ? KIND_NO_C1 : KIND_ASCII;
}

/** Latin-1 bytes as a string: the native decoders where they give exactly Latin-1, else one character at a time. */
function decodeBlock(bytes: Uint8Array, kind: number): string {
  if (kind === KIND_ASCII) return ascii.decode(bytes);
  if (kind === KIND_NO_C1) {
    if (win1252 === undefined) {
      try {
        win1252 = new TextDecoder('latin1');
      } catch {
        win1252 = null; // a runtime without legacy encodings
      }
    }
    if (win1252 !== null) return win1252.decode(bytes);
  }
  return latin1Text(bytes, false);
}

/** Blocks inflated last (a page's rows, a Sigma pass): a few hundred KiB each whatever the case's size. */
const RECENT = 4;
const recent: { blocks: TextBlocks; b: number; text: string }[] = [];

/** Forgets the inflated blocks kept (tests; a segment replaced). */
export function forgetInflated(): void {
  recent.length = 0;
}

/** Whether a raw segment of `chars` characters over `rows` rows is kept deflated (and this runtime can deflate). */
export function worthDeflating(chars: number, rows: number): boolean {
  return typeof CompressionStream === 'function' && chars >= limits.minChars && chars >= rows * limits.longRaw;
}

/** Whether long raw text of `chars` more characters still fits what a case keeps as bytes (`keepChars`). */
export function keptAsBytes(keptSoFar: number, chars: number): boolean {
  return keptSoFar + chars <= (limits.keepChars ?? 0);
}

const pending = new Set<Promise<unknown>>();

/** Resolves when every deflate started so far has ended (benches and tests measure the settled index). */
export async function deflatesSettled(): Promise<void> {
  while (pending.size > 0) await Promise.all([...pending]);
}

/**
 * Deflates the joined text `bytes` of rows ending at `ends` (rows [0, count)) in blocks of whole rows; resolves
 * undefined when the runtime refuses (the segment then stays as it is).
 */
export function deflateBlocks(bytes: Uint8Array, ends: ArrayLike<number>, count: number, ascii: boolean): Promise<TextBlocks | undefined> {
  const rowStart: number[] = [0], charStart: number[] = [0];
  for (let r = 0; r < count; r++) {
    if (ends[r] - charStart[charStart.length - 1] >= limits.blockChars || r === count - 1) {
      rowStart.push(r + 1);
      charStart.push(ends[r]);
    }
  }
  const job = (async () => {
    try {
      const parts = await Promise.all(rowStart.slice(1).map((_, b) => deflated(bytes.subarray(charStart[b], charStart[b + 1]))));
      const at = new Uint32Array(parts.length + 1);
      for (let b = 0; b < parts.length; b++) at[b + 1] = at[b] + parts[b].byteLength;
      const packed = new Uint8Array(at[parts.length]);
      for (let b = 0; b < parts.length; b++) packed.set(parts[b], at[b]);
      const kinds = Uint8Array.from(parts, (_, b) => (ascii ? KIND_ASCII : blockKind(bytes.subarray(charStart[b], charStart[b + 1]))));
      return new TextBlocks(Uint32Array.from(rowStart), Uint32Array.from(charStart), at, packed, ascii, kinds);
    } catch {
      return undefined; // a runtime that refuses: the text stays as bytes, as before
    }
  })();
  pending.add(job);
  void job.finally(() => pending.delete(job));
  return job;
}

/** One block through the browser's (or Node's) own CompressionStream, fed and drained in this thread. */
function deflated(bytes: Uint8Array): Promise<Uint8Array> {
  return throughStream(bytes, new CompressionStream('deflate-raw'));
}
