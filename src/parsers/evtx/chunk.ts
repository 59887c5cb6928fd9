// EVTX chunk (64 KiB): a 512-byte header (with the string and template offset tables) then event records.
// Reference: https://github.com/libyal/libevtx/blob/main/documentation/Windows%20XML%20Event%20Log%20(EVTX).asciidoc
// ("Chunk", "Event record"). Example: 45 6C 66 43 68 6E 6B 00 ("ElfChnk\0") at the chunk start; records start
// at offset 512 with 2A 2A 00 00 ("**\0\0"), a size, the record number, the written time, BinXML, the size again.
// Quirks: the space after the free-space offset holds old (deleted) records that Windows does not show; they
// are skipped when the chunk header is sound. When the header is damaged (bad CRC, missing signature) the
// free-space offset cannot be trusted, so records are read for as long as they are well formed.
import { crc32 } from '../../core/hash/crc32.ts';
import { CHUNK_SIZE, u64 } from './header.ts';

export const CHUNK_SIGNATURE = [0x45, 0x6c, 0x66, 0x43, 0x68, 0x6e, 0x6b, 0x00]; // "ElfChnk\0"
export const CHUNK_HEADER_SIZE = 512;
const RECORD_SIGNATURE = 0x00002a2a;
/** signature, size, record number, written time, (BinXML), trailing size */
const RECORD_MIN_SIZE = 28;

export interface ChunkHeader {
  signatureOk: boolean;
  firstRecordNumber: number;
  lastRecordNumber: number;
  lastRecordOffset: number;
  freeSpaceOffset: number;
  headerCrcOk: boolean;
  dataCrcOk: boolean;
  /** true when the header's offsets can bound the records (signature and header CRC fine, offsets in range) */
  trusted: boolean;
}

export function isZeroFilled(bytes: Uint8Array, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (bytes[i] !== 0) return false;
  return true;
}

/** Reads a chunk header; `chunk` may be shorter than 64 KiB (truncated file) but holds at least 512 bytes. */
export function readChunkHeader(chunk: Uint8Array): ChunkHeader {
  const dv = new DataView(chunk.buffer, chunk.byteOffset, chunk.length);
  let signatureOk = true;
  for (let i = 0; i < 8; i++) if (chunk[i] !== CHUNK_SIGNATURE[i]) signatureOk = false;
  const freeSpaceOffset = dv.getUint32(48, true);
  const lastRecordOffset = dv.getUint32(44, true);
  const headerCrc = crc32(chunk, 128, CHUNK_HEADER_SIZE, crc32(chunk, 0, 120));
  const headerCrcOk = headerCrc === dv.getUint32(124, true);
  const offsetsOk = freeSpaceOffset >= CHUNK_HEADER_SIZE && freeSpaceOffset <= CHUNK_SIZE
    && lastRecordOffset < freeSpaceOffset;
  const dataCrcOk = offsetsOk && freeSpaceOffset <= chunk.length
    && crc32(chunk, CHUNK_HEADER_SIZE, freeSpaceOffset) === dv.getUint32(52, true);
  return {
    signatureOk,
    firstRecordNumber: u64(dv, 8),
    lastRecordNumber: u64(dv, 16),
    lastRecordOffset,
    freeSpaceOffset,
    headerCrcOk,
    dataCrcOk,
    trusted: signatureOk && headerCrcOk && offsetsOk,
  };
}

export interface RecordSpan {
  /** offset of the record in the chunk */
  offset: number;
  size: number;
  /** record number from the record header (not the XML EventRecordID: saved files renumber these) */
  number: number;
  /** BinXML bounds, chunk-relative */
  start: number;
  end: number;
}

/** A record header is well formed: signature, sane size, trailing copy of the size. */
export function recordAt(chunk: Uint8Array, dv: DataView, offset: number, limit: number): RecordSpan | undefined {
  if (offset + RECORD_MIN_SIZE > limit) return undefined;
  if (dv.getUint32(offset, true) !== RECORD_SIGNATURE) return undefined;
  const size = dv.getUint32(offset + 4, true);
  if (size < RECORD_MIN_SIZE || offset + size > limit) return undefined;
  if (dv.getUint32(offset + size - 4, true) !== size) return undefined;
  return { offset, size, number: u64(dv, offset + 8), start: offset + 24, end: offset + size - 4 };
}

export interface Gap {
  /** chunk-relative offset of unreadable bytes and how many */
  offset: number;
  length: number;
}

/**
 * Walks the records of a chunk in order. Where a record is damaged, scans forward for the next well-formed
 * record header and reports the skipped bytes as a gap (never aborts the chunk).
 */
export function walkRecords(chunk: Uint8Array, header: ChunkHeader, onRecord: (r: RecordSpan) => void, onGap: (g: Gap) => void): void {
  const dv = new DataView(chunk.buffer, chunk.byteOffset, chunk.length);
  const limit = header.trusted ? Math.min(header.freeSpaceOffset, chunk.length) : chunk.length;
  let off = CHUNK_HEADER_SIZE;
  while (off + RECORD_MIN_SIZE <= limit) {
    const rec = recordAt(chunk, dv, off, limit);
    if (rec) {
      onRecord(rec);
      off += rec.size;
      continue;
    }
    // an untrusted header: the end of the well-formed records is the end of the chunk's live data
    if (!header.trusted && isZeroFilled(chunk, off, Math.min(off + RECORD_MIN_SIZE, limit))) return;
    let next = off + 1;
    while (next + RECORD_MIN_SIZE <= limit && !recordAt(chunk, dv, next, limit)) next++;
    if (next + RECORD_MIN_SIZE > limit) {
      if (header.trusted) onGap({ offset: off, length: limit - off });
      return;
    }
    onGap({ offset: off, length: next - off });
    off = next;
  }
}
