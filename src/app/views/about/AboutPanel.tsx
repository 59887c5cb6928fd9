// "About": where Logdrop's data comes from and under which licence, and which services it can talk to
// (only when the user asks). The GeoIP sources come from the engine's status, the threat-intelligence
// providers from their units.
import { useCallback, useState } from 'react';
import type { GeoStatus, TiStatus } from '../../../workers/api.ts';
import type { EngineClient, IdleTracker } from '../../../workers/client.ts';
import { useModal } from '../../components/useModal.ts';
import { BuildInfo } from './BuildInfo.tsx';

export function AboutPanel({ engine, tracker }: { engine: EngineClient; tracker: IdleTracker }) {
  const { ref, setShown } = useModal();
  const [geo, setGeo] = useState<GeoStatus>();
  const [ti, setTi] = useState<TiStatus>();
  const load = useCallback(async () => {
    const [g, t] = await tracker.track(Promise.all([engine.geoStatus(), engine.tiStatus()]));
    setGeo(g);
    setTi(t);
  }, [engine, tracker]);
  const close = () => setShown(false);
  return (
    <>
      <button type="button" className="button" aria-haspopup="dialog" onClick={() => { setShown(true); void load(); }}>About</button>
      <dialog ref={ref} className="cases-panel" aria-labelledby="about-title" onClose={close}>
        <div className="cases-panel__head">
          <h2 id="about-title">About Logdrop</h2>
          <button type="button" className="button" onClick={close}>Close</button>
        </div>
        <p>Logdrop reads logs in this browser. Nothing leaves it unless you turn on an online threat-intelligence lookup and confirm a batch.</p>
        <BuildInfo />
        <section aria-label="Data sources and licences">
          <h3 className="geoip__h">Built-in data</h3>
          <ul className="geoip__sources">
            {geo?.builtin.sources.map((s) => (
              <li key={s.title}>GeoIP {s.title}: {s.attribution} Licence: {s.licence}. <a href={s.url} target="_blank" rel="noreferrer noopener">Source</a></li>
            ))}
          </ul>
          <h3 className="geoip__h">Threat-intelligence services (only with your key and your confirmation)</h3>
          <ul className="geoip__sources">
            {ti?.providers.map((p) => (
              <li key={p.id}>
                {p.title}: {p.description} Its answers are subject to its <a href={p.terms} target="_blank" rel="noreferrer noopener">terms</a>.
              </li>
            ))}
            <li>Offline reputation lists: your own files, under their own terms; read in the browser only.</li>
          </ul>
        </section>
      </dialog>
    </>
  );
}
