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
import { TemporaryNav } from './views/TemporaryNav.tsx';

export function App({ engine, tracker }: { engine: EngineClient; tracker: IdleTracker }) {
  const wb = useWorkbench(engine, tracker);
  return (
    <DropZone onDrop={wb.ingest}>
      <header className="app-header">
        <h1 className="brand">Logdrop</h1>
        <span className="case-name" aria-label="Open case">{wb.caseInfo?.name ?? 'Opening case…'}</span>
        <CasesPanel engine={engine} tracker={tracker} wb={wb} />
        <OpenFiles onFiles={wb.ingest} disabled={wb.caseInfo === undefined || wb.ingesting} />
      </header>
      {wb.fatal !== undefined && <p className="error-banner" role="alert">{wb.fatal}</p>}
      <IngestPanel files={wb.files} ingesting={wb.ingesting} onCancel={wb.cancelIngest} onRemove={wb.removeFile} />
      <LedgerSection engine={engine} tracker={tracker} wb={wb} />
      {/* TemporaryNav: glue until the shell lands (see the file) */}
      <TemporaryNav engine={engine} tracker={tracker} wb={wb} search={
        <>
          <SearchBar key={wb.view?.text ?? ''} initial={wb.view?.text ?? ''} error={wb.view?.error} onSearch={wb.runQuery} />
          <StatusLine view={wb.view} ingesting={wb.ingesting} files={wb.files} />
          {wb.view !== undefined && wb.view.total === 0 && !wb.ingesting && wb.view.text === '' ? (
            <section className="empty-case">
              <p>This case is empty. Drop log files, folders or archives anywhere on the page, pick them with the buttons above, or load the demo bundle.</p>
            </section>
          ) : (
            <EventsTable view={wb.view} onPage={wb.goTo} />
          )}
        </>
      } />
    </DropZone>
  );
}
