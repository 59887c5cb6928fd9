// One alert opened: why it fired (rule, parameters, group key, window), what to do (remediation, playbook),
// its evidence (a search that selects it), and the user's status, owner and note, kept in the case.
import { useState } from 'react';
import type { AlertItem, AlertStatus, DetectorInfo } from '../../../workers/api.ts';
import type { Go } from '../../state/route.ts';
import { formatCount } from '../../format.ts';
import { formatAt } from './format.ts';

const STATUSES: readonly AlertStatus[] = ['new', 'acknowledged', 'closed'];

/** The search that shows an alert's evidence: the detector's own query, else its group key in its time range. */
export function evidenceQuery(a: AlertItem): string {
  if (a.evidenceQuery !== undefined && a.evidenceQuery !== '') return a.evidenceQuery;
  const q = (v: string) => `"${v.replace(/["\\]/g, '\\$&')}"`;
  const parts = Object.entries(a.group).map(([k, v]) => `${k}:${q(v)}`);
  if (Number.isFinite(a.ts)) parts.push(`ts >= ${new Date(a.ts).toISOString()}`, `ts <= ${new Date(a.lastTs).toISOString()}`);
  return parts.join(' and ');
}

export function AlertDetail({ alert, detector, timeZone, go, onState, onClose, message }: {
  alert: AlertItem; detector?: DetectorInfo; timeZone: string; go: Go;
  onState(status: AlertStatus, note: string, owner?: string): void; onClose(): void;
  /** the alert as a message for a chat or ticket (the engine formats it) */
  message?(format: 'text' | 'markdown'): Promise<string>;
}) {
  const [note, setNote] = useState(alert.state.note);
  const [owner, setOwner] = useState(alert.state.owner ?? '');
  const [noteFor, setNoteFor] = useState(alert.id);
  if (noteFor !== alert.id) {
    setNoteFor(alert.id);
    setNote(alert.state.note);
    setOwner(alert.state.owner ?? '');
  }
  const params = Object.entries(alert.params ?? {});
  const specs = new Map(detector?.params.map((p) => [p.name, p]) ?? []);
  return (
    <section className="alert-detail" aria-label="Alert details">
      <header>
        <h3><span className={`sev sev-${alert.severity}`}>{alert.severity}</span> {alert.message}</h3>
        <button type="button" onClick={onClose}>Close details</button>
      </header>
      {message !== undefined && <CopyMessage message={message} />}
      <h4>Why it fired</h4>
      <dl className="why">
        <dt>Rule</dt><dd>{alert.ruleName} <code>{alert.ruleId}</code></dd>
        <dt>Group</dt><dd>{Object.entries(alert.group).map(([k, v]) => <span key={k} className="kv"><code>{k}</code> = {v}</span>)}</dd>
        <dt>Window</dt>
        <dd>{alert.window !== undefined && Number.isFinite(alert.window.start)
          ? <>{formatAt(alert.window.start, timeZone)} → {formatAt(alert.window.end, timeZone)}</>
          : <>{formatAt(alert.ts, timeZone)} → {formatAt(alert.lastTs, timeZone)}</>}</dd>
        <dt>Events</dt><dd>{formatCount(alert.count)} ({formatAt(alert.ts, timeZone)} → {formatAt(alert.lastTs, timeZone)}){alert.host !== undefined ? ` on ${alert.host}` : ''}</dd>
        {params.length > 0 && (
          <>
            <dt>Parameters</dt>
            <dd>{params.map(([k, v]) => <span key={k} className="kv">{specs.get(k)?.label ?? k} = {String(v)}{specs.get(k)?.unit !== undefined ? ` ${specs.get(k)?.unit}` : ''}</span>)}</dd>
          </>
        )}
      </dl>
      {/* the search's range ends before `to` (exclusive): one ms past the last event keeps it in */}
      <button type="button" className="evidence" onClick={() => go({ view: 'search', query: evidenceQuery(alert), from: alert.ts, to: alert.lastTs === undefined ? undefined : alert.lastTs + 1 })}>
        Show the {formatCount(alert.count)} evidence events in search
      </button>
      {detector !== undefined && (
        <>
          <h4>What to do</h4>
          <p>{detector.remediation}</p>
          <ol className="playbook">{detector.playbook.map((step) => <li key={step}>{step}</li>)}</ol>
        </>
      )}
      <h4>Status, owner and note</h4>
      <div className="alert-state">
        <label>
          Status{' '}
          <select aria-label="Alert status" value={alert.state.status} onChange={(e) => onState(e.target.value as AlertStatus, note)}>
            {STATUSES.map((s) => <option key={s} value={s}>{s}</option>)}
          </select>
        </label>
        <label>
          Owner{' '}
          <input type="text" aria-label="Alert owner" value={owner} maxLength={200} placeholder="nobody" onChange={(e) => setOwner(e.target.value)} />
        </label>
        <button type="button" onClick={() => onState(alert.state.status, alert.state.note, owner)} disabled={owner.trim() === (alert.state.owner ?? '')}>Save owner</button>
        <label className="note">
          Note
          <textarea aria-label="Alert note" value={note} rows={3} onChange={(e) => setNote(e.target.value)} />
        </label>
        <button type="button" onClick={() => onState(alert.state.status, note)} disabled={note === alert.state.note}>Save note</button>
      </div>
    </section>
  );
}

/** "Copy as text" / "Copy as Markdown": the alert as a message to paste into a chat or a ticket. */
function CopyMessage({ message }: { message(format: 'text' | 'markdown'): Promise<string> }) {
  const [done, setDone] = useState<string>();
  const copy = async (format: 'text' | 'markdown') => {
    try {
      await navigator.clipboard.writeText(await message(format));
      setDone(format === 'text' ? 'Copied as plain text' : 'Copied as Markdown');
    } catch (e) {
      setDone(`Could not copy: ${e instanceof Error ? e.message : String(e)}`);
    }
  };
  return (
    <p className="alert-copy">
      Copy alert as a message:{' '}
      <button type="button" onClick={() => void copy('text')}>Copy as text</button>{' '}
      <button type="button" onClick={() => void copy('markdown')}>Copy as Markdown</button>{' '}
      <span aria-live="polite">{done}</span>
    </p>
  );
}
