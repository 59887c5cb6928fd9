// The audit list of the open case (case settings `ti.audit`): one row per request sent, written before the
// request goes (so a request is never missing from it, even when the tab dies) and completed with its HTTP
// status. Exported as CSV for the case notes. It holds time, service, IP, route and status: never a key.
import type { TiAuditRow, TiVia } from '../../api.ts';
import type { CaseStore } from '../../store/caseStore.ts';
import { csvCell } from '../../export/ledger-csv.ts';

const KEY = 'ti.audit';

export class CaseAudit {
  private rows: TiAuditRow[] | undefined;

  constructor(private readonly store: CaseStore) {}

  async list(): Promise<TiAuditRow[]> {
    this.rows ??= (await this.store.getSetting<TiAuditRow[]>(KEY)) ?? [];
    return this.rows;
  }

  /** Records a request about to be sent; returns its row number. */
  async sending(ts: number, service: string, ip: string, via: TiVia): Promise<number> {
    const rows = await this.list();
    const seq = rows.length === 0 ? 1 : rows[rows.length - 1].seq + 1;
    rows.push({ seq, ts, service, ip, via });
    await this.store.setSetting(KEY, rows);
    return seq;
  }

  async answered(seq: number, status: number, note?: string): Promise<void> {
    const rows = await this.list();
    const row = rows.find((r) => r.seq === seq);
    if (row === undefined) return;
    row.status = status;
    if (note !== undefined) row.note = note;
    await this.store.setSetting(KEY, rows);
  }
}

/** One audit list per open case store, shared by threat intel and live webhook posts (one writer, one cache). */
const audits = new WeakMap<CaseStore, CaseAudit>();
export function caseAuditOf(store: CaseStore): CaseAudit {
  let a = audits.get(store);
  if (a === undefined) audits.set(store, (a = new CaseAudit(store)));
  return a;
}

export const AUDIT_COLUMNS = ['seq', 'time_utc', 'service', 'ip', 'via', 'http_status', 'note'] as const;

/** RFC 4180 CSV of the audit rows; cells that a spreadsheet would read as a formula are neutralised. */
export function auditCsv(rows: readonly TiAuditRow[]): string {
  const lines = [AUDIT_COLUMNS.join(',')];
  for (const r of rows) {
    lines.push([
      r.seq, new Date(r.ts).toISOString(), r.service, r.ip, r.via,
      r.status === undefined ? 'no answer recorded' : r.status, r.note ?? '',
    ].map((v) => csvCell(v)).join(','));
  }
  return lines.join('\r\n') + '\r\n';
}
