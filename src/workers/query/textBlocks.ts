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

/**
 * longRaw: average characters a row from which a raw segment is kept deflated (Windows XML: ~1,250; a syslog
 * line: ~100); minChars: segments smaller stay as they are (a tiny archive member: nothing to gain); blockChars:
 * about this many characters a block (at least one row): inflating one to show a row costs ~1 ms.
 */
export interface DeflateLimits { longRaw: number; minChars: number; blockChars: number }
const DEFAULT_LIMITS: DeflateLimits = { longRaw: 512, minChars: 64 * 1024, blockChars: 256 * 1024 };
let limits = DEFAULT_LIMITS;

/** Tests only: other limits (small blocks over the corpus), or the defaults again with no argument. */
export function setDeflateLimits(next: DeflateLimits = DEFAULT_LIMITS): void {
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
    readonly packed: Uint8Array, readonly ascii: boolean) {}

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
    const text = latin1Text(this.bytes(b), this.ascii);
    recent.unshift({ blocks: this, b, text });
    if (recent.length > RECENT) recent.length = RECENT;
    return text;
  }

  /** The whole joined text (a scan that needs it at once: regexes, spans of raw); not kept. */
  allText(): string {
    const all = new Uint8Array(this.charStart[this.count]);
    for (let b = 0; b < this.count; b++) all.set(this.bytes(b), this.charStart[b]);
    return latin1Text(all, this.ascii);
  }
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
      return new TextBlocks(Uint32Array.from(rowStart), Uint32Array.from(charStart), at, packed, ascii);
    } catch {
      return undefined; // a runtime that refuses: the text stays as bytes, as before
    }
  })();
  pending.add(job);
  void job.finally(() => pending.delete(job));
  return job;
}

/** One block through the browser's (or Node's) own CompressionStream, fed and drained in this thread. */
async function deflated(bytes: Uint8Array): Promise<Uint8Array> {
  const stream = new CompressionStream('deflate-raw');
  const writer = stream.writable.getWriter();
  void writer.write(bytes as Uint8Array<ArrayBuffer>).catch(() => undefined); // its failure is the reader's too
  void writer.close().catch(() => undefined);
  const parts: Uint8Array[] = [];
  let size = 0;
  for (const reader = stream.readable.getReader(); ;) {
    const { done, value } = await reader.read();
    if (done) break;
    parts.push(value);
    size += value.byteLength;
  }
  const out = new Uint8Array(size);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.byteLength;
  }
  return out;
}
