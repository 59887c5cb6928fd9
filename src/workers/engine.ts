// The engine behind EngineApi: plain code that the worker shell exposes and tests call directly.
// It owns the open case: its IndexedDB store and its in-memory query index.
import type {
  CaseInfo, DroppedFile, EngineApi, FileLedgerEntry, IngestOptions, IngestProgress, StorageInfo,
} from './api.ts';
import { getCase, listCases, newCaseId, putCase, removeCase } from './store/catalog.ts';
import { CaseStore } from './store/caseStore.ts';
import { inThreadRunner, type IngestRunner } from './ingest/runner.ts';
import { createQueryEngine, type QueryEngine } from './query/engine.ts';
import { repairInterrupted } from './store/repair.ts';
import { FileSources } from './ledger/fileSources.ts';
import { createLedgerOps } from './ledger/ledgerOps.ts';
import { forceLayout } from './graph/forceLayout.ts';

interface OpenCase {
  info: CaseInfo;
  store: CaseStore;
  query: QueryEngine;
}

export interface EngineOptions {
  /** where parsing runs: this thread by default; the browser's engine worker passes a worker-backed runner */
  runIngest?: IngestRunner;
}

export function createEngine(options: EngineOptions = {}): EngineApi {
  const runIngest = options.runIngest ?? inThreadRunner;
  let open: OpenCase | undefined;
  let ingestAbort: AbortController | undefined;

  const requireCase = (): OpenCase => {
    if (open === undefined) throw new Error('no case is open');
    return open;
  };

  const requireIdle = (what: string): void => {
    if (ingestAbort !== undefined) throw new Error(`Cannot ${what} while files are being read: wait for the ingest to finish or cancel it.`);
  };

  // this session's dropped files, so a ledger row can be read again with another parser
  const sources = new FileSources();
  /** Work that writes the case (re-ingest, re-time): never beside an ingest; cancelIngest aborts it. */
  const exclusive = async <T>(what: string, work: (signal: AbortSignal) => Promise<T>): Promise<T> => {
    requireIdle(what);
    const abort = (ingestAbort = new AbortController());
    try {
      return await work(abort.signal);
    } finally {
      ingestAbort = undefined;
    }
  };

  /** The query index is rebuilt from the stored chunks: on open, and after a file is removed. */
  const loadIndex = async (store: CaseStore): Promise<QueryEngine> => {
    const query = createQueryEngine();
    await store.forEachChunk((chunk) => query.addChunk(chunk));
    return query;
  };

  const openCase = async (id: string): Promise<CaseInfo> => {
    requireIdle('open another case');
    const info = await getCase(id);
    if (info === undefined) throw new Error('This case no longer exists (was it deleted in another tab?).');
    // opened before the current case is let go: a case that cannot be opened (newer schema) leaves it open
    const store = await CaseStore.open(id);
    open?.store.close();
    open = undefined;
    // a file left 'reading' by a closed tab: incomplete, counted as stored; the user can remove or re-ingest it
    await repairInterrupted(store);
    const c: OpenCase = { info, store, query: await loadIndex(store) };
    open = c;
    await refreshCounts(c);
    return c.info;
  };

  /** Catalog counts from the ledger (repaired rows count what is stored) and the stored chunk sizes. */
  const refreshCounts = async (c: OpenCase): Promise<void> => {
    const files = await c.store.files();
    const stored = await c.store.storedByFile();
    c.info = {
      ...c.info,
      events: files.reduce((n, f) => n + f.events, 0),
      unparsed: files.reduce((n, f) => n + f.unparsed, 0),
      files: files.length,
      sourceBytes: files.reduce((n, f) => n + f.bytesRead, 0),
      storedBytes: [...stored.values()].reduce((n, t) => n + t.bytes, 0),
    };
    await putCase(c.info);
  };

  return {
    listCases,
    async createCase(name) {
      const info: CaseInfo = { id: newCaseId(), name, createdMs: Date.now(), events: 0, unparsed: 0, files: 0, sourceBytes: 0 };
      await putCase(info);
      await openCase(info.id);
      return info;
    },
    openCase,
    async renameCase(id, name) {
      const info = await getCase(id);
      if (info === undefined) return;
      await putCase({ ...info, name });
      if (open?.info.id === id) open.info = { ...open.info, name };
    },
    async deleteCase(id) {
      if (open?.info.id === id) {
        requireIdle('delete the open case');
        open.store.close();
        open = undefined;
      }
      await removeCase(id);
      sources.forget(id);
    },
    async storage(): Promise<StorageInfo> {
      // Node (tests, CLI) has no StorageManager
      if (typeof navigator === 'undefined' || navigator.storage === undefined) return { usageBytes: 0, quotaBytes: 0, persisted: false };
      const est = await navigator.storage.estimate();
      const persisted = (await navigator.storage.persisted?.()) ?? false;
      return { usageBytes: est.usage ?? 0, quotaBytes: est.quota ?? 0, persisted };
    },

    async ingest(files: DroppedFile[], options: IngestOptions, onProgress: (p: IngestProgress) => void): Promise<IngestProgress> {
      const c = requireCase();
      requireIdle('start another ingest');
      ingestAbort = new AbortController();
      const ledger = await runIngest(files, { ...options, signal: ingestAbort.signal }, {
        addFile: (entry) => c.store.addFile(entry),
        updateFile: (entry) => c.store.putFile(entry),
        chunk: async (chunk) => {
          await c.store.putChunk(chunk);
          c.query.addChunk(chunk);
        },
        progress: (entries) => onProgress({ files: entries, done: false }),
      }).finally(() => { ingestAbort = undefined; });
      sources.remember(c.info.id, files, ledger);
      await refreshCounts(c);
      const progress = { files: ledger, done: true };
      onProgress(progress);
      return progress;
    },
    async cancelIngest() {
      ingestAbort?.abort();
    },
    async ledger(): Promise<FileLedgerEntry[]> {
      return open === undefined ? [] : open.store.files();
    },
    async removeFile(fileId) {
      const c = requireCase();
      requireIdle('remove a file');
      await c.store.deleteFile(fileId);
      sources.forget(c.info.id, fileId);
      // row ids are positions in the index: rebuilding from the remaining chunks is what reopening does
      c.query = await loadIndex(c.store);
      await refreshCounts(c);
      return c.info;
    },

    async query(text) {
      return requireCase().query.query(text);
    },
    async page(handle, offset, limit, sort) {
      return requireCase().query.page(handle, offset, limit, sort);
    },
    async facets(handle, fields, topN) {
      return requireCase().query.facets(handle, fields, topN);
    },
    async histogram(handle, buckets, splitField) {
      return requireCase().query.histogram(handle, buckets, splitField);
    },
    async fieldCatalog() {
      return requireCase().query.fieldCatalog();
    },
    async entitySummary(kind, value, buckets) {
      return requireCase().query.entitySummary(kind, value, buckets);
    },
    async dashboard(buckets) {
      return requireCase().query.dashboard(buckets);
    },
    async graph(text, options) {
      const r = requireCase().query.graph(text, options.nodeCap);
      if (!r.ok) return r;
      const t0 = performance.now();
      const nodes = forceLayout(r.value.nodes, r.value.edges);
      const layoutMs = Math.round(performance.now() - t0);
      return { ok: true, graph: { query: text, ...r.value, nodes, layoutMs } };
    },
    async release(handle) {
      requireCase().query.release(handle);
    },
    async export() {
      throw new Error('export is not available yet');
    },
    ...createLedgerOps({
      runIngest, sources, requireCase, exclusive,
      async reindex(c) {
        const o = requireCase();
        if (o !== c) return c.info; // another case was opened meanwhile: nothing of it to rebuild
        o.query = await loadIndex(o.store);
        await refreshCounts(o);
        return o.info;
      },
    }),
  };
}
