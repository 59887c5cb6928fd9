// Alerts seen from other views: over time split by severity (the dashboard, on the events chart's own
// buckets so both line up) and per entity (graph nodes coloured by the worst alert naming them). An
// entity is named by an alert's group values (init.host.ip, target.usr.name...) and its host.
import type { Alert, EntityKind, Histogram, HistogramBucket, Severity } from '../api.ts';
import { SEVERITIES } from '../../detect/types.ts';

/** Alerts by first evidence time in the buckets of `like` (alerts outside its span fall in the end buckets). */
export function alertsOverTime(alerts: readonly Alert[], like: Histogram): Histogram {
  const splits = like.buckets.map(() => Object.create(null) as Record<string, number>);
  const buckets: HistogramBucket[] = like.buckets.map((b, i) => ({ start: b.start, count: 0, split: splits[i] }));
  if (buckets.length > 0 && like.bucketMs > 0) {
    for (const a of alerts) {
      if (!Number.isFinite(a.ts)) continue;
      const i = Math.min(buckets.length - 1, Math.max(0, Math.floor((a.ts - buckets[0].start) / like.bucketMs)));
      buckets[i].count++;
      splits[i][a.severity] = (splits[i][a.severity] ?? 0) + 1;
    }
  }
  return { bucketMs: like.bucketMs, from: like.from, to: like.to, buckets, splitField: 'severity' };
}

export interface EntityAlerts { count: number; severity: Severity }

/** What kind of entity a group field names: *.ip an IP, *.usr.name an account, *.host.name a host. */
export function kindOfField(field: string): EntityKind | undefined {
  if (field.endsWith('.ip')) return 'ip';
  if (field.endsWith('usr.name')) return 'user';
  if (field.endsWith('host.name')) return 'host';
  return undefined;
}

/** The entities an alert names, as `${kind}:${value}` (the graph's node ids). */
export function entitiesOf(a: Alert): Set<string> {
  const ids = new Set<string>();
  for (const [field, value] of Object.entries(a.group)) {
    const kind = kindOfField(field);
    if (kind !== undefined && value !== '') ids.add(`${kind}:${value}`);
  }
  for (const h of (a.host ?? '').split(', ')) if (h !== '') ids.add(`host:${h}`);
  return ids;
}

/** `${kind}:${value}` (the graph's node ids) -> alerts naming it and the highest severity among them. */
export function alertsByEntity(alerts: readonly Alert[]): Map<string, EntityAlerts> {
  const out = new Map<string, EntityAlerts>();
  const add = (id: string, severity: Severity) => {
    const e = out.get(id);
    if (e === undefined) out.set(id, { count: 1, severity });
    else {
      e.count++;
      if (SEVERITIES.indexOf(severity) > SEVERITIES.indexOf(e.severity)) e.severity = severity;
    }
  };
  for (const a of alerts) for (const id of entitiesOf(a)) add(id, a.severity);
  return out;
}
