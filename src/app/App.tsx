// The shell: header with case and inputs, the drop zone, ingest progress, search, status and the events table.
import type { EngineClient, IdleTracker } from '../workers/client.ts';
import { useWorkbench } from './state/useWorkbench.ts';
import { DropZone } from './components/DropZone.tsx';
import { OpenFiles } from './components/OpenFiles.tsx';
import { IngestPanel } from './components/IngestPanel.tsx';
import { SearchBar } from './components/SearchBar.tsx';
import { StatusLine } from './components/StatusLine.tsx';
import { EventsTable } from './views/events/EventsTable.tsx';
import { CasesPanel } from './views/cases/CasesPanel.tsx';
import { LedgerSection } from './views/ledger/LedgerSection.tsx';
import { DuplicateDialog } from './components/DuplicateDialog.tsx';
import { AlertsView } from './views/alerts/AlertsView.tsx';
import { AlertsButton, useAlertsMount } from './AlertsMount.tsx';
import { GeoIpPanel } from './views/geoip/GeoIpPanel.tsx';
import { DEMO_OVERLAY_NAME } from './hooks/demoBundle.ts';

export function App({ engine, tracker }: { engine: EngineClient; tracker: IdleTracker }) {
  const wb = useWorkbench(engine, tracker);
  const alerts = useAlertsMount(wb);
  return (
    <DropZone onDrop={wb.ingest} disabled={wb.readOnly || wb.caseInfo === undefined}>
      <header className="app-header">
        <h1 className="brand">Logdrop</h1>
        <span className="case-name" aria-label="Open case">{wb.caseInfo?.name ?? (wb.notice !== undefined ? 'No case open' : 'Opening case…')}</span>
        <CasesPanel engine={engine} tracker={tracker} wb={wb} />
        <GeoIpPanel engine={engine} tracker={tracker} onChanged={() => void wb.runQuery(wb.view?.text ?? '')} />
        <OpenFiles
          onFiles={wb.ingest} disabled={wb.caseInfo === undefined || wb.ingesting || wb.readOnly}
          onDemoOverlay={(data) => engine.addGeoData(data, DEMO_OVERLAY_NAME, 'case')}
        />
        <AlertsButton engine={engine} tracker={tracker} mount={alerts} />
      </header>
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
      <IngestPanel files={wb.files} ingesting={wb.ingesting} onCancel={wb.cancelIngest} onRemove={wb.readOnly ? undefined : wb.removeFile} />
      <LedgerSection engine={engine} tracker={tracker} wb={wb} />
      {alerts.showing ? (
        <AlertsView engine={engine} tracker={tracker} go={alerts.go} timeZone="UTC" dataVersion={alerts.dataVersion} onAlertsChanged={alerts.changed} />
      ) : <>
      <SearchBar initial={wb.view?.text ?? ''} error={wb.view?.error} running={wb.querying} onSearch={wb.runQuery} onCancel={wb.cancelQuery} />
      <StatusLine view={wb.view} ingesting={wb.ingesting} files={wb.files} noCase={wb.notice !== undefined && wb.caseInfo === undefined} querying={wb.querying} />
      {wb.view !== undefined && wb.view.total === 0 && !wb.ingesting && wb.view.text === '' ? (
        <section className="empty-case">
          <p>This case is empty. Drop log files, folders or archives anywhere on the page, pick them with the buttons above, or load the demo bundle.</p>
        </section>
      ) : (
        <EventsTable view={wb.view} onPage={wb.goTo} />
      )}
      </>}
    </DropZone>
  );
}
