// The reputation part of an IP's page: every verdict known for it (offline lists, cached answers of the
// online services, with when they were checked), and links to the providers' own pages for the user to
// open: Logdrop fetches nothing here.
import { useCallback } from 'react';
import type { EngineClient, IdleTracker } from '../../../workers/client.ts';
import { useEngineData } from '../insight/useEngineData.ts';
import { SafeText } from '../../components/SafeText.tsx';

export function IpReputation({ engine, tracker, ip }: { engine: EngineClient; tracker: IdleTracker; ip: string }) {
  const load = useCallback(() => engine.tiOfIp(ip), [engine, ip]);
  const data = useEngineData(tracker, load);
  if (data.state !== 'ready') return null;
  const info = data.data;
  return (
    <section className="panel" aria-label="Reputation">
      <h3>Reputation</h3>
      {info.special !== undefined && <p>A {info.special} address: never sent to any service.</p>}
      {info.verdicts.length === 0
        ? <p>No verdict: not on a loaded reputation list, and not looked up (Threat intel in the header).</p>
        : (
          <table className="cases-table" aria-label="Verdicts">
            <thead><tr><th scope="col">Source</th><th scope="col">Score</th><th scope="col">Reports</th><th scope="col">Label</th><th scope="col">Last reported</th><th scope="col">Checked</th></tr></thead>
            <tbody>
              {info.verdicts.map((v) => (
                <tr key={`${v.provider}:${v.source ?? ''}`}>
                  <td>{v.provider === 'list' ? <>list <SafeText text={v.source ?? ''} max={80} /></> : v.provider}</td>
                  <td>{v.score}</td>
                  <td>{v.reports ?? ''}</td>
                  <td><SafeText text={[v.label, v.isp, v.usage, v.country].filter((x) => x !== undefined).join(' · ')} max={200} /></td>
                  <td><SafeText text={v.lastSeen ?? ''} max={40} /></td>
                  <td>{v.provider === 'list' ? 'loaded list' : `${new Date(v.checkedMs).toISOString().slice(0, 16).replace('T', ' ')} UTC${v.stale ? ' (older than the cache time)' : ''}`}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      {info.links.length > 0 && (
        <p>
          Look it up yourself:{' '}
          {info.links.map((l, i) => (
            <span key={l.url}>{i > 0 && ' · '}<a href={l.url} target="_blank" rel="noreferrer noopener">{l.title}</a></span>
          ))}
        </p>
      )}
    </section>
  );
}
