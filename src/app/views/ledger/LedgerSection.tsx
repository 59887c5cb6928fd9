// The ledger under the files panel: shown on demand (it is wide), with its CSV and JSON exports.
// The engine formats the exports; this only saves the Blob it returns.
import { useCallback, useDeferredValue, useEffect, useId, useState } from 'react';
import type { FileLedgerEntry, ParserInfo, ReingestOptions } from '../../../workers/api.ts';
import type { EngineClient, IdleTracker } from '../../../workers/client.ts';
import type { Workbench } from '../../state/useWorkbench.ts';
import { saveBlob } from '../../hooks/saveBlob.ts';
import { LedgerTable } from './LedgerTable.tsx';
import { useFiles } from '../../state/filesStore.ts';
import './ledger.css';

export function LedgerSection({ engine, tracker, wb, initiallyOpen = false }: { engine: EngineClient; tracker: IdleTracker; wb: Workbench; initiallyOpen?: boolean }) {
  const [open, setOpen] = useState(initiallyOpen);
  // The button answers at once; the table (its rows' Read as forms) mounts in a later, interruptible render. Mounted
  // in the click's own task, its render, commit and the style and layout that Chromium's hover update forces after
  // the mouse release were one task of 29-46 ms of CPU on a 2-core machine under load (issue 9)
  const bodyShown = useDeferredValue(open);
  const [parsers, setParsers] = useState<ParserInfo[]>([]);
  const [error, setError] = useState<string>();
  const bodyId = useId();
  const files = useFiles(wb.filesStore);

  useEffect(() => {
    if (!open || parsers.length > 0) return;
    void tracker.track(engine.parsers().then(setParsers, (e: unknown) => setError(`The parser list could not be loaded: ${String(e)}`)));
  }, [open, parsers.length, engine, tracker]);

  const caseName = wb.caseInfo?.name ?? 'case';
  const exportAs = useCallback(async (format: 'csv' | 'json') => {
    await tracker.track((async () => {
      try {
        const blob = await engine.exportLedger(format);
        saveBlob(blob, `${caseName.replace(/[^\w.-]+/g, '_')}-ledger.${format}`);
        setError(undefined);
      } catch (e) {
        setError(`The ledger could not be exported: ${e instanceof Error ? e.message : String(e)}`);
      }
    })());
  }, [engine, tracker, caseName]);

  // on the workbench's stable callback, not on wb (a new object on every render of the app): the memoized rows
  // keep their onApply, so an app render does not re-render every ledger row in view
  const { reingestFile } = wb;
  const apply = useCallback(async (file: FileLedgerEntry, options: ReingestOptions, picked?: File) => {
    const r = await reingestFile(file.id, options, picked);
    return r !== undefined && !r.ok ? r.message : undefined;
  }, [reingestFile]);

  if (files.length === 0) return null;
  return (
    <section className="ledger" aria-label="Ledger">
      <div className="ledger__head">
        <h2>Ledger</h2>
        <button type="button" className="button" aria-expanded={open} aria-controls={bodyId} onClick={() => setOpen(!open)}>
          {open ? 'Hide ledger' : 'Show ledger'}
        </button>
        <button type="button" className="button" disabled={wb.ingesting} onClick={() => void exportAs('csv')}>Export ledger CSV</button>
        <button type="button" className="button" disabled={wb.ingesting} onClick={() => void exportAs('json')}>Export ledger JSON</button>
      </div>
      {error !== undefined && <p className="error-banner" role="alert">{error}</p>}
      {open && bodyShown && (
        <div id={bodyId}>
          <p className="ledger__note">
            Every file of the case: where it is in the bundle, its SHA-256, how it was read and what came out.
            Change a file&apos;s parser to read it again; change its zone or year to re-time its events.
          </p>
          <LedgerTable files={files} parsers={parsers} busy={wb.ingesting || wb.readOnly} onApply={apply} />
        </div>
      )}
    </section>
  );
}
