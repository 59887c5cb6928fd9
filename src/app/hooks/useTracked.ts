// One engine answer kept in state, asked again when its key changes: the view-side pattern of every
// facet, histogram and catalog. Answers to an older key are dropped (a slow facet never overwrites a
// newer one); the work is tracked so tests and benchmarks can wait for it.
import { useEffect, useRef, useState } from 'react';
import type { IdleTracker } from '../../workers/client.ts';

export type Tracked<T> = { key: string; value?: T; error?: string };

/** key undefined: nothing to ask (no handle yet). The returned value belongs to the current key only. */
export function useTracked<T>(tracker: IdleTracker, key: string | undefined, load: () => Promise<T>): Tracked<T> | undefined {
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
  return state !== undefined && state.key === key ? state : undefined;
}
