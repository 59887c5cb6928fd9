// "GeoIP data": where locations come from. The built-in country and ASN tables (offline, shipped with the
// app), and the user's own files: a MaxMind .mmdb (GeoLite2 Country/City/ASN) or JSON/CSV ranges, kept with
// this case or for every case. Loading one re-locates the whole case; nothing is sent anywhere.
import { useEffect, useState } from 'react';
import type { GeoScope, GeoStatus, UserGeoInfo } from '../../../workers/api.ts';
import type { EngineClient, IdleTracker } from '../../../workers/client.ts';
import { useModal } from '../../components/useModal.ts';
import { formatBytes } from '../../format.ts';
import { useGeoIp } from './useGeoIp.ts';

export function GeoIpPanel({ engine, tracker, onChanged }: { engine: EngineClient; tracker: IdleTracker; onChanged: () => void }) {
  const geo = useGeoIp(engine, tracker, onChanged);
  const { ref, shown, setShown } = useModal();
  const [scope, setScope] = useState<GeoScope>('case');
  const { refresh } = geo;
  useEffect(() => {
    if (shown) void refresh();
  }, [shown, refresh]);
  const close = () => setShown(false);
  return (
    <>
      <button type="button" className="button" aria-haspopup="dialog" onClick={() => setShown(true)}>GeoIP data</button>
      <dialog ref={ref} className="cases-panel" aria-labelledby="geoip-title" onClose={close}>
        <div className="cases-panel__head">
          <h2 id="geoip-title">GeoIP data</h2>
          <button type="button" className="button" onClick={close}>Close</button>
        </div>
        <p className="geoip__intro">
          Addresses are located offline: each IP gets <code>init.host.loc.*</code> (and <code>target</code>, <code>obs</code>) fields — country, ASN,
          organisation, and city and coordinates when your own database has them. Private, loopback, documentation and other special
          addresses are labelled (<code>loc.label</code>) and never looked up. Nothing is sent anywhere.
        </p>
        <BuiltinStatus status={geo.status} />
        <h3 className="geoip__h">Your own data</h3>
        <UserFiles files={geo.status?.user ?? []} busy={geo.busy} onRemove={(id) => void geo.remove(id)} />
        <form className="cases-panel__new" onSubmit={(e) => e.preventDefault()}>
          <fieldset className="geoip__scope">
            <legend>Keep it</legend>
            <label><input type="radio" name="geoip-scope" checked={scope === 'case'} onChange={() => setScope('case')} /> with this case</label>
            <label><input type="radio" name="geoip-scope" checked={scope === 'all'} onChange={() => setScope('all')} /> for all cases in this browser</label>
          </fieldset>
          <label className="button">
            Load GeoIP file (.mmdb, .json, .csv)
            <input
              type="file" accept=".mmdb,.json,.csv,.tsv,.txt" disabled={geo.busy} className="visually-hidden"
              onChange={(e) => {
                const f = e.currentTarget.files?.[0];
                e.currentTarget.value = '';
                if (f !== undefined) void geo.add(f, scope);
              }}
            />
          </label>
        </form>
        {geo.error !== undefined && <p className="error-banner" role="alert">{geo.error}</p>}
        <p className="geoip__hint">
          Range files: one range per row, as <code>network</code> (CIDR) or <code>first</code>/<code>last</code> addresses, with any of
          <code> country_code</code> (or <code>country.iso_code</code>), <code>country</code>, <code>city</code>, <code>latitude</code>/<code>longitude</code>,
          <code> asn</code>, <code>org</code>. Your data comes before the built-in tables, and may name your own internal ranges.
        </p>
      </dialog>
    </>
  );
}

function BuiltinStatus({ status }: { status?: GeoStatus }) {
  if (status === undefined) return <p>Reading the GeoIP status…</p>;
  const b = status.builtin;
  return (
    <section aria-label="Built-in GeoIP data">
      <h3 className="geoip__h">Built in</h3>
      {b.state === 'ready' && <p>Loaded: country and ASN for IPv4 and IPv6.</p>}
      {b.state === 'loading' && <p>Loading…</p>}
      {b.state === 'absent' && <p>This build carries no GeoIP tables: load your own file below.</p>}
      {b.state === 'failed' && <p className="error-banner" role="alert">{b.message}</p>}
      <ul className="geoip__sources">
        {b.sources.map((s) => (
          <li key={s.title}>{s.title}: {s.attribution} Licence: {s.licence}.</li>
        ))}
      </ul>
    </section>
  );
}

function UserFiles({ files, busy, onRemove }: { files: UserGeoInfo[]; busy: boolean; onRemove: (id: string) => void }) {
  if (files.length === 0) return <p>None loaded.</p>;
  return (
    <table className="cases-table" aria-label="Your GeoIP files">
      <thead><tr><th scope="col">File</th><th scope="col">Kept</th><th scope="col">Content</th><th scope="col">Fields</th><th scope="col"><span className="visually-hidden">Actions</span></th></tr></thead>
      <tbody>
        {files.map((f) => (
          <tr key={f.id}>
            <td>{f.name} <span className="case-row__badge">({formatBytes(f.bytes)})</span></td>
            <td>{f.scope === 'case' ? 'this case' : 'all cases'}</td>
            <td>{f.kind === 'mmdb' ? `MaxMind database ${f.detail}` : f.detail}{f.skipped.length > 0 ? `; ${f.skipped.length} rows skipped (row ${f.skipped[0].row}: ${f.skipped[0].reason})` : ''}</td>
            <td>{f.keys.join(', ')}</td>
            <td><button type="button" className="button" disabled={busy} onClick={() => onRemove(f.id)} aria-label={`Remove ${f.name}`}>Remove</button></td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
