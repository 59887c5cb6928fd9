// The one mapping table from Logdrop's normalized fields to the Elastic Common Schema
// (https://www.elastic.co/guide/en/ecs/current/ecs-field-reference.html): the ECS NDJSON and _bulk exports
// write events with it, the index template declares its types. Fields without a row go to `labels`
// (ECS: custom keyword pairs, keys without dots), so nothing of the event is lost.
// Types are the portable subset Elasticsearch 7.10+/8 and OpenSearch 1/2 both have: ECS's wildcard and
// match_only_text (Elasticsearch only) are written as keyword and text.
import { isIP } from '../../core/ip.ts';
import type { EventFields } from '../../core/schema.ts';

export const ECS_VERSION = '8.11.0';

export type EcsType = 'date' | 'keyword' | 'text' | 'ip' | 'long' | 'geo_point';

export interface EcsRow {
  /** our field */
  from: string;
  /** the ECS field (dotted path) */
  to: string;
  type: EcsType;
}

const row = (from: string, to: string, type: EcsType = 'keyword'): EcsRow => ({ from, to, type });
const geo = (role: string, ecs: string): EcsRow[] => [
  row(`${role}.host.loc.country_short`, `${ecs}.geo.country_iso_code`), row(`${role}.host.loc.country`, `${ecs}.geo.country_name`),
  row(`${role}.host.loc.city`, `${ecs}.geo.city_name`), row(`${role}.host.loc.geo_point`, `${ecs}.geo.location`, 'geo_point'),
  row(`${role}.host.loc.asn`, `${ecs}.as.number`, 'long'), row(`${role}.host.loc.org`, `${ecs}.as.organization.name`),
];

/**
 * Ours -> ECS. When two rows write the same ECS field, the earlier row with a value wins (the initiating
 * process before the observing one). obs.host.* goes to host.* or, for network devices, observer.* (OBSERVER_TYPES).
 */
export const ECS_MAP: readonly EcsRow[] = [
  row('ts', '@timestamp', 'date'),
  row('message', 'message', 'text'),
  row('raw', 'event.original'),
  row('action', 'event.action'),
  row('outcome', 'event.outcome'),
  row('alarm.id', 'event.code'),
  row('alarm.sev', 'log.level'),
  row('parser.name', 'event.module'),
  row('col.file', 'log.file.path'),
  row('vendor', 'observer.vendor'),
  row('app.name', 'service.name'),
  row('obs.host.name', 'host.name'),
  row('obs.host.ip', 'host.ip', 'ip'),
  row('init.process.name', 'process.name'),
  row('init.process.id', 'process.pid', 'long'),
  row('init.process.path', 'process.executable'),
  row('init.process.command_line', 'process.command_line'),
  row('obs.process.name', 'process.name'),
  row('obs.process.id', 'process.pid', 'long'),
  row('init.host.ip', 'source.ip', 'ip'),
  row('init.host.port', 'source.port', 'long'),
  row('init.host.name', 'source.domain'),
  row('init.host.mac', 'source.mac'),
  row('init.host.nat.ip', 'source.nat.ip', 'ip'),
  row('init.host.nat.port', 'source.nat.port', 'long'),
  row('session.out.byte', 'source.bytes', 'long'),
  row('init.usr.name', 'source.user.name'),
  row('init.usr.domain', 'source.user.domain'),
  row('init.usr.id', 'source.user.id'),
  row('target.host.ip', 'destination.ip', 'ip'),
  row('target.host.port', 'destination.port', 'long'),
  row('target.host.name', 'destination.domain'),
  row('target.host.mac', 'destination.mac'),
  row('target.host.nat.ip', 'destination.nat.ip', 'ip'),
  row('target.host.nat.port', 'destination.nat.port', 'long'),
  row('session.in.byte', 'destination.bytes', 'long'),
  row('target.usr.name', 'user.name'),
  row('target.usr.domain', 'user.domain'),
  row('target.usr.id', 'user.id'),
  row('target.group.name', 'group.name'),
  row('target.group.domain', 'group.domain'),
  row('target.uri.full', 'url.original'),
  row('target.uri.path', 'url.path'),
  row('target.uri.query', 'url.query'),
  row('target.uri.scheme', 'url.scheme'),
  row('web.header.host', 'url.domain'),
  row('web.request.method', 'http.request.method'),
  row('web.request.rc', 'http.response.status_code', 'long'),
  row('web.header.referer', 'http.request.referrer'),
  row('web.header.user_agent', 'user_agent.original'),
  row('rule.id', 'rule.id'),
  row('rule.name', 'rule.name'),
  row('target.file.path', 'file.path'),
  row('target.file.name', 'file.name'),
  row('target.registry.key', 'registry.key'),
  row('target.registry.value', 'registry.value'),
  ...geo('init', 'source'), ...geo('target', 'destination'),
];

/** Network devices: their obs.host.* is the observer (ECS observer.*), not the host the event is about. */
export const OBSERVER_TYPES: ReadonlySet<string> = new Set(['FW', 'IDS', 'WAF', 'LB', 'VPN', 'RTSW', 'MX', 'DNS']);
export const OBSERVER_ROWS: readonly EcsRow[] = [row('obs.host.name', 'observer.hostname'), row('obs.host.ip', 'observer.ip', 'ip')];

/** Our taxonomy (`type`) -> ECS event.category (allowed values of ECS 8). */
export const TYPE_CATEGORY: ReadonlyMap<string, string> = new Map(Object.entries({
  AUTH: 'authentication', FW: 'network', IDS: 'intrusion_detection', WAF: 'web', WEB: 'web', LB: 'web', VPN: 'network',
  DNS: 'network', AV: 'malware', MX: 'email', SYS: 'host', BDD: 'database', PKI: 'configuration', ORCH: 'host', RTSW: 'network',
}));

/** Fields the mapper writes itself (not from a row); the template declares them too. */
export const ECS_EXTRA: readonly EcsRow[] = [
  row('', 'ecs.version'), row('', 'event.kind'), row('', 'event.category'), row('', 'source.address'), row('', 'destination.address'),
  row('', 'related.ip', 'ip'), row('', 'related.user'), row('', 'related.hosts'),
];

const BY_FIELD = new Map<string, EcsRow[]>();
for (const r of ECS_MAP) {
  const list = BY_FIELD.get(r.from);
  if (list === undefined) BY_FIELD.set(r.from, [r]);
  else list.push(r);
}
const OBSERVER_BY_FIELD = new Map(OBSERVER_ROWS.map((r) => [r.from, r]));

type Json = string | number | string[] | { [key: string]: Json };
export type EcsDoc = { [key: string]: Json };

/** A value in the row's type, or undefined when it is not one (it then goes to labels, or to .address for an address). */
function converted(type: EcsType, v: string | number): string | number | undefined {
  switch (type) {
    case 'date': return typeof v === 'number' && Number.isFinite(v) ? new Date(v).toISOString() : undefined;
    case 'ip': return typeof v === 'string' && isIP(v) ? v : undefined;
    case 'long': {
      const n = typeof v === 'number' ? v : /^-?\d{1,15}$/.test(v) ? Number(v) : NaN;
      return Number.isSafeInteger(n) ? n : undefined;
    }
    default: return typeof v === 'number' ? String(v) : v;
  }
}

function put(doc: EcsDoc, path: string, value: Json): boolean {
  const keys = path.split('.');
  let at = doc;
  for (let i = 0; i < keys.length - 1; i++) {
    const next = at[keys[i]];
    if (next === undefined) at = at[keys[i]] = Object.create(null) as EcsDoc;
    else if (typeof next === 'object' && !Array.isArray(next)) at = next;
    else return false;
  }
  const last = keys[keys.length - 1];
  if (at[last] !== undefined) return false; // an earlier row gave it
  at[last] = value;
  return true;
}

/** A labels key: ECS forbids dots in them. */
export const labelKey = (field: string): string => field.replace(/\./g, '_');

/** One normalized event as an ECS document (nested objects), every field kept. */
export function toEcs(event: EventFields): EcsDoc {
  const doc = Object.create(null) as EcsDoc;
  const labels = Object.create(null) as Record<string, string>;
  const ips = new Set<string>(), users = new Set<string>(), hosts = new Set<string>();
  const observer = typeof event.type === 'string' && OBSERVER_TYPES.has(event.type);
  put(doc, 'ecs.version', ECS_VERSION);
  put(doc, 'event.kind', 'event');
  for (const field of Object.keys(event)) {
    const v = event[field];
    const rows = observer && OBSERVER_BY_FIELD.has(field) ? [OBSERVER_BY_FIELD.get(field)!] : BY_FIELD.get(field);
    let placed = false;
    for (const r of rows ?? []) {
      const c = converted(r.type, v);
      if (c === undefined) continue;
      placed = put(doc, r.to, c) || placed;
      if (r.type === 'ip') ips.add(c as string);
    }
    if (field === 'init.host.ip' || field === 'target.host.ip') put(doc, `${field.startsWith('init') ? 'source' : 'destination'}.address`, String(v));
    if (/^(init|target)\.usr\.name$/.test(field) && v !== '') users.add(String(v));
    if (/^(obs|init|target)\.host\.name$/.test(field) && v !== '') hosts.add(String(v));
    const category = field === 'type' && typeof v === 'string' ? TYPE_CATEGORY.get(v) : undefined;
    if (category !== undefined) put(doc, 'event.category', [category]);
    if (!placed && !(field === 'init.host.ip' || field === 'target.host.ip')) labels[labelKey(field)] ??= String(v);
  }
  if (ips.size > 0) put(doc, 'related.ip', [...ips]);
  if (users.size > 0) put(doc, 'related.user', [...users]);
  if (hosts.size > 0) put(doc, 'related.hosts', [...hosts]);
  if (Object.keys(labels).length > 0) doc.labels = labels;
  return doc;
}
