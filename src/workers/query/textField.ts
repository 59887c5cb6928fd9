// A text field of the case index (raw, message, parse.error, ts.raw): one TextSegment per chunk, each keeping
// its chunk's joined text as stored (bytes, made a string when first read) or, since chunk format 4, spans of
// the same rows' raw values. Kept apart from fields.ts (the keyword fields) for size.
import { textLength, textOf, type PackedTextColumn, type TextLike } from '../chunk/packedText.ts';
import { wideIndexOf, wideValue, type WideText } from '../chunk/wideText.ts';
import type { RawSpans } from '../chunk/rawSpans.ts';
import { lowerSameLength } from './text.ts';
import { deflateBlocks, keptAsBytes, worthDeflating, type TextBlocks } from './textBlocks.ts';

/**
 * One chunk's slice of a text field: rows [base, base + count) of the case. Since chunk format 4 a row's value
 * may be a span of the same row's raw value (`spans`, chunk/rawSpans.ts), read from raw's segment of the chunk.
 */
export class TextSegment {
  private lowerText: string | undefined;
  private empty = -1;
  private joined: string | undefined;
  /** the chunk's column until its text is first read: a packed column keeps its bytes (chunk/packedText.ts) */
  private source: TextLike | undefined;
  private rawSegment: TextSegment | null | undefined;
  /** long raw text kept deflated (textBlocks.ts): then neither `source` nor `joined` is kept */
  private deflated: TextBlocks | undefined;
  private deflateStarted = false;

  /**
   * `wide`: values holding a character above U+00FF (chunk format 2; wideText.ts); `spans` (format 4): rows whose
   * value is in raw, found in `rawField` (its segment of the same rows). Either's rows have an empty span in `text`.
   */
  constructor(readonly base: number, readonly count: number, col: TextLike, readonly ends: Uint32Array, readonly wide?: WideText,
    readonly spans?: RawSpans, private readonly rawField?: TextField) {
    // a column of spans only has no own text: nothing of it is kept (its ends are shared zeros)
    if ('textBytes' in col && col.textBytes.length > 0) this.source = col;
    else this.joined = textOf(col);
  }

  /** raw's segment of the same rows (spans are read from it), looked up when first needed */
  raw(): TextSegment | undefined {
    if (this.rawSegment === undefined) {
      const seg = this.rawField?.segmentOf(this.base);
      this.rawSegment = seg !== undefined && seg.base === this.base && seg.count === this.count ? seg : null;
    }
    return this.rawSegment ?? undefined;
  }

  /** A span row's value (length n > 0): a slice of raw's text, no copy of its characters. */
  private spanValue(local: number, n: number): string {
    const raw = this.raw(), at = (this.spans as RawSpans).start[local];
    if (raw === undefined) throw new Error('bug: a span of raw without a raw segment');
    const start = raw.start(local);
    if (raw.ends[local] > start && raw.deflated === undefined) return raw.text.slice(start + at, start + at + n);
    return raw.valueAt(local).slice(at, at + n); // raw itself kept apart (wide) or deflated
  }

  /**
   * Keeps the text deflated once its blocks are made (long raw text: textBlocks.ts), when it is still bytes
   * (from the ingest worker or the store) and the case already keeps `keptSoFar` characters of long raw text as
   * bytes, up to its budget: a text already read as a string (the CLI's chunks) stays as it is. Returns the
   * characters of long raw text this segment keeps as bytes.
   */
  deflateIfLong(keptSoFar: number): number {
    const src = this.source;
    if (src === undefined || !('textBytes' in src) || !worthDeflating(src.textBytes.length, this.count)) return 0;
    if (keptAsBytes(keptSoFar, src.textBytes.length)) return src.textBytes.length;
    this.deflate(src);
    return 0;
  }

  /**
   * Another text field's segment (message, parse.error) of rows whose raw went deflated: kept deflated too, when
   * still bytes, without spans of raw (their own text is then all there is) and big enough to be worth it. A
   * Windows message (~90 characters of rendered text, most of it repeated) cost ~77 of the ~350 B/event of a
   * case past the budget, and each free-text search over it then costs an inflate of ~9 MB per 100k rows.
   */
  deflateAlongRaw(): void {
    const src = this.source;
    if (src === undefined || !('textBytes' in src) || this.spans !== undefined || !worthDeflating(src.textBytes.length, 0)) return;
    this.deflate(src);
  }

  /** Whether this segment's text is kept deflated or on its way there (raw past the case's budget). */
  get deflating(): boolean {
    return this.deflateStarted;
  }

  private deflate(src: PackedTextColumn): void {
    this.deflateStarted = true;
    void deflateBlocks(src.textBytes, this.ends, this.count, src.ascii).then((blocks) => {
      if (blocks === undefined) return;
      // a scan may have read the text meanwhile: the blocks hold the same characters, and the copies go
      this.deflated = blocks;
      this.source = this.joined = this.lowerText = undefined;
    });
  }

  /** The text is kept deflated (scans read it block by block: `blocks`). */
  get blocks(): TextBlocks | undefined {
    return this.deflated;
  }

  /**
   * The joined text: made from the stored bytes when first read (a reopen reads no text it is not asked for);
   * a deflated text is inflated for the caller and not kept.
   */
  get text(): string {
    if (this.deflated !== undefined) return this.deflated.allText();
    if (this.joined === undefined) {
      this.joined = textOf(this.source as TextLike);
      this.source = undefined;
    }
    return this.joined;
  }

  /** Lower-cased copy for case-insensitive search, built on first use (same length, so offsets agree); not kept for a deflated text. */
  lower(): string {
    if (this.deflated !== undefined) return this.deflated.allText(true);
    this.lowerText ??= lowerSameLength(this.text);
    return this.lowerText;
  }

  /** Events of the segment with an empty value (counted once). */
  emptyCount(): number {
    if (this.empty < 0) {
      let e = 0, prev = 0;
      for (let i = 0; i < this.count; i++) {
        if (this.ends[i] === prev) e++;
        prev = this.ends[i];
      }
      this.empty = e - (this.wide?.rows.length ?? 0) - spanRows(this.spans, this.count);
    }
    return this.empty;
  }

  start(local: number): number {
    return local === 0 ? 0 : this.ends[local - 1];
  }

  valueAt(local: number): string {
    const start = this.start(local), end = this.ends[local];
    if (end > start && this.deflated !== undefined) {
      const blocks = this.deflated, b = blocks.blockOf(local), at = blocks.charStart[b];
      return blocks.text(b).slice(start - at, end - at);
    }
    if (end > start) return this.text.slice(start, end);
    const n = this.spans === undefined ? 0 : this.spans.length[local];
    if (n > 0) return this.spanValue(local, n);
    if (this.wide === undefined) return '';
    const w = wideIndexOf(this.wide, local);
    return w < 0 ? '' : wideValue(this.wide, w);
  }

  /** The row's value is not empty. */
  has(local: number): boolean {
    return this.ends[local] > this.start(local) || (this.spans !== undefined && this.spans.length[local] > 0) || wideIndexOf(this.wide, local) >= 0;
  }

  /** Local row containing text offset `pos` (binary search over ends). */
  rowAt(pos: number): number {
    const ends = this.ends;
    let lo = 0, hi = this.count - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (ends[mid] > pos) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  }
}

export class TextField {
  readonly kind = 'text';
  readonly segments: TextSegment[] = [];
  present = 0;
  /** long raw text kept as bytes so far (textBlocks.ts keepChars): later segments past the budget are deflated */
  private longKept = 0;

  constructor(readonly name: string) {}

  /** `raw`: the case's raw field, where a column with spans of raw (chunk format 4) reads them */
  append(col: TextLike, base: number, count: number, raw?: TextField): void {
    // a column whose every value is a span of raw (or absent) has no own text: its ends are all 0, shared
    const ends = textLength(col) === 0 && col.wide === undefined ? zeros(count) : col.ends.length === count ? col.ends : col.ends.slice(0, count);
    let present = 0, prev = 0;
    for (let i = 0; i < count; i++) {
      if (ends[i] > prev) present++;
      prev = ends[i];
    }
    const spans = 'spans' in col ? col.spans : undefined;
    this.present += present + (col.wide?.rows.length ?? 0) + spanRows(spans, count);
    const seg = new TextSegment(base, count, col, ends, col.wide, spans, spans === undefined ? undefined : raw);
    this.segments.push(seg);
    if (this.name === 'raw') this.longKept += seg.deflateIfLong(this.longKept);
  }

  /** The segment starting at row `base` goes deflated if raw's segment of the same rows did (`deflateAlongRaw`). */
  deflateAlong(raw: TextField, base: number): void {
    const seg = this.segments.at(-1), rawSeg = raw.segmentOf(base);
    if (seg?.base === base && rawSeg?.base === base && rawSeg.count === seg.count && rawSeg.deflating) seg.deflateAlongRaw();
  }

  segmentOf(row: number): TextSegment | undefined {
    const segs = this.segments;
    let lo = 0, hi = segs.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const s = segs[mid];
      if (row < s.base) hi = mid - 1;
      else if (row >= s.base + s.count) lo = mid + 1;
      else return s;
    }
    return undefined;
  }

  valueOf(row: number): string | undefined {
    const seg = this.segmentOf(row);
    if (seg === undefined) return undefined;
    const v = seg.valueAt(row - seg.base);
    return v === '' ? undefined : v;
  }
}

let zeroEnds = new Uint32Array(0);

/** `count` zeros, shared by every segment without own text (read-only: segments never write their ends). */
function zeros(count: number): Uint32Array {
  if (zeroEnds.length < count) zeroEnds = new Uint32Array(Math.max(count, 16_384));
  return zeroEnds.subarray(0, count);
}

/** Rows of a chunk whose value is a span of raw. */
function spanRows(spans: RawSpans | undefined, count: number): number {
  if (spans === undefined) return 0;
  let n = 0;
  for (let i = 0; i < count; i++) if (spans.length[i] > 0) n++;
  return n;
}
