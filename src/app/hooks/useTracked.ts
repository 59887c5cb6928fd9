// One engine answer kept in state, asked again when its key changes: the view-side pattern of every
// facet, histogram and catalog. Answers to an older key are dropped (a slow facet never overwrites a
// newer one); the work is tracked so tests and benchmarks can wait for it.
import { useEffect, useRef, useState } from 'react';
import type { IdleTracker } from '../../workers/client.ts';

/** stale: the answer to an earlier key, kept on screen while the current key's is on its way (`keep`) */
export type Tracked<T> = { key: string; value?: T; error?: string; stale?: boolean };

/**
 * key undefined: nothing to ask (no handle yet). The returned value belongs to the current key only, unless
 * `keep` is set: then the last answer stays (marked stale) until the next one replaces it, so a view updates
 * its elements in place instead of removing them and building them again a moment later (a new query's
 * facets and timeline re-laid out hundreds of elements twice).
 */
export function useTracked<T>(tracker: IdleTracker, key: string | undefined, load: () => Promise<T>, keep = false): Tracked<T> | undefined {
  const [state, setState] = useState<Tracked<T>>();
  const loadRef = useRef(load);
  useEffect(() => {
    loadRef.current = load;
  });
  useEffect(() => {
    if (key === undefined) return;
    let live = true;
    void tracker.track(loadRef.current().then(
      (value) => { if (live) setState({ key, value }); },
      (e: unknown) => { if (live) setState({ key, error: e instanceof Error ? e.message : String(e) }); },
    ));
    return () => { live = false; };
  }, [tracker, key]);
  if (state === undefined || key === undefined) return undefined;
  if (state.key === key) return state;
  return keep && state.value !== undefined ? { ...state, stale: true } : undefined;
}
