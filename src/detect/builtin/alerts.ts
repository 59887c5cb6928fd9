// Building alerts: deterministic ids (rule id + group key + window start), the evidence (capped, oldest first),
// the observing hosts, and a search query that selects the evidence; duplicates of one id merged with a count.
import type { Alert, EventTable, Severity } from '../types.ts';
import { dictColumn } from '../columns.ts';
import type { Detector, Params } from './detector.ts';

/** Evidence rows kept on an alert; `count` says how many events there are. */
export const EVIDENCE_CAP = 200;

export interface AlertDraft {
  group: Record<string, string>;
  /** window start (epoch ms): part of the id, so it must not move when only a threshold changes, where possible */
  windowStart: number;
  windowEnd: number;
  /** evidence rows, oldest first */
  rows: readonly number[];
  message: string;
  /** the search filter (without the time bounds) that selects the evidence */
  filter: string;
  severity?: Severity;
}

export function groupKey(group: Record<string, string>): string {
  return Object.keys(group).sort().map((k) => `${k}=${group[k]}`).join(',');
}

export function alertId(ruleId: string, group: Record<string, string>, windowStart: number): string {
  return `${ruleId}|${groupKey(group)}|${Number.isFinite(windowStart) ? new Date(windowStart).toISOString() : 'no-time'}`;
}

/** A query value: quoted, so wildcards and spaces in log text are literal. */
export function q(value: string): string {
  return `"${value.replace(/["\\]/g, '\\$&')}"`;
}

const iso = (ms: number) => new Date(ms).toISOString();

export function timeBounds(first: number, last: number): string {
  return Number.isFinite(first) && Number.isFinite(last) ? `ts >= ${iso(first)} and ts <= ${iso(last)}` : '';
}

function hostsOf(table: EventTable, rows: readonly number[]): string | undefined {
  const col = dictColumn(table, 'obs.host.name');
  if (col === undefined) return undefined;
  const seen = new Set<number>();
  for (const r of rows) if (col.ids[r] !== 0) seen.add(col.ids[r]);
  if (seen.size === 0) return undefined;
  return [...seen].map((id) => col.values[id - 1]).sort().join(', ');
}

/** Over the cap, the first and the last events are kept: how it started and how it ended (a success after failures). */
export function capEvidence(rows: readonly number[]): number[] {
  if (rows.length <= EVIDENCE_CAP) return [...rows];
  const half = EVIDENCE_CAP / 2;
  return [...rows.slice(0, half), ...rows.slice(rows.length - half)];
}

/** One copy of a run's parameters shared by its alerts (a run makes tens of thousands; nothing changes them). */
const paramCopies = new WeakMap<Params, Params>();
function paramsCopy(params: Params): Params {
  let c = paramCopies.get(params);
  if (c === undefined) paramCopies.set(params, c = { ...params });
  return c;
}

/** An alert made before, with the parameters of this run (the same alert object when they are the same). */
export function withParams(a: Alert, params: Params): Alert {
  const copy = paramsCopy(params);
  return a.params === copy ? a : { ...a, params: copy };
}

export function makeAlert(table: EventTable, detector: Detector, params: Params, d: AlertDraft): Alert {
  const first = table.tsOf(d.rows[0]), last = table.tsOf(d.rows[d.rows.length - 1]);
  const evidence = capEvidence(d.rows);
  const bounds = timeBounds(first, last);
  return {
    id: alertId(detector.id, d.group, d.windowStart),
    ruleId: detector.id,
    ruleName: detector.title,
    source: 'builtin',
    severity: d.severity ?? detector.severity,
    ts: first,
    lastTs: last,
    group: d.group,
    count: d.rows.length,
    evidence,
    message: d.message,
    params: { ...params },
    window: { start: d.windowStart, end: d.windowEnd },
    host: hostsOf(table, evidence),
    evidenceQuery: [d.filter, bounds].filter((s) => s !== '').join(' and '),
  };
}

/** One alert per id: counts added, evidence joined (oldest first, capped), the time span widened. */
export function mergeAlerts(alerts: readonly Alert[]): Alert[] {
  const byId = new Map<string, Alert>();
  for (const a of alerts) {
    const prev = byId.get(a.id);
    if (prev === undefined) {
      byId.set(a.id, a);
      continue;
    }
    const evidence = capEvidence([...new Set([...prev.evidence, ...a.evidence])]);
    byId.set(a.id, {
      ...prev,
      count: prev.count + a.count,
      ts: Math.min(prev.ts, a.ts),
      lastTs: Math.max(prev.lastTs, a.lastTs),
      evidence,
    });
  }
  return [...byId.values()];
}

const MIN_MS = 60_000;
/** "15 min", "2 h": windows in messages. */
export function span(ms: number): string {
  return ms % (60 * MIN_MS) === 0 && ms >= 60 * MIN_MS ? `${ms / (60 * MIN_MS)} h` : `${Math.round(ms / MIN_MS)} min`;
}
