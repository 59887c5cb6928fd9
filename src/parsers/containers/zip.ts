// zip -> its members, read front to back from the local headers (one pass, streamed).
// Reference: PKWARE APPNOTE.TXT 6.3.10 https://pkware.cachefly.net/webdocs/casestudies/APPNOTE.TXT
// (4.3.7 local file header, 4.3.9 data descriptor, 4.4.4 flags, 4.4.5 methods, 4.5.3 zip64 extra,
// 4.5.2 extended timestamp 0x5455 from Info-ZIP's extrafld.txt).
//
// Example local header: 50 4b 03 04 | ver 14 00 | flags 00 08 | method 08 00 | time date | crc
// csize usize | name len, extra len | "var/log/auth.log" | extra | deflate data.
//
// Why not fflate's Unzip: it hides the flags (an encrypted entry would come out as garbage), the
// entry date, and keeps unread entries in memory. The DEFLATE part is fflate's UnzipInflate.
// Why front to back and not via the central directory: the bundle arrives as a stream, and a cut
// archive (no central directory) must still give what it holds. Entries whose sizes are only in a
// trailing data descriptor (flag bit 3) are ended by finding a descriptor whose size matches.

import { inflateSync, UnzipInflate } from 'fflate';
import type { ByteReader } from './byte-reader.ts';
import { crc32Update } from '../../core/hash/crc32.ts';
import type { ExpansionGuard } from './guard.ts';
import { formatBytes } from './guard.ts';
import type { Producer } from './member-stream.ts';
import { joinPath, memberName } from './paths.ts';
import type { OnIssue } from './types.ts';
import { DescriptorScanner, readDataDescriptor } from './zip-descriptor.ts';
import { parseLocalHeader, type LocalHeader } from './zip-header.ts';

export interface ArchiveMember {
  path: string;
  /** the name as written in the archive, when cleaning removed '..' steps or a leading '/' (see memberName) */
  rawName?: string;
  size?: number;
  lastModified?: number;
  producer: Producer;
}

const SIG_LOCAL = 0x04034b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_END = 0x06054b50;
const SIG_END64 = 0x06064b50;
const SIG_SPAN = 0x08074b50;
const SLICE = 16 * 1024;
/** a member this small (both sizes known) is inflated in one call into a buffer of its size */
const ONE_SHOT_MAX = 256 * 1024;

const METHOD_NAMES: Record<number, string> = { 9: 'Deflate64', 12: 'bzip2', 14: 'LZMA', 93: 'Zstandard', 95: 'XZ', 98: 'PPMd', 99: 'AES' };

const u32 = (b: Uint8Array, o: number) => (b[o] | (b[o + 1] << 8) | (b[o + 2] << 16) | (b[o + 3] << 24)) >>> 0;

/**
 * Yields the regular files of a zip in archive order. The caller must finish each member (read it or
 * call its producer's skipRest) before asking for the next. Never throws.
 */
export async function* readZip(r: ByteReader, path: string, onIssue: OnIssue, guard: ExpansionGuard): AsyncGenerator<ArchiveMember> {
  let complete = 0;
  let headers = 0;
  try {
    for (;;) {
      if (!(await r.fill(4))) {
        const why = r.readError ? `reading stopped (${r.readError})` : 'archive truncated';
        onIssue({ path, reason: `${why} after ${complete} complete entries (its table of contents is missing)` });
        return;
      }
      const sig = u32(r.peek(4), 0);
      if (sig === SIG_SPAN) {
        r.take(4); // a single-part "spanned" archive starts with this marker (APPNOTE 8.5.4)
        continue;
      }
      if (sig === SIG_CENTRAL || sig === SIG_END || sig === SIG_END64) return; // all entries seen
      if (sig !== SIG_LOCAL) {
        onIssue({ path, reason: `unexpected bytes at offset ${r.position} after ${complete} entries; the rest of the archive was skipped` });
        return;
      }
      const header = await parseLocalHeader(r);
      if (!header.ok) {
        onIssue({ path, reason: `${header.error} after ${complete} complete entries` });
        return;
      }
      const h = header.value;
      headers++;
      const folder = isEmptyFolder(h);
      const { name, rawName } = memberName(h.name, headers);
      const memberPath = joinPath(path, name);
      const state = { truncated: false };
      const skipOnly = folder ? '' : whySkip(h) ?? (guard.exhausted ? `not read: ${guard.spentReason()}` : undefined);
      if (skipOnly !== undefined) {
        if (skipOnly) onIssue({ path: memberPath, reason: skipOnly, effect: guard.exhausted && whySkip(h) === undefined ? 'budget' : undefined });
        if (!(await skipData(r, h))) {
          onIssue({ path, reason: `archive truncated inside entry "${h.name}" (${complete} complete entries before it)` });
          return;
        }
        continue;
      }
      yield {
        path: memberPath,
        rawName,
        size: h.flags & 8 && h.usize === 0 ? undefined : h.usize,
        lastModified: h.mtime,
        producer: entryProducer(r, h, memberPath, onIssue, guard, state),
      };
      if (state.truncated) {
        onIssue({ path, reason: `${r.readError ? `reading stopped (${r.readError})` : 'archive truncated'} after ${complete} complete entries` });
        return;
      }
      complete++;
    }
  } finally {
    await r.cancel();
  }
}

/**
 * A folder entry: its name ends with '/' and it holds no data. Why not every name that cleans to '': a member
 * named '..' (or '/') holding bytes is a file with a hostile name, and its data must be read, not dropped.
 */
function isEmptyFolder(h: LocalHeader): boolean {
  const slash = h.name.endsWith('/') || h.name.endsWith('\\');
  // an empty deflate block is 2 bytes; sizes in a trailing descriptor read as 0 here (folders written that way too)
  return slash && h.usize === 0 && h.csize <= 2;
}

/** undefined: read it; else the reason to tell the user. */
function whySkip(h: LocalHeader): string | undefined {
  if (h.flags & 1) return 'encrypted zip entry skipped (password-protected)';
  if (h.method !== 0 && h.method !== 8) {
    const known = METHOD_NAMES[h.method];
    return `zip entry skipped: compression method ${h.method}${known ? ` (${known})` : ''} is not supported`;
  }
  return undefined;
}

/** Moves past an entry's data (and descriptor) without decompressing it; false if the archive ends. */
async function skipData(r: ByteReader, h: LocalHeader): Promise<boolean> {
  if (h.flags & 8 && h.csize === 0) {
    const scanner = new DescriptorScanner(r, h.zip64);
    for (;;) {
      const piece = await scanner.next();
      if (piece === 'truncated') return false;
      if (!(piece instanceof Uint8Array)) return true;
    }
  }
  if ((await r.skip(h.csize)) < h.csize) return false;
  if (h.flags & 8) return (await readDataDescriptor(r, h.zip64)) !== null;
  return true;
}

function entryProducer(
  r: ByteReader,
  h: LocalHeader,
  path: string,
  onIssue: OnIssue,
  guard: ExpansionGuard,
  state: { truncated: boolean },
): Producer {
  const scanning = (h.flags & 8) !== 0 && h.csize === 0; // sizes only in the trailing descriptor
  const scanner = new DescriptorScanner(r, h.zip64);
  let remaining = scanning ? Infinity : h.csize;
  let done = false; // no more output will come
  let dataEnded = false; // the compressed bytes were all read (and the descriptor, if any)
  let crc = 0;
  let out = 0;
  let expectCrc = h.crc;
  let expectSize = h.usize;
  const queue: Uint8Array[] = [];
  const meter = guard.meter(h.usize);
  let inflateError: string | null = null;
  // a small member comes in one slice: inflating it in one call skips the stream inflater's 32 KiB window and
  // its buffer regrowth, which cost more than the member itself in an archive of thousands of small logs
  const oneShot = h.method === 8 && !scanning && h.csize <= SLICE && h.usize > 0 && h.usize <= ONE_SHOT_MAX;
  const streamInflater = () => {
    const inflater = new UnzipInflate();
    inflater.ondata = (e, data) => {
      if (e) inflateError ??= e.message;
      else if (data && data.length > 0) queue.push(data);
    };
    return inflater;
  };
  let inflater = h.method === 8 && !oneShot ? streamInflater() : null;
  const inflateWhole = (data: Uint8Array) => {
    try {
      // one byte over the stated size tells a header that understates it: then the stream inflater reads it all
      const whole = inflateSync(data, { out: new Uint8Array(h.usize + 1) });
      if (whole.length > h.usize) (inflater = streamInflater()).push(data, false);
      else if (whole.length > 0) queue.push(whole);
    } catch (e) {
      inflateError ??= e instanceof Error ? e.message : String(e);
    }
  };

  /** The next compressed piece, or null when this entry's data is over. */
  const nextCompressed = async (): Promise<Uint8Array | null> => {
    if (scanning) {
      const piece = await scanner.next();
      if (piece === 'truncated') return truncated();
      if (piece instanceof Uint8Array) return piece;
      expectCrc = piece.crc;
      expectSize = piece.usize;
      return null;
    }
    if (remaining === 0) {
      if (h.flags & 8) {
        const d = await readDataDescriptor(r, h.zip64);
        if (!d) return truncated();
        expectCrc = d.crc;
        expectSize = d.usize;
      }
      return null;
    }
    const piece = await r.readFull(Math.min(remaining, SLICE));
    if (!piece) return truncated();
    remaining -= piece.length;
    return piece;
  };

  const truncated = (): null => {
    state.truncated = true;
    const why = r.readError ? `reading stopped (${r.readError})` : 'the archive ends inside this entry';
    onIssue({ path, reason: `incomplete: ${why} (${formatBytes(out)} of ${formatBytes(h.usize)} read)`, effect: 'lost' });
    return null;
  };

  const finishChecks = () => {
    if (state.truncated) return;
    if (inflateError) onIssue({ path, reason: `corrupt compressed data (${inflateError}) after ${formatBytes(out)}; the rest of the entry was skipped`, effect: 'lost' });
    else if (crc !== expectCrc || out !== expectSize) onIssue({ path, reason: 'damaged zip entry: its content does not match its checksum', effect: 'lost' });
  };

  /** Counts what the last input produced; stops the entry on damage or when the guard says so. */
  const account = (inBytes: number, from: number) => {
    let added = 0;
    for (let i = from; i < queue.length; i++) {
      crc = crc32Update(crc, queue[i]);
      added += queue[i].length;
    }
    out += added;
    const why = meter.add(inBytes, added);
    // the whole member came out in this step: it is complete; the guard stops the next one instead
    const whole = !scanning && h.usize > 0 && out >= h.usize;
    if (why && !whole) {
      // what was inflated so far is still handed out (at most one slice's worth past the limit)
      onIssue({ path, reason: why, effect: 'budget' });
      inflateError = null;
      done = true;
    } else if (inflateError && !done) {
      done = true; // keep what came before the damage; skipRest moves past the rest
      finishChecks();
    }
  };

  const step = async () => {
    const piece = await nextCompressed();
    if (!piece) {
      const from = queue.length;
      dataEnded = true;
      if (inflater && !state.truncated) inflater.push(new Uint8Array(0), true);
      account(0, from);
      if (!done) finishChecks();
      done = true;
      return;
    }
    // fixed-size slices, so that one push inflates at most ~16 MiB and the guard can step in
    for (let o = 0; o < piece.length && !done; o += SLICE) {
      const part = piece.subarray(o, o + SLICE);
      const from = queue.length;
      if (inflater) inflater.push(part, false);
      else if (oneShot && part.length === h.csize) inflateWhole(part);
      // a cut archive ends inside the member: the stream inflater gives what the bytes there hold
      else if (oneShot) (inflater = streamInflater()).push(part, false);
      else queue.push(part);
      account(part.length, from);
    }
  };

  return {
    async next() {
      while (queue.length === 0 && !done) await step();
      return queue.shift() ?? null;
    },
    async skipRest() {
      done = true;
      queue.length = 0;
      if (dataEnded || state.truncated) return;
      for (;;) {
        if (!scanning && remaining > 0) {
          const skipped = await r.skip(remaining);
          remaining -= skipped;
          if (remaining > 0) {
            truncated();
            return;
          }
        }
        if ((await nextCompressed()) === null) break;
      }
      dataEnded = true;
    },
  };
}
