// A dropped bundle (files, folders, archives) -> every file ingested into columnar chunks, with its ledger row.
// Storage and indexing are the caller's hooks, so the worker (IndexedDB + query index) and the CLI
// (print as it goes) share this exact path.
import type { FileLedgerEntry, IngestOptions } from '../api.ts';
import { expandBundle } from '../../parsers/containers/bundle.ts';
import type { BundleSource, ContainerIssue } from '../../parsers/containers/types.ts';
import { ChunkBuilder, type EventChunk } from '../store/chunk.ts';
import { unparsedIn } from '../store/chunkMeta.ts';
import { ingestFile, type FileIngestResult } from './ingestFile.ts';
import type { HasherFactory } from './hashing.ts';
import { throttledReporter } from './progressReporter.ts';

export const CHUNK_EVENTS = 10_000;
/** chunks handed to onChunk but not yet written: above this, reading pauses */
const MAX_PENDING_CHUNKS = 3;

export interface BundleIngestHooks {
  /** a new ledger row; returns its id */
  addFile(entry: Omit<FileLedgerEntry, 'id'>): Promise<number>;
  updateFile(entry: FileLedgerEntry): Promise<void>;
  /** store and index a chunk; resolves when it is safely written */
  chunk(chunk: EventChunk): Promise<void>;
  /** the rows changed since the previous call (throttled: see progressReporter.ts) */
  progress(files: FileLedgerEntry[]): void;
}

export interface BundleIngestOptions extends IngestOptions {
  signal?: AbortSignal;
  hideNames?: boolean;
  /** re-ingest of one file: only the entry at this path inside the sources is read, the others are passed over */
  onlyPath?: string;
  /** where file hashes are computed (the browser's ingest worker passes a hash worker) */
  hasher?: HasherFactory;
}

export async function ingestBundle(
  sources: BundleSource[], options: BundleIngestOptions, hooks: BundleIngestHooks,
): Promise<FileLedgerEntry[]> {
  const ledger: FileLedgerEntry[] = [];
  const containerIssues: ContainerIssue[] = [];
  const { report } = throttledReporter(ledger, (changed) => hooks.progress(changed));
  let sourceIndex = 0;
  let storageFull: FileLedgerEntry | undefined;

  for await (const entry of expandBundle(sources, (i) => containerIssues.push(i))) {
    if (options.signal?.aborted) break;
    if (options.onlyPath !== undefined && entry.path !== options.onlyPath) continue;
    while (sourceIndex < sources.length - 1 && !isUnder(entry.path, sources[sourceIndex].name)) sourceIndex++;
    const row: FileLedgerEntry = {
      id: 0, path: entry.path, size: entry.size ?? 0, sha256: '', parserId: '', confidence: 0, state: 'reading',
      bytesRead: 0, events: 0, unparsed: 0, meta: 0, tzOffsetMinutes: options.tzOffsetMinutes ?? 0, timeGuess: '', issues: [],
      forcedYear: options.forcedYear,
    };
    row.id = await hooks.addFile(row);
    ledger.push(row);
    report();

    const builder = new ChunkBuilder(CHUNK_EVENTS);
    let seq = 0;
    const pending = new Set<Promise<void>>();
    const writeFailures: unknown[] = [];
    // what is safely written: after a storage failure the ledger reports this, not what was parsed
    const stored = { events: 0, unparsed: 0 };
    const flush = () => {
      const chunk = builder.build(row.id, seq++);
      // counted before the hook: a worker runner transfers (detaches) the chunk's buffers
      const count = chunk.count, unparsed = unparsedIn(chunk);
      const p = hooks.chunk(chunk).then(() => {
        stored.events += count;
        stored.unparsed += unparsed;
      }, (e: unknown) => {
        writeFailures.push(e);
      });
      pending.add(p);
      void p.finally(() => pending.delete(p));
    };
    const result = await ingestFile(
      { path: entry.path, size: entry.size, lastModified: entry.lastModified, open: () => entry.open() },
      {
        parserId: options.parserId, tzOffsetMinutes: options.tzOffsetMinutes, forcedYear: options.forcedYear, hasher: options.hasher, hideName: options.hideNames, signal: options.signal,
        onParser: (constants) => builder.setConstants(constants),
        drain: async () => {
          while (pending.size >= MAX_PENDING_CHUNKS) await Promise.race(pending);
          if (writeFailures.length > 0) throw new StorageError(errorText(writeFailures[0]));
        },
      },
      (event) => {
        builder.add(event);
        if (builder.full) flush();
      },
      (bytesRead, events, unparsed) => {
        Object.assign(row, { bytesRead, events, unparsed });
        report();
      },
    ).catch((e: unknown) => failed(row, e));
    if (builder.size > 0 && writeFailures.length === 0) flush();
    await Promise.all(pending);
    if (result !== undefined) applyResult(row, result);
    if (writeFailures.length > 0) {
      Object.assign(row, { state: 'incomplete', events: stored.events, unparsed: stored.unparsed, message: storageMessage(writeFailures[0], stored.events) });
      storageFull = row;
    }
    await hooks.updateFile(row);
    report();
    // a full disk stays full: the next files would fail the same way
    if (storageFull !== undefined) break;
  }
  if (storageFull !== undefined) await cancelRest(sources.slice(sourceIndex + 1), storageFull, options, hooks, ledger);

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
      const row: FileLedgerEntry = {
        id: 0, path: issue.path, size: 0, sha256: '', parserId: '', confidence: 0, state: 'skipped', bytesRead: 0,
        events: 0, unparsed: 0, meta: 0, tzOffsetMinutes: 0, timeGuess: '', issues: [{ reason: issue.reason }], message: issue.reason,
      };
      row.id = await hooks.addFile(row);
      ledger.push(row);
    }
  }
  report();
  return ledger;
}

class StorageError extends Error {}

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
  rest: BundleSource[], failedRow: FileLedgerEntry, options: BundleIngestOptions, hooks: BundleIngestHooks, ledger: FileLedgerEntry[],
): Promise<void> {
  for (const source of rest) {
    const row: FileLedgerEntry = {
      id: 0, path: source.name, size: source.size, sha256: '', parserId: '', confidence: 0, state: 'cancelled', bytesRead: 0,
      events: 0, unparsed: 0, meta: 0, tzOffsetMinutes: options.tzOffsetMinutes ?? 0, timeGuess: '', issues: [],
      message: `Not read: storage filled up while reading ${failedRow.path}. Free disk space, then ingest this file again.`,
    };
    try {
      row.id = await hooks.addFile(row);
    } catch {
      // the row could not be written either: it is still reported in this ingest's result
    }
    ledger.push(row);
  }
}

function applyResult(row: FileLedgerEntry, r: FileIngestResult): void {
  row.parserId = r.parserId;
  row.confidence = r.confidence;
  row.bytesRead = r.bytesRead;
  row.size = Math.max(row.size, r.bytesRead);
  row.events = r.events;
  row.unparsed = r.unparsed;
  row.meta = r.meta;
  row.firstTs = r.firstTs;
  row.lastTs = r.lastTs;
  row.timeGuess = r.timeGuess;
  row.sha256 = r.sha256;
  row.issues = r.issues.map((i) => ({ line: i.line, offset: i.offset, reason: i.reason }));
  row.state = r.state;
  row.message = r.message ?? (r.unparsed > 0 ? `${r.unparsed} record(s) not recognised as ${r.parserId}: kept as unparsed` : undefined);
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
