// An alert record as redaction shows it: the same pseudonyms as the views and the event exports (the evidence
// events are read through the redacting reader by the caller; here the alert's own fields and texts).
import type { AlertItem } from '../api.ts';
import type { AlertRecord } from '../export/alerts.ts';
import type { Redactor } from './redactor.ts';

export function redactedAlert(r: AlertRecord, red: Redactor): AlertRecord {
  const words = new Map<string, 'user' | 'host'>();
  if (r.user.length >= 3) words.set(r.user, 'user');
  if (r.host.length >= 3) words.set(r.host, 'host');
  const one = (field: string, v: string): string => (v === '' ? v : String(red.value(field, v)));
  return {
    ...r,
    message: red.text(r.message, words), note: red.text(r.note, words), evidence_query: red.text(r.evidence_query, words),
    source_ip: one('init.host.ip', r.source_ip), user: one('target.usr.name', r.user), host: one('obs.host.name', r.host),
  };
}

/** An alert as the alerts view (and the report) shows it while redaction is on: message, group values and host. */
export function redactedAlertItem(a: AlertItem, red: Redactor): AlertItem {
  const words = new Map<string, 'user' | 'host'>();
  for (const [f, v] of Object.entries(a.group)) {
    const k = red.kindOf(f);
    if ((k === 'user' || k === 'host') && v.length >= 3) words.set(v, k);
  }
  if (a.host !== undefined) for (const h of a.host.split(', ')) if (h.length >= 3) words.set(h, 'host');
  const group = Object.create(null) as Record<string, string>;
  for (const [f, v] of Object.entries(a.group)) group[f] = String(red.value(f, v, words));
  return {
    ...a, group, message: red.text(a.message, words), state: { ...a.state, note: red.text(a.state.note, words) },
    ...(a.host !== undefined ? { host: a.host.split(', ').map((h) => String(red.value('obs.host.name', h))).join(', ') } : {}),
  };
}
