// The executive summary: one page for a manager or the next responder, printed to PDF from the browser
// (window.print; report.css's print rules show only this sheet, on A4, without the workbench around it).
// Sections: scope, counts, alerts by severity and by hour, top sources and targeted accounts, key findings with
// evidence, next steps from the detectors' playbooks, and the evidence manifest (files with SHA-256).
// Everything is text (React escapes it): log values never become markup.
import { useEffect, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import type { FacetValue } from '../../../workers/api.ts';
import type { EngineClient, IdleTracker } from '../../../workers/client.ts';
import { StackedTimeChart } from '../../../charts/StackedTimeChart.tsx';
import { formatBytes, formatCount } from '../../format.ts';
import { formatInZone, offsetAt } from '../insight/zonedTime.ts';
import { formatAt } from '../alerts/format.ts';
import { reportData, type ReportData } from './reportData.ts';
import './report.css';

export interface ReportSheetProps {
  engine: EngineClient;
  tracker: IdleTracker;
  caseName: string;
  timeZone: string;
  onClose(): void;
}

export function ReportSheet({ engine, tracker, caseName, timeZone, onClose }: ReportSheetProps) {
  const [data, setData] = useState<ReportData | { error: string } | undefined>(undefined);
  const close = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    void tracker.track(reportData(engine).then(setData, (e: unknown) => setData({ error: e instanceof Error ? e.message : String(e) })));
  }, [engine, tracker]);
  useEffect(() => { close.current?.focus(); }, []);
  return createPortal(
    <div className="report-sheet" role="dialog" aria-modal="true" aria-label="Executive summary" onKeyDown={(e) => { if (e.key === 'Escape') onClose(); }}>
      <div className="report-sheet__actions">
        <button type="button" className="button button--primary" onClick={() => window.print()} disabled={data === undefined || 'error' in data}>Print or save as PDF</button>{' '}
        <button type="button" className="button" ref={close} onClick={onClose}>Close report</button>
      </div>
      <article className="report">
        <h1>Executive summary: {caseName}</h1>
        {data === undefined ? <p aria-live="polite">Gathering the report…</p>
          : 'error' in data ? <p className="error-banner" role="alert">The report could not be made: {data.error}</p>
            : <Sections d={data} timeZone={timeZone} />}
      </article>
    </div>,
    document.body,
  );
}

function Counts({ title, values, total }: { title: string; values: FacetValue[]; total?: number }) {
  return (
    <table className="report__table">
      <caption>{title}</caption>
      <tbody>
        {values.map((v) => <tr key={v.value}><th scope="row">{v.value}</th><td>{formatCount(v.count)}</td></tr>)}
        {values.length === 0 && <tr><td colSpan={2}>none</td></tr>}
        {total !== undefined && <tr className="report__total"><th scope="row">total</th><td>{formatCount(total)}</td></tr>}
      </tbody>
    </table>
  );
}

function Sections({ d, timeZone }: { d: ReportData; timeZone: string }) {
  const at = (ms: number | undefined) => (ms === undefined ? 'unknown' : formatAt(ms, timeZone));
  return (
    <>
      <p className="report__meta">Prepared {at(d.preparedMs)} with Logdrop. Times in {timeZone} ({offsetAt(d.preparedMs, timeZone)}).</p>
      <section aria-labelledby="r-scope">
        <h2 id="r-scope">Scope</h2>
        <p>{formatCount(d.files.length)} file{d.files.length === 1 ? '' : 's'} ({formatBytes(d.files.reduce((n, f) => n + f.size, 0))}), {formatCount(d.events)} events, from {at(d.from)} to {at(d.to)}.</p>
      </section>
      <section aria-labelledby="r-counts" className="report__columns">
        <h2 id="r-counts">Events by type and outcome</h2>
        <Counts title="By type" values={d.byType} />
        <Counts title="By outcome" values={d.byOutcome} total={d.events} />
        <Counts title="Alerts by severity" values={d.bySeverity.map((s) => ({ value: s.severity, count: s.count }))} total={d.alerts} />
      </section>
      <section aria-labelledby="r-hours">
        <h2 id="r-hours">Alerts by hour</h2>
        <StackedTimeChart
          title={`Alerts per hour by severity (${offsetAt(d.from ?? d.preparedMs, timeZone)})`} buckets={d.alertsByHour} bucketMs={3_600_000} height={150}
          formatTick={(ms) => formatInZone(ms, timeZone, 'tick')} formatTime={(ms) => formatInZone(ms, timeZone, 'full')}
          empty="No alerts: the detectors found nothing in this case."
        />
      </section>
      <section aria-labelledby="r-top" className="report__columns">
        <h2 id="r-top">Top sources and targeted accounts</h2>
        <Counts title="Source IPs (init.host.ip)" values={d.sources} />
        <Counts title="Accounts targeted by logons" values={d.accounts} />
      </section>
      <section aria-labelledby="r-findings">
        <h2 id="r-findings">Key findings</h2>
        {d.findings.length === 0 ? <p>No alerts.</p> : (
          <ol className="report__findings">
            {d.findings.map(({ alert: a, evidence }) => (
              <li key={a.id}>
                <strong>[{a.severity}] {a.ruleName}</strong>: {a.message} ({formatCount(a.count)} events, {at(a.ts)} – {at(a.lastTs)}; status {a.state.status})
                {evidence.length > 0 && (
                  <ul className="report__evidence">
                    {evidence.map((e) => (
                      <li key={e.row}><code>{String(e.fields['col.file'] ?? '')}:{String(e.fields['col.line'] ?? '')}</code> {String(e.fields.message ?? e.fields.raw ?? '')}</li>
                    ))}
                  </ul>
                )}
              </li>
            ))}
          </ol>
        )}
      </section>
      <section aria-labelledby="r-next">
        <h2 id="r-next">Recommended next steps</h2>
        {d.nextSteps.length === 0 ? <p>No detector fired: review the alerts view's coverage before closing the case.</p> : (
          <ul>
            {d.nextSteps.map((s) => (
              <li key={s.title}><strong>{s.title}</strong> ({formatCount(s.alerts)} alert{s.alerts === 1 ? '' : 's'}): {s.remediation}
                {s.playbook.length > 0 && <ol className="report__playbook">{s.playbook.map((step) => <li key={step}>{step}</li>)}</ol>}
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="r-manifest">
        <h2 id="r-manifest">Evidence manifest</h2>
        <table className="report__table report__manifest">
          <thead><tr><th scope="col">File</th><th scope="col">Size</th><th scope="col">Events</th><th scope="col">SHA-256</th></tr></thead>
          <tbody>
            {d.files.map((f) => (
              <tr key={f.path}><td>{f.path}</td><td>{formatBytes(f.size)}</td><td>{formatCount(f.events)}</td><td><code>{f.sha256}</code></td></tr>
            ))}
          </tbody>
        </table>
      </section>
    </>
  );
}
