// TEMPORARY mount of the alerts view until the workbench shell with tabs (parallel branch) lands: a header
// button with the count of new alerts toggles between the events and the alerts view, and go() maps the
// routes the view uses (search with a query, alerts). The lead drops this file at merge and mounts
// AlertsView in the shell's tabs instead.
import { useCallback, useEffect, useState } from 'react';
import type { EngineClient, IdleTracker } from '../workers/client.ts';
import type { Go } from './state/route.ts';
import type { Workbench } from './state/useWorkbench.ts';
import { formatCount } from './format.ts';

export interface AlertsMount { showing: boolean; toggle(): void; go: Go; dataVersion: number; changes: number; changed(): void }

export function useAlertsMount(wb: Workbench): AlertsMount {
  const [showing, setShowing] = useState(false);
  const [changes, setChanges] = useState(0);
  const changed = useCallback(() => setChanges((n) => n + 1), []);
  const go = useCallback<Go>((route) => {
    if (route.view === 'search') {
      // the query first: the search box appears seeded with it
      void wb.runQuery(route.query).then(() => setShowing(false));
    } else if (route.view === 'alerts') setShowing(true);
  }, [wb]);
  // the case's events changed (ingest, removal, another case): the alerts are re-read
  const dataVersion = (wb.caseInfo?.events ?? 0) * 31 + wb.files.length + (wb.caseInfo?.id.length ?? 0);
  return { showing, toggle: () => setShowing((s) => !s), go, dataVersion, changes, changed };
}

export function AlertsButton({ engine, tracker, mount }: { engine: EngineClient; tracker: IdleTracker; mount: AlertsMount }) {
  const [count, setCount] = useState<number>();
  const { dataVersion, showing, changes } = mount;
  useEffect(() => {
    void tracker.track((async () => {
      try {
        setCount((await engine.alerts({ statuses: ['new'] })).alerts.length);
      } catch {
        setCount(undefined); // no case open yet
      }
    })());
  }, [engine, tracker, dataVersion, showing, changes]);
  return (
    <button type="button" className="alerts-button" aria-pressed={showing} onClick={mount.toggle}>
      Alerts{count !== undefined && count > 0 && <span className="alerts-badge" aria-label={`${formatCount(count)} new`}>{formatCount(count)}</span>}
    </button>
  );
}
