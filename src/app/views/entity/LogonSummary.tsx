// The Hayabusa logon-summary idea for one entity: how many logons, how many failed, which logon types
// and methods. Numbers first: "did it work, how often, how".
import type { LogonSummary as Logons } from '../../../workers/api.ts';
import type { Go } from '../../state/route.ts';
import { formatCount } from '../../format.ts';
import { SafeText } from '../../components/SafeText.tsx';

export function LogonSummary({ logons, query, go }: { logons: Logons; query: string; go: Go }) {
  const show = (outcome: string) => go({ view: 'search', query: `(${query}) and action:logon and outcome:${outcome}` });
  return (
    <section className="panel" aria-label="Logon summary">
      <h3>Logon summary</h3>
      {logons.total === 0 ? (
        <p className="insight-state">No logon events (action:logon) involve it.</p>
      ) : (
        <dl className="facts">
          <dt>Logons</dt><dd>{formatCount(logons.total)}</dd>
          <dt>Failed</dt>
          <dd>
            <button type="button" className="link-button outcome--failure" aria-label={`Show ${formatCount(logons.failure)} failed logons`} onClick={() => show('failure')}>{formatCount(logons.failure)}</button>
          </dd>
          <dt>Succeeded</dt>
          <dd>
            <button type="button" className="link-button outcome--success" aria-label={`Show ${formatCount(logons.success)} successful logons`} onClick={() => show('success')}>{formatCount(logons.success)}</button>
          </dd>
          {logons.types.length > 0 && <><dt>Logon types</dt><dd><SafeText text={logons.types.map((t) => `${t.value} ${formatCount(t.count)}`).join(' · ')} /></dd></>}
          {logons.methods.length > 0 && <><dt>Methods</dt><dd><SafeText text={logons.methods.map((t) => `${t.value} ${formatCount(t.count)}`).join(' · ')} /></dd></>}
        </dl>
      )}
    </section>
  );
}
