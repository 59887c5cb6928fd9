// The ledger (evidence manifest) as flat records: the one list of columns both the CSV and the JSON export use.
import type { FileLedgerEntry } from '../api.ts';
import { formatTs, formatZone } from '../../core/time.ts';

export interface LedgerRecord {
  path: string;
  size_bytes: number;
  /** of the bytes as read: for an archive member or a gzip, its decompressed bytes */
  sha256: string;
  parser: string;
  confidence: number;
  state: FileLedgerEntry['state'];
  bytes_read: number;
  events: number;
  unparsed: number;
  /** blank lines and format headers: no events, not unparsed either */
  meta: number;
  first_ts: string;
  last_ts: string;
  /** the zone zone-less times were read in, "+HH:MM" */
  time_zone: string;
  /** the year set for year-less times; '' when inferred from the file's date */
  forced_year: number | '';
  /** what was assumed: 'year', 'zone', 'year,zone' or '' */
  time_assumed: string;
  message: string;
  /** the first unparsed records and other problems, "line 12: reason" */
  issues: string[];
}

export const LEDGER_COLUMNS: readonly (keyof LedgerRecord)[] = [
  'path', 'size_bytes', 'sha256', 'parser', 'confidence', 'state', 'bytes_read', 'events', 'unparsed', 'meta',
  'first_ts', 'last_ts', 'time_zone', 'forced_year', 'time_assumed', 'message', 'issues',
];

export function ledgerRecord(f: FileLedgerEntry): LedgerRecord {
  return {
    path: f.path,
    size_bytes: f.size,
    sha256: f.sha256,
    parser: f.parserId,
    confidence: Math.round(f.confidence * 1000) / 1000,
    state: f.state,
    bytes_read: f.bytesRead,
    events: f.events,
    unparsed: f.unparsed,
    meta: f.meta,
    first_ts: f.firstTs === undefined ? '' : formatTs(f.firstTs),
    last_ts: f.lastTs === undefined ? '' : formatTs(f.lastTs),
    time_zone: formatZone(f.tzOffsetMinutes),
    forced_year: f.forcedYear ?? '',
    time_assumed: f.timeGuess,
    message: f.message ?? '',
    issues: f.issues.map(issueText),
  };
}

/** "line 12: reason", "byte 4096: reason" or the bare reason. */
export function issueText(i: FileLedgerEntry['issues'][number]): string {
  if (i.line !== undefined) return `line ${i.line}: ${i.reason}`;
  if (i.offset !== undefined) return `byte ${i.offset}: ${i.reason}`;
  return i.reason;
}
