// Files already in the case, met again during an ingest (issue: the same file opened twice was stored twice).
// Before a file is read, the same path and size as a stored file (or, inside an archive being resumed, the
// same member) makes it a candidate; once read, the same SHA-256 as a stored file settles it. The user is
// asked once per ingest — skip, replace or keep both — and the answer holds for the rest of the ingest.
// A stored copy that is not whole (interrupted, cancelled, failed) is always replaced: never two partial copies.
// The gate runs where the files are read (ingestBundle, so the ingest worker in the browser), from the rows the
// case held when the ingest started (DuplicateSeed) and the rows of this ingest: a check per member across the
// worker boundary was a blocking round trip per member of an archive (issue 9 item 11). Only a removal and the
// question to the user go to the engine.
import type { DuplicateAnswer, DuplicateQuestion, FileLedgerEntry } from '../api.ts';

/** What the gate needs of a stored row. */
export type KnownRow = Pick<FileLedgerEntry, 'id' | 'path' | 'size' | 'member' | 'state' | 'sha256' | 'events'>;

/** The case's rows when the ingest started, and the dropped files (paths) being resumed. */
export interface DuplicateSeed {
  known: KnownRow[];
  resumed: string[];
}

/** One entry of the bundle as the duplicate check sees it, before it is read. */
export interface EntryCandidate {
  path: string;
  size?: number;
  /** the dropped file it came from (its path in the drop) and its position among that file's entries */
  source: string;
  member: number;
}

/** What the gate writes: a note on a row kept as a duplicate, and removals (with the row's events). */
export interface DuplicateWriter {
  putFile(entry: FileLedgerEntry): Promise<void>;
  deleteFile(id: number): Promise<void>;
}

export function seedOf(rows: readonly FileLedgerEntry[], resumed: Iterable<string>): DuplicateSeed {
  return {
    known: rows.map(({ id, path, size, member, state, sha256, events }) => ({ id, path, size, member, state, sha256, events })),
    resumed: [...resumed],
  };
}

const WHOLE = new Set<FileLedgerEntry['state']>(['done', 'damaged', 'skipped']);

/** SHA-256 of no bytes: empty files share it without being copies of one another (nothing to store twice) */
const EMPTY_SHA256 = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';

export type AskDuplicate = (q: DuplicateQuestion) => Promise<DuplicateAnswer>;

export class DuplicateGate {
  private decision: DuplicateAnswer | undefined;
  private readonly removed = new Set<number>();
  /** stored events were removed: the query index must be rebuilt after the ingest */
  dirty = false;

  // the known rows by path and by hash: a 10,000-member archive asks 10,000 times (a scan each was quadratic)
  private readonly byPath = new Map<string, KnownRow[]>();
  private readonly byHash = new Map<string, KnownRow[]>();
  /** the rows the case held when the ingest started: the only ones 'replace' removes by hash */
  private readonly stored = new Set<number>();

  constructor(
    private readonly store: DuplicateWriter,
    known: readonly KnownRow[],
    /** dropped files (paths) being resumed: their members stored whole are skipped without asking */
    private readonly resumed: ReadonlySet<string>,
    private readonly ask?: AskDuplicate,
  ) {
    for (const r of known) {
      this.know(r);
      this.stored.add(r.id);
    }
  }

  async admit(e: EntryCandidate): Promise<'read' | 'skip'> {
    const same = this.live(this.byPath, e.path).filter((r) => r.path === e.path && (r.member === undefined || r.member === e.member)
      && (this.resumed.has(e.source) || (e.size !== undefined && r.size === e.size)));
    for (const r of same.filter((x) => !WHOLE.has(x.state))) await this.remove(r);
    const whole = same.filter((x) => WHOLE.has(x.state));
    if (whole.length === 0) return 'read';
    if (this.resumed.has(e.source)) return 'skip';
    const answer = await this.answer({ by: 'path-size', path: e.path, existingPath: whole[0].path, existingEvents: whole[0].events });
    if (answer === 'skip') return 'skip';
    if (answer === 'replace') for (const r of whole) await this.remove(r);
    return 'read';
  }

  /**
   * After a file was read and stored: the same bytes as a stored file? 'drop' when its row was removed.
   * An answer given about another file (once per ingest) skips or replaces only against rows the case held
   * before this ingest: two members of the dropped bundle with the same bytes are two files, and replacing an
   * archive opened again once took, for every later identical member, its twin of the same drop with it (60
   * members, 12 of them empty: 49 rows left). Asked about this very pair, the answer holds for it. Empty files
   * are never copies of one another.
   */
  async settled(row: FileLedgerEntry): Promise<'keep' | 'drop'> {
    const same = row.sha256 === '' || row.sha256 === EMPTY_SHA256 ? [] : this.live(this.byHash, row.sha256).filter((r) => r.id !== row.id);
    if (same.length > 0) {
      const askedNow = this.decision === undefined;
      const answer = await this.answer({ by: 'hash', path: row.path, existingPath: same[0].path, existingEvents: same[0].events });
      const targets = askedNow ? same : same.filter((r) => this.stored.has(r.id));
      if (answer === 'skip' && targets.length > 0) {
        await this.remove(row);
        return 'drop';
      }
      const replaced = answer === 'replace' ? targets : [];
      for (const r of replaced) await this.remove(r);
      const left = same.filter((r) => !replaced.includes(r));
      if (left.length > 0) {
        const note = `same content (SHA-256) as ${left[0].path}, also in this case`;
        await this.store.putFile({ ...row, message: row.message === undefined ? note : `${row.message}; ${note}` });
      }
    }
    this.know(row);
    return 'keep';
  }

  private know(r: KnownRow): void {
    push(this.byPath, r.path, r);
    if (r.sha256 !== '') push(this.byHash, r.sha256, r);
  }

  private live(index: Map<string, KnownRow[]>, key: string): KnownRow[] {
    return (index.get(key) ?? []).filter((r) => !this.removed.has(r.id));
  }

  private async answer(q: DuplicateQuestion): Promise<DuplicateAnswer> {
    this.decision ??= this.ask === undefined ? 'keep' : await this.ask(q);
    return this.decision;
  }

  private async remove(r: KnownRow): Promise<void> {
    await this.store.deleteFile(r.id);
    this.removed.add(r.id);
    this.dirty = true;
  }
}

function push(index: Map<string, KnownRow[]>, key: string, r: KnownRow): void {
  const list = index.get(key);
  if (list === undefined) index.set(key, [r]);
  else list.push(r);
}
