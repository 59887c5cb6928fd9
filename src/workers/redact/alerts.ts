// An alert record as redaction shows it: the same pseudonyms as the views and the event exports (the evidence
// events are read through the redacting reader by the caller; here the alert's own fields and texts).
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
