// EVTX file header: the first 4096-byte block, of which 128 bytes are used.
// Reference: https://github.com/libyal/libevtx/blob/main/documentation/Windows%20XML%20Event%20Log%20(EVTX).asciidoc
// ("File header"). Example: 45 6C 66 46 69 6C 65 00 ("ElfFile\0"), ..., version 3.1, block size 4096.
// Quirk: Windows updates the header lazily. A "dirty" file (flag 0x1, e.g. copied from a live system) may
// carry a stale chunk count and next-record number, so the reader walks chunks by file size, not by this count.
import type { Result } from '../../core/result.ts';
import { err, ok } from '../../core/result.ts';
import { crc32 } from '../../core/hash/crc32.ts';

export const FILE_SIGNATURE = [0x45, 0x6c, 0x66, 0x46, 0x69, 0x6c, 0x65, 0x00]; // "ElfFile\0"
export const HEADER_BLOCK_SIZE = 4096;
export const CHUNK_SIZE = 65536;

export interface FileHeader {
  firstChunk: number;
  lastChunk: number;
  nextRecordId: number;
  majorVersion: number;
  minorVersion: number;
  /** bytes before the first chunk (4096 in every known file) */
  blockSize: number;
  chunkCount: number;
  dirty: boolean;
  full: boolean;
  crcOk: boolean;
}

export function hasFileSignature(bytes: Uint8Array): boolean {
  if (bytes.length < 8) return false;
  for (let i = 0; i < 8; i++) if (bytes[i] !== FILE_SIGNATURE[i]) return false;
  return true;
}

/** 64-bit little-endian unsigned as a number (exact below 2^53, which every real counter is). */
export function u64(dv: DataView, off: number): number {
  return dv.getUint32(off + 4, true) * 4294967296 + dv.getUint32(off, true);
}

/** Reads the file header from the first bytes of the file (at least 128 of them). */
export function readFileHeader(bytes: Uint8Array): Result<FileHeader> {
  if (bytes.length === 0) return err('not an EVTX file: the file is empty (0 bytes)');
  if (!hasFileSignature(bytes)) return err('not an EVTX file: missing ElfFile signature');
  if (bytes.length < 128) return err(`truncated EVTX file: the header needs 128 bytes, the file has ${bytes.length}`);
  const dv = new DataView(bytes.buffer, bytes.byteOffset, 128);
  const blockSize = dv.getUint16(40, true);
  const flags = dv.getUint32(120, true);
  return ok({
    firstChunk: u64(dv, 8),
    lastChunk: u64(dv, 16),
    nextRecordId: u64(dv, 24),
    minorVersion: dv.getUint16(36, true),
    majorVersion: dv.getUint16(38, true),
    blockSize,
    chunkCount: dv.getUint16(42, true),
    dirty: (flags & 1) !== 0,
    full: (flags & 2) !== 0,
    crcOk: crc32(bytes, 0, 120) === dv.getUint32(124, true),
  });
}
