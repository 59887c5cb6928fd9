// The shell: header, files panel, view tabs and the current view, routed by the URL hash. Views own
// their state (one folder each); this file only wires them.
import { useState } from 'react';
import type { EngineClient, IdleTracker } from '../workers/client.ts';
import { useWorkbench } from './state/useWorkbench.ts';
import { useRoute } from './state/useRoute.ts';
import type { Route } from './state/route.ts';
import { useSettings } from './views/settings/useSettings.ts';
import { DropZone } from './components/DropZone.tsx';
import { IngestPanel } from './components/IngestPanel.tsx';
import { Header } from './shell/Header.tsx';
import { ViewTabs } from './shell/ViewTabs.tsx';
import { SearchView } from './views/search/SearchView.tsx';
import { LedgerView } from './views/ledger/LedgerView.tsx';
import { LedgerSection } from './views/ledger/LedgerSection.tsx';
// views built on other branches: each import below is swapped for the real view at merge
import { AlertsPending as AlertsView } from './views/alerts/AlertsPending.tsx';
import { DashboardPending as Dashboard } from './views/dashboard/DashboardPending.tsx';
import { GraphPending as GraphView } from './views/graph/GraphPending.tsx';
import { EntityPending as EntityPage } from './views/entity/EntityPending.tsx';

export function App({ engine, tracker }: { engine: EngineClient; tracker: IdleTracker }) {
  const wb = useWorkbench(engine, tracker);
  const { place, go, setProjector } = useRoute();
  const [settings, updateSettings] = useSettings(place.projector);
  const route = place.route;
  // the last search, so the Search tab returns to it from another view
  const [lastSearch, setLastSearch] = useState<Route>(route.view === 'search' ? route : { view: 'search', query: '' });
  if (route.view === 'search' && route !== lastSearch) setLastSearch(route);
  const common = { engine, tracker, go, timeZone: settings.timeZone };

  return (
    <DropZone onDrop={wb.ingest}>
      <Header engine={engine} tracker={tracker} wb={wb} settings={settings} onSettings={updateSettings} projector={place.projector} onProjector={setProjector} />
      {wb.fatal !== undefined && <p className="error-banner" role="alert">{wb.fatal}</p>}
      <IngestPanel files={wb.files} ingesting={wb.ingesting} onCancel={wb.cancelIngest} onRemove={wb.removeFile} />
      {/* the ledger beside the files (folded); the Ledger tab shows it open */}
      {route.view !== 'ledger' && <LedgerSection engine={engine} tracker={tracker} wb={wb} />}
      <ViewTabs current={route.view} lastSearch={lastSearch} go={go} />
      {route.view === 'search' && (
        <SearchView
          {...common} route={route} dataVersion={wb.dataVersion} ingesting={wb.ingesting} files={wb.files} projector={place.projector}
          density={settings.density} onDensity={(density) => updateSettings({ density })}
        />
      )}
      {route.view === 'alerts' && <AlertsView {...common} alert={route.alert} />}
      {route.view === 'dashboard' && <Dashboard {...common} />}
      {route.view === 'graph' && <GraphView {...common} query={route.query} />}
      {route.view === 'entity' && <EntityPage key={`${route.kind} ${route.value}`} {...common} kind={route.kind} value={route.value} />}
      {route.view === 'ledger' && <LedgerView engine={engine} tracker={tracker} wb={wb} />}
    </DropZone>
  );
}
