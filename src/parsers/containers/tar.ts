// tar -> its regular files, streamed: a 512-byte header, the data padded to 512, repeat; two zero
// blocks end the archive.
// References: POSIX ustar/pax https://pubs.opengroup.org/onlinepubs/9799919799/utilities/pax.html ;
// GNU extensions https://www.gnu.org/software/tar/manual/html_node/Standard.html
//
// Example: [header "auth.log" size 1234 type '0'] [1234 bytes + 302 NUL] [512 NUL] [512 NUL]
//
// Why skip non-regular entries quietly: folders, links and devices hold no log text. pax 'g' global
// headers and unknown pax keys (SCHILY.*, LIBARCHIVE.*) are ignored; pax 'path', 'size', 'mtime'
// and GNU 'L' long names apply to the entry that follows.

import type { ByteReader } from './byte-reader.ts';
import { formatBytes } from './guard.ts';
import type { Producer } from './member-stream.ts';
import { cleanMemberPath, joinPath, memberName } from './paths.ts';
import { tarChecksumOk } from './sniff.ts';
import { isZeroBlock, longName, parsePax, parseTarHeader } from './tar-header.ts';
import type { OnIssue } from './types.ts';
import type { ArchiveMember } from './zip.ts';

const BLOCK = 512;
const SLICE = 64 * 1024;
/** pax and long-name data is read into memory; anything larger is damage, not a name. */
const MAX_META = 1024 * 1024;

const padding = (size: number) => (BLOCK - (size % BLOCK)) % BLOCK;

/**
 * Yields the regular files of a tar in archive order. The caller must finish each member before
 * asking for the next. Never throws.
 */
export async function* readTar(r: ByteReader, path: string, onIssue: OnIssue): AsyncGenerator<ArchiveMember> {
  let complete = 0;
  let entries = 0; // file headers seen (the position a nameless member is called by)
  let pending = new Map<string, string>(); // pax keys and GNU long name for the next entry
  const truncatedAfter = () => {
    const why = r.readError ? `reading stopped (${r.readError})` : 'archive truncated';
    onIssue({ path, reason: `${why} after ${complete} complete entries` });
  };
  try {
    for (;;) {
      if (!(await r.fill(BLOCK))) {
        // No end-of-archive blocks at all is common and harmless; a partial header is not.
        if (r.available > 0 || r.readError) truncatedAfter();
        return;
      }
      const block = r.take(BLOCK);
      if (isZeroBlock(block)) return; // end of archive (the second zero block is not needed)
      const header = tarChecksumOk(block) ? parseTarHeader(block) : null;
      if (!header) {
        onIssue({ path, reason: `damaged tar header at offset ${r.position - BLOCK} after ${complete} entries; the rest of the archive was skipped` });
        return;
      }
      const { type, size } = header;
      if (type === 'x' || type === 'g' || type === 'L' || type === 'K') {
        if (size > MAX_META) {
          onIssue({ path, reason: `damaged tar: a ${formatBytes(size)} extended header at offset ${r.position - BLOCK}; the rest of the archive was skipped` });
          return;
        }
        if (!(await r.fill(size + padding(size)))) return truncatedAfter();
        const data = r.take(size);
        r.take(padding(size));
        if (type === 'x') for (const [k, v] of parsePax(data)) pending.set(k, v);
        else if (type === 'L') pending.set('path', longName(data));
        continue; // 'g' applies archive-wide defaults we do not need; 'K' is a long link target
      }
      const pax = pending;
      pending = new Map();
      const name = pax.get('path') ?? header.name;
      const paxSize = pax.has('size') ? Number(pax.get('size')) : NaN;
      const paxTime = pax.has('mtime') ? Number(pax.get('mtime')) : NaN;
      const dataSize = Number.isFinite(paxSize) && paxSize >= 0 ? paxSize : size;
      const lastModified = Number.isFinite(paxTime) ? Math.round(paxTime * 1000) : header.mtime;
      const clean = cleanMemberPath(name);
      entries++;
      // '0' regular, '7' contiguous (a regular file to everyone but a few 1980s systems); a regular entry whose
      // name cleans to nothing ('..') is still read, under '[entry N]'
      if ((type !== '0' && type !== '7') || (clean === '' && dataSize === 0)) {
        if (type === 'S') onIssue({ path: joinPath(path, clean || name), reason: 'sparse tar entry skipped (not supported)' });
        if ((await r.skip(dataSize + padding(dataSize))) < dataSize + padding(dataSize)) return truncatedAfter();
        continue;
      }
      const state = { truncated: false, paddingCut: false };
      const named = memberName(name, entries);
      const memberPath = joinPath(path, named.name);
      yield { path: memberPath, rawName: named.rawName, size: dataSize, lastModified, producer: memberProducer(r, dataSize, memberPath, onIssue, state) };
      if (state.truncated) return truncatedAfter();
      complete++;
      if (state.paddingCut) return truncatedAfter(); // the entry is whole, but the archive ends there
    }
  } finally {
    await r.cancel();
  }
}

interface MemberState {
  /** the archive ended inside this entry's data */
  truncated: boolean;
  /** the archive ended inside the padding after it (nothing lost) */
  paddingCut: boolean;
}

function memberProducer(r: ByteReader, size: number, path: string, onIssue: OnIssue, state: MemberState): Producer {
  let remaining = size + padding(size);
  let data = size;
  const cut = () => {
    state.truncated = true;
    const why = r.readError ? `reading stopped (${r.readError})` : 'the archive ends inside this entry';
    onIssue({ path, reason: `incomplete: ${why} (${formatBytes(size - data)} of ${formatBytes(size)} read)`, effect: 'lost' });
  };
  return {
    async next() {
      if (data === 0 || state.truncated) return null;
      const piece = await r.read(Math.min(data, SLICE));
      if (!piece) {
        cut();
        return null;
      }
      data -= piece.length;
      remaining -= piece.length;
      return piece;
    },
    async skipRest() {
      if (state.truncated || remaining === 0) return;
      const skipped = await r.skip(remaining);
      if (skipped < remaining) {
        if (data > skipped) {
          data -= skipped;
          cut();
        } else state.paddingCut = true;
      }
      remaining = 0;
    },
  };
}
