// The dropped File objects of this session, per case and ledger row, so one file can be read again
// (re-ingest with another parser) without dropping it again. File objects are handles to the user's disk
// (or small in-memory blobs for the demo): holding them costs next to nothing. A reload loses them.
import type { DroppedFile, FileLedgerEntry } from '../api.ts';

export interface FileSource {
  /** the file as dropped: the log itself, or the archive that holds it */
  dropped: DroppedFile;
  /** the ledger row's path: equal to dropped.path for a plain file, below it for an archive member */
  path: string;
  /**
   * `dropped` is the file the row was first read from, so the row's member position (FileLedgerEntry.member)
   * holds in it; false for an inner archive picked again after a reload (positions count from the outer one).
   */
  original: boolean;
}

export class FileSources {
  private readonly byCase = new Map<string, Map<number, FileSource>>();

  /** After an ingest: each ledger row is matched to the dropped file it came from (its path, or a prefix). */
  remember(caseId: string, dropped: readonly DroppedFile[], rows: readonly FileLedgerEntry[]): void {
    const map = this.forCase(caseId);
    for (const row of rows) {
      const source = dropped.find((d) => row.path === d.path || row.path.startsWith(`${d.path}/`));
      if (source !== undefined) map.set(row.id, { dropped: source, path: row.path, original: true });
    }
  }

  get(caseId: string, fileId: number): FileSource | undefined {
    return this.byCase.get(caseId)?.get(fileId);
  }

  /**
   * A file the user picked again for a row (after a reload): it is the row's file, or an archive holding it,
   * when its name is one segment of the row's path ('logs.zip' for 'logs.zip/var/log/auth.log').
   * Returns the source, or undefined when the name does not appear in the path.
   */
  adopt(caseId: string, row: FileLedgerEntry, file: File): FileSource | undefined {
    const segments = row.path.split('/');
    // the innermost match: 'a.log' picked for 'a.log.gz/a.log' is the decompressed file itself
    for (let i = segments.length - 1; i >= 0; i--) {
      if (segments[i] !== file.name) continue;
      const source = { dropped: { path: segments.slice(0, i + 1).join('/'), file }, path: row.path, original: i === 0 };
      this.forCase(caseId).set(row.id, source);
      return source;
    }
    return undefined;
  }

  forget(caseId: string, fileId?: number): void {
    if (fileId === undefined) this.byCase.delete(caseId);
    else this.byCase.get(caseId)?.delete(fileId);
  }

  private forCase(caseId: string): Map<number, FileSource> {
    let map = this.byCase.get(caseId);
    if (map === undefined) this.byCase.set(caseId, (map = new Map()));
    return map;
  }
}
