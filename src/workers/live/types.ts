// Live follow (issue 16): the shapes shared by the follower, its file-system adapters (Node fs in the CLI,
// File System Access handles in the browser) and the engine. Kept in the case so a follow resumes after a reload.
import type { TextEncoding } from '../../core/text/charset.ts';
import type { FileLedgerEntry } from '../api.ts';
import type { EventChunk } from '../chunk/chunk.ts';

/** One file as a poll sees it. `key` names it for read(); `identity` (inode) is only known in Node. */
export interface FollowEntry {
  key: string;
  /** the path shown and written to col.file (folder name + relative path, like a dropped folder) */
  path: string;
  size: number;
  lastModified: number;
  identity?: string;
}

/** What the follower needs of a file system: list the followed files, read a byte range of one. */
export interface FollowFs {
  /** every file under the followed roots now; `problems`: roots that could not be read (gone, no permission) */
  list(): Promise<{ entries: FollowEntry[]; problems: string[] }>;
  /** bytes [start, end) of the file (fewer when it shrank meanwhile) */
  read(key: string, start: number, end: number): Promise<Uint8Array>;
}

/** How far one followed file has been read: whole lines only, so a partial last line is read again next time. */
export interface FollowedFile {
  key: string;
  path: string;
  /** its ledger row (0: no row yet, nothing read) */
  fileId: number;
  /** bytes consumed (always at a line boundary) and the lines in them */
  offset: number;
  lines: number;
  /** seq of the next chunk of this row */
  nextSeq: number;
  size: number;
  lastModified: number;
  identity?: string;
  encoding?: TextEncoding;
  /** the parser chosen on the first read, and the time layout it learned; undefined until rows were read */
  parserId?: string;
  timeLayout?: string;
  /** the BOM and leading meta lines (headers), given to every later read; see segment.ts */
  preamble: Uint8Array;
  preambleLines: number;
  /** CRC-32 of the file's first fpLength bytes: a replaced file (same name, other content) is noticed by it */
  fingerprint: number;
  fpLength: number;
  /** bytes not consumed yet: a partial last line, or a record spanning lines that a read cut (held) */
  pendingBytes: number;
  /** when the file last grew (epoch ms): a held record is read as it is once the file was quiet a while */
  grewAt?: number;
  /** not followed any more, and why (binary, replaced, deleted); the row stays */
  stopped?: 'skipped' | 'binary' | 'deleted' | 'replaced' | 'truncated';
  gone?: boolean;
  /** what happened to the file (renamed, deleted), kept in its row's message */
  note?: string;
  /** the ledger row as it was when this state was saved: a resume restores it with the state (one snapshot) */
  row?: FileLedgerEntry;
}

export type FollowChangeKind = 'new' | 'rotated' | 'truncated' | 'deleted' | 'moved' | 'skipped' | 'unreadable';

export interface FollowChange {
  kind: FollowChangeKind;
  path: string;
  detail: string;
}

/** What one poll did. */
export interface PollReport {
  events: number;
  unparsed: number;
  chunks: number;
  changes: FollowChange[];
  /** the rows written by this poll */
  rows: FileLedgerEntry[];
  /** files with a partial last line waiting */
  partial: number;
}

export interface FollowHooks {
  addFile(entry: Omit<FileLedgerEntry, 'id'>): Promise<number>;
  updateFile(entry: FileLedgerEntry): Promise<void>;
  /** store and index a chunk; resolves when written */
  chunk(chunk: EventChunk): Promise<void>;
  /** the states after a file's new bytes were stored (the caller persists them with the case) */
  saved?(files: readonly FollowedFile[]): Promise<void>;
}
