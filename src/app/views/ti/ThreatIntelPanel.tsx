// "Threat intel": is this address known bad? Offline first: reputation lists the user loads (CSV/JSON,
// kept with the case or for all cases). Online only when asked: the user's AbuseIPDB or VirusTotal key, a
// batch planned and shown in the opt-in dialog, sent (rate-limited, cached, audited) only on "Send".
// Results become ti.* fields (ti.score, ti.reports, ti.provider, ti.last_seen …) on the events of the address.
import { useEffect, useState } from 'react';
import type { GeoScope, TiListInfo } from '../../../workers/api.ts';
import type { EngineClient, IdleTracker } from '../../../workers/client.ts';
import { useModal } from '../../components/useModal.ts';
import { formatBytes, formatCount } from '../../format.ts';
import { AuditList } from './AuditList.tsx';
import { OptInDialog } from './OptInDialog.tsx';
import { ProviderCard } from './ProviderCard.tsx';
import { useThreatIntel } from './useThreatIntel.ts';
import './ti.css';

export function ThreatIntelPanel({ engine, tracker, onChanged }: { engine: EngineClient; tracker: IdleTracker; onChanged: () => void }) {
  const ti = useThreatIntel(engine, tracker, onChanged);
  const { ref, shown, setShown } = useModal();
  const [scope, setScope] = useState<GeoScope>('case');
  const { refresh } = ti;
  useEffect(() => {
    if (shown) void refresh();
  }, [shown, refresh]);
  const close = () => setShown(false);
  const s = ti.status;
  return (
    <>
      <button type="button" className="button" aria-haspopup="dialog" onClick={() => setShown(true)}>Threat intel</button>
      <dialog
        ref={ref} className="cases-panel ti-panel" aria-labelledby="ti-title"
        // React delivers the opt-in dialog's close here too: only this dialog's own closing closes the panel
        onClose={(e) => { if (e.target === e.currentTarget) close(); }}
      >
        <div className="cases-panel__head">
          <h2 id="ti-title">Threat intelligence</h2>
          <button type="button" className="button" onClick={close}>Close</button>
        </div>
        <p className="geoip__intro">
          Reputation of the case&apos;s addresses, as <code>ti.score</code> (0–100), <code>ti.reports</code>, <code>ti.provider</code>,{' '}
          <code>ti.last_seen</code>, <code>ti.label</code> … on their events (the worst-scored address of each event). Offline lists never leave the
          browser. Online services get nothing until you confirm a batch; private and special addresses are never sent.
        </p>

        <h3 className="geoip__h">Offline reputation lists</h3>
        <Lists lists={s?.lists ?? []} busy={ti.busy} onRemove={(id) => void ti.removeList(id)} />
        <form className="cases-panel__new" onSubmit={(e) => e.preventDefault()}>
          <fieldset className="geoip__scope">
            <legend>Keep it</legend>
            <label><input type="radio" name="ti-scope" checked={scope === 'case'} onChange={() => setScope('case')} /> with this case</label>
            <label><input type="radio" name="ti-scope" checked={scope === 'all'} onChange={() => setScope('all')} /> for all cases in this browser</label>
          </fieldset>
          <label className="button">
            Load reputation list (.csv, .json)
            <input
              type="file" accept=".csv,.json,.txt" disabled={ti.busy} className="visually-hidden"
              onChange={(e) => {
                const f = e.currentTarget.files?.[0];
                e.currentTarget.value = '';
                if (f !== undefined) void ti.addList(f, scope);
              }}
            />
          </label>
        </form>
        <p className="geoip__hint">
          Columns: <code>ip</code>, and optional <code>score</code> (0–100; without it a listed address scores 100), <code>label</code>, <code>source</code>,{' '}
          <code>last_seen</code>, <code>reports</code>. JSON: an array of such objects.
        </p>

        <h3 className="geoip__h">Online services (your key)</h3>
        {s?.providers.map((p) => (
          <ProviderCard
            key={p.id} p={p} relayOrigin={s.relayOrigin} busy={ti.busy} running={ti.progress !== undefined}
            onKey={(k, remember) => void ti.setKey(p.id, k, remember)} onForget={() => void ti.forgetKey(p.id)}
            onPlan={(via, limit) => void ti.makePlan(p.id, via, limit)}
          />
        ))}
        {ti.progress !== undefined && (
          <p className="ti-progress">
            <progress aria-label="Lookups sent" max={Math.max(1, ti.progress.total)} value={ti.progress.done} /> {formatCount(ti.progress.done)} of {formatCount(ti.progress.total)}
            {ti.progress.waitingMs !== undefined && ` (waiting ${Math.ceil(ti.progress.waitingMs / 1000)} s for the rate limit)`}{' '}
            <button type="button" className="button" onClick={() => void ti.cancel()}>Cancel lookups</button>
          </p>
        )}
        {ti.result !== undefined && (
          <p aria-label="Last lookup">
            Last lookup: {formatCount(ti.result.sent)} requests sent, {formatCount(ti.result.ok)} answered, {formatCount(ti.result.failed)} failed{ti.result.cancelled ? ', cancelled' : ''}.
          </p>
        )}
        {ti.result?.error !== undefined && <p className="error-banner" role="alert">{ti.result.error}</p>}
        {ti.error !== undefined && <p className="error-banner" role="alert">{ti.error}</p>}
        <label>
          Keep answers for (hours){' '}
          <input
            type="number" min={1} max={8760} defaultValue={s?.ttlHours ?? 24} key={s?.ttlHours}
            onBlur={(e) => { const h = Number(e.currentTarget.value); if (h >= 1 && h !== s?.ttlHours) void ti.setTtl(h); }}
          />
        </label>

        <AuditList rows={ti.audit} busy={ti.busy} onExport={() => void ti.exportAudit()} />
        <OptInDialog plan={ti.plan} onSend={() => void ti.run()} onClose={ti.dropPlan} />
      </dialog>
    </>
  );
}

function Lists({ lists, busy, onRemove }: { lists: TiListInfo[]; busy: boolean; onRemove: (id: string) => void }) {
  if (lists.length === 0) return <p>None loaded.</p>;
  return (
    <table className="cases-table" aria-label="Your reputation lists">
      <thead><tr><th scope="col">File</th><th scope="col">Kept</th><th scope="col">Addresses</th><th scope="col"><span className="visually-hidden">Actions</span></th></tr></thead>
      <tbody>
        {lists.map((l) => (
          <tr key={l.id}>
            <td>{l.name} <span className="case-row__badge">({formatBytes(l.bytes)})</span></td>
            <td>{l.scope === 'case' ? 'this case' : 'all cases'}</td>
            <td>{formatCount(l.entries)}{l.skipped.length > 0 ? `; rows skipped (row ${l.skipped[0].row}: ${l.skipped[0].reason})` : ''}</td>
            <td><button type="button" className="button" disabled={busy} onClick={() => onRemove(l.id)} aria-label={`Remove ${l.name}`}>Remove</button></td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
