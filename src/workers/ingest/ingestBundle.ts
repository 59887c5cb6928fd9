// A dropped bundle (files, folders, archives) -> every file ingested into columnar chunks, with its ledger row.
// Storage and indexing are the caller's hooks, so the worker (IndexedDB + query index) and the CLI
// (print as it goes) share this exact path.
import type { DuplicateAnswer, DuplicateQuestion, FileLedgerEntry, IngestOptions } from '../api.ts';
import { expandBundle } from '../../parsers/containers/bundle.ts';
import type { BundleEntry, BundleSource, ContainerIssue } from '../../parsers/containers/types.ts';
import type { ExpandBudget } from '../../parsers/containers/guard.ts';
import type { EventChunk } from '../chunk/chunk.ts';
import type { WireChunk } from '../chunk/packedDict.ts';
import { unparsedIn } from '../chunk/measure.ts';
import { CaseDictBuilder, type DictSnapshot } from '../chunk/caseIds.ts';
import { CHUNK_EVENTS, ingestFile, type FileIngestResult } from './ingestFile.ts';
import type { HasherFactory } from './hashing.ts';
import { throttledReporter } from './progressReporter.ts';
import { DuplicateGate, type DuplicateSeed } from './duplicates.ts';
import { ChunkGather } from './gatherChunks.ts';
import { SHARED_MAX_ROWS } from '../chunk/shareChunks.ts';

/** events in chunks handed to onChunk but not yet written: above this, reading pauses (3 full chunks) */
const MAX_PENDING_EVENTS = 3 * CHUNK_EVENTS;
/** and at most this many chunks (an archive's small members make many small ones) */
const MAX_PENDING_CHUNKS = 64;
/**
 * members whose tails (writes confirmed, final row, hash duplicate check) may run behind the reading: as many as
 * the chunks in flight and as one transaction takes (ledgerBatch.ts GROUP_MAX). With 16 the reading stopped at
 * every commit after 17 small members (10,000 two-line members: 16.1 -> 11.0 s, browser CPU 0.86x; architecture.md).
 */
const TAILS_BEHIND = 64;
/** how often a reading row's progress (parser, bytes read) is written to the ledger, so a reload shows it */
const PERSIST_EVERY_MS = 1000;
/**
 * Files this small are hashed in this thread: a round trip to the hash worker (and its digest per file) cost
 * more than hashing them here, on every member of an archive of thousands of small logs.
 */
export const HASH_IN_THREAD_MAX = 64 * 1024;

/** C: the chunks handed to chunk(); WireChunk with options.textAsBytes (text as bytes: chunk/byteText.ts) */
export interface BundleIngestHooks<C extends WireChunk = EventChunk> {
  /** a new ledger row; returns its id (with options.firstRowId the entry carries the id given here) */
  addFile(entry: Omit<FileLedgerEntry, 'id'> & { id?: number }): Promise<number>;
  updateFile(entry: FileLedgerEntry): Promise<void>;
  /** store and index a chunk; resolves when it is safely written */
  chunk(chunk: C): Promise<void>;
  /** the rows changed since the previous call (throttled: see progressReporter.ts) */
  progress(files: FileLedgerEntry[]): void;
  /** with options.duplicates: removes a row and its events (a duplicate replaced or skipped) */
  deleteFile?(id: number): Promise<void>;
  /** with options.duplicates: asks the user about a duplicate (once per ingest); none: keep both */
  askDuplicate?(q: DuplicateQuestion): Promise<DuplicateAnswer>;
}

export interface BundleIngestOptions extends IngestOptions {
  signal?: AbortSignal;
  hideNames?: boolean;
  /** re-ingest of one file: only the entry at this path inside the sources is read, the others are passed over */
  onlyPath?: string;
  /** with onlyPath: only the entry at this position among its source's entries (members with equal paths differ here) */
  onlyMember?: number;
  /** decompressed bytes archives may expand to (the visible budget); none: no limit */
  budget?: ExpandBudget;
  /** where file hashes are computed (the browser's ingest worker passes a hash worker) */
  hasher?: HasherFactory;
  /**
   * Row ids from here on are given in this thread (the caller reserved them: LedgerBatch.reserveIds) and
   * addFile is not waited for: a round trip per member to the engine for its id left both workers idle.
   */
  firstRowId?: number;
  /** duplicates are checked against these rows and this ingest's (duplicates.ts); none: every entry is read */
  duplicates?: DuplicateSeed;
  /** text columns built straight as bytes (ingestFile's textAsBytes): the ingest worker, which posts bytes anyway */
  textAsBytes?: boolean;
  /** the case's dictionary when the ingest starts (chunk/caseIds.ts): dictionary columns then carry case ids,
   * one dictionary for every file of the ingest (the hook takes WireChunks; the engine resolves them)
   */
  caseDict?: DictSnapshot;
  /** with textAsBytes: message and ts.raw kept as spans of raw where it holds them (ingestFile's textSpans) */
  textSpans?: boolean;
  /**
   * small whole members' chunks sent several to a shared chunk (gatherChunks.ts, chunk/runs.ts): the browser's
   * ingest worker, whose store takes them (case schema 10); not with onlyPath (one file: nothing to share)
   */
  shareSmallChunks?: boolean;
}

export async function ingestBundle(
  sources: BundleSource[], options: BundleIngestOptions & { textAsBytes: true }, hooks: BundleIngestHooks<WireChunk>,
): Promise<FileLedgerEntry[]>;
export async function ingestBundle(
  sources: BundleSource[], options: BundleIngestOptions & { textAsBytes?: false }, hooks: BundleIngestHooks,
): Promise<FileLedgerEntry[]>;
/** textAsBytes not known here: the hook takes either form */
export async function ingestBundle(
  sources: BundleSource[], options: BundleIngestOptions, hooks: BundleIngestHooks<WireChunk>,
): Promise<FileLedgerEntry[]>;
export async function ingestBundle(
  sources: BundleSource[], options: BundleIngestOptions, hooks: BundleIngestHooks<WireChunk>,
): Promise<FileLedgerEntry[]> {
  const ledger: FileLedgerEntry[] = [];
  const containerIssues: ContainerIssue[] = [];
  const { report } = throttledReporter(ledger, (changed) => hooks.progress(changed));
  let sourceIndex = 0;
  let storageFull: FileLedgerEntry | undefined;
  // what the containers said since the last file was done (an entry's first bytes are read before it is handed
  // over, to sniff for a nested archive): the entry's bytes were lost, or the budget stopped it
  let effects: ContainerIssue[] = [];
  const onIssue = (i: ContainerIssue) => {
    containerIssues.push(i);
    if (i.effect !== undefined) effects.push(i);
  };

  // A member's tail (its writes confirmed, its final row, the duplicate check by hash) runs while the next
  // member is read: waiting for each member's IndexedDB commit and round trips left both workers idle most of
  // the time on an archive of thousands of small members. At most TAILS_BEHIND tails run behind the reading;
  // tails run in order; a new dropped file waits for the previous file's tails (its rows are what duplicates
  // compare with); a member whose writes failed waits for its tail (the disk is full: nothing more is read).
  let tail: Promise<void> = Promise.resolve();
  /** each member's tail, and its chunk's write when that went to `gather` (it may still be held there) */
  const tails: { tail: Promise<void>; held?: Promise<void> }[] = [];
  let tailSource = 0;
  // small members' chunks held for a shared chunk: flushed before the reading waits on anything (see below)
  const gather = options.shareSmallChunks === true && options.onlyPath === undefined ? new ChunkGather((c) => hooks.chunk(c)) : undefined;
  const gate = options.duplicates === undefined ? undefined : new DuplicateGate(
    // a removal or a question waits on the engine or the user: held chunks are not kept waiting with it
    { putFile: (r) => hooks.updateFile(r), deleteFile: (id) => { gather?.flush(); return hooks.deleteFile!(id); } },
    options.duplicates.known, new Set(options.duplicates.resumed), hooks.askDuplicate === undefined ? undefined : (q) => { gather?.flush(); return hooks.askDuplicate!(q); },
  );
  const newRowId = rowIds(options.firstRowId, hooks);
  // one case dictionary for every file and member of the ingest: a value keeps its id across them
  const caseDict = options.caseDict === undefined ? undefined : new CaseDictBuilder(options.caseDict);
  // chunk writes handed over and not yet done (a shared chunk once), their events, and a promise that only settles
  // (the back-pressure bound: the reading waits on them, never on their failure)
  const inFlight = new Map<Promise<void>, { events: number; settled: Promise<void> }>();
  let inFlightEvents = 0;
  const track = (sent: Promise<void>, events: number) => {
    inFlightEvents += events;
    const known = inFlight.get(sent);
    if (known !== undefined) {
      known.events += events;
      return;
    }
    const settled = sent.then(() => {}, () => {}).then(() => {
      inFlightEvents -= inFlight.get(sent)?.events ?? 0;
      inFlight.delete(sent);
    });
    inFlight.set(sent, { events, settled });
  };
  const overBound = () => inFlight.size >= MAX_PENDING_CHUNKS || inFlightEvents >= MAX_PENDING_EVENTS;
  try {
    for await (const entry of expandBundle(sources, onIssue, { budget: options.budget })) {
      if (options.signal?.aborted) break;
      if (options.onlyPath !== undefined && entry.path !== options.onlyPath) continue;
      if (options.onlyMember !== undefined && entry.ordinal !== options.onlyMember) continue;
      let next = sourceIndex;
      while (next < sources.length - 1 && !isUnder(entry.path, sources[next].name)) next++;
      if (next !== tailSource) {
        gather?.flush();
        await tail;
        tailSource = next;
      }
      // a full disk stays full: the next files would fail the same way (sourceIndex stays on the one that failed)
      if (storageFull !== undefined) break;
      sourceIndex = next;
      const candidate = { path: entry.path, size: entry.size, source: sources[sourceIndex].name, member: entry.ordinal };
      if (gate !== undefined && (await gate.admit(candidate)) === 'skip') continue;
      const row = newRow(entry, options);
      const added = newRowId(row);
      // an id from the store (no reserved range) needs no flush first: its answer never waits on a chunk held here
      row.id = added.id ?? await added.written;
      ledger.push(row);
      report();
      let persisted = 0; // the first stored chunk writes the row: a reload right after shows the parser

      const pending = new Set<Promise<void>>();
      const writeFailures: unknown[] = [];
      // an id given here: the row's write is not waited for, but its failure is the member's
      if (added.id !== undefined) {
        const p = added.written.then(() => {}, (e: unknown) => { writeFailures.push(e); });
        pending.add(p);
        void p.finally(() => pending.delete(p));
      }
      // what is safely written: after a storage failure the ledger reports this, not what was parsed
      const stored = { events: 0, unparsed: 0 };
      let held: Promise<void> | undefined;
      const write = (chunk: WireChunk) => {
        // a full disk stays full: what is parsed after a failed write is not offered to storage
        if (writeFailures.length > 0) return;
        // counted before the hook: a worker runner transfers (detaches) the chunk's buffers
        const count = chunk.count, unparsed = unparsedIn(chunk);
        // the row says how far it got, so a reload mid-file shows its parser and bytes read, not "none, 0 B";
        // sent before the chunk, so a store that batches rows (ledgerBatch.ts) writes it in the chunk's transaction
        // (once the reader has reported its first bytes: a row saying "0 B read" would tell a reload nothing)
        const persist = row.bytesRead > 0 && Date.now() - persisted >= PERSIST_EVERY_MS;
        if (persist) persisted = Date.now();
        const rowWritten = persist ? hooks.updateFile({ ...row, issues: [...row.issues] }) : undefined;
        // a member's only chunk (seq 0, short of a full one) small enough to share is held for a shared chunk
        const share = chunk.seq === 0 && count < CHUNK_EVENTS && count <= SHARED_MAX_ROWS;
        const sent = gather === undefined ? hooks.chunk(chunk) : share ? (held = gather.hold(chunk)) : gather.pass(chunk);
        track(sent, count);
        const p = Promise.all([sent, rowWritten]).then(() => {
          stored.events += count;
          stored.unparsed += unparsed;
        }, (e: unknown) => {
          writeFailures.push(e);
        });
        pending.add(p);
        void p.finally(() => pending.delete(p));
      };
      const result = await ingestFile(
        { path: entry.path, size: entry.size, lastModified: entry.lastModified, open: () => entry.open(), whole: entry.whole },
        {
          parserId: options.parserId, tzOffsetMinutes: options.tzOffsetMinutes, forcedYear: options.forcedYear, timeLayout: options.timeLayout,
          hasher: entry.size !== undefined && entry.size <= HASH_IN_THREAD_MAX ? undefined : options.hasher, hideName: options.hideNames, signal: options.signal,
          fileId: row.id, textAsBytes: options.textAsBytes === true, textSpans: options.textSpans === true, caseDict,
          // the row names its parser as soon as it is chosen, so a reload mid-file shows it
          onParser: (parserId) => { row.parserId = parserId; },
          drain: async () => {
            while (overBound()) {
              // the writes on their way, not the chunk held here: flushing it at every read at the bound made one
              // chunk per member again (measured with 2,048 tails behind: 10,000 members, browser CPU 11.5 -> 19.6 s)
              const sent = [...inFlight].filter(([w]) => gather?.holds(w) !== true).map(([, f]) => f.settled);
              if (sent.length === 0) gather?.flush();
              else await Promise.race(sent);
            }
            if (writeFailures.length > 0) throw new StorageError(errorText(writeFailures[0]));
          },
        },
        write,
        (bytesRead, events, unparsed) => {
          Object.assign(row, { bytesRead, events, unparsed });
          report();
        },
      ).catch((e: unknown) => failed(row, e));
      // taken now: the next entry's issues arrive while this member's tail runs
      const own = new Set(effects.filter((i) => isUnder(row.path, i.path)).map((i) => i.effect));
      effects = [];
      const finish = async () => {
        await Promise.all(pending);
        if (result !== undefined) applyResult(row, result);
        applyEffects(row, own);
        if (writeFailures.length > 0) {
          Object.assign(row, { state: 'incomplete', events: stored.events, unparsed: stored.unparsed, message: storageMessage(writeFailures[0], stored.events) });
          storageFull ??= row;
        }
        await hooks.updateFile(row);
        if (gate !== undefined && (await gate.settled({ ...row })) === 'drop') ledger.splice(ledger.indexOf(row), 1);
        report();
      };
      tail = tail.then(finish);
      void tail.catch(() => {}); // a failed tail is reported where it is awaited, not as an unhandled rejection
      tails.push({ tail, held });
      if (tails.length > TAILS_BEHIND) {
        const oldest = tails.shift()!;
        if (gather?.holds(oldest.held) === true) gather.flush();
        await oldest.tail;
      }
      // this member's writes failed already: it filled the disk, nothing more is read
      if (writeFailures.length > 0) {
        gather?.flush();
        await tail;
      }
    }
  } catch (e) {
    gather?.flush(); // what was read before the failure is written, as without sharing
    await tail.catch(() => {}); // the reading failed: its error is the one to report
    throw e;
  }
  // the end of the bundle, a cancel, a full disk: what is held goes now
  gather?.flush();
  await tail;
  if (storageFull !== undefined) await cancelRest(sources.slice(sourceIndex + 1), storageFull, options, newRowId, ledger);

  // a re-ingest of one entry keeps only the issues about that entry or the archives around it
  const only = options.onlyPath;
  for (const issue of only === undefined ? containerIssues : containerIssues.filter((i) => isUnder(only, i.path))) {
    // an issue names an entry, or an archive level above entries (a truncated zip, stray bytes after a
    // .tar.gz): it belongs to the rows below that path; only an issue with no row (an encrypted member,
    // a damaged archive that yielded nothing) gets a row of its own
    const owners = ledger.filter((e) => isUnder(e.path, issue.path));
    for (const owner of owners) {
      owner.issues.push({ reason: issue.reason });
      owner.message = owner.message === undefined ? issue.reason : `${owner.message}; ${issue.reason}`;
      await hooks.updateFile(owner);
    }
    if (owners.length === 0) {
      // a member the budget left unread is not read yet (incomplete), not skipped as unreadable
      const row: FileLedgerEntry = {
        id: 0, path: issue.path, size: 0, sha256: '', parserId: '', confidence: 0, state: issue.effect === 'budget' ? 'incomplete' : 'skipped', bytesRead: 0,
        events: 0, unparsed: 0, meta: 0, tzOffsetMinutes: 0, timeGuess: '', issues: [{ reason: issue.reason }], message: issue.reason,
      };
      const added = newRowId(row);
      row.id = added.id ?? await added.written;
      if (added.id !== undefined) await added.written;
      ledger.push(row);
    }
  }
  report();
  return ledger;
}

/** A new row's id: known at once (a reserved range), or when addFile answers; `written` settles with the write. */
type NewRowId = (row: FileLedgerEntry) => { id?: number; written: Promise<number> };

/** How rows get their ids: from the caller's reserved range without waiting (firstRowId), else from addFile. */
function rowIds(firstRowId: number | undefined, hooks: BundleIngestHooks): NewRowId {
  let next = firstRowId;
  return (row) => {
    if (next === undefined) {
      const { id: _assigned, ...entry } = row; // the store assigns it
      return { written: hooks.addFile(entry) };
    }
    const id = next++;
    return { id, written: hooks.addFile({ ...row, id }) };
  };
}

class StorageError extends Error {}

function newRow(entry: BundleEntry, options: BundleIngestOptions): FileLedgerEntry {
  const row: FileLedgerEntry = {
    id: 0, path: entry.path, size: entry.size ?? 0, sha256: '', parserId: '', confidence: 0, state: 'reading',
    bytesRead: 0, events: 0, unparsed: 0, meta: 0, tzOffsetMinutes: options.tzOffsetMinutes ?? 0, timeGuess: '', issues: [],
    forcedYear: options.forcedYear, timeLayout: options.timeLayout, member: entry.ordinal,
  };
  if (entry.rawName !== undefined) row.nameInArchive = entry.rawName;
  return row;
}

/**
 * What the containers said about the file while it was read. Budget: not read to its end — incomplete, and no
 * hash (a prefix hash would pass for the whole file's). Lost: read to its end but bytes are missing — damaged.
 */
function applyEffects(row: FileLedgerEntry, effects: Set<ContainerIssue['effect']>): void {
  if (row.state === 'failed' || row.state === 'cancelled') return;
  if (effects.has('budget')) {
    row.state = 'incomplete';
    row.sha256 = '';
  } else if (effects.has('lost') && row.state !== 'skipped') {
    row.state = 'damaged';
  }
}

function isUnder(path: string, sourceName: string): boolean {
  return path === sourceName || path.startsWith(`${sourceName}/`);
}

function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

function storageMessage(e: unknown, storedEvents: number): string {
  // by name: an error passed back from another worker keeps its name but is no longer a DOMException
  const quota = typeof e === 'object' && e !== null && (e as { name?: unknown }).name === 'QuotaExceededError';
  const what = quota ? 'Storage is full' : `Storage failed (${errorText(e)})`;
  return `${what}: ${storedEvents.toLocaleString('en-US')} of this file's events were stored. `
    + 'Free disk space or delete an old case, then remove and re-ingest this file.';
}

/** Ledger rows for the sources not attempted after a storage failure (best effort: the disk is full). */
async function cancelRest(
  rest: BundleSource[], failedRow: FileLedgerEntry, options: BundleIngestOptions, newRowId: NewRowId, ledger: FileLedgerEntry[],
): Promise<void> {
  for (const source of rest) {
    const row: FileLedgerEntry = {
      id: 0, path: source.name, size: source.size, sha256: '', parserId: '', confidence: 0, state: 'cancelled', bytesRead: 0,
      events: 0, unparsed: 0, meta: 0, tzOffsetMinutes: options.tzOffsetMinutes ?? 0, timeGuess: '', issues: [],
      message: `Not read: storage filled up while reading ${failedRow.path}. Free disk space, then ingest this file again.`,
    };
    try {
      const added = newRowId(row);
      row.id = added.id ?? await added.written;
      await added.written;
    } catch {
      // the row could not be written either: it is still reported in this ingest's result
    }
    ledger.push(row);
  }
}

function applyResult(row: FileLedgerEntry, r: FileIngestResult): void {
  const { encoding: _encoding, issues, otherParsers: _others, ...read } = r;
  Object.assign(row, read, {
    size: Math.max(row.size, r.bytesRead),
    parserCounts: parserCounts(r),
    issues: issues.map((i) => ({ line: i.line, offset: i.offset, reason: i.reason })),
    message: r.message ?? (r.unparsed > 0 ? `${r.unparsed} record(s) not recognised as ${r.parserId}: kept as unparsed` : undefined),
  });
  if (row.nameInArchive !== undefined) {
    const note = `named "${row.nameInArchive}" in the archive: shown as ${row.path.slice(row.path.lastIndexOf('/') + 1)} ('..' steps and a leading '/' removed)`;
    row.message = row.message === undefined ? note : `${note}; ${row.message}`;
  }
}

/** Events per parser of a mixed file (the file's parser first), or undefined when one parser read them all. */
function parserCounts(r: FileIngestResult): Record<string, number> | undefined {
  if (r.otherParsers === undefined) return undefined;
  const others = Object.values(r.otherParsers).reduce((a, b) => a + b, 0);
  const counts = Object.create(null) as Record<string, number>;
  counts[r.parserId] = r.events - others;
  for (const [id, n] of Object.entries(r.otherParsers)) counts[id] = n;
  return counts;
}

/**
 * An error out of one file's ingest. A storage failure is reported by the write-failure path (with what was
 * stored); anything else is a bug in reading this one file: it is marked failed and the others go on.
 */
function failed(row: FileLedgerEntry, e: unknown): undefined {
  if (e instanceof StorageError) return undefined;
  row.state = 'failed';
  row.message = `could not be read: ${errorText(e)}`;
  return undefined;
}
