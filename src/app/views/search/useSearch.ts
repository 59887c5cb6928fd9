// The search view's state: the route's query and time range run as one engine query (a handle), the
// case's field catalog and the query aliases. Facets, timeline and rows ask per handle.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { FieldAlias, FieldCatalogEntry, QueryError, QueryProgress } from '../../../workers/api.ts';
import { callback, type EngineClient, type IdleTracker } from '../../../workers/client.ts';
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
  /** the user cancelled the search of this text: handle, total and rows are still the previous result's */
  cancelledText?: string;
}

/** A search the engine is running: work units done out of total (0 of 0 until its first report). */
export interface SearchRun { runId: number; done: number; total: number }

export interface Search {
  result?: SearchState;
  /**
   * what the facets, timeline and table draw: the current result, or while a search runs the previous one
   * (its handle stays alive until the new result replaces it), so they update in place when it arrives
   */
  shown?: SearchState;
  catalog: FieldCatalogEntry[];
  aliases: FieldAlias[];
  /** engine failure (not a query error): what happened, in words */
  failure?: string;
  /** the search running now (the view shows its progress and a Cancel button) */
  running?: SearchRun;
  /** stops the running search; the previous results stay */
  cancel(): void;
}

const RELEASE_DELAY_MS = 1000;

export function useSearch(engine: EngineClient, tracker: IdleTracker, route: SearchRoute, dataVersion: number): Search {
  const [result, setResult] = useState<SearchState>();
  const [failure, setFailure] = useState<string>();
  const [running, setRunning] = useState<SearchRun>();
  const runSeq = useRef(0);
  // the handle on screen: released when a newer result replaces it (not when a search is merely started,
  // since a cancelled search keeps showing it)
  const shown = useRef<number | undefined>(undefined);
  const { query, from, to } = route;
  const key = dataVersion > 0 ? JSON.stringify([query, from ?? null, to ?? null, dataVersion]) : undefined;

  const show = useCallback((next: SearchState) => {
    const old = shown.current;
    shown.current = next.handle;
    // children may still read the old handle for a moment (pages in flight)
    if (old !== undefined && old !== next.handle) setTimeout(() => void engine.release(old), RELEASE_DELAY_MS);
    setResult(next);
  }, [engine]);

  useEffect(() => {
    if (key === undefined) return;
    let live = true;
    // progress comes through its own channel and may arrive after the answer (seen under load): a late
    // report must not bring back "Searching… 100%" for a search that has finished
    let finished = false;
    const runId = ++runSeq.current;
    void tracker.track((async () => {
      setRunning({ runId, done: 0, total: 0 });
      try {
        const onProgress = callback((p: QueryProgress) => {
          if (live && !finished && runSeq.current === runId) setRunning({ runId, done: p.done, total: p.total });
        });
        const r = await engine.query(query, { runId, range: { from, to } }, onProgress);
        if (!live) {
          if (r.ok) void engine.release(r.handle.id); // a newer search replaced this one
          return;
        }
        setFailure(undefined);
        if (!r.ok && r.cancelled === true) {
          setResult((prev) => (prev === undefined ? prev : { ...prev, key, cancelledText: query }));
        } else if (!r.ok) show({ total: 0, of: 0, tookMs: 0, error: r.error, warnings: [], key });
        else show({ handle: r.handle.id, total: r.handle.total, of: r.handle.of ?? r.handle.total, tookMs: r.handle.tookMs, warnings: r.handle.warnings ?? [], key });
      } catch (e) {
        if (live) setFailure(`The search could not run: ${e instanceof Error ? e.message : String(e)}. Reload the page; if it persists, reopen the case from Cases.`);
      } finally {
        finished = true;
        if (runSeq.current === runId) setRunning(undefined);
      }
    })());
    return () => { live = false; };
  }, [engine, tracker, key, query, from, to, show]);

  // the last handle goes with the view
  useEffect(() => () => {
    if (shown.current !== undefined) void engine.release(shown.current);
  }, [engine]);

  const cancel = useCallback(() => void engine.cancelQuery(runSeq.current), [engine]);

  const catalogKey = dataVersion > 0 ? `catalog ${dataVersion}` : undefined;
  const catalog = useTracked(tracker, catalogKey, () => engine.fieldCatalog());
  const aliases = useTracked(tracker, dataVersion > 0 ? 'aliases' : undefined, () => engine.aliases());
  const current = result !== undefined && result.key === key ? result : undefined;
  return {
    result: current,
    shown: current ?? (running !== undefined && key !== undefined ? result : undefined),
    catalog: catalog?.value ?? [],
    aliases: aliases?.value ?? [],
    failure,
    running,
    cancel,
  };
}
