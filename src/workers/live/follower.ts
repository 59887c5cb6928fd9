// Follows growing files (tail -f) and folders (new files): each poll lists the files, reads only the bytes
// appended since the stored offset, and runs whole lines through ingestSegment (the dropped-file ingest).
// Rotation: a file replaced under its name (another inode, or other first bytes) or shrunk (truncated) is read
// again from its start as a new ledger row; a renamed file (auth.log -> auth.log.1, found by inode or first
// bytes) keeps its row and offset, so the lines written just before a rotation are read once, not twice.
import type { FileLedgerEntry, ReadOptions } from '../api.ts';
import { crc32 } from '../../core/hash/crc32.ts';
import { sniffCharset } from '../../core/text/charset.ts';
import { parserById } from '../../parsers/index.ts';
import type { FileIngestResult } from '../ingest/ingestFile.ts';
import { countLines, ingestSegment, lineStart, wholeLinesEnd } from './segment.ts';
import type { FollowChange, FollowEntry, FollowFs, FollowHooks, FollowedFile, PollReport } from './types.ts';

/** bytes read per file per poll: a huge append is read over several polls, memory stays bounded */
export const MAX_READ = 8 * 1024 * 1024;
/** the first bytes that identify a file's content (a replaced file differs in them) */
const FP_BYTES = 1024;
/** a preamble (headers) longer than this is not kept: later reads get none */
const MAX_PREAMBLE = 64 * 1024;
const MAX_ISSUES = 20;
/** compressed rotations (auth.log.2.gz) are finished files: drop them to read them */
const ARCHIVE = /\.(?:gz|tgz|zip|bz2|xz|zst|7z|tar|lz4)$/i;
/**
 * Chromium's swap file: while a page writes a file through File System Access (createWritable), `NAME.crswap`
 * sits beside it holding a copy of the file plus the writes, and replaces the file on close(). It is listed like
 * any file (OPFS and real folders alike), so reading it read every line of NAME a second time (issue 9: the
 * live-follow e2e once counted 6 -> 12 -> 13 events for one appended line). Its lines reach NAME on close.
 */
const SWAP_FILE = /\.crswap$/i;
/** a record spanning lines, cut by a read, waits for its end this long after the file last grew */
export const QUIET_MS = 5000;

export interface FollowerOptions extends ReadOptions {
  signal?: AbortSignal;
  /** see QUIET_MS */
  quietMs?: number;
  /** the clock (tests) */
  now?: () => number;
}

export class Follower {
  private readonly byKey = new Map<string, FollowedFile>();
  /** states whose file went away or was replaced this poll: a new name with their content continues them */
  private detached: FollowedFile[] = [];
  private readonly told = new Set<string>();

  constructor(
    private readonly fs: FollowFs, private readonly hooks: FollowHooks, private readonly options: FollowerOptions = {},
    saved: readonly FollowedFile[] = [],
  ) {
    for (const f of saved) {
      if (f.gone === true || f.stopped === 'deleted' || f.stopped === 'replaced' || f.stopped === 'truncated') this.detached.push(f);
      else this.byKey.set(f.key, f);
    }
  }

  /** every state, for persistence (the followed and the finished ones) */
  states(): FollowedFile[] {
    return [...this.byKey.values(), ...this.detached];
  }

  async poll(): Promise<PollReport> {
    const report: PollReport = { events: 0, unparsed: 0, chunks: 0, changes: [], rows: [], partial: 0 };
    const listed = await this.fs.list();
    const entries = listed.entries.filter((e) => !SWAP_FILE.test(e.path));
    const problems = listed.problems;
    const identities = new Set(entries.map((e) => e.identity));
    for (const p of problems) this.once(report, { kind: 'unreadable', path: p, detail: 'cannot be read (gone, or no permission)' });
    const present = new Map(entries.map((e) => [e.key, e]));
    for (const [key, st] of this.byKey) {
      if (present.has(key)) continue;
      this.byKey.delete(key);
      st.gone = true;
      this.detached.push(st);
      report.changes.push({ kind: 'deleted', path: st.path, detail: `deleted after ${st.lines} lines` });
      await this.note(st, `deleted from disk after ${st.lines.toLocaleString('en-US')} lines were read`);
    }
    // replaced or truncated under the same name: detached first, so a renamed copy can take them over below
    const replaced = new Set<string>();
    for (const e of entries) {
      const st = this.byKey.get(e.key);
      if (st === undefined || (await this.isSame(st, e, identities))) continue;
      this.byKey.delete(e.key);
      replaced.add(e.key);
      const truncated = e.size < st.offset && (e.identity === undefined || e.identity === st.identity);
      report.changes.push({ kind: truncated ? 'truncated' : 'rotated', path: e.path, detail: truncated ? `shrank from ${st.offset} to ${e.size} bytes: read again from its start` : 'replaced by a new file: read from its start' });
      st.stopped = truncated ? 'truncated' : 'replaced';
      this.detached.push(st);
      await this.note(st, truncated ? 'truncated while followed: the new content is a new row' : 'replaced (rotated) while followed: the new file is a new row');
    }
    const movedKeys = new Set<string>();
    for (const e of entries) {
      if (this.byKey.has(e.key)) continue;
      if (ARCHIVE.test(e.path)) {
        this.once(report, { kind: 'skipped', path: e.path, detail: 'a compressed file is not followed: drop it to read it' });
        continue;
      }
      const moved = await this.takeOver(e);
      if (moved !== undefined) {
        // without inodes a rename looked like a truncation of the old name until its content turned up here
        for (const c of report.changes) if (c.kind === 'truncated' && c.path === moved.path) Object.assign(c, { kind: 'rotated', detail: 'replaced by a new file: read from its start' });
        movedKeys.add(e.key);
        report.changes.push({ kind: 'moved', path: e.path, detail: `renamed from ${moved.path}: read on from line ${moved.lines + 1}` });
        moved.key = e.key;
        this.byKey.set(e.key, moved);
        continue;
      }
      this.byKey.set(e.key, fresh(e));
      if (!replaced.has(e.key)) report.changes.push({ kind: 'new', path: e.path, detail: 'followed from its start' });
    }
    // a detached state no new name took over is finished: it stays for persistence, marked stopped
    for (const st of this.detached) st.stopped ??= st.gone === true ? 'deleted' : 'replaced';
    // a renamed file first: its last lines were written before those of the new file under its old name
    const order = [...entries.filter((e) => movedKeys.has(e.key)), ...entries.filter((e) => !movedKeys.has(e.key))];
    for (const e of order) {
      const st = this.byKey.get(e.key);
      if (st === undefined || st.stopped !== undefined) continue;
      if (this.options.signal?.aborted) break;
      if (e.size !== st.size || st.grewAt === undefined) st.grewAt = this.now();
      st.size = e.size;
      st.lastModified = e.lastModified;
      st.identity = e.identity ?? st.identity;
      await this.readNew(st, report);
      if (st.pendingBytes > 0) report.partial++;
    }
    return report;
  }

  /**
   * Same content as last time, never shorter than what was read: the same inode, or (no inodes) the same first
   * bytes. Another inode with the same first bytes is the file replaced by a longer copy of itself (a writer that
   * writes a copy and renames it over the file, as Chromium's createWritable does): it only grew, and is read
   * on, unless the old inode is still listed under another name (a rotation by rename: that one goes on there).
   */
  private async isSame(st: FollowedFile, e: FollowEntry, identities: ReadonlySet<string | undefined>): Promise<boolean> {
    if (e.size < st.offset) return false;
    const inodes = e.identity !== undefined && st.identity !== undefined;
    if (inodes && e.identity === st.identity) return true;
    if (inodes && (st.fpLength === 0 || identities.has(st.identity))) return false;
    // nothing changed on disk: no need to look at the content (an idle folder costs a listing)
    if (!inodes && e.size === st.size && e.lastModified === st.lastModified) return true;
    if (st.fpLength === 0) return true;
    const head = await this.fs.read(e.key, 0, st.fpLength);
    return head.length === st.fpLength && crc32(head) === st.fingerprint;
  }

  /** A new name whose content is a detached state's file (renamed on rotation): that state goes on here. */
  private async takeOver(e: FollowEntry): Promise<FollowedFile | undefined> {
    for (let i = 0; i < this.detached.length; i++) {
      const st = this.detached[i];
      if (st.fileId === 0 || e.size < st.offset || st.stopped === 'binary') continue;
      const same = e.identity !== undefined && st.identity !== undefined
        ? e.identity === st.identity
        : st.fpLength > 0 && crc32(await this.fs.read(e.key, 0, st.fpLength)) === st.fingerprint;
      if (!same) continue;
      this.detached.splice(i, 1);
      st.gone = undefined;
      st.stopped = undefined;
      await this.note(st, `renamed to ${e.path}; followed there`);
      return st;
    }
    return undefined;
  }

  private now(): number {
    return (this.options.now ?? Date.now)();
  }

  private async readNew(st: FollowedFile, report: PollReport): Promise<void> {
    if (st.size <= st.offset) {
      st.pendingBytes = 0;
      return;
    }
    const end = Math.min(st.size, st.offset + MAX_READ);
    const bytes = await this.fs.read(st.key, st.offset, end);
    if (st.encoding === undefined) {
      const cs = sniffCharset(bytes);
      st.encoding = cs.encoding;
      st.preamble = bytes.slice(0, cs.bomLength);
    }
    let whole = wholeLinesEnd(bytes, st.encoding);
    // one line longer than a whole read: taken as it is, or the file would never move on
    if (whole === 0 && bytes.length >= MAX_READ) whole = bytes.length;
    st.pendingBytes = bytes.length - whole;
    if (whole === 0) return;
    const first = st.parserId === undefined;
    const start = st.offset;
    // a record spanning lines that this read cut is held (read again whole next poll), until the file is quiet;
    // a held record as long as a whole read would never move on: it is read as it is
    const quiet = this.now() - (st.grewAt ?? 0) >= (this.options.quietMs ?? QUIET_MS);
    const hold = st.encoding === 'utf-8' && !quiet && bytes.length < MAX_READ;
    let lines = countLines(bytes, whole, st.encoding);
    let row = await this.rowOf(st);
    const ingested = await ingestSegment(
      {
        // a read from the file's start has its BOM and headers in place already
        path: st.path, lastModified: st.lastModified, preamble: start === 0 ? new Uint8Array(0) : st.preamble, preambleLines: start === 0 ? 0 : st.preambleLines,
        bytes: bytes.subarray(0, whole), offset: st.offset, linesBefore: st.lines,
      },
      {
        fileId: st.fileId, firstSeq: st.nextSeq, parserId: st.parserId ?? this.options.parserId, timeLayout: this.options.timeLayout ?? st.timeLayout,
        tzOffsetMinutes: this.options.tzOffsetMinutes, forcedYear: this.options.forcedYear, signal: this.options.signal, hold,
      },
      async (chunk) => {
        await this.hooks.chunk(chunk);
        report.chunks++;
      },
    );
    const { result, chunks, firstRowLine, held } = ingested;
    if (held !== undefined) {
      whole = held.bytes;
      lines = held.lines;
      st.pendingBytes = bytes.length - whole;
      if (whole === 0) {
        // nothing before the held record: all of it waits (the row made for it is kept with the state)
        await this.hooks.saved?.(this.states());
        return;
      }
    }
    const rows = result.events + result.unparsed;
    if (first && result.state === 'skipped') {
      st.stopped = 'skipped';
      row = { ...row, state: 'skipped', message: result.message, parserId: '', bytesRead: whole };
    } else if (first && rows === 0) {
      // only headers so far (a CSV header row): kept as the preamble; the parser is chosen when rows arrive
      if (start === 0) setPreamble(st, bytes, lines + 1);
    } else if (first) {
      st.parserId = result.parserId;
      st.timeLayout = result.layout?.timeChoice;
      if (start === 0) setPreamble(st, bytes, firstRowLine ?? 1);
      if (parserById(result.parserId)?.kind === 'binary') st.stopped = 'binary';
    }
    st.offset += whole;
    st.lines += lines;
    st.nextSeq += chunks;
    if (st.fpLength < FP_BYTES) {
      const n = Math.min(FP_BYTES, st.offset);
      const head = start === 0 ? bytes.subarray(0, n) : await this.fs.read(st.key, 0, n);
      st.fpLength = head.length;
      st.fingerprint = crc32(head);
    }
    if (st.stopped === undefined || st.stopped === 'binary') row = merge(row, result, st);
    if (st.stopped === 'binary') row.message = 'A binary format is read once, not followed: drop the file again to read what was added.';
    await this.hooks.updateFile(row);
    st.row = row;
    report.rows.push(row);
    report.events += result.events;
    report.unparsed += result.unparsed;
    await this.hooks.saved?.(this.states());
  }

  private async rowOf(st: FollowedFile): Promise<FileLedgerEntry> {
    if (st.row !== undefined && st.fileId !== 0) return st.row;
    const row: FileLedgerEntry = {
      id: 0, path: st.path, size: st.size, sha256: '', parserId: '', confidence: 0, state: 'reading', bytesRead: 0, events: 0,
      unparsed: 0, meta: 0, tzOffsetMinutes: this.options.tzOffsetMinutes ?? 0, timeGuess: '', issues: [], forcedYear: this.options.forcedYear,
      timeLayout: this.options.timeLayout,
    };
    row.id = st.fileId = await this.hooks.addFile(row);
    st.row = row;
    return row;
  }

  private async note(st: FollowedFile, text: string): Promise<void> {
    if (st.row === undefined || st.fileId === 0) return;
    st.note = text;
    st.row = { ...st.row, message: followMessage(st) };
    await this.hooks.updateFile(st.row);
  }

  /** a problem or a skipped file is told once, not on every poll */
  private once(report: PollReport, change: FollowChange): void {
    const k = `${change.kind}\u0000${change.path}`;
    if (this.told.has(k)) return;
    this.told.add(k);
    report.changes.push(change);
  }
}

/** The preamble: the bytes before line `lineNo` of a read from the file's start (BOM and header lines), if short enough. */
function setPreamble(st: FollowedFile, bytes: Uint8Array, lineNo: number): void {
  const bom = sniffCharset(bytes).bomLength;
  const lines = Math.max(0, lineNo - 1);
  const end = lineStart(bytes, lines, st.encoding ?? 'utf-8', bom);
  const short = end <= MAX_PREAMBLE;
  st.preamble = bytes.slice(0, short ? end : bom);
  st.preambleLines = short ? lines : 0;
}

function fresh(e: FollowEntry): FollowedFile {
  return {
    key: e.key, path: e.path, fileId: 0, offset: 0, lines: 0, nextSeq: 0, size: 0, lastModified: e.lastModified, identity: e.identity,
    preamble: new Uint8Array(0), preambleLines: 0, fingerprint: 0, fpLength: 0, pendingBytes: 0,
  };
}

function followMessage(st: FollowedFile): string {
  const note = st.note === undefined ? '' : `; ${st.note}`;
  return `Followed live: ${st.lines.toLocaleString('en-US')} lines (${st.offset.toLocaleString('en-US')} bytes) read; no SHA-256 while the file grows${note}`;
}

/** The row after one more read: counts added, time range widened, first issues kept. */
function merge(row: FileLedgerEntry, r: FileIngestResult, st: FollowedFile): FileLedgerEntry {
  const out: FileLedgerEntry = {
    ...row,
    state: 'done',
    parserId: row.parserId === '' ? r.parserId : row.parserId,
    confidence: row.parserId === '' ? r.confidence : row.confidence,
    size: Math.max(st.size, st.offset),
    bytesRead: st.offset,
    events: row.events + r.events,
    unparsed: row.unparsed + r.unparsed,
    meta: row.meta + r.meta,
    issues: [...row.issues, ...r.issues.map((i) => ({ line: i.line, offset: i.offset, reason: i.reason }))].slice(0, MAX_ISSUES),
    message: followMessage(st) + (st.pendingBytes > 0 ? '; a partial last line or record waits for its end' : ''),
  };
  if (r.firstTs !== undefined && (out.firstTs === undefined || r.firstTs < out.firstTs)) out.firstTs = r.firstTs;
  if (r.lastTs !== undefined && (out.lastTs === undefined || r.lastTs > out.lastTs)) out.lastTs = r.lastTs;
  if (r.timeGuess !== '' && r.timeGuess !== out.timeGuess) out.timeGuess = [...new Set([...out.timeGuess.split(','), ...r.timeGuess.split(',')].filter((x) => x !== ''))].sort().join(',');
  if (r.layout !== undefined && out.layout === undefined) out.layout = r.layout;
  if (r.otherParsers !== undefined) {
    const counts = Object.assign(Object.create(null) as Record<string, number>, out.parserCounts ?? { [out.parserId]: row.events });
    const others = Object.values(r.otherParsers).reduce((a, b) => a + b, 0);
    counts[out.parserId] = (counts[out.parserId] ?? 0) + r.events - others;
    for (const [id, n] of Object.entries(r.otherParsers)) counts[id] = (counts[id] ?? 0) + n;
    out.parserCounts = counts;
  } else if (out.parserCounts !== undefined) {
    out.parserCounts = { ...out.parserCounts, [out.parserId]: (out.parserCounts[out.parserId] ?? 0) + r.events };
  }
  return out;
}
