// One engine request per change of its inputs, tracked by the idle hook (tests wait on real work),
// with stale answers dropped (a slower earlier request never overwrites a newer one) and failures
// turned into a message for the view.
import { useEffect, useState } from 'react';
import type { IdleTracker } from '../../../workers/client.ts';

export type EngineData<T> =
  | { state: 'loading' }
  | { state: 'ready'; data: T }
  | { state: 'failed'; message: string };

/** `load` must be stable for the same inputs (wrap it in useCallback with them as dependencies). */
export function useEngineData<T>(tracker: IdleTracker, load: () => Promise<T>): EngineData<T> {
  const [result, setResult] = useState<{ load: () => Promise<T>; data: EngineData<T> }>({ load, data: { state: 'loading' } });
  useEffect(() => {
    let current = true;
    void tracker.track(load().then(
      (data) => { if (current) setResult({ load, data: { state: 'ready', data } }); },
      (e: unknown) => { if (current) setResult({ load, data: { state: 'failed', message: e instanceof Error ? e.message : String(e) } }); },
    ));
    return () => { current = false; };
  }, [tracker, load]);
  // a result for other inputs is not shown while the new request runs
  return result.load === load ? result.data : { state: 'loading' };
}
