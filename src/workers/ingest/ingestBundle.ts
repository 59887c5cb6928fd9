// A dropped bundle (files, folders, archives) -> every file ingested into columnar chunks, with its ledger row.
// Storage and indexing are the caller's hooks, so the worker (IndexedDB + query index) and the CLI
// (print as it goes) share this exact path.
import type { FileLedgerEntry, IngestOptions } from '../api.ts';
import { expandBundle } from '../../parsers/containers/bundle.ts';
import type { BundleSource, ContainerIssue } from '../../parsers/containers/types.ts';
import { ChunkBuilder, type EventChunk } from '../store/chunk.ts';
import { ingestFile, type FileIngestResult } from './ingestFile.ts';

export const CHUNK_EVENTS = 10_000;
/** chunks handed to onChunk but not yet written: above this, reading pauses */
const MAX_PENDING_CHUNKS = 3;

export interface BundleIngestHooks {
  /** a new ledger row; returns its id */
  addFile(entry: Omit<FileLedgerEntry, 'id'>): Promise<number>;
  updateFile(entry: FileLedgerEntry): Promise<void>;
  /** store and index a chunk; resolves when it is safely written */
  chunk(chunk: EventChunk): Promise<void>;
  progress(files: FileLedgerEntry[]): void;
}

export interface BundleIngestOptions extends IngestOptions {
  signal?: AbortSignal;
  hideNames?: boolean;
}

export async function ingestBundle(
  sources: BundleSource[], options: BundleIngestOptions, hooks: BundleIngestHooks,
): Promise<FileLedgerEntry[]> {
  const ledger: FileLedgerEntry[] = [];
  const containerIssues: ContainerIssue[] = [];
  const report = () => hooks.progress(ledger.map((e) => ({ ...e })));

  for await (const entry of expandBundle(sources, (i) => containerIssues.push(i))) {
    if (options.signal?.aborted) break;
    const row: FileLedgerEntry = {
      id: 0, path: entry.path, size: entry.size ?? 0, sha256: '', parserId: '', confidence: 0, state: 'reading',
      bytesRead: 0, events: 0, unparsed: 0, meta: 0, tzOffsetMinutes: options.tzOffsetMinutes ?? 0, timeGuess: '', issues: [],
    };
    row.id = await hooks.addFile(row);
    ledger.push(row);
    report();

    const builder = new ChunkBuilder(CHUNK_EVENTS);
    let seq = 0;
    const pending = new Set<Promise<void>>();
    const writeFailures: string[] = [];
    const flush = () => {
      const p = hooks.chunk(builder.build(row.id, seq++)).catch((e: unknown) => {
        writeFailures.push(e instanceof Error ? e.message : String(e));
      });
      pending.add(p);
      void p.finally(() => pending.delete(p));
    };
    const result = await ingestFile(
      { path: entry.path, size: entry.size, lastModified: entry.lastModified, open: () => entry.open() },
      {
        parserId: options.parserId, tzOffsetMinutes: options.tzOffsetMinutes, hideName: options.hideNames, signal: options.signal,
        drain: async () => {
          while (pending.size >= MAX_PENDING_CHUNKS) await Promise.race(pending);
          if (writeFailures.length > 0) throw new StorageError(writeFailures[0]);
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
    if (builder.size > 0) flush();
    await Promise.all(pending);
    if (result !== undefined) applyResult(row, result);
    if (writeFailures.length > 0) {
      row.state = 'incomplete';
      row.message = `storage failed after ${row.events} events: ${writeFailures[0]}. Free disk space or delete an old case, then re-ingest this file.`;
    }
    await hooks.updateFile(row);
    report();
  }

  for (const issue of containerIssues) {
    const owner = ledger.find((e) => e.path === issue.path);
    if (owner !== undefined) {
      owner.issues.push({ reason: issue.reason });
      owner.message = owner.message === undefined ? issue.reason : `${owner.message}; ${issue.reason}`;
      await hooks.updateFile(owner);
    } else {
      const row: FileLedgerEntry = {
        id: 0, path: issue.path, size: 0, sha256: '', parserId: '', confidence: 0, state: 'failed', bytesRead: 0,
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
  row.issues = r.issues.map((i) => ({ line: i.line, offset: i.offset, reason: i.reason }));
  row.state = r.state;
  row.message = r.message ?? (r.unparsed > 0 ? `${r.unparsed} record(s) not recognised as ${r.parserId}: kept as unparsed` : undefined);
}

/** A bug or a storage failure while reading one file: that file is marked, the others go on. */
function failed(row: FileLedgerEntry, e: unknown): undefined {
  row.state = e instanceof StorageError ? 'incomplete' : 'failed';
  row.message = e instanceof StorageError
    ? `storage failed after ${row.events} events: ${e.message}. Free disk space or delete an old case, then re-ingest this file.`
    : `could not be read: ${e instanceof Error ? e.message : String(e)}`;
  return undefined;
}
