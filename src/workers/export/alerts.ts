// Alerts as JSON and CSV (the alerts view's Export): one record per alert with what incident-response courses
// ask of an alert — alert_type, severity, message, source_ip, host, timestamp, rule id, remediation, evidence —
// plus the analyst's status and note. Evidence: the first events (file, line, time, message), the count, and
// the search that selects them all. Times in the chosen zone with their offset; CSV cells neutralised (OWASP).
// Example (JSON): { "alert_type": "Brute force against an account", "severity": "high", "source_ip": "203.0.113.45", … }
import Papa from 'papaparse';
import { isoInZone } from '../../core/zoneTime.ts';
import { detectorById } from '../../detect/index.ts';
import type { AlertItem } from '../api.ts';
import type { RowReader } from './types.ts';
import { neutralise } from './neutralise.ts';

/** evidence events written per alert (the record says how many there are, and the query that finds them all) */
export const EVIDENCE_SHOWN = 20;

export interface EvidenceRecord { file: string; line: number | ''; timestamp: string; message: string }

export interface AlertRecord {
  id: string;
  alert_type: string;
  rule_id: string;
  rule_source: 'builtin' | 'sigma';
  severity: string;
  timestamp: string;
  last_timestamp: string;
  message: string;
  source_ip: string;
  user: string;
  host: string;
  count: number;
  status: string;
  note: string;
  /** who took it (stored on the alert); '' when nobody */
  owner: string;
  remediation: string;
  evidence_query: string;
  evidence: EvidenceRecord[];
}

const text = (v: string | number | undefined): string => (v === undefined ? '' : String(v));

function firstValue(item: AlertItem, read: RowReader, fields: readonly string[]): string {
  for (const f of fields) if (item.group[f] !== undefined && item.group[f] !== '') return item.group[f];
  for (const row of item.evidence.slice(0, EVIDENCE_SHOWN)) {
    for (const f of fields) {
      const v = read.value(f, row);
      if (v !== undefined && v !== '') return String(v);
    }
  }
  return '';
}

export function alertRecord(item: AlertItem, read: RowReader, zone: string): AlertRecord {
  return {
    id: item.id,
    alert_type: item.ruleName,
    rule_id: item.ruleId,
    rule_source: item.source,
    severity: item.severity,
    timestamp: isoInZone(item.ts, zone),
    last_timestamp: isoInZone(item.lastTs, zone),
    message: item.message,
    source_ip: firstValue(item, read, ['init.host.ip']),
    user: firstValue(item, read, ['target.usr.name', 'init.usr.name']),
    host: item.host ?? firstValue(item, read, ['obs.host.name']),
    count: item.count,
    status: item.state.status,
    note: item.state.note,
    owner: item.state.owner ?? '',
    remediation: item.source === 'builtin' ? (detectorById(item.ruleId)?.remediation ?? '') : '',
    evidence_query: item.evidenceQuery ?? '',
    evidence: item.evidence.slice(0, EVIDENCE_SHOWN).map((row) => ({
      file: text(read.value('col.file', row)),
      line: (read.value('col.line', row) as number | undefined) ?? '',
      timestamp: isoInZone(read.value('ts', row), zone),
      message: text(read.value('message', row) ?? read.value('raw', row)),
    })),
  };
}

export function alertsJson(records: readonly AlertRecord[], meta: { case: string; exportedMs: number; timeZone: string; version: string }): string {
  return JSON.stringify({
    case: meta.case, exportedAt: new Date(meta.exportedMs).toISOString(), timeZone: meta.timeZone, logdrop: meta.version,
    alerts: records,
  }, null, 2) + '\n';
}

const CSV_COLUMNS: readonly (keyof AlertRecord)[] = [
  'timestamp', 'severity', 'alert_type', 'rule_id', 'message', 'source_ip', 'user', 'host', 'count', 'status', 'note', 'owner',
  'remediation', 'evidence_query', 'evidence', 'last_timestamp', 'id',
];

/** One row per alert; evidence as "file:line" list (one per line in the cell). */
export function alertsCsv(records: readonly AlertRecord[], guard = true): string {
  const cell = (v: AlertRecord[keyof AlertRecord]): string => {
    if (typeof v === 'number') return String(v);
    const s = Array.isArray(v) ? v.map((e) => `${e.file}:${e.line}`).join('\n') : v;
    return guard ? neutralise(s) : s;
  };
  const rows = [CSV_COLUMNS.map((c) => (guard ? neutralise(c) : c)), ...records.map((r) => CSV_COLUMNS.map((c) => cell(r[c])))];
  return Papa.unparse(rows, { newline: '\r\n', escapeFormulae: false }) + '\r\n';
}
