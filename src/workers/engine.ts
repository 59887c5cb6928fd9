// The engine behind EngineApi: plain code that the worker shell exposes and tests call directly.
// It owns the open case: its IndexedDB store and its in-memory query index.
import type {
  CaseInfo, CaseNotice, DroppedFile, DuplicateAnswer, DuplicateQuestion, EngineApi, FileLedgerEntry, IngestOptions, IngestProgress,
} from './api.ts';
import { deleteGlobalSetting, getCase, getGlobalSetting, listCases, newCaseId, putCase, removeCase, setGlobalSetting } from './store/catalog.ts';
import { CaseStore } from './store/caseStore.ts';
import { inThreadRunner, type IngestRunner } from './ingest/runner.ts';
import type { QueryEngine } from './query/engine.ts';
import { loadCaseIndex } from './query/loadIndex.ts';
import { repairInterrupted } from './store/repair.ts';
import { storageInfo } from './store/storageInfo.ts';
import { FileSources } from './ledger/fileSources.ts';
import { createLedgerOps } from './ledger/ledgerOps.ts';
import { ingestIntoCase } from './ingest/caseIngest.ts';
import { DictSession } from './query/dictSession.ts';
import { tryLockCase, waitForCaseLock, type CaseLock } from './tabs/caseLock.ts';
import { CaseNotices, type TabNotice } from './tabs/caseNotices.ts';
import { CaseAlerts } from './alerts/caseAlerts.ts';
import { detectionSource } from './alerts/detectionSource.ts';
import { caseTable } from './query/eventTable.ts';
import type { CaseIndex } from './query/caseIndex.ts';
import type { EventTable } from '../detect/types.ts';
import { GeoService, type GeoBytesLoader } from './enrich/geoService.ts';
import { createGeoOps, loadUserGeoData } from './enrich/geoOps.ts';
import { createExportOps } from './export/ops.ts';
import { createHandoverOps } from './handover/handoverOps.ts';
import { TiService } from './enrich/ti/tiService.ts';
import { createTiOps, loadTiLists, type TiHost } from './enrich/ti/tiOps.ts';
import { createLiveOps } from './live/liveOps.ts';
import { WEBHOOK_SETTING, WebhookPoster, type WebhookTransport } from './live/webhook.ts';
import type { FollowSource } from './api/live.ts';
import type { FollowFs } from './live/types.ts';
import { createSigmaOps } from './alerts/sigmaOps.ts';
import { createAlertOps } from './alerts/alertOps.ts';
import { createViewOps } from './query/viewOps.ts';
import { createRedaction } from './redact/ops.ts';
import { redactedViews } from './redact/views.ts';
import { seedNames } from './redact/seed.ts';
import { redactedPushes, shownAlerts } from './redact/pushes.ts';

interface OpenCase {
  info: CaseInfo;
  store: CaseStore;
  query: QueryEngine;
  alerts: CaseAlerts;
}

// one table per index: the detectors cache their inputs per table object (and its row count)
const tables = new WeakMap<CaseIndex, EventTable>();
function tableOf(c: OpenCase): EventTable {
  let t = tables.get(c.query.index);
  if (t === undefined) tables.set(c.query.index, (t = caseTable(c.query.index)));
  return t;
}

export interface EngineOptions {
  /** where parsing runs: this thread by default; the browser's engine worker passes a worker-backed runner */
  runIngest?: IngestRunner;
  /** reads the built-in GeoIP tables (the worker fetches the app's assets; Node reads the built files); none: no built-in GeoIP */
  geoData?: GeoBytesLoader;
  /**
   * Threat intelligence's way out: the browser's engine worker opens its fetch worker for one confirmed batch;
   * tests pass a fake. None: online lookups are not available (offline lists still work). now/sleep: test clocks.
   */
  ti?: Pick<TiHost, 'openFetcher' | 'now' | 'sleep'>;
  /** live follow's file system (tests: a simulated one); default: the File System Access handles granted */
  followFs?: (sources: () => readonly FollowSource[]) => FollowFs;
  /** starts the webhook poster worker for an origin; absent: no webhooks (the single file, Node) */
  webhook?: (origin: string) => WebhookTransport;
}

export function createEngine(options: EngineOptions = {}): EngineApi {
  const runIngest = options.runIngest ?? inThreadRunner;
  let open: OpenCase | undefined;
  let ingestAbort: AbortController | undefined;
  const geo = new GeoService(options.geoData);
  void geo.ready(); // the built-in tables load while the user picks a case
  const ti = new TiService(options.ti?.now);
  /** the index's derived fields: GeoIP loc, then threat intelligence */
  const derivations = () => [...geo.derivations(), ...ti.derivations()];

  /** GeoIP or threat-intelligence data changed: re-derive the open case's fields and re-run the detectors. */
  const rederive = async (): Promise<void> => {
    const o = open;
    if (o === undefined) return;
    o.query.index.setDerivations(derivations());
    tables.delete(o.query.index); // the detectors' caches are per table object: derived columns changed
    detect(o); // new-country and multi-signal read loc and ti.score
  };

  /** Detection of the case in the background (alerts/backgroundRuns.ts): the caller answers without waiting. */
  const detect = (c: OpenCase): void => c.alerts.schedule(detectionSource(
    c.store, () => (open === c ? tableOf(c) : undefined), () => geo.revision() + ti.revision(),
  ));

  /** what GeoIP and threat intel derive into: the open case's store and index */
  const enrichTarget = () => (open === undefined ? undefined : { store: open.store, index: open.query.index });
  const requireCase = (): OpenCase => {
    if (open === undefined) throw new Error('no case is open');
    return open;
  };

  // redaction (issue 13): pseudonyms for the views and exports of the open case; the stored case is untouched
  const redaction = createRedaction();
  const { setRedaction, redaction: redactionState, redactionMapping } = redaction;
  /** the redactor while Redact is on, every account and host of the case numbered (text naming them is redacted) */
  const shownRedactor = () => { const r = redaction.active(); if (r !== undefined && open !== undefined) seedNames(open.query.index, r); return r; };

  const requireIdle = (what: string): void => {
    if (ingestAbort !== undefined) throw new Error(`Cannot ${what} while files are being read: wait for the ingest to finish or cancel it.`);
  };

  // --- one writer per case across tabs (tabs/caseLock.ts), and notices between tabs (tabs/caseNotices.ts) ---
  let watcher: ((n: CaseNotice) => void) | undefined;
  const tell = (n: CaseNotice) => { try { watcher?.(n); } catch { /* the UI went away */ } };
  const notices = new CaseNotices((n) => void onTabNotice(n));
  /** the open case is written here right now (this tab holds its lock) */
  let writingHere = false;

  /** Runs work that writes case `id` while holding its lock; refuses when another tab holds it. */
  const writing = async <T>(id: string, work: () => Promise<T>, announce = true): Promise<T> => {
    const lock: CaseLock | undefined = await tryLockCase(id);
    if (lock === undefined) throw new Error('This case is being written in another tab: wait until that tab has finished, then try again.');
    writingHere = true;
    if (announce) notices.post({ kind: 'writing', caseId: id });
    try {
      return await work();
    } finally {
      writingHere = false;
      lock.release();
      if (announce) notices.post({ kind: 'written', caseId: id });
    }
  };

  /** The open case was deleted (another tab): let go of it and tell the UI, which returns to the case list. */
  const caseGone = (id: string) => {
    if (open?.info.id !== id) return;
    open.store.close();
    open = undefined;
    void redaction.closed();
    sources.forget(id);
    tell({ kind: 'deleted', caseId: id });
  };

  const onTabNotice = async (n: TabNotice): Promise<void> => {
    const c = open;
    if (n.kind === 'deleted') return caseGone(n.caseId);
    if (c === undefined || c.info.id !== n.caseId || writingHere) return;
    if (n.kind === 'writing') {
      c.info = { ...c.info, writtenElsewhere: true };
      tell({ kind: 'writing', caseId: n.caseId, info: c.info });
      followWriter(c);
    }
    // 'written': followWriter reloads once the lock is free (the notice alone would miss a writer that died)
  };

  /** cases whose writer (another tab) this tab waits for */
  const following = new Set<OpenCase>();
  /**
   * While another tab writes the open case: wait for its lock, then (holding it for a moment) repair what a
   * writer that died left 'reading', reload the index and counts, and tell the UI: read-only is over.
   */
  const followWriter = (c: OpenCase): void => {
    if (following.has(c)) return;
    following.add(c);
    void (async () => {
      try {
        const lock = await waitForCaseLock(c.info.id);
        try {
          // held only for the repair: the writer's tab may want the lock back at once
          if (open === c) await repairInterrupted(c.store);
        } finally {
          lock.release();
        }
        if (open !== c) return;
        const query = await loadIndex(c.store);
        if (open !== c) return;
        c.query = query;
        c.info = { ...c.info, writtenElsewhere: undefined };
        await refreshCounts(c);
        tell({ kind: 'written', caseId: c.info.id, info: c.info });
      } catch {
        // the case went away meanwhile (deleted): caseGone has told the UI
      } finally {
        following.delete(c);
      }
    })();
  };

  // this session's dropped files, so a ledger row can be read again with another parser
  const sources = new FileSources();
  /** Work that writes the case (re-ingest, re-time): never beside an ingest; cancelIngest aborts it. */
  const exclusive = async <T>(what: string, work: (signal: AbortSignal) => Promise<T>): Promise<T> => {
    requireIdle(what);
    const abort = (ingestAbort = new AbortController());
    try {
      return await writing(requireCase().info.id, () => work(abort.signal));
    } finally {
      ingestAbort = undefined;
    }
  };

  /** The query index rebuilt from the stored chunks (query/loadIndex.ts): on open, and after a file is removed. */
  const loadIndex = (store: CaseStore, enrichment?: Promise<unknown>): Promise<QueryEngine> => loadCaseIndex(store, derivations, enrichment);

  const openCase = async (id: string): Promise<CaseInfo> => {
    requireIdle('open another case');
    const info = await getCase(id);
    if (info === undefined) throw new Error('This case no longer exists (was it deleted in another tab?).');
    // opened before the current case is let go: a case that cannot be opened (newer schema) leaves it open
    const store = await CaseStore.open(id, () => caseGone(id));
    open?.store.close();
    open = undefined;
    // a file left 'reading' by a closed tab: incomplete, counted as stored. Only when no tab holds the case's
    // lock: a row 'reading' in a case another tab is writing is being read right now.
    const lock = await tryLockCase(id);
    if (lock !== undefined) {
      try {
        await repairInterrupted(store);
      } finally {
        lock.release();
      }
    }
    // the chunks are read while the GeoIP tables decode and the alerts load
    const enrichment = Promise.all([loadUserGeoData(geo, store), loadTiLists(ti, store)]);
    const [query, alerts] = await Promise.all([loadIndex(store, enrichment), CaseAlerts.load(store)]);
    const c: OpenCase = { info, store, query, alerts };
    await redaction.opened(info, store);
    open = c;
    if (lock !== undefined) await refreshCounts(c);
    else {
      c.info = { ...c.info, writtenElsewhere: true }; // counts as the writer keeps them; read-only until it is done
      followWriter(c);
    }
    detect(c);
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
    const { writtenElsewhere: _transient, ...entry } = c.info;
    await putCase(entry);
  };

  const api: EngineApi = {
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
      if (open?.info.id === id) requireIdle('delete the open case');
      await writing(id, async () => {
        if (open?.info.id === id) {
          await redaction.closed();
          open.store.close();
          open = undefined;
        }
        // other tabs with the case open let go of it (their store's versionchange) and hear 'deleted'
        await removeCase(id);
        sources.forget(id);
      }, false);
      notices.post({ kind: 'deleted', caseId: id });
    },
    async watchCases(onNotice) {
      watcher = onNotice;
    },
    storage: storageInfo,

    async ingest(
      files: DroppedFile[], options: IngestOptions, onProgress: (p: IngestProgress) => void,
      onDuplicate?: (q: DuplicateQuestion) => Promise<DuplicateAnswer>,
    ): Promise<IngestProgress> {
      const c = requireCase();
      requireIdle('start another ingest');
      const abort = (ingestAbort = new AbortController());
      // the ingest worker assigns case ids from the index's dictionary (chunk/caseIds.ts); each chunk is resolved
      // against the index before it is stored (query/dictSession.ts)
      const dict = new DictSession(c.query.index);
      const { ledger, removedEvents } = await writing(c.info.id, () => ingestIntoCase(c.store, runIngest, files, { ...options, signal: abort.signal, caseDict: dict.snapshot }, {
        chunk: async (chunk, write) => {
          const ready = dict.resolve(chunk, c.query.index);
          await write(ready);
          c.query.addChunk(ready);
        },
        progress: (entries) => onProgress({ files: entries, done: false }),
        index: () => c.query.index,
      }, onDuplicate)).finally(() => {
        ingestAbort = undefined;
        dict.end(c.query.index);
      });
      sources.remember(c.info.id, files, ledger);
      // a duplicate replaced or skipped took events out: row ids are positions in the index, rebuild it
      if (removedEvents) c.query = await loadIndex(c.store);
      await refreshCounts(c);
      detect(c);
      const progress = { files: options.rowsInResult === false ? [] : ledger, done: true };
      onProgress(progress);
      return progress;
    },
    async cancelIngest() {
      ingestAbort?.abort();
    },
    async ledger(): Promise<FileLedgerEntry[]> {
      return open === undefined ? [] : open.store.files();
    },
    async ledgerPage(afterId, limit) {
      return open === undefined ? [] : open.store.filesAfter(afterId, limit);
    },
    async removeFile(fileId) {
      const c = requireCase();
      requireIdle('remove a file');
      await writing(c.info.id, () => c.store.deleteFile(fileId));
      sources.forget(c.info.id, fileId);
      // row ids are positions in the index: rebuilding from the remaining chunks is what reopening does
      c.query = await loadIndex(c.store);
      await refreshCounts(c);
      detect(c);
      return c.info;
    },

    ...createViewOps(requireCase, () => open),
    setRedaction, redaction: redactionState, redactionMapping,
    ...createAlertOps({
      current: () => { const c = requireCase(); return { alerts: c.alerts, table: () => tableOf(c) }; },
      alertsIfOpen: () => open?.alerts,
    }),
    ...createLedgerOps({
      runIngest, sources, requireCase, exclusive,
      async reindex(c) {
        const o = requireCase();
        if (o !== c) return c.info; // another case was opened meanwhile: nothing of it to rebuild
        o.query = await loadIndex(o.store);
        await refreshCounts(o);
        detect(o);
        return o.info;
      },
    }),
    ...createExportOps({
      current: () => {
        const c = open;
        return c === undefined ? undefined : {
          index: c.query.index, rows: (h) => c.query.rows(h), caseName: c.info.name, ledger: () => c.store.files(), alerts: async (f) => { await c.alerts.settled(); return c.alerts.list(f).alerts; },
        };
      },
      redactor: () => redaction.active(),
    }),
    ...createHandoverOps({ requireIdle, locked: (id, work) => writing(id, work, false) }),
    ...createGeoOps({ geo, rederive, current: enrichTarget }),
    ...createTiOps({ ti, ...options.ti, rederive, current: enrichTarget }),
    // live follow (issue 16): polls in this worker; writes under the case's lock like an ingest
    ...createLiveOps<OpenCase>({
      current: () => open, busy: () => ingestAbort !== undefined, writing: (id, work) => writing(id, work, false), refreshCounts,
      detect: async (c) => { await c.alerts.runAll(tableOf(c)); },
      reindex: async (c) => { c.query = await loadIndex(c.store); }, fs: options.followFs,
      shownAlerts: (alerts) => shownAlerts(alerts, shownRedactor()),
      webhook: new WebhookPoster(options.webhook, {
        get: () => getGlobalSetting(WEBHOOK_SETTING), set: (v) => setGlobalSetting(WEBHOOK_SETTING, v), delete: () => deleteGlobalSetting(WEBHOOK_SETTING),
      }),
    }),
    ...createSigmaOps({ current: () => { const c = requireCase(); return { alerts: c.alerts, table: tableOf(c) }; } }),
  };
  return {
    ...api,
    // redaction (redact/views.ts): the views get pseudonyms, what they send back is put back to the originals
    ...redactedViews(api, { redactor: () => redaction.active(), caseName: () => open?.info.name ?? '', seedNames: (red) => open !== undefined && seedNames(open.query.index, red) }),
    ...redactedPushes(api, { redactor: shownRedactor }),
    // the hand-over reads the case's settings: a numbering not yet saved goes with it
    exportCase: async (id, onProgress) => { await redaction.flush(); return api.exportCase(id, onProgress); },
  };
}
