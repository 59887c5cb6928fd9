// An alert record as redaction shows it: the same pseudonyms as the views and the event exports (the evidence
// events are read through the redacting reader by the caller; here the alert's own fields and texts).
import type { AlertItem } from '../api.ts';
import type { AlertRecord } from '../export/alerts.ts';
import type { Redactor } from './redactor.ts';
import { shownText, storedToShown } from './queryText.ts';

/**
 * An alert id as shown: ids carry the group key (`rule|init.host.ip=203.0.113.45|window`), so its values become
 * their pseudonyms; `red.untext` turns it back (setAlertState, alertMessage, the route's open alert).
 */
export function shownAlertId(id: string, group: Readonly<Record<string, string>>, red: Redactor): string {
  let out = id;
  for (const [f, v] of Object.entries(group)) if (v !== '') out = out.split(`${f}=${v}`).join(`${f}=${String(red.value(f, v))}`);
  return out;
}

export function redactedAlert(r: AlertRecord, red: Redactor): AlertRecord {
  const words = new Map<string, 'user' | 'host'>();
  if (r.user.length >= 2) words.set(r.user, 'user');
  if (r.host.length >= 3) words.set(r.host, 'host');
  const one = (field: string, v: string): string => (v === '' ? v : String(red.value(field, v)));
  return {
    ...r,
    message: red.names(red.text(r.message, words), red.knownWords()), note: shownText(r.note, red, words), evidence_query: r.evidence_query === '' ? '' : storedToShown(r.evidence_query, red),
    source_ip: one('init.host.ip', r.source_ip), user: one('target.usr.name', r.user), host: one('obs.host.name', r.host),
  };
}

/**
 * An alert's user and host values (group values and its host), to find in its texts. Group values count from 2
 * characters (an account "pi"): the detector wrote them into its own message, which has no other short words.
 */
export function alertWords(a: Pick<AlertItem, 'group' | 'host'>, red: Redactor): Map<string, 'user' | 'host'> {
  const words = new Map<string, 'user' | 'host'>();
  for (const [f, v] of Object.entries(a.group)) {
    const k = red.kindOf(f);
    if ((k === 'user' || k === 'host') && v.length >= 2) words.set(v, k);
  }
  if (a.host !== undefined) for (const h of a.host.split(', ')) if (h.length >= 3) words.set(h, 'host');
  return words;
}

/** An alert as the alerts view (and the report) shows it while redaction is on: message, group values and host. */
export function redactedAlertItem(a: AlertItem, red: Redactor): AlertItem {
  const words = alertWords(a, red);
  const group = Object.create(null) as Record<string, string>;
  for (const [f, v] of Object.entries(a.group)) group[f] = String(red.value(f, v, words));
  const id = shownAlertId(a.id, a.group, red);
  // a detector's message may name accounts and hosts beyond its group (brute force: "for root, oracle")
  return {
    ...a, id, group, message: red.names(red.text(a.message, words), red.knownWords()), state: { ...a.state, id, note: shownText(a.state.note, red, words) },
    ...(a.evidenceQuery !== undefined ? { evidenceQuery: storedToShown(a.evidenceQuery, red) } : {}),
    ...(a.host !== undefined ? { host: a.host.split(', ').map((h) => String(red.value('obs.host.name', h))).join(', ') } : {}),
  };
}
