// The cases panel: a "Cases" button in the header opens a dialog listing every case (events, files, size
// on disk) with create, open, rename, delete, export case and import case (the hand-over file), and the
// browser's storage estimate with the choice to keep the data persistent.
import { useEffect, useRef, useState } from 'react';
import type { EngineClient, IdleTracker } from '../../../workers/client.ts';
import type { Workbench } from '../../state/useWorkbench.ts';
import { useCases, type CasesState } from '../../state/useCases.ts';
import { formatBytes } from '../../format.ts';
import { CaseRow } from './CaseRow.tsx';
import { useCaseHandover, type CaseHandover } from '../../state/useCaseHandover.ts';

/** the hand-over file's extension (src/workers/handover/format.ts) */
const HANDOVER_EXTENSION = '.logdrop-case';

export function CasesPanel({ engine, tracker, wb }: { engine: EngineClient; tracker: IdleTracker; wb: Workbench }) {
  const state = useCases(engine, tracker, wb);
  const { caseListShown: shown, showCaseList: setShown } = wb;
  const dialog = useRef<HTMLDialogElement>(null);
  const { refresh } = state;
  const handover = useCaseHandover(engine, tracker, refresh);

  // the native modal dialog: focus moves in, Escape closes it, the page behind is inert
  useEffect(() => {
    const d = dialog.current;
    if (d === null) return;
    if (shown && !d.open) {
      d.showModal();
      void tracker.track(refresh());
    } else if (!shown && d.open) {
      d.close();
    }
  }, [shown, tracker, refresh]);

  return (
    <>
      <button type="button" className="button" aria-haspopup="dialog" onClick={() => setShown(true)} disabled={wb.ingesting}>
        Cases
      </button>
      <dialog ref={dialog} className="cases-panel" aria-labelledby="cases-title" onClose={() => setShown(false)}>
        <div className="cases-panel__head">
          <h2 id="cases-title">Cases</h2>
          <button type="button" className="button" onClick={() => setShown(false)}>Close</button>
        </div>
        {state.error !== undefined && <p className="error-banner" role="alert">{state.error}</p>}
        <NewCaseForm onCreate={state.create} />
        <ImportCaseForm handover={handover} />
        <table className="cases-table" aria-label="Cases in this browser">
          <thead>
            <tr><th scope="col">Name</th><th scope="col">Events</th><th scope="col">Files</th><th scope="col">Size</th><th scope="col"><span className="visually-hidden">Actions</span></th></tr>
          </thead>
          <tbody>
            {state.cases.map((c) => (
              <CaseRow key={c.id} info={c} isOpen={c.id === wb.caseInfo?.id} state={state} handover={handover} />
            ))}
          </tbody>
        </table>
        <StorageSummary state={state} />
      </dialog>
    </>
  );
}

function NewCaseForm({ onCreate }: { onCreate: (name: string) => Promise<void> }) {
  const [name, setName] = useState('');
  return (
    <form className="cases-panel__new" onSubmit={(e) => { e.preventDefault(); void onCreate(name).then(() => setName('')); }}>
      <label>
        New case name
        <input type="text" value={name} onChange={(e) => setName(e.currentTarget.value)} placeholder="e.g. web01 breach, March" />
      </label>
      <button type="submit" className="button button--primary">Create case</button>
    </form>
  );
}

/** Import a hand-over file (another browser's exported case) as a new case; progress and refusals below. */
function ImportCaseForm({ handover }: { handover: CaseHandover }) {
  const s = handover.state;
  return (
    <section className="cases-panel__import" aria-label="Case hand-over">
      <label className="button">
        Import case
        <input
          type="file" className="visually-hidden" accept={`${HANDOVER_EXTENSION},application/x-ndjson`}
          disabled={s.kind === 'running'}
          onChange={(e) => {
            const file = e.currentTarget.files?.[0];
            e.currentTarget.value = '';
            if (file !== undefined) void handover.importCase(file);
          }}
        />
      </label>
      {/* only while there is something to say: the page's status line is the one role="status" otherwise */}
      {s.kind === 'failed' && <p className="error-banner" role="alert">{s.message}</p>}
      {s.kind !== 'failed' && s.kind !== 'idle' && <p role="status" aria-live="polite">{s.message}</p>}
      {s.kind === 'running' && <button type="button" className="button" onClick={handover.cancel}>Cancel</button>}
    </section>
  );
}

function StorageSummary({ state }: { state: CasesState }) {
  const s = state.storage;
  if (s === undefined) return null;
  return (
    <section className="cases-panel__storage" aria-label="Browser storage">
      <p>
        Browser storage: {formatBytes(s.usageBytes)} used of {s.quotaBytes > 0 ? formatBytes(s.quotaBytes) : 'an unknown amount'} available to this site.
      </p>
      {s.persisted ? (
        <p>Storage is persistent: the browser will not delete these cases on its own.</p>
      ) : (
        <>
          <p>
            Storage is not persistent: when disk space runs low, the browser may delete large cases without asking.
          </p>
          <button type="button" className="button" onClick={() => void state.keepPersistent()}>Keep data persistent</button>
          {state.persistRefused && (
            <p role="status">The browser declined for now; it may agree once you have used or bookmarked this page more.</p>
          )}
        </>
      )}
    </section>
  );
}
