// Streaming EVTX reader: file header, then one 64 KiB chunk at a time, from byte pieces of any size.
// Reference: https://github.com/libyal/libevtx/blob/main/documentation/Windows%20XML%20Event%20Log%20(EVTX).asciidoc
// Example layout: [4096-byte file header]["ElfChnk\0" chunk 0, 65536 bytes][chunk 1]...
// Quirks:
// - chunks are walked by file size, not by the header's chunk count (stale in "dirty" files);
// - zero-filled chunks (preallocated, never written) are skipped silently;
// - checksums are verified but never stop the reading: records of a chunk whose checksum fails are kept and
//   flagged; damaged or truncated parts are reported with their offsets and the rest is read.
// Only one chunk is buffered at a time; no Node API is used (it runs in a Web Worker).
import type { RecordSink } from '../types.ts';
import { BinXmlReader, newChunkCtx, type ChunkCtx, type TChild } from './binxml.ts';
import { CHUNK_HEADER_SIZE, isZeroFilled, readChunkHeader, walkRecords, type ChunkHeader, type RecordSpan } from './chunk.ts';
import { CHUNK_SIZE, HEADER_BLOCK_SIZE, readFileHeader } from './header.ts';

/**
 * Called per readable record with its BinXML nodes (template instances not yet filled: walk.ts renders them;
 * `ctx` is only valid during the call). `ordinal` is the 1-based position of the record in the file (parsed
 * and unparsed records count), `offset` its byte offset in the file; `checksumBad` when the chunk's header or
 * data checksum did not match. Positional arguments: this runs per record.
 */
export type OnRecord = (ctx: ChunkCtx, nodes: TChild[], ordinal: number, offset: number, checksumBad: boolean) => void;

const MAX_RAW_BYTES = 8192;

function hex(bytes: Uint8Array): string {
  let s = '';
  const n = Math.min(bytes.length, MAX_RAW_BYTES);
  for (let i = 0; i < n; i++) s += (bytes[i] < 16 ? '0' : '') + bytes[i].toString(16);
  return n < bytes.length ? `${s}...` : s;
}

/** the smallest record is 28 bytes: no sound chunk header claims more records than fit in a chunk */
const MAX_RECORDS = Math.floor(CHUNK_SIZE / 28);

/** How many records the chunk header says the chunk holds; undefined when the header cannot be trusted for it. */
function expectedRecords(h: ChunkHeader): number | undefined {
  if (!h.signatureOk || !h.headerCrcOk) return undefined;
  const n = h.lastRecordNumber - h.firstRecordNumber + 1;
  return Number.isSafeInteger(n) && n > 0 && n <= MAX_RECORDS ? n : undefined;
}

export class EvtxStream {
  /** the file header block while it is being collected */
  private head: Uint8Array | undefined = new Uint8Array(HEADER_BLOCK_SIZE);
  private headFill = 0;
  private signatureChecked = false;
  private dead = false;
  private readonly buf = new Uint8Array(CHUNK_SIZE);
  private fill = 0;
  private chunkIndex = 0;
  private ordinal = 0;

  constructor(
    private readonly onRecord: OnRecord,
    private readonly sink: Pick<RecordSink, 'unparsed' | 'issue'>,
  ) {}

  push(bytes: Uint8Array): void {
    if (this.dead) return;
    let i = 0;
    if (this.head) {
      const n = Math.min(bytes.length, HEADER_BLOCK_SIZE - this.headFill);
      this.head.set(bytes.subarray(0, n), this.headFill);
      this.headFill += n;
      i = n;
      if (!this.signatureChecked && this.headFill >= 8 && !this.checkSignature()) return;
      if (this.headFill < HEADER_BLOCK_SIZE) return;
      this.checkHeader(this.head);
      this.head = undefined;
    }
    while (i < bytes.length) {
      if (this.fill === 0 && bytes.length - i >= CHUNK_SIZE) {
        this.chunk(bytes.subarray(i, i + CHUNK_SIZE)); // a whole chunk inside the piece: no copy
        i += CHUNK_SIZE;
        continue;
      }
      const n = Math.min(bytes.length - i, CHUNK_SIZE - this.fill);
      this.buf.set(bytes.subarray(i, i + n), this.fill);
      this.fill += n;
      i += n;
      if (this.fill === CHUNK_SIZE) {
        this.chunk(this.buf);
        this.fill = 0;
      }
    }
  }

  finish(): void {
    if (this.dead) return;
    if (this.head) {
      if (!this.signatureChecked && !this.checkSignature()) return;
      if (this.headFill >= 128) {
        this.checkHeader(this.head.subarray(0, this.headFill));
        this.sink.issue(this.headFill, 'truncated EVTX file: it ends inside the 4096-byte header block; no chunk follows', 0);
      } else this.sink.issue(0, `truncated EVTX file: the file header needs 128 bytes, the file has ${this.headFill}`);
      return;
    }
    if (this.fill === 0) {
      if (this.chunkIndex === 0) this.sink.issue(HEADER_BLOCK_SIZE, 'the EVTX file holds no chunk (header only)');
      return;
    }
    const off = this.chunkOffset();
    if (this.fill < CHUNK_HEADER_SIZE) {
      if (!isZeroFilled(this.buf, 0, this.fill)) {
        this.sink.issue(off, `truncated EVTX file: it ends inside the header of chunk ${this.chunkIndex} (${this.fill} of ${CHUNK_SIZE} bytes)`, 0);
      }
      return;
    }
    this.sink.issue(off, `truncated EVTX file: chunk ${this.chunkIndex} has ${this.fill} of ${CHUNK_SIZE} bytes; reading the records it holds`);
    this.chunk(this.buf.subarray(0, this.fill));
  }

  /** Signature (or emptiness) check; false stops the reading. */
  private checkSignature(): boolean {
    this.signatureChecked = true;
    const h = readFileHeader((this.head as Uint8Array).subarray(0, this.headFill));
    if (!h.ok && !h.error.startsWith('truncated')) {
      this.sink.issue(0, h.error);
      this.dead = true;
      return false;
    }
    return true;
  }

  /** Header problems are reported; none of them stops the reading. */
  private checkHeader(head: Uint8Array): void {
    const h = readFileHeader(head);
    if (!h.ok) return; // the signature was checked already; a short header is reported by finish()
    const v = h.value;
    if (!v.crcOk) this.sink.issue(0, 'EVTX file header checksum mismatch (damaged or not flushed); reading on');
    if (v.majorVersion !== 3) this.sink.issue(0, `unexpected EVTX version ${v.majorVersion}.${v.minorVersion}; reading as 3.x`);
    if (v.blockSize !== HEADER_BLOCK_SIZE) {
      this.sink.issue(0, `unexpected EVTX header block size ${v.blockSize}; chunks are read from offset ${HEADER_BLOCK_SIZE}`);
    }
  }
  private chunkOffset(): number {
    return HEADER_BLOCK_SIZE + this.chunkIndex * CHUNK_SIZE;
  }

  private chunk(bytes: Uint8Array): void {
    const index = this.chunkIndex;
    const base = this.chunkOffset();
    this.chunkIndex++;
    const header = readChunkHeader(bytes);
    if (!header.signatureOk) {
      if (isZeroFilled(bytes, 0, bytes.length)) return; // preallocated, never written
      // written bytes where a chunk should start: records were lost (how many is unknown), the file is damaged
      this.sink.issue(base, `chunk ${index}: missing ElfChnk signature; looking for the records it still holds`, 0);
    } else if (!header.headerCrcOk) {
      this.sink.issue(base, `chunk ${index}: header checksum mismatch; its records are kept and flagged evtx.checksum=bad`);
    } else if (!header.dataCrcOk) {
      this.sink.issue(base, `chunk ${index}: event records checksum mismatch; its records are kept and flagged evtx.checksum=bad`);
    }
    const checksumBad = !header.signatureOk || !header.headerCrcOk || !header.dataCrcOk;
    const ctx = newChunkCtx(bytes);
    const before = this.ordinal;
    const expected = expectedRecords(header);
    walkRecords(bytes, header, (span: RecordSpan) => {
      const ordinal = ++this.ordinal;
      const offset = base + span.offset;
      const reader = new BinXmlReader(ctx);
      const tree = reader.readFragment(span.start, span.end, false);
      if (reader.error) {
        this.sink.unparsed(hex(bytes.subarray(span.offset, span.offset + span.size)), ordinal, offset,
          `EVTX record ${span.number} in chunk ${index}: ${reader.error}`);
        return;
      }
      this.onRecord(ctx, tree, ordinal, offset, checksumBad);
    }, (gap) => {
      // with no trustworthy record count, the gap itself is the damage (count unknown: 0)
      this.sink.issue(base + gap.offset, `chunk ${index}: ${gap.length} bytes at chunk offset ${gap.offset} hold no readable record`, expected === undefined ? 0 : undefined);
    });
    const seen = this.ordinal - before;
    if (expected !== undefined && seen < expected) {
      const lost = expected - seen;
      this.sink.issue(base, `chunk ${index}: ${lost} of its ${expected} records could not be recovered`, lost);
    }
  }
}
