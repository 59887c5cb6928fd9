// TEMPORARY glue until the shell (tabs, URL hash module) is merged: three buttons and local route
// state that mount the dashboard, the graph and the entity pages beside the existing search view.
// The lead drops this file at merge and routes these views from the shell instead.
import { useCallback, useState, type ReactNode } from 'react';
import type { EngineClient, IdleTracker } from '../../workers/client.ts';
import type { Go, Route } from '../state/route.ts';
import type { Workbench } from '../state/useWorkbench.ts';
import { Dashboard } from './dashboard/Dashboard.tsx';
import { EntityPage } from './entity/EntityPage.tsx';
import { GraphView } from './graph/GraphView.tsx';

const ZONE = 'UTC';

export function TemporaryNav({ engine, tracker, wb, search }: { engine: EngineClient; tracker: IdleTracker; wb: Workbench; search: ReactNode }) {
  const [route, setRoute] = useState<Route>({ view: 'search', query: '' });
  const go: Go = useCallback((r: Route) => {
    setRoute(r);
    if (r.view === 'search') {
      // the real shell passes the range to the search view; here it is folded into the query text
      const range = r.from !== undefined && r.to !== undefined ? `ts >= ${r.from} and ts < ${r.to}` : '';
      void wb.runQuery(range === '' ? r.query : r.query === '' ? range : `(${r.query}) and ${range}`);
    }
    window.scrollTo(0, 0);
  }, [wb]);
  const tab = (name: string, target: Route) => (
    <button type="button" className="button" aria-pressed={route.view === target.view} onClick={() => go(target)}>{name}</button>
  );
  // a case opened or grown by an ingest: the views load again
  const caseKey = `${wb.caseInfo?.id}:${wb.caseInfo?.events}`;
  return (
    <>
      <nav className="temporary-nav" aria-label="Views">
        {tab('Search', { view: 'search', query: wb.view?.text ?? '' })}
        {tab('Dashboard', { view: 'dashboard' })}
        {tab('Graph', { view: 'graph', query: wb.view?.text ?? '' })}
      </nav>
      {route.view === 'search' && search}
      {route.view === 'dashboard' && <Dashboard key={caseKey} engine={engine} tracker={tracker} go={go} timeZone={ZONE} />}
      {route.view === 'graph' && <GraphView key={caseKey} engine={engine} tracker={tracker} go={go} timeZone={ZONE} query={route.query} />}
      {route.view === 'entity' && <EntityPage key={`${caseKey}:${route.kind}:${route.value}`} engine={engine} tracker={tracker} go={go} timeZone={ZONE} kind={route.kind} value={route.value} />}
    </>
  );
}
