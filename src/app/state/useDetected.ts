// Detection runs in the engine's background after an ingest, an open or an enrichment change (the case is
// searchable before its alerts are ready). The views that show alerts re-read when the run is done: this hook
// waits for it after every data change and returns a number that grows each time it finished. Tracked, so the
// page's idle hook (tests, benchmarks) includes the alerts.
import { useEffect, useState } from 'react';
import type { EngineClient, IdleTracker } from '../../workers/client.ts';

export function useDetected(engine: EngineClient, tracker: IdleTracker, dataVersion: number | undefined): number {
  const [done, setDone] = useState(0);
  useEffect(() => {
    if (dataVersion === undefined) return;
    let current = true;
    void tracker.track(engine.detected().then(
      () => { if (current) setDone((n) => n + 1); },
      () => {}, // a failed run says so in the alerts list (AlertList.error)
    ));
    return () => { current = false; };
  }, [engine, tracker, dataVersion]);
  return done;
}
