// The entity page of one IP, user or host: when it was seen, what it did over time and whether it
// worked, whom it dealt with, on which ports and apps, where it is (once enrichment adds that), and the
// alerts naming it.
// Everything is computed by the engine (entitySummary); "Show these events" opens the search view.
import { useCallback, type ReactNode } from 'react';
import type { EntityKind, EntitySummary } from '../../../workers/api.ts';
import type { EngineClient, IdleTracker } from '../../../workers/client.ts';
import type { Go } from '../../state/route.ts';
import { formatCount } from '../../format.ts';
import { BarsChart } from '../../../charts/BarsChart.tsx';
import { StackedTimeChart } from '../../../charts/StackedTimeChart.tsx';
import { EngineState } from '../insight/EngineState.tsx';
import { ViewErrorBoundary } from '../insight/ViewErrorBoundary.tsx';
import { useEngineData } from '../insight/useEngineData.ts';
import { formatInZone, offsetAt } from '../insight/zonedTime.ts';
import { CounterpartTable } from './CounterpartTable.tsx';
import { LogonSummary } from './LogonSummary.tsx';
import { RelatedAlerts } from './RelatedAlerts.tsx';
import '../insight/insight.css';
import { SafeText } from '../../components/SafeText.tsx';
import { IpReputation } from '../ti/IpReputation.tsx';

export interface EntityPageProps {
  engine: EngineClient;
  tracker: IdleTracker;
  go: Go;
  /** IANA zone name or 'UTC': every time shown is in it, with its offset */
  timeZone: string;
  kind: EntityKind;
  value: string;
}

export const ENTITY_BUCKETS = 120;
const KIND_NAME: Record<EntityKind, string> = { ip: 'IP address', user: 'User', host: 'Host' };

export function EntityPage({ engine, tracker, go, timeZone, kind, value }: EntityPageProps) {
  const load = useCallback(() => engine.entitySummary(kind, value, ENTITY_BUCKETS), [engine, kind, value]);
  const data = useEngineData(tracker, load);
  return (
    <section className="insight" aria-labelledby="entity-title">
      <header className="insight__head">
        <span className="insight__kind">{KIND_NAME[kind]}</span>
        <h2 id="entity-title"><SafeText text={value} max={300} /></h2>
        {data.state === 'ready' && data.data.total > 0 && (
          <div className="insight__actions">
            <button type="button" className="button button--primary" onClick={() => go({ view: 'search', query: data.data.query })}>Show these events</button>
          </div>
        )}
      </header>
      <EngineState data={data} what={`summary of ${value}`} />
      {data.state === 'ready' && <ViewErrorBoundary what="entity page"><Summary s={data.data} go={go} timeZone={timeZone} /></ViewErrorBoundary>}
      {kind === 'ip' && data.state === 'ready' && data.data.total > 0 && <IpReputation engine={engine} tracker={tracker} ip={value} />}
      {data.state === 'ready' && data.data.total > 0 && <RelatedAlerts engine={engine} tracker={tracker} go={go} timeZone={timeZone} kind={kind} value={value} />}
    </section>
  );
}

function Summary({ s, go, timeZone }: { s: EntitySummary; go: Go; timeZone: string }) {
  if (s.total === 0) {
    return <p className="insight-state">No event of this case mentions <SafeText text={s.value} max={300} />. Check the spelling, or search for it as free text in the search view.</p>;
  }
  const time = (ms: number) => formatInZone(ms, timeZone, 'full');
  return (
    <>
      <div className="insight-grid">
        <section className="panel" aria-label="Overview">
          <h3>Overview</h3>
          <dl className="facts">
            <dt>First seen</dt><dd data-testid="first-seen">{s.firstSeen !== undefined ? time(s.firstSeen) : 'no time'}</dd>
            <dt>Last seen</dt><dd data-testid="last-seen">{s.lastSeen !== undefined ? time(s.lastSeen) : 'no time'}</dd>
            <dt>Events</dt><dd data-testid="entity-events">{formatCount(s.total)}</dd>
            {s.outcomes.map((o) => (
              <Fact key={o.value} label={o.value}>
                <button type="button" className={`link-button outcome--${o.value}`} aria-label={`Show ${formatCount(o.count)} events with outcome ${o.value}`} onClick={() => go({ view: 'search', query: o.query })}>{formatCount(o.count)}</button>
              </Fact>
            ))}
            {s.location.filter((f) => !sameAsSource(f, s.location)).map((f) => (
              <Fact key={f.field} label={`${f.field.replace(/^.*\.loc\./, '')}${f.field.startsWith('target.') ? ' (as destination)' : ''}`}>{f.values.map((v) => v.value).join(', ')}</Fact>
            ))}
          </dl>
        </section>
        <LogonSummary logons={s.logons} query={s.query} go={go} />
      </div>
      <StackedTimeChart
        title={`Activity over time by outcome (${offsetAt(s.firstSeen ?? 0, timeZone)})`}
        buckets={s.activity.buckets} bucketMs={s.activity.bucketMs}
        formatTick={(ms) => formatInZone(ms, timeZone, 'tick')} formatTime={time}
        onSelect={(range, series) => go({ view: 'search', query: s.outcomes.find((o) => o.value === series)?.query ?? s.query, ...range })}
      />
      <div className="insight-grid">
        {s.counterparts.map((g) => <CounterpartTable key={g.field} group={g} go={go} />)}
      </div>
      <div className="insight-grid">
        {s.facets.map((f) => (
          <BarsChart
            key={f.field} title={`${f.title} (${f.field})`} values={f.values} distinct={f.distinct} total={s.total}
            actionLabel={(v) => `Show events with ${f.field} ${v}`}
            onSelect={(v) => { const q = f.values.find((x) => x.value === v)?.query; if (q !== undefined) go({ view: 'search', query: q }); }}
          />
        ))}
      </div>
    </>
  );
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return <><dt>{label}</dt><dd>{children}</dd></>;
}

/** A destination-side location fact that says what the source side already says (the same address) is not repeated. */
function sameAsSource(f: { field: string; values: { value: string }[] }, all: readonly { field: string; values: { value: string }[] }[]): boolean {
  if (!f.field.startsWith('target.')) return false;
  const source = all.find((g) => g.field === `init.${f.field.slice('target.'.length)}`);
  return source !== undefined && source.values.map((v) => v.value).join('\n') === f.values.map((v) => v.value).join('\n');
}
