// The count of new alerts for the Alerts tab's badge: re-read after every change of the case's events
// and whenever the alerts view changes an alert's status or a detector's parameters.
import { useCallback, useEffect, useState } from 'react';
import type { EngineClient, IdleTracker } from '../../workers/client.ts';

export function useNewAlertsCount(engine: EngineClient, tracker: IdleTracker, dataVersion: number | undefined): { count?: number; changed(): void } {
  const [count, setCount] = useState<number>();
  const [changes, setChanges] = useState(0);
  const changed = useCallback(() => setChanges((n) => n + 1), []);
  useEffect(() => {
    if (dataVersion === undefined) return;
    let live = true;
    void tracker.track((async () => {
      try {
        // counts only: the list itself would be cloned from the worker on the main thread
        const n = (await engine.alerts({ statuses: ['new'], limit: 0 })).byStatus.new;
        if (live) setCount(n);
      } catch {
        if (live) setCount(undefined); // no case open
      }
    })());
    return () => { live = false; };
  }, [engine, tracker, dataVersion, changes]);
  return { count: dataVersion === undefined ? undefined : count, changed };
}
