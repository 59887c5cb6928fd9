// The table's columns: which fields show by default (fewer in projector mode), their headers, widths
// and cell text. Cells are plain text; times follow the display zone.
import type { EventRow } from '../../../../workers/api.ts';
import { formatInZone } from '../../../time.ts';

export const DEFAULT_COLUMNS = ['ts', 'obs.host.name', 'app.name', 'init.host.ip', 'target.usr.name', 'outcome', 'message'];
/** a projector shows fewer, wider columns */
export const PROJECTOR_COLUMNS = ['ts', 'init.host.ip', 'target.usr.name', 'outcome', 'message'];

const LABELS: Record<string, string> = {
  ts: 'Time', 'obs.host.name': 'Host', 'app.name': 'App', 'init.host.ip': 'Source IP', 'target.usr.name': 'User',
  outcome: 'Outcome', message: 'Message', 'col.file': 'File', 'col.line': 'Line', type: 'Type', action: 'Action',
};

export function columnLabel(field: string): string {
  return Object.hasOwn(LABELS, field) ? LABELS[field] : field;
}

export function defaultWidth(field: string): number {
  if (field === 'ts') return 205;
  if (field === 'message' || field === 'raw') return 640;
  if (field.endsWith('.ip')) return 150;
  return 130;
}

export function cellText(row: EventRow, field: string, timeZone: string): string {
  const v = field === 'message' ? (row.fields.message ?? row.fields.raw) : row.fields[field];
  if (v === undefined) return '';
  if (field === 'ts') return formatInZone(v, timeZone, { offset: false });
  // one line per row: line breaks inside a value would hide the next rows' text. A long value is cut where
  // it is shown (SafeText's max, which says how many characters are hidden), not here.
  return typeof v === 'number' ? String(v) : v.replace(/[\r\n]+/g, ' ⏎ ');
}
