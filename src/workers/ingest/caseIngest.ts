// An ingest into an open case, around ingestBundle: what the engine does before and after the files are read.
// Before: each dropped file is recorded as a unit (units.ts); a file that is an interrupted archive is resumed
// or replaced; the expansion budget is set (the user's limit, else the storage left to the site). During:
// duplicates are caught (duplicates.ts). After: finished units are forgotten, interrupted ones get their row.
import type { DroppedFile, FileLedgerEntry, IngestOptions } from '../api.ts';
import type { CaseStore } from '../store/caseStore.ts';
import type { WireChunk } from '../chunk/packedDict.ts';
import type { DictSnapshot } from '../chunk/caseIds.ts';
import { LedgerBatch } from '../store/ledgerBatch.ts';
import { dropUnit, finishUnits, interruptedUnit, interruptUnits, rowsOf, completeRows, startUnits } from '../store/units.ts';
import type { ExpandBudget } from '../../parsers/containers/guard.ts';
import { zipEntryCount } from '../../parsers/containers/zip-count.ts';
import type { BundleIngestHooks } from './ingestBundle.ts';
import type { IngestRunner } from './runner.ts';
import { seedOf, type AskDuplicate } from './duplicates.ts';
import { IngestCapacity, type Reservable } from '../query/ingestCapacity.ts';

export interface CaseIngestResult {
  ledger: FileLedgerEntry[];
  /** stored events were removed (a duplicate replaced or skipped): the query index must be rebuilt */
  removedEvents: boolean;
}

export interface StoreHooks {
  /** stores (with `write`, which also writes the queued ledger rows) and indexes a chunk */
  chunk(chunk: WireChunk, write: (chunk: WireChunk) => Promise<void>): Promise<void>;
  progress: BundleIngestHooks['progress'];
  /** the case index the chunks go to: its rows are reserved from the files' sizes (query/ingestCapacity.ts) */
  index?: () => Reservable;
}

export async function ingestIntoCase(
  store: CaseStore, runIngest: IngestRunner, files: DroppedFile[], options: IngestOptions & { signal: AbortSignal; caseDict?: DictSnapshot },
  hooks: StoreHooks, ask?: AskDuplicate,
): Promise<CaseIngestResult> {
  const resumed = new Set<string>();
  let removedEvents = false;
  for (const d of files) {
    const unit = await interruptedUnit(store, { path: d.path, size: d.file.size, lastModified: d.file.lastModified });
    if (unit === undefined) continue;
    const known = await store.files();
    const rows = rowsOf(unit, known);
    const answer = ask === undefined ? 'skip' : await ask({
      by: 'interrupted', path: d.path, existingPath: unit.path, existingEvents: rows.reduce((n, r) => n + r.events, 0),
      complete: completeRows(unit, known).length,
    });
    if (answer === 'skip') resumed.add(d.path);
    if (answer === 'replace') {
      // in one transaction: members of a shared chunk (store/unshare.ts) are removed without rewriting each other
      await store.deleteFiles(rows.map((r) => r.id));
      removedEvents ||= rows.length > 0;
    }
    await dropUnit(store, unit);
  }
  await startUnits(store, await Promise.all(files.map(async (d) => ({
    path: d.path, size: d.file.size, lastModified: d.file.lastModified, entries: await zipEntryCount(d.file),
  }))));
  // rows are written in batches, most with their file's chunk (ledgerBatch.ts): one transaction per small member
  // row ids and the duplicate check are the reading side's (ingestBundle): no round trip per member
  const batch = new LedgerBatch(store);
  const capacity = hooks.index === undefined ? undefined : new IngestCapacity(hooks.index());
  const firstRowId = await batch.reserveIds();
  let removed = false;
  let ledger: FileLedgerEntry[];
  try {
    ledger = await runIngest(files, {
      ...options, budget: await expandBudget(options.maxExpandedBytes), firstRowId, duplicates: seedOf(await store.files(), resumed),
    }, {
      addFile: async (entry) => {
        const id = await batch.addFile(entry);
        capacity?.file(id, entry.size);
        return id;
      },
      updateFile: (entry) => batch.putFile(entry),
      // through the batch: a row still queued is never written after its removal
      deleteFile: async (id) => {
        removed = true;
        await batch.deleteFile(id);
      },
      askDuplicate: async (q) => (ask === undefined ? 'keep' : ask(q)),
      // reserved once written, right before the engine's hook adds the chunk to the index
      chunk: (chunk) => hooks.chunk(chunk, async (c) => {
        await batch.putChunk(c);
        capacity?.beforeChunk(c);
      }),
      progress: hooks.progress,
    });
  } finally {
    await batch.flush();
    capacity?.end();
  }
  if (options.signal.aborted) await interruptUnits(store, 'Reading of this archive was cancelled');
  else await finishUnits(store, files.map((d) => d.path));
  return { ledger, removedEvents: removedEvents || removed };
}

/** The user's explicit limit, else the storage the browser still allows this site; none in Node. */
async function expandBudget(limit: number | undefined): Promise<ExpandBudget | undefined> {
  if (limit !== undefined) return { bytes: limit, name: 'the limit set for this ingest' };
  if (typeof navigator === 'undefined' || navigator.storage?.estimate === undefined) return undefined;
  const est = await navigator.storage.estimate();
  if (est.quota === undefined) return undefined;
  return { bytes: Math.max(0, est.quota - (est.usage ?? 0)), name: 'the storage left to this site' };
}
