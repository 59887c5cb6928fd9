// The alerts view: alerts of the open case grouped by rule, severity or host, with filters; each alert opens
// to show why it fired and its evidence; a detector's parameters sit beside its alerts and re-run it live.
// Two more sections: the case's Sigma rules (load, levels, coverage report) and the rule tester.
import { useCallback, useMemo, useState } from 'react';
import type { AlertFilter, AlertItem, AlertStatus, DetectorInfo, Severity } from '../../../workers/api.ts';
import type { EngineClient, IdleTracker } from '../../../workers/client.ts';
import type { Go } from '../../state/route.ts';
import { formatCount } from '../../format.ts';
import { useAlerts } from './useAlerts.ts';
import { AlertDetail } from './AlertDetail.tsx';
import { DetectorParams } from './DetectorParams.tsx';
import { SigmaRules } from './SigmaRules.tsx';
import { SigmaTester } from './SigmaTester.tsx';
import { useSigma } from './useSigma.ts';
import { AlertsExport } from './AlertsExport.tsx';
import { ReportSheet } from '../report/ReportSheet.tsx';
import { SEVERITY_ORDER, formatAt } from './format.ts';
import './alerts.css';

type GroupBy = 'rule' | 'severity' | 'host';
type Section = 'alerts' | 'rules' | 'tester';
/** alerts drawn per group; the rest are counted (filters narrow them down) */
const SHOWN_PER_GROUP = 100;

export interface AlertsViewProps {
  engine: EngineClient;
  tracker: IdleTracker;
  go: Go;
  /** IANA zone (or 'UTC') the times are shown in */
  timeZone: string;
  /** the open case's name (the executive report's title) */
  caseName?: string;
  /** the alert to open (the route's `alert`) */
  alert?: string;
  /** bumped by the shell when the case's events change (ingest, removal): the list is re-read */
  dataVersion?: number;
  /** a status or parameter changed here (the shell's alerts badge re-counts) */
  onAlertsChanged?: () => void;
}

export function AlertsView({ engine, tracker, go, timeZone, alert, caseName = 'Case', dataVersion = 0, onAlertsChanged }: AlertsViewProps) {
  const [report, setReport] = useState(false);
  const [groupBy, setGroupBy] = useState<GroupBy>('rule');
  const [severity, setSeverity] = useState<Severity | ''>('');
  const [status, setStatus] = useState<AlertStatus | ''>('');
  const [text, setText] = useState('');
  const [open, setOpen] = useState<string | undefined>(alert);
  const filter = useMemo<AlertFilter>(() => ({
    ...(severity !== '' ? { severities: [severity] } : {}),
    ...(status !== '' ? { statuses: [status] } : {}),
    ...(text.trim() !== '' ? { text: text.trim() } : {}),
  }), [severity, status, text]);
  const [section, setSection] = useState<Section>('alerts');
  // Sigma changes re-run the rules in the engine: the list is re-read as after an ingest
  const [sigmaVersion, setSigmaVersion] = useState(0);
  const sigmaChanged = useCallback(() => {
    setSigmaVersion((v) => v + 1);
    onAlertsChanged?.();
  }, [onAlertsChanged]);
  const sigma = useSigma(engine, tracker, dataVersion, sigmaChanged);
  const sigmaRows = useMemo(() => new Map((sigma.status?.rows ?? []).map((r) => [r.id, r])), [sigma.status]);
  // the list holds the alerts drawn (the first of each group) and every group's count, not every alert
  const listFilter = useMemo<AlertFilter>(() => ({ ...filter, perGroup: { by: groupBy, limit: SHOWN_PER_GROUP } }), [filter, groupBy]);
  const data = useAlerts(engine, tracker, listFilter, dataVersion + sigmaVersion, onAlertsChanged);
  const detectorsById = useMemo(() => new Map(data.detectors.map((d) => [d.id, d])), [data.detectors]);
  const groups = useMemo(() => group(data.list?.alerts ?? [], groupBy, data.detectors, data.list?.groups), [data.list, groupBy, data.detectors]);

  return (
    <section className="alerts-view" aria-label="Alerts">
      <div className="alerts-sections" role="group" aria-label="Alerts sections">
        <button type="button" aria-pressed={section === 'alerts'} onClick={() => setSection('alerts')}>Alert list</button>
        <button type="button" aria-pressed={section === 'rules'} onClick={() => setSection('rules')}>
          Sigma rules{sigma.status !== undefined && sigma.status.files > 0 ? ` (${formatCount(sigma.status.counts.active)} active)` : ''}
        </button>
        <button type="button" aria-pressed={section === 'tester'} onClick={() => setSection('tester')}>Rule tester</button>
      </div>
      <p className="status-line" role="status">{statusText(data)}</p>
      {data.error !== undefined && <p className="error-banner" role="alert">{data.error}</p>}
      {data.list?.error !== undefined && <p className="error-banner" role="alert">{data.list.error}</p>}
      {section === 'rules' && <SigmaRules sigma={sigma} />}
      {section === 'tester' && <SigmaTester engine={engine} tracker={tracker} timeZone={timeZone} />}
      {section === 'alerts' && <>
      <div className="alerts-toolbar">
        <label>Group by{' '}
          <select aria-label="Group alerts by" value={groupBy} onChange={(e) => setGroupBy(e.target.value as GroupBy)}>
            <option value="rule">rule</option><option value="severity">severity</option><option value="host">host</option>
          </select>
        </label>
        <label>Severity{' '}
          <select aria-label="Filter by severity" value={severity} onChange={(e) => setSeverity(e.target.value as Severity | '')}>
            <option value="">all</option>
            {SEVERITY_ORDER.map((s) => <option key={s} value={s}>{s}</option>)}
          </select>
        </label>
        <label>Status{' '}
          <select aria-label="Filter by status" value={status} onChange={(e) => setStatus(e.target.value as AlertStatus | '')}>
            <option value="">all</option><option value="new">new</option><option value="acknowledged">acknowledged</option><option value="closed">closed</option>
          </select>
        </label>
        <input type="search" aria-label="Filter alerts" placeholder="Filter: address, account, text…" value={text} onChange={(e) => setText(e.target.value)} />
        <AlertsExport engine={engine} tracker={tracker} filter={filter} timeZone={timeZone} />
        <button type="button" className="button" onClick={() => setReport(true)}>Executive report</button>
        {report && <ReportSheet engine={engine} tracker={tracker} caseName={caseName} timeZone={timeZone} onClose={() => setReport(false)} />}
      </div>
      {groups.map((g) => (
        <section key={g.key} className="alert-group" aria-label={g.title}>
          <h3>
            {g.severity !== undefined && <span className={`sev sev-${g.severity}`}>{g.severity}</span>} {g.title}{' '}
            <span className="group-count">{formatCount(g.count)} alert{g.count === 1 ? '' : 's'}</span>
          </h3>
          {groupBy === 'rule' && g.alerts[0]?.source === 'sigma' && (
            <div className="detector-head">
              {sigmaRows.get(g.key) !== undefined && <p className="detector-desc">Sigma rule from <code>{sigmaRows.get(g.key)!.file}:{sigmaRows.get(g.key)!.line}</code>{sigmaRows.get(g.key)!.logsource !== undefined ? ` (${sigmaRows.get(g.key)!.logsource})` : ''}</p>}
              <button type="button" disabled={sigma.busy} aria-label={`Turn off rule ${g.title}`} onClick={() => void sigma.setEnabled({ rules: { [g.key]: false } })}>Turn off this rule</button>
            </div>
          )}
          {g.detector !== undefined && (
            <div className="detector-head">
              <p className="detector-desc">{g.detector.description}</p>
              <p className={`coverage coverage-${g.detector.coverage.state}`}>{g.detector.coverage.state}: {g.detector.coverage.reason}</p>
              {g.detector.coverage.state === 'active' && <DetectorParams detector={g.detector} onChange={(name, value) => void data.setParam(g.detector!.id, name, value)} />}
            </div>
          )}
          <ul className="alert-list">
            {g.alerts.slice(0, SHOWN_PER_GROUP).map((a) => (
              <li key={a.id} className={`alert-row status-${a.state.status}`}>
                <button type="button" className="alert-open" aria-expanded={open === a.id} onClick={() => setOpen(open === a.id ? undefined : a.id)}>
                  <span className={`sev sev-${a.severity}`}>{a.severity}</span>
                  <time>{formatAt(a.ts, timeZone)}</time>
                  <span className="alert-message">{a.message}</span>
                  {a.state.status !== 'new' && <span className="alert-status">{a.state.status}</span>}
                  {a.state.note !== '' && <span className="alert-has-note" title={a.state.note}>note</span>}
                </button>
                {open === a.id && (
                  <AlertDetail
                    alert={a} detector={detectorsById.get(a.ruleId)} timeZone={timeZone} go={go}
                    onState={(s, note, owner) => void data.setState(a.id, s, note, owner)} onClose={() => setOpen(undefined)}
                    message={(format) => engine.alertMessage(a.id, format)}
                  />
                )}
              </li>
            ))}
          </ul>
          {g.count > g.alerts.length && <p className="more">{formatCount(g.count - g.alerts.length)} more: narrow them with the filters.</p>}
        </section>
      ))}
      </>}
    </section>
  );
}

function statusText(data: ReturnType<typeof useAlerts>): string {
  const l = data.list;
  if (l === undefined) return 'Loading alerts…';
  const shown = SEVERITY_ORDER.reduce((n, s) => n + l.bySeverity[s], 0);
  const parts = SEVERITY_ORDER.filter((s) => l.bySeverity[s] > 0).map((s) => `${formatCount(l.bySeverity[s])} ${s}`);
  const of = shown !== l.total ? ` of ${formatCount(l.total)}` : '';
  const noun = (of !== '' ? l.total : shown) === 1 ? 'alert' : 'alerts';
  const text = `${formatCount(shown)}${of} ${noun}${parts.length > 0 ? `: ${parts.join(', ')}` : ''}`;
  // detection runs in the background after new data: say that the list will change
  return l.running === true ? `${text}. Detection is running on the new data; the list updates when it finishes.` : text;
}

interface Group { key: string; title: string; alerts: AlertItem[]; count: number; detector?: DetectorInfo; severity?: Severity }

/**
 * The groups drawn: their first alerts (the list holds at most SHOWN_PER_GROUP per group) and every group's
 * count (`counts`, from the engine; without it, the alerts given are the whole group).
 */
function group(alerts: AlertItem[], by: GroupBy, detectors: DetectorInfo[], counts?: { key: string; count: number }[]): Group[] {
  const countOf = new Map((counts ?? []).map((c) => [c.key, c.count]));
  const withCount = (g: Omit<Group, 'count'>): Group => ({ ...g, count: countOf.get(g.key) ?? g.alerts.length });
  if (by === 'rule') {
    // every detector has a section (its coverage says why one raised nothing); rules without a detector (Sigma) after
    const out = new Map<string, Omit<Group, 'count'>>(detectors.map((d) => [d.id, { key: d.id, title: d.title, alerts: [], detector: d }]));
    for (const a of alerts) {
      let g = out.get(a.ruleId);
      if (g === undefined) out.set(a.ruleId, (g = { key: a.ruleId, title: a.ruleName, alerts: [] }));
      g.alerts.push(a);
    }
    return [...out.values()].map(withCount);
  }
  if (by === 'severity') {
    return SEVERITY_ORDER.map((s) => withCount({ key: s, title: s[0].toUpperCase() + s.slice(1), severity: s, alerts: alerts.filter((a) => a.severity === s) }))
      .filter((g) => g.count > 0);
  }
  const byHost = new Map<string, AlertItem[]>();
  for (const a of alerts) {
    const h = a.host ?? 'no host';
    const list = byHost.get(h);
    if (list === undefined) byHost.set(h, [a]);
    else list.push(a);
  }
  return [...byHost.entries()].map(([h, list]) => withCount({ key: h, title: h, alerts: list })).sort((a, b) => b.count - a.count);
}
