// EngineApi: the one contract between the UI (main thread) and the engine (worker), called through comlink.
// Designed for millions of events: the UI only ever receives pages, facets, series and counts —
// never the dataset. Only types here: the app imports this file for types, never engine internals.
import type { EventFields } from '../core/schema.ts';

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
}

export interface StorageInfo {
  /** navigator.storage.estimate(): what the browser says this origin uses and may use */
  usageBytes: number;
  quotaBytes: number;
  persisted: boolean;
}

export interface IngestOptions {
  /** force a parser for every file of this ingest (else content sniffing picks one per file) */
  parserId?: string;
  /** zone of zone-less timestamps, minutes east of UTC (default 0 = UTC) */
  tzOffsetMinutes?: number;
  /** year of year-less timestamps (RFC 3164 and the like), instead of inferring it from the file's date */
  forcedYear?: number;
}

/** One file of the bundle as the ledger shows it (evidence manifest). */
export interface FileLedgerEntry {
  id: number;
  path: string;
  size: number;
  /**
   * SHA-256 (hex) of the file's bytes as read: for an archive member or a gzip, its decompressed bytes.
   * '' until the file was read to its end (still reading, cancelled, failed).
   */
  sha256: string;
  parserId: string;
  confidence: number;
  state: 'queued' | 'reading' | 'done' | 'skipped' | 'failed' | 'cancelled' | 'incomplete';
  bytesRead: number;
  events: number;
  unparsed: number;
  /** records that belong to the format but are no events (headers, blank lines) */
  meta: number;
  firstTs?: number;
  lastTs?: number;
  tzOffsetMinutes: number;
  /** the year the user set for year-less timestamps (absent: inferred from the file's date) */
  forcedYear?: number;
  timeGuess: string;
  /** plain-words explanation for the user (why skipped, what was not read) */
  message?: string;
  /** first problems with their position */
  issues: { line?: number; offset?: number; reason: string }[];
}

/** A dropped or picked file with its path inside the bundle (folders keep their relative paths). */
export interface DroppedFile {
  path: string;
  file: File;
}

/** How to read one file again (ledger): another parser re-reads it; a zone or year alone re-times its events. */
export interface ReingestOptions {
  parserId?: string;
  tzOffsetMinutes?: number;
  forcedYear?: number;
}

/** needsFile: the file's bytes are not held any more (the page was reloaded): the user must pick it again. */
export type ReingestResult =
  | { ok: true; info: CaseInfo; file: FileLedgerEntry }
  | { ok: false; needsFile: true; message: string };

export interface ParserInfo { id: string; title: string }

export interface IngestProgress {
  files: FileLedgerEntry[];
  done: boolean;
}

export type SortDir = 'asc' | 'desc';
export interface SortSpec { field: string; dir: SortDir }

export interface QueryError {
  message: string;
  /** 0-based character position in the query text */
  position: number;
}

export interface QueryHandle {
  id: number;
  total: number;
  /** milliseconds the engine spent evaluating */
  tookMs: number;
  /** non-fatal remarks with positions, e.g. "unknown field 'foo': it matches no event" */
  warnings?: QueryError[];
}

export type QueryResult = { ok: true; handle: QueryHandle } | { ok: false; error: QueryError };

export interface EventRow {
  /** stable id of the event within the case */
  row: number;
  fields: EventFields;
}

export interface FacetValue { value: string; count: number }
export interface Facet { field: string; distinct: number; missing: number; values: FacetValue[] }

export interface HistogramBucket { start: number; count: number; split?: Record<string, number> }
export interface Histogram { bucketMs: number; from: number; to: number; buckets: HistogramBucket[]; splitField?: string }

export interface FieldCatalogEntry { field: string; kind: 'num' | 'dict' | 'text'; count: number; samples: string[] }

/** A value the UI can click through: `query` selects its events (the engine writes query text, the UI never quotes). */
export interface FilterValue extends FacetValue { query: string }

export type EntityKind = 'ip' | 'user' | 'host';

/** A value seen beside the entity (a user an IP tried, an IP a user came from), with its outcomes. */
export interface Counterpart {
  kind?: EntityKind;
  value: string;
  count: number;
  success: number;
  failure: number;
  /** the entity's events with this counterpart */
  query: string;
}

export interface CounterpartGroup {
  field: string;
  /** plain words: "Users it tried", "Source IPs" */
  title: string;
  distinct: number;
  values: Counterpart[];
}

/** The Hayabusa logon-summary idea: logon events (action:logon) of the entity and how they went. */
export interface LogonSummary {
  total: number;
  success: number;
  failure: number;
  /** logon.type_name (Windows logon types) */
  types: FacetValue[];
  /** data.auth_method (sshd: password, publickey) */
  methods: FacetValue[];
}

export interface EntitySummary {
  kind: EntityKind;
  value: string;
  /** selects the entity's events: "show these events" runs it in the search view */
  query: string;
  total: number;
  firstSeen?: number;
  lastSeen?: number;
  outcomes: FilterValue[];
  /** the entity's events over time, split by outcome */
  activity: Histogram;
  logons: LogonSummary;
  counterparts: CounterpartGroup[];
  /** ports, apps, actions, event ids: only fields the entity's events carry */
  facets: { field: string; title: string; distinct: number; values: FilterValue[] }[];
  /** *.host.loc.* facets (GeoIP enrichment) when the case has them; empty otherwise */
  location: Facet[];
}

export interface GraphNode {
  /** `${kind}:${value}` */
  id: string;
  kind: EntityKind;
  value: string;
  /** events the node takes part in (as an edge end) */
  count: number;
  success: number;
  failure: number;
  /** layout position (force layout computed in the worker) and radius from the count */
  x: number;
  y: number;
  r: number;
}

export interface GraphEdge { source: string; target: string; count: number; success: number; failure: number }

export interface Graph {
  query: string;
  nodes: GraphNode[];
  edges: GraphEdge[];
  /** before the node cap: "showing the top N of M" */
  totalNodes: number;
  totalEdges: number;
  /** events of the query that made at least one edge */
  events: number;
  layoutMs: number;
}

export type GraphResult = { ok: true; graph: Graph } | { ok: false; error: QueryError };

/** A series name (outcome value) -> the query term selecting it; "(other)" and "(none)" have none. */
export type SeriesQueries = Record<string, string>;

/** The mini-SIEM page, aggregated in the engine (every series small enough for one chart). */
export interface DashboardData {
  total: number;
  /** every event over time, split by outcome */
  events: Histogram;
  /** logon events (action:logon) over time, split by outcome */
  logons: Histogram;
  logonQuery: string;
  outcomeQueries: SeriesQueries;
  sourceIps: { field: string; distinct: number; values: FilterValue[] };
  /** accounts aimed at by logons */
  targetedUsers: { field: string; distinct: number; values: FilterValue[] };
  actions: { field: string; distinct: number; values: FilterValue[] };
  /** init.host.loc.country when the case is enriched */
  countries?: { field: string; distinct: number; values: FilterValue[] };
}

export interface EngineApi {
  // cases
  listCases(): Promise<CaseInfo[]>;
  createCase(name: string): Promise<CaseInfo>;
  openCase(id: string): Promise<CaseInfo>;
  renameCase(id: string, name: string): Promise<void>;
  deleteCase(id: string): Promise<void>;
  /** usage, quota and persistence; asking for persistence is the main thread's job (navigator.storage.persist) */
  storage(): Promise<StorageInfo>;

  // ingest into the open case; progress is pushed through the callback (a comlink proxy)
  ingest(files: DroppedFile[], options: IngestOptions, onProgress: (p: IngestProgress) => void): Promise<IngestProgress>;
  cancelIngest(): Promise<void>;
  ledger(): Promise<FileLedgerEntry[]>;
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
  query(text: string): Promise<QueryResult>;
  page(handle: number, offset: number, limit: number, sort?: SortSpec): Promise<EventRow[]>;
  facets(handle: number, fields: string[], topN: number): Promise<Facet[]>;
  histogram(handle: number, buckets: number, splitField?: string): Promise<Histogram>;
  fieldCatalog(): Promise<FieldCatalogEntry[]>;
  /** what the case knows about one IP, user or host (entity page) */
  entitySummary(kind: EntityKind, value: string, buckets: number): Promise<EntitySummary>;
  /** the dashboard's series over the whole case */
  dashboard(buckets: number): Promise<DashboardData>;
  /** logon/connection graph of the query's events: the top nodeCap nodes by events, laid out */
  graph(text: string, options: { nodeCap: number }): Promise<GraphResult>;
  release(handle: number): Promise<void>;

  // exports: the engine streams the file; the UI only saves the Blob
  export(handle: number, exporterId: string, options: { columns?: string[] }): Promise<Blob>;
}
