// The search view's state: the route's query and time range run as one engine query (a handle), the
// case's field catalog and the query aliases. Facets, timeline and rows ask per handle.
import { useEffect, useState } from 'react';
import type { FieldAlias, FieldCatalogEntry, QueryError } from '../../../workers/api.ts';
import type { EngineClient, IdleTracker } from '../../../workers/client.ts';
import type { SearchRoute } from '../../state/route.ts';
import { useTracked } from '../../hooks/useTracked.ts';

export interface SearchState {
  /** undefined until the first answer (or after an error) */
  handle?: number;
  total: number;
  /** events in the case */
  of: number;
  tookMs: number;
  error?: QueryError;
  warnings: QueryError[];
  /** what the handle answers: query text and range (so views know when a result is current) */
  key: string;
}

export interface Search {
  result?: SearchState;
  catalog: FieldCatalogEntry[];
  aliases: FieldAlias[];
  /** engine failure (not a query error): what happened, in words */
  failure?: string;
}

export function useSearch(engine: EngineClient, tracker: IdleTracker, route: SearchRoute, dataVersion: number): Search {
  const [result, setResult] = useState<SearchState>();
  const [failure, setFailure] = useState<string>();
  const { query, from, to } = route;
  const key = dataVersion > 0 ? JSON.stringify([query, from ?? null, to ?? null, dataVersion]) : undefined;

  useEffect(() => {
    if (key === undefined) return;
    let live = true;
    let handle: number | undefined;
    void tracker.track((async () => {
      try {
        const r = await engine.query(query, { range: { from, to } });
        if (r.ok) handle = r.handle.id;
        if (!live) {
          if (r.ok) void engine.release(r.handle.id);
          return;
        }
        setFailure(undefined);
        if (!r.ok) setResult({ total: 0, of: 0, tookMs: 0, error: r.error, warnings: [], key });
        else setResult({ handle: r.handle.id, total: r.handle.total, of: r.handle.of ?? r.handle.total, tookMs: r.handle.tookMs, warnings: r.handle.warnings ?? [], key });
      } catch (e) {
        if (live) setFailure(`The search could not run: ${e instanceof Error ? e.message : String(e)}. Reload the page; if it persists, reopen the case from Cases.`);
      }
    })());
    return () => {
      live = false;
      // the next query's answer replaces this one; its handle can go once nothing shows it
      if (handle !== undefined) { const h = handle; setTimeout(() => void engine.release(h), 1000); }
    };
  }, [engine, tracker, key, query, from, to]);

  const catalogKey = dataVersion > 0 ? `catalog ${dataVersion}` : undefined;
  const catalog = useTracked(tracker, catalogKey, () => engine.fieldCatalog());
  const aliases = useTracked(tracker, dataVersion > 0 ? 'aliases' : undefined, () => engine.aliases());
  return {
    result: result !== undefined && result.key === key ? result : undefined,
    catalog: catalog?.value ?? [],
    aliases: aliases?.value ?? [],
    failure,
  };
}
