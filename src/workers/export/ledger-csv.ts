// The ledger as CSV (RFC 4180, https://www.rfc-editor.org/rfc/rfc4180): one row per file, for the case notes.
// Example row: "auth.log,1024,9f86…,syslog3164,0.9,done,…"
// Cells are log-derived text (paths inside archives, parser messages): a cell a spreadsheet would read as a
// formula (starting with = + - @ TAB CR) gets a leading apostrophe (OWASP "CSV injection").
import type { FileLedgerEntry } from '../api.ts';
import { LEDGER_COLUMNS, ledgerRecord } from './ledger-rows.ts';

const FORMULA_START = /^[=+\-@\t\r]/;

/** One CSV field: formula-neutralised, then quoted when it holds a comma, quote, CR or LF (quotes doubled). */
export function csvCell(value: string | number): string {
  // numbers are written as numbers: a negative number is data, not a formula
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function ledgerCsv(files: readonly FileLedgerEntry[]): string {
  const lines = [LEDGER_COLUMNS.join(',')];
  for (const f of files) {
    const r = ledgerRecord(f);
    lines.push(LEDGER_COLUMNS.map((c) => {
      const v = r[c];
      return csvCell(Array.isArray(v) ? v.join('\n') : v);
    }).join(','));
  }
  // CRLF line ends, as RFC 4180 section 2.1 asks
  return lines.join('\r\n') + '\r\n';
}
