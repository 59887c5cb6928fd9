// The ledger as CSV (RFC 4180, https://www.rfc-editor.org/rfc/rfc4180): one row per file, for the case notes.
// Example row: "auth.log,1024,9f86…,syslog3164,0.9,done,…"
// Log-derived cells (paths inside archives, messages, issue reasons) that a spreadsheet would read as a formula
// (starting with = + - @ TAB CR) get a leading apostrophe (OWASP "CSV injection"). The app's own values — zone
// offsets like "+00:00", times, states, hashes — are not log text and are written as they are; so is a plain
// number, which a spreadsheet reads as a number, never as a formula.
import type { FileLedgerEntry } from '../api.ts';
import { LEDGER_COLUMNS, ledgerRecord, type LedgerRecord } from './ledger-rows.ts';
import { neutralise } from './neutralise.ts';
/** the columns whose text comes from the logs or the archive (everything else the app writes itself) */
const LOG_TEXT = new Set<keyof LedgerRecord>(['path', 'message', 'issues']);

/**
 * One CSV field: log text formula-neutralised (`guard`), then quoted when it holds a comma, quote, CR or LF
 * (quotes doubled).
 */
export function csvCell(value: string | number, guard = true): string {
  // numbers are written as numbers: a negative number is data, not a formula
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  const safe = guard ? neutralise(value) : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function ledgerCsv(files: readonly FileLedgerEntry[]): string {
  const lines = [LEDGER_COLUMNS.join(',')];
  for (const f of files) {
    const r = ledgerRecord(f);
    lines.push(LEDGER_COLUMNS.map((c) => {
      const v = r[c];
      return csvCell(Array.isArray(v) ? v.join('\n') : v, LOG_TEXT.has(c));
    }).join(','));
  }
  // CRLF line ends, as RFC 4180 section 2.1 asks
  return lines.join('\r\n') + '\r\n';
}
