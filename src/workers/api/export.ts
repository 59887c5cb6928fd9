// Export types of EngineApi (re-exported by api.ts): the exporters the engine offers, what an export is asked
// for, its progress, and what comes back (the file and its provenance).
import type { SortSpec, TimeRange } from '../api.ts';

/** What an exporter is, as the Export menu lists it (src/workers/export, one exporter per file). */
export interface ExporterInfo {
  id: string;
  title: string;
  /** one line for the menu: what the file is for */
  description: string;
  /** menu group */
  group: 'CSV' | 'JSON' | 'Elasticsearch / OpenSearch';
  /** file name extension, without the dot ('csv', 'ndjson', 'json') */
  extension: string;
  mime: string;
  /** false: the file holds no events (an index template) */
  rows: boolean;
  /** the options that change its output (the menu shows only these) */
  uses: { columns?: boolean; neutralise?: boolean; timeZone?: boolean; indexName?: boolean };
}

export interface ExportOptions {
  /** the visible columns, in order (exporters that write "the columns you see") */
  columns?: string[];
  /** the table's sort; default: time, oldest first */
  sort?: SortSpec;
  /** IANA zone or 'UTC' for written times (always with their offset); default 'UTC' */
  timeZone?: string;
  /**
   * CSV injection (OWASP): a cell starting with = + - @ TAB or CR gets a leading apostrophe, except plain
   * numbers and zone offsets; default on
   */
  neutralise?: boolean;
  /** Elasticsearch/OpenSearch index name (bulk action lines, index template pattern); default 'logdrop' */
  indexName?: string;
  /** the caller's number for this export: cancelExport(runId) stops it */
  runId?: number;
  /** what produced the handle, for the provenance: the query text and the time range */
  query?: string;
  range?: TimeRange;
}

/** How far an export is: rows written out of total. */
export interface ExportProgress { runId?: number; done: number; total: number }

/** One source file an export drew events from: the ledger's path and hash. */
export interface ProvenanceFile { path: string; sha256: string; size: number }

/** Where an export came from: saved beside it as `<file>.provenance.json`. */
export interface ExportProvenance {
  logdrop: { version: string };
  exporter: { id: string; title: string; version: number };
  case: string;
  exportedAt: string;
  query: string;
  range: { from?: string; to?: string };
  sort?: SortSpec;
  timeZone: string;
  columns?: string[];
  neutralised?: boolean;
  rows: number;
  /** the files the exported events come from, with their SHA-256 (of the bytes as read) */
  files: ProvenanceFile[];
}

export type ExportResult =
  | { ok: true; blob: Blob; fileName: string; rows: number; provenance: ExportProvenance }
  | { ok: false; message: string; cancelled?: true };

/** The alerts view's export: the listed alerts (the view's filter) as JSON, CSV or tickets (one per alert, JSON or Markdown). */
export type AlertExportFormat = 'json' | 'csv' | 'tickets-json' | 'tickets-md';

export interface AlertExportOptions {
  timeZone?: string;
  /** tickets: who takes them (else "unassigned") */
  owner?: string;
  /** CSV only: OWASP formula neutralisation, default on */
  neutralise?: boolean;
}

export type AlertExportResult = { ok: true; blob: Blob; fileName: string; alerts: number } | { ok: false; message: string };
