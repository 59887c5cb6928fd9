// EngineApi's query types: handles, pages, facets, histograms and the field catalog. Only types.
import type { EventFields } from '../../core/schema.ts';

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
  /** events in the case when the query ran (the "of 35,073" of the status line) */
  of?: number;
}

/** A time window (epoch ms): from inclusive, to exclusive; either end may be open. */
export interface TimeRange { from?: number; to?: number }

export interface QueryRunOptions {
  /** the caller's number for this run: cancelQuery(runId) stops it */
  runId?: number;
  /** only events with a time inside it (the timeline's brush) */
  range?: TimeRange;
}

/** A name the query language accepts for one or more normalized fields (`src_ip` -> init.host.ip). */
export interface FieldAlias { alias: string; fields: string[] }

export interface FacetOptions {
  /** group values that differ only in case (user names: Administrator = administrator) */
  fold?: boolean;
  /** only values containing this text, case-insensitively (search inside a field's values) */
  contains?: string;
}

/** cancelled: stopped by cancelQuery or by a newer query before it finished (error.message says which) */
export type QueryResult = { ok: true; handle: QueryHandle } | { ok: false; error: QueryError; cancelled?: true };

/** How far a running query is: work units (column scans, text chunks) done out of total. */
export interface QueryProgress { runId?: number; done: number; total: number }

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
