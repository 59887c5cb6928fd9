// EngineApi: the one contract between the UI (main thread) and the engine (worker), called through comlink.
// Designed for millions of events: the UI only ever receives pages, facets, series and counts —
// never the dataset. Only types here: the app imports this file for types, never engine internals.
import type { AlertState, DetectorInfo, ParamValue } from '../detect/types.ts';

export type { Alert, AlertState, Coverage, DetectorInfo, ParamSpec, ParamValue, Severity } from '../detect/types.ts';
export { SEVERITIES } from '../detect/types.ts';
export type * from './api/query.ts';
export type * from './api/alerts.ts';
export type * from './api/sigma.ts';
export type * from './api/geo.ts';
export type * from './api/ti.ts';
export type * from './api/insight.ts';
export type * from './api/export.ts';
export type * from './api/live.ts';
export type * from './api/redact.ts';
import type { EventRow, Facet, FacetOptions, FieldAlias, FieldCatalogEntry, Histogram, QueryProgress, QueryResult, QueryRunOptions, SortSpec } from './api/query.ts';
import type { AlertFilter, AlertList, AlertStatus } from './api/alerts.ts';
import type { SigmaEnableChange, SigmaLoadResult, SigmaStatus, SigmaTestResult } from './api/sigma.ts';
import type { GeoDataResult, GeoScope, GeoStatus } from './api/geo.ts';
import type { TiAuditRow, TiIpInfo, TiListResult, TiPlan, TiProgress, TiRunResult, TiStatus, TiVia } from './api/ti.ts';
import type { DashboardData, EntityKind, EntitySummary, GraphResult } from './api/insight.ts';
import type { FollowSource, FollowStatus, LiveUpdate, WebhookSettings, WebhookStatus } from './api/live.ts';
import type { Severity } from '../detect/types.ts';
import type { AlertExportFormat, AlertExportOptions, AlertExportResult, ExporterInfo, ExportOptions, ExportProgress, ExportResult } from './api/export.ts';
import type { CaseExportFile, HandoverProgress } from './api/handover.ts';
import type { RedactionMappingResult, RedactionSettings, RedactionState } from './api/redact.ts';

export interface CaseInfo {
  id: string;
  name: string;
  createdMs: number;
  events: number;
  unparsed: number;
  files: number;
  /** bytes of source files ingested into the case */
  sourceBytes: number;
  /** estimated bytes the case's events take in IndexedDB (sum of chunk sizes at write time); absent for cases never counted */
  storedBytes?: number;
  /**
   * Set on the open case while another tab writes it (holds its write lock): this tab shows what is stored so
   * far, read-only, and reloads when the writer finishes. Never stored in the catalog.
   */
  writtenElsewhere?: boolean;
}

/**
 * What another tab did to the open case (pushed through EngineApi.watchCases): 'writing' — it started writing
 * (this tab is read-only now); 'written' — it finished (this tab's index and counts were reloaded: `info`);
 * 'deleted' — it deleted the case (this tab closed it: go back to the case list).
 */
export interface CaseNotice {
  kind: 'writing' | 'written' | 'deleted';
  caseId: string;
  info?: CaseInfo;
}

/**
 * A file of an ingest that is already in the case: 'hash' — same SHA-256 as a stored file (known once read);
 * 'path-size' — same path and size as a stored file (before reading); 'interrupted' — the dropped file is an
 * archive whose earlier reading was interrupted (`complete` of its files are stored whole).
 */
export interface DuplicateQuestion {
  by: 'hash' | 'path-size' | 'interrupted';
  /** the file being ingested now */
  path: string;
  /** the stored file it matches (for 'interrupted': the archive) */
  existingPath: string;
  existingEvents: number;
  complete?: number;
}

/**
 * skip: keep the stored file, leave the new one out (for an interrupted archive: resume — read only what is
 * not stored whole); replace: remove the stored file(s), read the new one; keep: store both.
 * The answer applies to every later duplicate of the same ingest.
 */
export type DuplicateAnswer = 'skip' | 'replace' | 'keep';

export interface StorageInfo {
  /** navigator.storage.estimate(): what the browser says this origin uses and may use */
  usageBytes: number;
  quotaBytes: number;
  persisted: boolean;
  /** the browser refused IndexedDB: cases are kept in memory and lost when the tab closes (store/storageMode.ts) */
  inMemory?: boolean;
}

/** How to read files: the same overrides for a whole ingest, one file's re-ingest, the CLI and the ingest functions. */
export interface ReadOptions {
  /** force a parser (else content sniffing picks one per file) */
  parserId?: string;
  /**
   * An explicit limit on the decompressed bytes this ingest may expand archives to (the user's setting).
   * Without it, the engine uses the storage left to the site (browser) and no limit in Node.
   */
  maxExpandedBytes?: number;
  /** zone of zone-less timestamps, minutes east of UTC (default 0 = UTC) */
  tzOffsetMinutes?: number;
  /** year of year-less timestamps (RFC 3164 and the like), instead of inferring it from the file's date */
  forcedYear?: number;
  /** time layout for parsers that learn it (generic): a value of ParserInfo.timeLayouts, or 'none' */
  timeLayout?: string;
}

/** What a parser that learns its layout (generic) learned from a file: shown and changeable in the ledger. */
export interface FileLayout {
  /** the time layout in words ('year-month-day time, e.g. "2016-09-28 04:30:30", field 1'); absent: none learned */
  time?: string;
  /** the ParserInfo.timeLayouts value of that layout (or the user's choice) */
  timeChoice?: string;
  /** share (0..1) of the file's events whose time the learned layout read at its learned place */
  timeShare?: number;
  /** the columns learned before the free text, in order: time, level, component, tag, pid, thread, host, request */
  header?: string[];
}
/** every file of an ingest is read with these */
export interface IngestOptions extends ReadOptions {
  /**
   * false: the last report and the result carry no rows, for a caller that reads ledger() once after the
   * ingest (the app: 10,001 rows cloned onto the page's main thread twice more were a 60-77 ms task). Default: every row.
   */
  rowsInResult?: boolean;
}

/** One problem of a file as the ledger keeps it: its position (line or byte offset) and why. */
export interface LedgerIssue { line?: number; offset?: number; reason: string }

/** What reading one file tells: the part of its ledger row the ingest fills in (ingest/ingestFile.ts returns it). */
export interface FileReadSummary {
  path: string;
  /**
   * SHA-256 (hex) of the file's bytes as read: for an archive member or a gzip, its decompressed bytes.
   * '' until the file was read to its end (still reading, cancelled, failed).
   */
  sha256: string;
  parserId: string;
  confidence: number;
  /** records the format says were there but that could not be recovered (EVTX records with corrupt headers, a cut chunk) */
  lost?: number;
  /** position of the file among the entries of the dropped file it came from (its identity inside an archive) */
  member?: number;
  /** the name as written in the archive when cleaning changed it ('..' steps, a leading '/', a name like '..') */
  nameInArchive?: string;
  bytesRead: number;
  events: number;
  unparsed: number;
  /** records that belong to the format but are no events (headers, blank lines) */
  meta: number;
  firstTs?: number;
  lastTs?: number;
  tzOffsetMinutes: number;
  /** union of the ts.guess flags seen ('year', 'zone') */
  timeGuess: string;
  /** plain-words explanation for the user (why skipped, what was not read) */
  message?: string;
  /** the time layout and header columns the parser learned from the file (generic parser only) */
  layout?: FileLayout;
  /** the time layout the user chose for this file (absent: learned) */
  timeLayout?: string;
  /**
   * events per parser when the file mixes formats: the file's parser (parserId) and every other parser that read
   * a record it rejected; absent when the file's parser read every event
   */
  parserCounts?: Record<string, number>;
  /** first problems with their position */
  issues: LedgerIssue[];
}

/** One file of the bundle as the ledger shows it (evidence manifest). */
export interface FileLedgerEntry extends FileReadSummary {
  id: number;
  size: number;
  /**
   * damaged: read to its end, but part of it could not be recovered (records or bytes lost: see `lost`, message);
   * incomplete: not read to its end (interrupted, storage full, expansion budget used up).
   */
  state: 'queued' | 'reading' | 'done' | 'skipped' | 'failed' | 'cancelled' | 'incomplete' | 'damaged';
  /** the year the user set for year-less timestamps (absent: inferred from the file's date) */
  forcedYear?: number;
}

/** A dropped or picked file with its path inside the bundle (folders keep their relative paths). */
export interface DroppedFile {
  path: string;
  file: File;
}

/** How to read one file again (ledger): another parser re-reads it; a zone or year alone re-times its events. */
export type ReingestOptions = ReadOptions;

/** needsFile: the file's bytes are not held any more (the page was reloaded): the user must pick it again. */
export type ReingestResult =
  | { ok: true; info: CaseInfo; file: FileLedgerEntry }
  | { ok: false; needsFile: true; message: string };

export interface ParserInfo {
  id: string;
  title: string;
  /** the time layouts the user may pick for a file this parser reads (parsers that learn the layout) */
  timeLayouts?: { value: string; title: string }[];
}

export interface IngestProgress {
  /**
   * While reading (done: false): only the rows added or changed since the previous report, at most ~4 reports a
   * second (merge them by id). The last report (done: true): every row of this ingest (none with
   * IngestOptions.rowsInResult false).
   */
  files: FileLedgerEntry[];
  done: boolean;
}

export interface EngineApi {
  // cases
  listCases(): Promise<CaseInfo[]>;
  createCase(name: string): Promise<CaseInfo>;
  openCase(id: string): Promise<CaseInfo>;
  renameCase(id: string, name: string): Promise<void>;
  deleteCase(id: string): Promise<void>;
  /**
   * The whole case as one hand-over file (src/workers/handover: events, ledger, alerts with status and note,
   * Sigma rules, settings, the enrichment cache of its addresses; never API keys or the webhook URL).
   */
  exportCase(id: string, onProgress?: (p: HandoverProgress) => void): Promise<CaseExportFile>;
  /** Reads a hand-over file into a new case (a new id when its id is taken); refused files leave nothing behind. */
  importCase(file: Blob, onProgress?: (p: HandoverProgress) => void): Promise<CaseInfo>;
  /** stops the running case export (nothing is saved) or import (the partial case is deleted; nothing else touched) */
  cancelHandover(): Promise<void>;
  /** what other tabs do to the open case (start or finish writing it, delete it) is pushed to `onNotice` */
  watchCases(onNotice: (n: CaseNotice) => void): Promise<void>;
  /** usage, quota and persistence; asking for persistence is the main thread's job (navigator.storage.persist) */
  storage(): Promise<StorageInfo>;

  // ingest into the open case; progress is pushed through the callback (a comlink proxy)
  /**
   * `onDuplicate` is asked (once per ingest) when a file is already in the case; without it, duplicates are kept
   * with a note and an interrupted archive is resumed.
   */
  ingest(
    files: DroppedFile[], options: IngestOptions, onProgress: (p: IngestProgress) => void,
    onDuplicate?: (q: DuplicateQuestion) => Promise<DuplicateAnswer>,
  ): Promise<IngestProgress>;
  cancelIngest(): Promise<void>;
  ledger(): Promise<FileLedgerEntry[]>;
  /**
   * The ledger rows after row id `afterId`, in id order, at most `limit`: the page reads a big ledger in pages
   * (app/state/readLedger.ts), each message a short task of its own (10,001 rows in one cost ~40 ms of CPU).
   */
  ledgerPage(afterId: number, limit: number): Promise<FileLedgerEntry[]>;
  /** Deletes a file's events and ledger row from the open case (an incomplete or failed file, before re-ingesting it). */
  removeFile(fileId: number): Promise<CaseInfo>;
  /** the parsers a file can be read with, in registry order (the ledger's parser choice) */
  parsers(): Promise<ParserInfo[]>;
  /**
   * Reads one file again: with another parser (needs its bytes: kept for files dropped this session, else `file`,
   * the file or the archive holding it, picked again), or re-times its stored events when only zone/year change.
   */
  reingestFile(fileId: number, options: ReingestOptions, file?: File): Promise<ReingestResult>;
  /** the ledger (evidence manifest) as a CSV or JSON download */
  exportLedger(format: 'csv' | 'json'): Promise<Blob>;

  // queries over the open case
  /**
   * Runs a query in slices: the engine answers other calls meanwhile, reports progress (at most ~10 times a
   * second, through a comlink proxy) and stops when cancelled. A new query cancels the one still running.
   */
  query(text: string, options?: QueryRunOptions, onProgress?: (p: QueryProgress) => void): Promise<QueryResult>;
  /** Stops the running query if it is run `runId` (it then resolves with cancelled: true); else does nothing. */
  cancelQuery(runId: number): Promise<void>;
  page(handle: number, offset: number, limit: number, sort?: SortSpec): Promise<EventRow[]>;
  facets(handle: number, fields: string[], topN: number, options?: FacetOptions): Promise<Facet[]>;
  histogram(handle: number, buckets: number, splitField?: string): Promise<Histogram>;
  fieldCatalog(): Promise<FieldCatalogEntry[]>;
  /** the aliases the query language accepts, for the query help */
  aliases(): Promise<FieldAlias[]>;
  /** one event by row id (an open event restored from the URL); undefined when the case has no such row */
  event(row: number): Promise<EventRow | undefined>;
  /**
   * the event and up to n events before and after it in time, in all files or only in its own file; with
   * withinMs, only those at most that far from it in time (n still caps each side)
   */
  surrounding(row: number, n: number, sameFile: boolean, withinMs?: number): Promise<EventRow[]>;
  /** what the case knows about one IP, user or host (entity page) */
  entitySummary(kind: EntityKind, value: string, buckets: number): Promise<EntitySummary>;
  /** the dashboard's series over the whole case */
  dashboard(buckets: number): Promise<DashboardData>;
  /** logon/connection graph of the query's events: the top nodeCap nodes by events, laid out */
  graph(text: string, options: { nodeCap: number }): Promise<GraphResult>;
  release(handle: number): Promise<void>;

  // detection over the open case: runs after every ingest, on open, and when a detector's parameters change
  alerts(filter?: AlertFilter): Promise<AlertList>;
  /** the built-in detectors with their parameters in force, coverage and alert counts */
  detectors(): Promise<DetectorInfo[]>;
  /** stores the detector's parameters (defaults overlaid, clamped to ranges) in the case and re-runs it */
  setDetectorParams(id: string, params: Record<string, ParamValue>): Promise<DetectorInfo>;
  /** status, note and owner of an alert, kept in the case across re-runs (owner absent: unchanged) */
  setAlertState(id: string, state: { status: AlertStatus; note: string; owner?: string }): Promise<AlertState>;
  /**
   * Resolves when the open case's detection run is done. Detection runs in the background after an ingest, on
   * open (unless the stored alerts are current) and after enrichment changes; alerts() says `running` meanwhile.
   */
  detected(): Promise<void>;

  // Sigma rules kept with the open case: run with the detectors after every ingest and on every change here
  /** the coverage report: every document of every loaded rule file, active, inactive or rejected, with why */
  sigmaStatus(): Promise<SigmaStatus>;
  /** Loads rule files: .yml/.yaml, the files of a folder, zips (or tarballs) of a rule repository, streamed. */
  addSigmaRules(files: DroppedFile[]): Promise<SigmaLoadResult>;
  /** removes the rule files of these paths, or every one (their alerts go; statuses and notes stay for a reload) */
  removeSigmaRules(paths?: string[]): Promise<SigmaStatus>;
  setSigmaEnabled(change: SigmaEnableChange): Promise<SigmaStatus>;
  /** runs a pasted rule over the case without keeping it: errors, matches with why, alerts */
  testSigmaRule(text: string, limit: number): Promise<SigmaTestResult>;
  /** the built-in detectors as Sigma rules (correlations and plain rules, YAML) with the case's parameters */
  exportDetectorsSigma(): Promise<Blob>;

  // GeoIP: <role>.host.loc.* are derived from the IPs of the open case (never stored in its chunks)
  geoStatus(): Promise<GeoStatus>;
  /** Adds a .mmdb or a JSON/CSV range file, kept with the open case or for all cases; the case is re-enriched. */
  addGeoData(file: Blob, name: string, scope: GeoScope): Promise<GeoDataResult>;
  removeGeoData(id: string): Promise<GeoStatus>;

  // exports (src/workers/export): the engine streams the file in pages into a Blob; the UI only saves it
  /** the exporters, in menu order */
  exporters(): Promise<ExporterInfo[]>;
  /** the events of a query handle in the given sort, written by one exporter; progress ~10 times a second */
  export(handle: number, exporterId: string, options: ExportOptions, onProgress?: (p: ExportProgress) => void): Promise<ExportResult>;
  /** stops export `runId` (it resolves with cancelled: true) */
  cancelExport(runId: number): Promise<void>;
  // Threat intelligence: ti.* are derived from the open case's IPs and what the offline lists and the cache
  // say about them. Nothing is sent before runTiLookup(plan) for a plan the user confirmed.
  tiStatus(): Promise<TiStatus>;
  /** Adds an offline reputation list (CSV/JSON), kept with the open case or for all cases. */
  addTiList(file: Blob, name: string, scope: GeoScope): Promise<TiListResult>;
  removeTiList(id: string): Promise<TiStatus>;
  /** Holds a provider's key in memory, and in IndexedDB only when remember is true (forgetTiKey removes it). */
  setTiKey(providerId: string, key: string, remember: boolean): Promise<TiStatus>;
  forgetTiKey(providerId: string): Promise<TiStatus>;
  setTiCacheTtl(hours: number): Promise<TiStatus>;
  /** The public IPs of the open case a lookup would send (most frequent first, at most limit); sends nothing. */
  planTiLookup(providerId: string, via: TiVia, limit: number): Promise<TiPlan | { error: string }>;
  /** Sends the confirmed plan's IPs (rate-limited, cached, audited); the case's ti.* fields are re-derived. */
  runTiLookup(planId: number, onProgress?: (p: TiProgress) => void): Promise<TiRunResult>;
  cancelTiLookup(): Promise<void>;
  /** every request sent for the open case */
  tiAudit(): Promise<TiAuditRow[]>;
  exportTiAudit(): Promise<Blob>;
  /** what is known about one IP (entity page) and where to look it up by hand */
  tiOfIp(ip: string): Promise<TiIpInfo>;

  // live follow (issue 16; types in api/live.ts): granted folders/files polled by the engine, appended bytes only
  /** adds granted sources to the open case's follow (kept with the case) and starts polling */
  followAdd(sources: Omit<FollowSource, 'id'>[]): Promise<FollowStatus>;
  followStatus(): Promise<FollowStatus>;
  /** resumes the sources kept with the case (after the UI re-granted their permission), from the stored offsets */
  followStart(): Promise<FollowStatus>;
  /** stops polling; the sources and offsets stay with the case */
  followStop(): Promise<FollowStatus>;
  followRemove(sourceId: string): Promise<FollowStatus>;
  /** poll interval (250 ms .. 60 s) and the severity from which browser notifications are asked for (undefined: off) */
  followSettings(settings: { intervalMs?: number; notifyAt?: Severity }): Promise<FollowStatus>;
  /** each poll that changed something is pushed to `onUpdate` */
  watchLive(onUpdate: (u: LiveUpdate) => void): Promise<void>;
  /** live alerts posted to a webhook (opt-in; the URL stays in the engine, only its origin is shown) */
  webhookStatus(): Promise<WebhookStatus>;
  /** switches posting on: validates the URL, starts the poster worker allowed only that origin */
  webhookOn(settings: WebhookSettings): Promise<WebhookStatus>;
  /** terminates the poster worker: no request can go out */
  webhookOff(): Promise<WebhookStatus>;
  /** switches off and drops the URL from memory and from this device */
  webhookForget(): Promise<WebhookStatus>;
  /** an alert as a message to paste into a chat or ticket */
  alertMessage(id: string, format: 'text' | 'markdown'): Promise<string>;

  /** the alerts the filter lists, with status, note, remediation and evidence, as JSON or CSV */
  exportAlerts(format: AlertExportFormat, filter: AlertFilter, options: AlertExportOptions): Promise<AlertExportResult>;

  // redaction (src/workers/redact): pseudonyms in pages, event detail, facets and every export; the case is unchanged
  setRedaction(settings: RedactionSettings): Promise<RedactionState>;
  redaction(): Promise<RedactionState>;
  /** the open case's mapping table as CSV (kind, pseudonym, original): for the analyst only */
  redactionMapping(): Promise<RedactionMappingResult>;
}
