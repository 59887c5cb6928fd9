// gzip -> the bytes it holds, streamed, with damage reported rather than thrown.
// Reference: RFC 1952 https://www.rfc-editor.org/rfc/rfc1952 (members: 10-byte header, optional
// FEXTRA/FNAME/FCOMMENT/FHCRC, raw DEFLATE, CRC32 + ISIZE trailer; a file may hold several members).
//
// Example: 1f 8b 08 00 00 00 00 00 00 03 <deflate> <crc32> <isize> -> the original bytes.
//
// Why fflate's Gunzip and not DecompressionStream('gzip'): browsers and Node disagree on trailing
// bytes after the last member (Chromium errors, Node ignores them) and on what survives an error;
// fflate behaves the same everywhere, reads concatenated members, and tells which error it met.
// Quirks handled here (all seen in handed-over bundles):
// - stray bytes after the data (OTRF's .tar.gz files end with one '\n'): everything before them is
//   delivered; fflate ignores up to 3 such bytes, more give at most a note;
// - a file cut short: what inflated is delivered, then "truncated";
// - a corrupt DEFLATE stream: delivered up to the damage, then "corrupt".

import { FlateErrorCode, Gunzip } from 'fflate';
import type { ByteReader } from './byte-reader.ts';
import type { Meter } from './guard.ts';
import { formatBytes } from './guard.ts';
import type { Producer } from './member-stream.ts';
import type { OnIssue } from './types.ts';

/** Input is fed in small slices so one step inflates at most ~16 MiB (DEFLATE tops out near 1032:1). */
const SLICE = 16 * 1024;

/** Why a FlateError code stops a gzip stream, in plain words. */
function describeFlateError(e: unknown, delivered: number): { reason: string; note: boolean } {
  // note: a remark (nothing of the data lost); otherwise the rest of the stream could not be recovered
  const code = typeof e === 'object' && e !== null && 'code' in e ? (e as { code: unknown }).code : undefined;
  const msg = e instanceof Error ? e.message : String(e);
  const got = formatBytes(delivered);
  switch (code) {
    case FlateErrorCode.UnexpectedEOF:
      return { reason: `gzip data truncated: the file ends inside the compressed stream (${got} recovered)`, note: false };
    case FlateErrorCode.InvalidHeader:
      // The first header was checked before starting, so this is what follows a complete member.
      return { reason: 'stray bytes after the end of the gzip data were ignored', note: true };
    case FlateErrorCode.InvalidBlockType:
    case FlateErrorCode.InvalidLengthLiteral:
    case FlateErrorCode.InvalidDistance:
      return { reason: `corrupt gzip data (${msg}) after ${got}; the rest of the file was skipped`, note: false };
    default:
      return { reason: `gzip data could not be read (${msg}) after ${got}`, note: false };
  }
}

const TAIL = 8 + 3;
/** the smallest gzip file: 10-byte header, 2-byte empty deflate block, 8-byte trailer */
const MIN_GZIP = 20;

function keepTail(tail: Uint8Array, piece: Uint8Array): Uint8Array {
  const joined = new Uint8Array(Math.min(TAIL, tail.length + piece.length));
  const fromPiece = Math.min(piece.length, joined.length);
  joined.set(tail.subarray(tail.length - (joined.length - fromPiece)), 0);
  joined.set(piece.subarray(piece.length - fromPiece), joined.length - fromPiece);
  return joined;
}

/**
 * Why: fflate does not read the trailer, so a file cut at a block boundary or inside the trailer
 * would pass silently. The trailer's ISIZE (output size mod 2^32) must sit at the end of the file,
 * or up to 3 bytes before it (the stray bytes fflate skips).
 */
function endsWithIsize(tail: Uint8Array, memberOut: number): boolean {
  const want = memberOut % 2 ** 32;
  for (let k = 0; k <= 3 && tail.length - 4 - k >= 0; k++) {
    const i = tail.length - 4 - k;
    const isize = (tail[i] | (tail[i + 1] << 8) | (tail[i + 2] << 16) | (tail[i + 3] << 24)) >>> 0;
    if (isize === want) return true;
  }
  return false;
}

/**
 * A producer of the decompressed bytes of `input` (positioned at a gzip magic). `path` names what
 * is being decompressed (the entry 'auth.log.gz/auth.log'), so issues land on the file the user
 * sees in the ledger. Never throws.
 */
export function gunzip(input: ByteReader, path: string, onIssue: OnIssue, meter: Meter): Producer {
  const queue: Uint8Array[] = [];
  let finished = false;
  let delivered = 0;
  let produced = 0;
  let inBytes = 0;
  let memberStart = 0; // output bytes before the current member
  let tail: Uint8Array = new Uint8Array(0); // the last input bytes, for the ISIZE check
  const inflater = new Gunzip((chunk) => {
    if (chunk.length > 0) {
      queue.push(chunk);
      produced += chunk.length;
    }
  });
  inflater.onmember = () => {
    memberStart = produced;
  };

  const stop = async (reason: string | null, effect?: 'budget' | 'lost') => {
    finished = true;
    if (reason) onIssue({ path, reason, effect });
    await input.cancel();
  };

  const step = async () => {
    const before = produced;
    const piece = await input.readFull(SLICE);
    try {
      if (piece) {
        inBytes += piece.length;
        tail = keepTail(tail, piece);
        inflater.push(piece, false);
      } else {
        finished = true;
        inflater.push(new Uint8Array(0), true);
        if (input.readError) onIssue({ path, reason: `reading stopped early (${input.readError})`, effect: 'lost' });
        else if (inBytes < MIN_GZIP || !endsWithIsize(tail, produced - memberStart)) {
          onIssue({ path, reason: `gzip data truncated: the end of the file is missing (${formatBytes(produced)} recovered)`, effect: 'lost' });
        }
      }
    } catch (e) {
      const d = describeFlateError(e, delivered + (produced - before));
      await stop(d.reason, d.note ? undefined : 'lost');
    }
    const why = meter.add(piece ? piece.length : 0, produced - before);
    if (why) await stop(why, 'budget'); // what was inflated so far is still handed out
  };

  const checkMethod = async (): Promise<boolean> => {
    // RFC 1952 2.3.1: CM must be 8 (deflate); fflate would say "invalid gzip data" for anything else.
    await input.fill(3);
    const cm = input.available >= 3 ? input.peek(3)[2] : -1;
    if (cm === 8) return true;
    await stop(cm < 0 ? 'gzip file too short to hold any data' : `unknown gzip compression method ${cm}; file skipped`, 'lost');
    return false;
  };
  let started = false;

  return {
    async next() {
      if (!started) {
        started = true;
        if (!(await checkMethod())) return null;
      }
      while (queue.length === 0 && !finished) await step();
      const chunk = queue.shift() ?? null;
      if (chunk) delivered += chunk.length;
      return chunk;
    },
    async skipRest() {
      finished = true;
      queue.length = 0;
      await input.cancel();
    },
  };
}
