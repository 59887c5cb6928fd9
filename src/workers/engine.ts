// The engine behind EngineApi: plain code that the worker shell exposes and tests call directly.
// It owns the open case: its IndexedDB store and its in-memory query index.
import type {
  CaseInfo, DroppedFile, EngineApi, FileLedgerEntry, IngestOptions, IngestProgress, StorageInfo,
} from './api.ts';
import { getCase, listCases, newCaseId, putCase, removeCase } from './store/catalog.ts';
import { CaseStore } from './store/caseStore.ts';
import { ingestBundle } from './ingest/ingestBundle.ts';
import { createQueryEngine, type QueryEngine } from './query/engine.ts';

interface OpenCase {
  info: CaseInfo;
  store: CaseStore;
  query: QueryEngine;
}

export function createEngine(): EngineApi {
  let open: OpenCase | undefined;
  let ingestAbort: AbortController | undefined;

  const requireCase = (): OpenCase => {
    if (open === undefined) throw new Error('no case is open');
    return open;
  };

  const openCase = async (id: string): Promise<CaseInfo> => {
    const info = await getCase(id);
    if (info === undefined) throw new Error(`case ${id} does not exist`);
    open?.store.close();
    const store = await CaseStore.open(id);
    const query = createQueryEngine();
    await store.forEachChunk((chunk) => query.addChunk(chunk));
    // a file left 'reading' by a closed tab is incomplete: the user can remove or re-ingest it
    for (const f of await store.files()) {
      if (f.state === 'reading' || f.state === 'queued') {
        await store.putFile({ ...f, state: 'incomplete', message: 'ingest was interrupted (tab closed or reloaded): remove this file or ingest it again' });
      }
    }
    open = { info, store, query };
    return info;
  };

  const refreshCounts = async (c: OpenCase): Promise<void> => {
    const files = await c.store.files();
    c.info = {
      ...c.info,
      events: files.reduce((n, f) => n + f.events, 0),
      unparsed: files.reduce((n, f) => n + f.unparsed, 0),
      files: files.length,
      sourceBytes: files.reduce((n, f) => n + f.bytesRead, 0),
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
        open.store.close();
        open = undefined;
      }
      await removeCase(id);
    },
    async storage(): Promise<StorageInfo> {
      const est = await navigator.storage.estimate();
      const persisted = (await navigator.storage.persisted?.()) ?? false;
      return { usageBytes: est.usage ?? 0, quotaBytes: est.quota ?? 0, persisted };
    },

    async ingest(files: DroppedFile[], options: IngestOptions, onProgress: (p: IngestProgress) => void): Promise<IngestProgress> {
      const c = requireCase();
      ingestAbort = new AbortController();
      const sources = files.map(({ path, file }) => ({
        name: path, size: file.size, lastModified: file.lastModified, stream: () => file.stream(),
      }));
      const ledger = await ingestBundle(sources, { ...options, signal: ingestAbort.signal }, {
        addFile: (entry) => c.store.addFile(entry),
        updateFile: (entry) => c.store.putFile(entry),
        chunk: async (chunk) => {
          await c.store.putChunk(chunk);
          c.query.addChunk(chunk);
        },
        progress: (entries) => onProgress({ files: entries, done: false }),
      });
      ingestAbort = undefined;
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
    async release(handle) {
      requireCase().query.release(handle);
    },
    async export() {
      throw new Error('export is not available yet');
    },
  };
}
