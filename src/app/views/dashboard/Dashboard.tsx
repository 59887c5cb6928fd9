// The dashboard (the mini-SIEM page): events by time split by outcome, failed vs successful logons,
// top source IPs, targeted accounts, actions and (once enrichment lands) countries. Every chart is
// clickable and opens the search view filtered on what was clicked. The engine aggregates everything.
import { useCallback } from 'react';
import type { DashboardData } from '../../../workers/api.ts';
import type { EngineClient, IdleTracker } from '../../../workers/client.ts';
import type { Go } from '../../state/route.ts';
import { formatCount } from '../../format.ts';
import { BarsChart } from '../../../charts/BarsChart.tsx';
import { StackedTimeChart } from '../../../charts/StackedTimeChart.tsx';
import { EngineState } from '../insight/EngineState.tsx';
import { ViewErrorBoundary } from '../insight/ViewErrorBoundary.tsx';
import { useEngineData } from '../insight/useEngineData.ts';
import { formatInZone, offsetAt } from '../insight/zonedTime.ts';
import '../insight/insight.css';

export interface DashboardProps {
  engine: EngineClient;
  tracker: IdleTracker;
  go: Go;
  /** IANA zone name or 'UTC' */
  timeZone: string;
}

/** At most this many time buckets per chart (a week of hours): the SVG charts stay light. */
export const DASHBOARD_BUCKETS = 168;

export function Dashboard({ engine, tracker, go, timeZone }: DashboardProps) {
  const load = useCallback(() => engine.dashboard(DASHBOARD_BUCKETS), [engine]);
  const data = useEngineData(tracker, load);
  return (
    <section className="insight" aria-labelledby="dashboard-title">
      <header className="insight__head">
        <h2 id="dashboard-title">Dashboard</h2>
        {data.state === 'ready' && <span className="insight-state">{formatCount(data.data.total)} events in this case</span>}
      </header>
      <EngineState data={data} what="dashboard" />
      {data.state === 'ready' && (data.data.total === 0
        ? <p className="insight-state">This case has no events yet. Drop log files on the page or load the demo bundle, then come back here.</p>
        : <ViewErrorBoundary what="dashboard"><Charts d={data.data} go={go} timeZone={timeZone} /></ViewErrorBoundary>)}
    </section>
  );
}

function Charts({ d, go, timeZone }: { d: DashboardData; go: Go; timeZone: string }) {
  const zone = offsetAt(d.events.from, timeZone);
  const tick = (ms: number) => formatInZone(ms, timeZone, 'tick');
  const time = (ms: number) => formatInZone(ms, timeZone, 'full');
  const search = (query: string, range?: { from: number; to: number }) => go({ view: 'search', query, ...range });
  const byOutcome = (base: string) => (range: { from: number; to: number }, series?: string) => {
    const o = series === undefined ? undefined : d.outcomeQueries[series];
    search(o === undefined ? base : base === '' ? o : `(${base}) and ${o}`, range);
  };
  const bars = (list: DashboardData['sourceIps'], title: string, label: (v: string) => string, tone?: 'failure') => (
    <BarsChart
      title={title} values={list.values} distinct={list.distinct} tone={tone} actionLabel={label}
      onSelect={(v) => { const q = list.values.find((x) => x.value === v)?.query; if (q !== undefined) search(q); }}
      empty={`No event of this case has ${list.field}.`}
    />
  );
  return (
    <>
      <StackedTimeChart
        title={`Events over time by outcome (${zone})`} buckets={d.events.buckets} bucketMs={d.events.bucketMs}
        formatTick={tick} formatTime={time} onSelect={byOutcome('')}
      />
      {/* the same buckets as the events above; a click shows that hour's events */}
      <StackedTimeChart
        title={`Alerts over time by severity (${zone})`} buckets={d.alerts?.buckets ?? []} bucketMs={d.events.bucketMs}
        formatTick={tick} formatTime={time} onSelect={(range) => search('', range)} height={160}
        empty="No alerts in this case: the detectors found nothing (see Alerts for what they look at)."
      />
      <StackedTimeChart
        title={`Failed and successful logons over time (${zone})`} buckets={d.logons.buckets} bucketMs={d.logons.bucketMs}
        formatTick={tick} formatTime={time} onSelect={byOutcome(d.logonQuery)} height={180}
        empty="No logon events (action:logon) in this case."
      />
      <div className="insight-grid">
        {bars(d.sourceIps, 'Top source IPs (init.host.ip)', (v) => `Show events from ${v}`)}
        {bars(d.targetedUsers, 'Top targeted accounts in logons (target.usr.name)', (v) => `Show logons aimed at ${v}`)}
        {bars(d.actions, 'Top event actions (action)', (v) => `Show ${v} events`)}
        {d.countries !== undefined && bars(d.countries, 'Source countries (init.host.loc.country)', (v) => `Show events from ${v}`)}
      </div>
    </>
  );
}
