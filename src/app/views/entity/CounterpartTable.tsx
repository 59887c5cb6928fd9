// One group of counterparts (accounts an IP tried, IPs a user came from, hosts involved): each value
// opens its own entity page; "events" lists the events the two share.
import type { CounterpartGroup } from '../../../workers/api.ts';
import type { Go } from '../../state/route.ts';
import { formatCount } from '../../format.ts';
import { SafeText, safeLabel } from '../../components/SafeText.tsx';

export function CounterpartTable({ group, go }: { group: CounterpartGroup; go: Go }) {
  const more = group.distinct > group.values.length ? ` (${group.values.length} of ${formatCount(group.distinct)}: the busiest, and any that succeeded)` : '';
  return (
    <section className="panel" aria-label={group.title}>
      <h3>{group.title}<span className="insight-state">{more}</span></h3>
      <table className="chart-table">
        <thead>
          <tr><th scope="col">{group.field}</th><th scope="col">Events</th><th scope="col">Failed</th><th scope="col">Succeeded</th><th scope="col"><span className="visually-hidden">Events of both</span></th></tr>
        </thead>
        <tbody>
          {group.values.map((v) => (
            <tr key={v.value}>
              <th scope="row">
                {v.kind !== undefined
                  ? <button type="button" className="link-button" aria-label={`Open ${v.kind} ${safeLabel(v.value)}`} onClick={() => go({ view: 'entity', kind: v.kind!, value: v.value })}><SafeText text={v.value} max={300} /></button>
                  : <SafeText text={v.value} max={300} />}
              </th>
              <td className="num">{formatCount(v.count)}</td>
              <td className={`num${v.failure > 0 ? ' outcome--failure' : ''}`}>{formatCount(v.failure)}</td>
              <td className={`num${v.success > 0 ? ' outcome--success' : ''}`}>{formatCount(v.success)}</td>
              <td>
                <button type="button" className="link-button" aria-label={`Show events with ${group.field} ${safeLabel(v.value)}`} onClick={() => go({ view: 'search', query: v.query })}>events</button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
