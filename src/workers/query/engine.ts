// The query side of EngineApi over one CaseIndex: result handles (id -> rows) so that
// query / page / facets / histogram / release map straight onto these methods. Plain module: the
// engine worker wraps it, the CLI and the tests call it directly.
import type {
  DashboardData, EntityKind, EntitySummary, EventRow, Facet, FacetOptions, FieldCatalogEntry, Histogram, QueryError, QueryResult, QueryRunOptions, SortSpec,
} from '../api.ts';
import type { WireChunk } from '../chunk/packedDict.ts';
import { CaseIndex } from './caseIndex.ts';
import { fieldCatalog } from './results/catalog.ts';
import { dashboard } from './results/dashboard.ts';
import { entitySummary } from './results/entity.ts';
import { facet } from './results/facet.ts';
import { buildGraph, type RawGraph } from './results/graph.ts';
import { histogram } from './results/histogram.ts';
import { page } from './results/page.ts';
import { surrounding } from './results/surrounding.ts';
import { topN, type TopGroup } from './results/topN.ts';
import type { RowSet } from './rowSet.ts';
import { search, searchSliced, type SearchResult, type SliceControl } from './search.ts';
import type { Result } from '../../core/result.ts';

export interface QueryEngineOptions {
  /** the clock behind `now` in queries (tests pin it) */
  now?: () => number;
}

interface Handle { rows: RowSet; sorted: Map<string, Uint32Array> }

export interface QueryEngine {
  readonly index: CaseIndex;
  addChunk(chunk: WireChunk): void;
  query(text: string, options?: QueryRunOptions): QueryResult;
  /** The same in slices that yield to the event loop (the worker stays responsive); see SliceControl. */
  querySliced(text: string, control: SliceControl, options?: QueryRunOptions): Promise<QueryResult>;
  page(handle: number, offset: number, limit: number, sort?: SortSpec): EventRow[];
  facets(handle: number, fields: string[], topN: number, options?: FacetOptions): Facet[];
  histogram(handle: number, buckets: number, splitField?: string): Histogram;
  topN(handle: number, groupField: string, valueField: string, n: number): TopGroup[];
  surrounding(row: number, n: number, sameFile: boolean, withinMs?: number): EventRow[];
  event(row: number): EventRow | undefined;
  fieldCatalog(): FieldCatalogEntry[];
  entitySummary(kind: EntityKind, value: string, buckets: number): EntitySummary;
  dashboard(buckets: number): DashboardData;
  /** the graph of a query's events (no layout: the engine adds positions) */
  graph(text: string, nodeCap: number): Result<RawGraph, QueryError>;
  /** ascending row ids of a result (exporters stream these), undefined for an unknown handle */
  rows(handle: number): Uint32Array | undefined;
  release(handle: number): void;
}

/**
 * Handles stay valid while chunks keep arriving: they cover the rows that existed when the query ran
 * (the UI re-runs the query to see new rows). An unknown or released handle yields empty results.
 */
export function createQueryEngine(index: CaseIndex = new CaseIndex(), options: QueryEngineOptions = {}): QueryEngine {
  const handles = new Map<number, Handle>();
  const now = options.now ?? Date.now;
  let nextId = 1;
  let catalog: { version: number; entries: FieldCatalogEntry[] } | undefined;
  const emptyHistogram = (splitField?: string): Histogram => ({ bucketMs: 1000, from: 0, to: 0, buckets: [], splitField });

  const finish = (r: Result<SearchResult, QueryError>, t0: number): QueryResult => {
    if (!r.ok) return { ok: false, error: r.error };
    const id = nextId++;
    handles.set(id, { rows: r.value.rows, sorted: new Map() });
    const tookMs = Math.round((performance.now() - t0) * 10) / 10;
    const handle = { id, total: r.value.rows.size, tookMs, of: r.value.rows.universe, ...(r.value.warnings.length ? { warnings: r.value.warnings } : {}) };
    return { ok: true, handle };
  };

  return {
    index,
    addChunk: (chunk) => index.addChunk(chunk),
    query(text, options) {
      const t0 = performance.now();
      return finish(search(index, text, now(), options?.range), t0);
    },
    async querySliced(text, control, options) {
      const t0 = performance.now();
      const r = await searchSliced(index, text, now(), control, options?.range);
      return r === 'cancelled' ? { ok: false, error: { message: 'the search was cancelled', position: 0 }, cancelled: true } : finish(r, t0);
    },
    page(id, offset, limit, sort) {
      const h = handles.get(id);
      return h === undefined ? [] : page(index, h.rows, offset, limit, sort, h.sorted);
    },
    facets(id, fields, n, options) {
      const h = handles.get(id);
      return h === undefined ? [] : fields.map((f) => facet(index, h.rows, f, n, options));
    },
    histogram(id, buckets, splitField) {
      const h = handles.get(id);
      return h === undefined ? emptyHistogram(splitField) : histogram(index, h.rows, buckets, splitField);
    },
    topN(id, groupField, valueField, n) {
      const h = handles.get(id);
      return h === undefined ? [] : topN(index, h.rows, groupField, valueField, n);
    },
    surrounding: (row, n, sameFile, withinMs) => surrounding(index, row, n, sameFile, withinMs),
    event: (row) => (Number.isInteger(row) && row >= 0 && row < index.rowCount ? { row, fields: index.event(row) } : undefined),
    fieldCatalog() {
      if (catalog?.version !== index.version) catalog = { version: index.version, entries: fieldCatalog(index) };
      return catalog.entries;
    },
    entitySummary: (kind, value, buckets) => entitySummary(index, kind, value, buckets, now()),
    dashboard: (buckets) => dashboard(index, buckets, now()),
    graph(text, nodeCap) {
      const r = search(index, text, now());
      return r.ok ? { ok: true, value: buildGraph(index, r.value.rows, nodeCap) } : r;
    },
    rows: (id) => handles.get(id)?.rows.rows(),
    release: (id) => void handles.delete(id),
  };
}
