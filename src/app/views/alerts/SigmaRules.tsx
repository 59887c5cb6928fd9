// Sigma rule management in the alerts view: load rule files, a folder or an archive of a rule repository (pick or
// drop them here), turn levels on or off, remove all rules, and the coverage report of every loaded document.
import { useState, type DragEvent } from 'react';
import type { DroppedFile, Severity } from '../../../workers/api.ts';
import { fromDataTransfer, fromFileList } from '../../hooks/collectDropped.ts';
import { formatCount } from '../../format.ts';
import { SEVERITY_ORDER } from './format.ts';
import { SigmaCoverage } from './SigmaCoverage.tsx';
import type { SigmaData } from './useSigma.ts';

/** the skipped files listed at most (archives of a repository skip many) */
const SKIPPED_SHOWN = 20;

export function SigmaRules({ sigma }: { sigma: SigmaData }) {
  const [over, setOver] = useState(false);
  const { status, lastLoad } = sigma;
  const load = (files: DroppedFile[]) => {
    if (files.length > 0) void sigma.load(files);
  };
  const onDrop = (e: DragEvent) => {
    // the page below takes drops as log files: a drop here is rules, and only rules
    e.preventDefault();
    e.stopPropagation();
    setOver(false);
    void fromDataTransfer(e.dataTransfer).then(load);
  };
  const off = new Set<Severity>(status?.disabledLevels ?? []);
  return (
    <section className="sigma-rules" aria-label="Sigma rules">
      <div
        className={over ? 'sigma-load sigma-load--over' : 'sigma-load'}
        onDragOver={(e) => { e.preventDefault(); e.stopPropagation(); setOver(true); }}
        onDragLeave={() => setOver(false)}
        onDrop={onDrop}
      >
        <p>Sigma rules run over this case with the built-in detectors; they are kept with the case. Drop rule files, a folder or a .zip of a rule repository here, or pick them:</p>
        <label className="file-button">Load rule files{' '}
          <input
            type="file" multiple accept=".yml,.yaml,.zip,.tar,.tgz,.gz" aria-label="Load Sigma rule files"
            onChange={(e) => { load(fromFileList(e.target.files)); e.target.value = ''; }}
          />
        </label>
        <label className="file-button">Load a rule folder{' '}
          <input
            type="file" aria-label="Load a Sigma rule folder"
            ref={(el) => { el?.setAttribute('webkitdirectory', ''); }}
            onChange={(e) => { load(fromFileList(e.target.files)); e.target.value = ''; }}
          />
        </label>
        <button type="button" disabled={sigma.busy || (status?.files ?? 0) === 0} onClick={() => void sigma.removeAll()}>Remove all rules</button>
        <button type="button" title="The brute-force, spraying, success-after-failures and tampering detectors, with their parameters in force, as Sigma correlation rules for a SIEM" onClick={() => void sigma.exportDetectors()}>
          Export built-in detectors as Sigma
        </button>
      </div>
      {sigma.busy && <p className="sigma-busy">Reading and running the rules…</p>}
      {sigma.error !== undefined && <p className="error-banner" role="alert">{sigma.error}</p>}
      {lastLoad !== undefined && (
        <div className="sigma-last-load">
          <p>Read {formatCount(lastLoad.added)} rule file{lastLoad.added === 1 ? '' : 's'}{lastLoad.skipped.length > 0 ? `; skipped ${formatCount(lastLoad.skipped.length)}:` : '.'}</p>
          {lastLoad.skipped.length > 0 && (
            <ul className="sigma-skipped">
              {lastLoad.skipped.slice(0, SKIPPED_SHOWN).map((s) => <li key={s.path}><code>{s.path}</code>: {s.reason}</li>)}
              {lastLoad.skipped.length > SKIPPED_SHOWN && <li>and {formatCount(lastLoad.skipped.length - SKIPPED_SHOWN)} more</li>}
            </ul>
          )}
        </div>
      )}
      {status !== undefined && (
        <>
          <p className="sigma-summary">
            {formatCount(status.files)} rule file{status.files === 1 ? '' : 's'}, {formatCount(status.documents)} documents:{' '}
            {formatCount(status.counts.active)} active, {formatCount(status.counts.inactive)} inactive, {formatCount(status.counts.rejected)} rejected;{' '}
            {formatCount(status.alerts)} Sigma alert{status.alerts === 1 ? '' : 's'} ({Math.round(status.runMs)} ms)
          </p>
          <fieldset className="sigma-levels">
            <legend>Levels that run</legend>
            {SEVERITY_ORDER.map((s) => (
              <label key={s}>
                <input type="checkbox" checked={!off.has(s)} disabled={sigma.busy} aria-label={`Run ${s} rules`} onChange={(e) => void sigma.setEnabled({ levels: { [s]: e.target.checked } })} />{' '}
                <span className={`sev sev-${s}`}>{s}</span>
              </label>
            ))}
          </fieldset>
          <SigmaCoverage status={status} busy={sigma.busy} onEnable={(id, on) => void sigma.setEnabled({ rules: { [id]: on } })} />
        </>
      )}
    </section>
  );
}
