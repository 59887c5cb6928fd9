// The event detail's sections: normalized fields grouped by role (who started it, what it aimed at,
// who observed it, ...), then the original record's data.* fields. raw is shown on its own.
import type { EventFields } from '../../../../core/schema.ts';

export interface FieldGroup { title: string; fields: [string, string | number][] }

const GROUPS: { title: string; test: (f: string) => boolean }[] = [
  { title: 'Event', test: (f) => !f.includes('.') || f.startsWith('ts.') || f.startsWith('app.') || f === 'vendor' },
  { title: 'Initiator (init)', test: (f) => f.startsWith('init.') },
  { title: 'Target', test: (f) => f.startsWith('target.') },
  { title: 'Process', test: (f) => f.startsWith('obs.process.') || f.startsWith('process.') },
  { title: 'Observer (obs)', test: (f) => f.startsWith('obs.') },
  { title: 'Web', test: (f) => f.startsWith('web.') },
  { title: 'Rule / alarm', test: (f) => f.startsWith('rule.') || f.startsWith('alarm.') },
  { title: 'Session', test: (f) => f.startsWith('session.') },
  { title: 'Original fields (data.*)', test: (f) => f.startsWith('data.') },
  { title: 'Collection', test: (f) => f.startsWith('col.') || f.startsWith('parser.') || f.startsWith('parse.') },
];
const OTHER = 'Other';
/** Shown apart: the record as read, and the message already heads the drawer. */
const APART = new Set(['raw']);

export function groupFields(fields: EventFields): FieldGroup[] {
  const out = new Map<string, [string, string | number][]>();
  for (const g of GROUPS) out.set(g.title, []);
  out.set(OTHER, []);
  const names = Object.keys(fields).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  for (const name of names) {
    if (APART.has(name)) continue;
    const title = GROUPS.find((g) => g.test(name))?.title ?? OTHER;
    out.get(title)!.push([name, fields[name]]); // every title was set above
  }
  return [...out].filter(([, f]) => f.length > 0).map(([title, f]) => ({ title, fields: f }));
}

/** The entity page a field's value opens, when it names an IP, a user or a host. */
export function entityKindOf(field: string): 'ip' | 'user' | 'host' | undefined {
  if (/(^|\.)ip$/.test(field) || field === 'init.host.ip' || field === 'target.host.ip') return 'ip';
  if (/\.usr\.name$/.test(field) || field === 'data.TargetUserName' || field === 'data.SubjectUserName') return 'user';
  if (/\.host\.name$/.test(field) || field === 'data.Computer' || field === 'data.WorkstationName') return 'host';
  return undefined;
}
