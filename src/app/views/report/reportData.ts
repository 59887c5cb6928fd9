// The executive summary's data, asked of the engine through the calls the other views use (no new contract):
// the ledger (scope and evidence manifest), one all-events query for counts by type and outcome, the dashboard's
// top sources and targeted accounts, the alerts (by severity, by hour, key findings with their first evidence
// events) and the detectors' playbooks for the next steps. Every value passes through the engine, so the report
// is redacted when redaction is on.
import type { AlertItem, DetectorInfo, EventRow, FacetValue, FileLedgerEntry, Severity } from '../../../workers/api.ts';
import type { EngineClient } from '../../../workers/client.ts';
import { SEVERITY_ORDER } from '../alerts/format.ts';

const FINDINGS = 5;
const EVIDENCE_PER_FINDING = 3;
const HOUR = 3_600_000;

export interface Finding { alert: AlertItem; evidence: EventRow[] }
export interface NextStep { title: string; remediation: string; playbook: readonly string[]; alerts: number }

export interface ReportData {
  preparedMs: number;
  files: FileLedgerEntry[];
  from?: number;
  to?: number;
  events: number;
  byType: FacetValue[];
  byOutcome: FacetValue[];
  alerts: number;
  bySeverity: { severity: Severity; count: number }[];
  /** alerts per hour (first evidence time), split by severity: the chart's buckets */
  alertsByHour: { start: number; count: number; split: Record<string, number> }[];
  sources: FacetValue[];
  accounts: FacetValue[];
  findings: Finding[];
  nextSteps: NextStep[];
}

const rank = (s: Severity): number => {
  const i = SEVERITY_ORDER.indexOf(s);
  return i < 0 ? SEVERITY_ORDER.length : i;
};

/** Alerts per hour from their first evidence time; hours without alerts in between are kept (the chart's axis). */
export function alertsByHour(alerts: readonly AlertItem[]): ReportData['alertsByHour'] {
  if (alerts.length === 0) return [];
  const by = new Map<number, Record<string, number>>();
  let lo = Infinity, hi = -Infinity;
  for (const a of alerts) {
    const h = Math.floor(a.ts / HOUR) * HOUR;
    lo = Math.min(lo, h);
    hi = Math.max(hi, h);
    const split = by.get(h) ?? {};
    split[a.severity] = (split[a.severity] ?? 0) + 1;
    by.set(h, split);
  }
  if ((hi - lo) / HOUR > 24 * 62) return [...by].sort((x, y) => x[0] - y[0]).map(([start, split]) => ({ start, split, count: sum(split) }));
  const out: ReportData['alertsByHour'] = [];
  for (let h = lo; h <= hi; h += HOUR) {
    const split = by.get(h) ?? {};
    out.push({ start: h, split, count: sum(split) });
  }
  return out;
}

const sum = (r: Record<string, number>): number => Object.values(r).reduce((a, b) => a + b, 0);

/** Next steps: the playbooks of the detectors that fired, most severe first. */
export function nextSteps(alerts: readonly AlertItem[], detectors: readonly DetectorInfo[]): NextStep[] {
  const fired = new Map<string, number>();
  for (const a of alerts) if (a.source === 'builtin') fired.set(a.ruleId, (fired.get(a.ruleId) ?? 0) + 1);
  return detectors.filter((d) => fired.has(d.id))
    .sort((a, b) => rank(a.severity) - rank(b.severity) || (fired.get(b.id) ?? 0) - (fired.get(a.id) ?? 0))
    .map((d) => ({ title: d.title, remediation: d.remediation, playbook: d.playbook, alerts: fired.get(d.id) ?? 0 }));
}

export async function reportData(engine: EngineClient): Promise<ReportData> {
  await engine.detected(); // the report is of finished results, never of a run under way
  const [files, list, detectors, dashboard] = await Promise.all([engine.ledger(), engine.alerts({}), engine.detectors(), engine.dashboard(48)]);
  const q = await engine.query('');
  if (!q.ok) throw new Error(q.error.message);
  let byType: FacetValue[], byOutcome: FacetValue[];
  try {
    const facets = await engine.facets(q.handle.id, ['type', 'outcome'], 12);
    byType = facets.find((f) => f.field === 'type')?.values ?? [];
    byOutcome = facets.find((f) => f.field === 'outcome')?.values ?? [];
  } finally {
    void engine.release(q.handle.id);
  }
  const alerts = list.alerts;
  const top = [...alerts].sort((a, b) => rank(a.severity) - rank(b.severity) || b.count - a.count).slice(0, FINDINGS);
  const findings = await Promise.all(top.map(async (alert) => ({
    alert,
    evidence: (await Promise.all(alert.evidence.slice(0, EVIDENCE_PER_FINDING).map((row) => engine.event(row)))).filter((e): e is EventRow => e !== undefined),
  })));
  const times = files.flatMap((f) => [f.firstTs, f.lastTs]).filter((t): t is number => t !== undefined);
  return {
    preparedMs: Date.now(), files, from: times.length > 0 ? Math.min(...times) : undefined, to: times.length > 0 ? Math.max(...times) : undefined,
    events: q.handle.total, byType, byOutcome, alerts: alerts.length,
    bySeverity: SEVERITY_ORDER.map((severity) => ({ severity, count: list.bySeverity[severity] ?? 0 })).filter((s) => s.count > 0),
    alertsByHour: alertsByHour(alerts), sources: dashboard.sourceIps.values.slice(0, 10), accounts: dashboard.targetedUsers.values.slice(0, 10),
    findings, nextSteps: nextSteps(alerts, detectors),
  };
}
