// The coverage report: every document of the loaded rule files as active, inactive (and why: no events of its
// log source, no mapping, turned off) or rejected (the reason, with file and line), each rule with its on/off switch.
import { useMemo, useState } from 'react';
import type { SigmaRuleStatus, SigmaStatus } from '../../../workers/api.ts';
import { formatCount } from '../../format.ts';

/** rows drawn at once; the filters narrow a repository of thousands down */
const SHOWN = 300;

export function SigmaCoverage({ status, busy, onEnable }: { status: SigmaStatus; busy: boolean; onEnable(id: string, on: boolean): void }) {
  const [show, setShow] = useState<SigmaRuleStatus | ''>('');
  const [text, setText] = useState('');
  const rows = useMemo(() => {
    const t = text.trim().toLowerCase();
    return status.rows.filter((r) => (show === '' || r.status === show)
      && (t === '' || [r.title, r.id, r.file, r.logsource ?? '', r.reason ?? ''].some((s) => s.toLowerCase().includes(t))));
  }, [status.rows, show, text]);
  return (
    <section className="sigma-coverage" aria-label="Coverage report">
      <h3>Coverage report</h3>
      <div className="alerts-toolbar">
        <label>Show{' '}
          <select aria-label="Coverage status" value={show} onChange={(e) => setShow(e.target.value as SigmaRuleStatus | '')}>
            <option value="">all ({formatCount(status.rows.length)})</option>
            <option value="active">active ({formatCount(status.counts.active)})</option>
            <option value="inactive">inactive ({formatCount(status.counts.inactive)})</option>
            <option value="rejected">rejected ({formatCount(status.counts.rejected)})</option>
          </select>
        </label>
        <input type="search" aria-label="Filter rules" placeholder="Filter: title, id, file, log source, reason…" value={text} onChange={(e) => setText(e.target.value)} />
      </div>
      {status.rows.length === 0 ? <p>No rules loaded.</p> : (
        <table className="sigma-table">
          <thead>
            <tr><th scope="col">On</th><th scope="col">Status</th><th scope="col">Level</th><th scope="col">Rule</th><th scope="col">Log source</th><th scope="col">Matches</th><th scope="col">Reason</th><th scope="col">File</th></tr>
          </thead>
          <tbody>
            {rows.slice(0, SHOWN).map((r) => (
              <tr key={`${r.file}:${r.line}:${r.id}`} className={`cov-${r.status}`}>
                <td>
                  {(r.kind === 'rule' || r.kind === 'correlation') && (
                    <input type="checkbox" checked={r.enabled} disabled={busy} aria-label={`Enable rule ${r.title}`} onChange={(e) => onEnable(r.id, e.target.checked)} />
                  )}
                </td>
                <td>{r.status}</td>
                <td>{r.level !== undefined && <span className={`sev sev-${r.level}`}>{r.level}</span>}</td>
                <td>{r.title}{r.kind === 'correlation' ? ' (correlation)' : r.kind === 'filter' ? ' (filter)' : ''}<br /><code className="rule-id">{r.id}</code></td>
                <td>{r.logsource ?? ''}</td>
                <td className="num">{formatCount(r.matches)}</td>
                <td>{r.reason ?? ''}</td>
                <td><code>{r.file}:{r.line}</code></td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {rows.length > SHOWN && <p className="more">{formatCount(rows.length - SHOWN)} more: narrow them with the filters.</p>}
    </section>
  );
}
