// The audit list of the open case: every request sent to a threat-intelligence service (time, service,
// address, route, HTTP status), exportable as CSV for the case notes. It never holds a key.
import type { TiAuditRow } from '../../../workers/api.ts';

export function AuditList({ rows, busy, onExport }: { rows: TiAuditRow[]; busy: boolean; onExport(): void }) {
  return (
    <section aria-label="Audit list">
      <h3 className="geoip__h">Requests sent for this case ({rows.length})</h3>
      {rows.length === 0 ? <p>None: nothing has been sent for this case.</p> : (
        <div className="ti-audit">
          <table className="cases-table" aria-label="Requests sent">
            <thead><tr><th scope="col">#</th><th scope="col">Time (UTC)</th><th scope="col">Service</th><th scope="col">Address</th><th scope="col">Via</th><th scope="col">HTTP status</th><th scope="col">Note</th></tr></thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.seq}>
                  <td>{r.seq}</td>
                  <td>{new Date(r.ts).toISOString().replace('T', ' ').slice(0, 19)}</td>
                  <td>{r.service}</td>
                  <td><code>{r.ip}</code></td>
                  <td>{r.via === 'relay' ? 'local relay' : 'direct'}</td>
                  <td>{r.status === undefined ? 'no answer recorded' : r.status === 0 ? 'no answer' : r.status}</td>
                  <td>{r.note ?? ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <button type="button" className="button" disabled={busy || rows.length === 0} onClick={onExport}>Export audit CSV</button>
    </section>
  );
}
