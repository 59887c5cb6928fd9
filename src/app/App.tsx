// The shell: header, files panel, view tabs and the current view, routed by the URL hash. Views own
// their state (one folder each); this file only wires them.
import { useState } from 'react';
import type { EngineClient, IdleTracker } from '../workers/client.ts';
import { useWorkbench } from './state/useWorkbench.ts';
import { useRoute } from './state/useRoute.ts';
import { useDetected } from './state/useDetected.ts';
import type { Route } from './state/route.ts';
import { useSettings } from './views/settings/useSettings.ts';
import { DropZone } from './components/DropZone.tsx';
import { IngestPanel } from './components/IngestPanel.tsx';
import { DuplicateDialog } from './components/DuplicateDialog.tsx';
import { Header } from './shell/Header.tsx';
import { ViewTabs } from './shell/ViewTabs.tsx';
import { StorageWarning } from './shell/StorageWarning.tsx';
import { UpdatePrompt } from './shell/UpdatePrompt.tsx';
import { ProjectorFold } from './shell/ProjectorFold.tsx';
import { useNewAlertsCount } from './shell/useNewAlertsCount.ts';
import { SearchView } from './views/search/SearchView.tsx';
import { LedgerView } from './views/ledger/LedgerView.tsx';
import { LedgerSection } from './views/ledger/LedgerSection.tsx';
import { AlertsView } from './views/alerts/AlertsView.tsx';
import { Dashboard } from './views/dashboard/Dashboard.tsx';
import { GraphView } from './views/graph/GraphView.tsx';
import { EntityPage } from './views/entity/EntityPage.tsx';
import { useLive } from './views/live/useLive.ts';
import { LivePanel } from './views/live/LivePanel.tsx';

export function App({ engine, tracker }: { engine: EngineClient; tracker: IdleTracker }) {
  const { place, go, setProjector } = useRoute();
  const [settings, updateSettings] = useSettings(place.projector);
  const wb = useWorkbench(engine, tracker, settings.expandLimitGiB === undefined ? {} : { maxExpandedBytes: Math.round(settings.expandLimitGiB * 1024 ** 3) });
  const route = place.route;
  // the last search, so the Search tab returns to it from another view
  const [lastSearch, setLastSearch] = useState<Route>(route.view === 'search' ? route : { view: 'search', query: '' });
  if (route.view === 'search' && route !== lastSearch) setLastSearch(route);
  // alerts are ready after the background detection run that follows each data change (useDetected)
  const detected = useDetected(engine, tracker, wb.caseInfo === undefined ? undefined : wb.dataVersion);
  const alertsVersion = wb.dataVersion + detected;
  const alerts = useNewAlertsCount(engine, tracker, wb.caseInfo === undefined ? undefined : alertsVersion);
  const common = { engine, tracker, go, timeZone: settings.timeZone };
  const live = useLive(engine, tracker, {
    caseId: wb.caseInfo?.id, changed: wb.dataChanged, caseChanged: wb.caseChanged, filesChanged: wb.refreshFiles, alertsChanged: alerts.changed,
    openAlert: (alert) => go({ view: 'alerts', alert }),
  });
  // views that read whole-case summaries reload when the case or its events change
  const dataKey = `${wb.caseInfo?.id ?? ''} ${wb.caseInfo?.events ?? 0} ${alertsVersion}`;

  return (
    <DropZone onDrop={wb.ingest} disabled={wb.readOnly || wb.caseInfo === undefined}>
      <Header engine={engine} tracker={tracker} wb={wb} settings={settings} onSettings={updateSettings} projector={place.projector} onProjector={setProjector} />
      <StorageWarning engine={engine} tracker={tracker} />
      <UpdatePrompt />
      {wb.fatal !== undefined && <p className="error-banner" role="alert">{wb.fatal}</p>}
      {wb.notice !== undefined && <p className="error-banner" role="alert">{wb.notice}</p>}
      {wb.readOnly && (
        <section className="notice-banner" aria-label="Read-only">
          <p>
            This case is being written in another tab. You are viewing what is stored so far, read-only;
            this view refreshes when that tab finishes.
          </p>
          <button type="button" className="button" onClick={() => wb.showCaseList(true)}>Back to cases</button>
        </section>
      )}
      <DuplicateDialog question={wb.question} onAnswer={wb.answer} />
      <ProjectorFold projector={place.projector} ingesting={wb.ingesting} files={wb.filesStore}>
        <LivePanel live={live} readOnly={wb.readOnly || wb.caseInfo === undefined} />
        <IngestPanel files={wb.filesStore} ingesting={wb.ingesting} onCancel={wb.cancelIngest} onRemove={wb.readOnly ? undefined : wb.removeFile} />
        {/* the ledger beside the files (folded); the Ledger tab shows it open */}
        {route.view !== 'ledger' && <LedgerSection engine={engine} tracker={tracker} wb={wb} />}
      </ProjectorFold>
      <ViewTabs current={route.view} lastSearch={lastSearch} go={go} newAlerts={alerts.count} />
      {route.view === 'search' && (
        <SearchView
          {...common} route={route} dataVersion={wb.dataVersion} ingesting={wb.ingesting} files={wb.filesStore} projector={place.projector}
          density={settings.density} onDensity={(density) => updateSettings({ density })} onDataChanged={() => { wb.dataChanged(); wb.refreshFiles(); }}
          noCase={wb.notice !== undefined && wb.caseInfo === undefined}
          live={live.status?.sources.length ? { pending: live.pending, follow: live.follow, onFollow: live.setFollow, onShowNew: live.showNew } : undefined}
        />
      )}
      {route.view === 'alerts' && (
        <AlertsView {...common} alert={route.alert} caseName={wb.caseInfo?.name} dataVersion={alertsVersion} onAlertsChanged={alerts.changed} />
      )}
      {route.view === 'dashboard' && <Dashboard key={dataKey} {...common} />}
      {route.view === 'graph' && <GraphView key={dataKey} {...common} query={route.query} />}
      {route.view === 'entity' && <EntityPage key={`${dataKey} ${route.kind} ${route.value}`} {...common} kind={route.kind} value={route.value} />}
      {route.view === 'ledger' && <LedgerView engine={engine} tracker={tracker} wb={wb} />}
    </DropZone>
  );
}
