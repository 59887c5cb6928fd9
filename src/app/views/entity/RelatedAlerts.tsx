// The alerts naming this IP, account or host (the engine filters by entity), worst first; each opens in
// the alerts view.
import { useCallback } from 'react';
import type { AlertList, EntityKind } from '../../../workers/api.ts';
import type { EngineClient, IdleTracker } from '../../../workers/client.ts';
import type { Go } from '../../state/route.ts';
import { formatCount } from '../../format.ts';
import { SafeText } from '../../components/SafeText.tsx';
import { useEngineData } from '../insight/useEngineData.ts';
import { formatInZone } from '../insight/zonedTime.ts';
import { SEVERITY_ORDER } from '../alerts/format.ts';
import '../alerts/alerts.css';

const SHOWN = 10;

export function RelatedAlerts({ engine, tracker, go, timeZone, kind, value }: {
  engine: EngineClient; tracker: IdleTracker; go: Go; timeZone: string; kind: EntityKind; value: string;
}) {
  const load = useCallback((): Promise<AlertList> => engine.alerts({ entity: { kind, value } }), [engine, kind, value]);
  const data = useEngineData(tracker, load);
  if (data.state !== 'ready') return null;
  const list = data.data.alerts;
  const worst = [...list].sort((a, b) => SEVERITY_ORDER.indexOf(a.severity) - SEVERITY_ORDER.indexOf(b.severity) || a.ts - b.ts).slice(0, SHOWN);
  const counts = SEVERITY_ORDER.filter((s) => data.data.bySeverity[s] > 0).map((s) => `${formatCount(data.data.bySeverity[s])} ${s}`);
  return (
    <section className="panel" aria-label="Related alerts">
      <h3>Related alerts</h3>
      {list.length === 0 ? (
        <p className="muted">No alert names it. The detectors look at logons, accounts and spikes; see Alerts for what each needs.</p>
      ) : (
        <>
          <p>{formatCount(list.length)} alert{list.length === 1 ? '' : 's'}: {counts.join(', ')}{list.length > SHOWN ? `; the ${SHOWN} worst:` : ''}</p>
          <ul className="related-alerts">
            {worst.map((a) => (
              <li key={a.id}>
                <span className={`sev sev-${a.severity}`}>{a.severity}</span>{' '}
                <button type="button" className="link-button" onClick={() => go({ view: 'alerts', alert: a.id })}>
                  <SafeText text={a.ruleName} max={120} />
                </button>{' '}
                <span className="muted">{formatInZone(a.ts, timeZone, 'full')}</span>
                <div><SafeText text={a.message} max={300} /></div>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
