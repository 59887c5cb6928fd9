// The un-archiving contract: a handed-over bundle (files, folders, archives) -> named byte streams.
// References: zip https://pkware.cachefly.net/webdocs/casestudies/APPNOTE.TXT ,
// tar https://pubs.opengroup.org/onlinepubs/9799919799/utilities/pax.html , gzip https://www.rfc-editor.org/rfc/rfc1952
//
// Example: expandBundle([file 'case.zip'], onIssue) yields 'case.zip/var/log/auth.log' and
// 'case.zip/var/log/auth.log.1.gz/auth.log.1'.
//
// Path convention: an entry's path is the outer file's name, then one '/'-joined segment per archive
// level: the member's path inside a zip or tar (leading '/', '.' and '..' segments removed, '\' read
// as '/'), and for a gzip the outer name without its '.gz' suffix ('.tgz' -> '.tar').
// So 'logs.zip/var/log/auth.log.gz/auth.log' is auth.log, gunzipped from auth.log.gz, inside logs.zip.
// A file that is not an archive keeps its own name as its path.

import type { ExpandBudget } from './guard.ts';

export interface BundleEntry {
  /** path inside the bundle (see the convention above) */
  path: string;
  /** uncompressed size when known (zip header, tar header, plain file); undefined for gzip output */
  size?: number;
  /** epoch ms: the archive entry's date, else the outer file's */
  lastModified: number;
  /**
   * The entry's identity within its source: its position among the entries the source yielded (0 for a plain
   * file). Two members whose names clean to the same path differ here; the same archive gives the same numbers.
   */
  ordinal: number;
  /** the member's name as written in the archive, when cleaning changed it ('../../x.log' for 'x.log') */
  rawName?: string;
  /**
   * The source itself when the entry is a whole source file (not an archive member, not decompressed): its
   * bytes are exactly this Blob's, so they can be read a second time (the browser hashes them in the hash
   * worker from the Blob instead of copying every read across).
   */
  whole?: Blob;
  /**
   * The entry's bytes. May be called once. Read it to the end (or cancel it) before asking the
   * iterator for the next entry: entries come one after another out of one pass over each archive.
   * If it is not read to the end, the rest is skipped when the next entry is asked for.
   * The stream never errors: damage is reported to onIssue and the stream simply ends early.
   */
  open(): ReadableStream<Uint8Array>;
}

/** A File satisfies this. */
export interface BundleSource {
  name: string;
  size: number;
  lastModified: number;
  stream(): ReadableStream<Uint8Array>;
  /** the same bytes as a Blob (a dropped File), so a hasher can read them itself (BundleEntry.whole) */
  blob?: Blob;
}

/** What could not be read and why, in plain words. */
export interface ContainerIssue {
  path: string;
  reason: string;
  /**
   * What the issue means for the entry at `path`: 'budget' — it was not read (or not to its end) because the
   * expansion budget was used up; 'lost' — some of its bytes could not be recovered (damage, truncation).
   * Absent: a remark (stray bytes ignored, a skipped folder, an encrypted member).
   */
  effect?: 'budget' | 'lost';
}

export type OnIssue = (issue: ContainerIssue) => void;

/** Safety limits; the defaults suit a browser tab handed a multi-GB bundle. */
export interface ExpandLimits {
  /** archives inside archives deeper than this are not opened (42.zip-style nesting) */
  maxDepth: number;
  /** decompressed bytes the whole bundle may produce (the user's visible budget); none by default */
  budget?: ExpandBudget;
}

export const DEFAULT_LIMITS: ExpandLimits = {
  maxDepth: 8,
};
