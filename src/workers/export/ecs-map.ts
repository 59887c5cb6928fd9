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

/**
 * Everything toEcs needs to know about one field name, worked out once per name (the export calls toEcs a
 * million times over a few dozen names): the ECS paths already split, and what the field feeds besides.
 */
interface FieldPlan {
  targets: { keys: string[]; type: EcsType }[];
  /** init/target.host.ip: also written as source/destination.address, never a label */
  address?: string[];
  user: boolean;
  host: boolean;
  category: boolean;
  label: string;
}

function planOf(field: string, observer: boolean): FieldPlan {
  const rows = observer && OBSERVER_BY_FIELD.has(field) ? [OBSERVER_BY_FIELD.get(field)!] : BY_FIELD.get(field) ?? [];
  const address = field === 'init.host.ip' ? ['source', 'address'] : field === 'target.host.ip' ? ['destination', 'address'] : undefined;
  return {
    targets: rows.map((r) => ({ keys: r.to.split('.'), type: r.type })), address,
    user: /^(init|target)\.usr\.name$/.test(field), host: /^(obs|init|target)\.host\.name$/.test(field),
    category: field === 'type', label: labelKey(field),
  };
}

// keyed by field names, which come from log text: Maps
const PLANS = new Map<string, FieldPlan>();
const OBSERVER_PLANS = new Map<string, FieldPlan>();

function planFor(field: string, observer: boolean): FieldPlan {
  const plans = observer ? OBSERVER_PLANS : PLANS;
  let plan = plans.get(field);
  if (plan === undefined) plans.set(field, (plan = planOf(field, observer)));
  return plan;
}

// The document's keys are ECS names from the table above, never log text, so plain objects (fast to build and
// to stringify) are safe for them; labels, keyed by field names, is a null-prototype object.
function put(doc: EcsDoc, keys: readonly string[], value: Json): boolean {
  let at = doc;
  const end = keys.length - 1;
  for (let i = 0; i < end; i++) {
    const next = at[keys[i]];
    if (next === undefined) at = at[keys[i]] = {};
    else if (typeof next === 'object' && !Array.isArray(next)) at = next;
    else return false;
  }
  if (at[keys[end]] !== undefined) return false; // an earlier row gave it
  at[keys[end]] = value;
  return true;
}

/** A labels key: ECS forbids dots in them. */
export const labelKey = (field: string): string => field.replace(/\./g, '_');

const K_CATEGORY = ['event', 'category'];
const K_RELATED_IP = ['related', 'ip'], K_RELATED_USER = ['related', 'user'], K_RELATED_HOSTS = ['related', 'hosts'];

/** One normalized event as an ECS document (nested objects), every field kept. */
export function toEcs(event: EventFields): EcsDoc {
  const doc: EcsDoc = { ecs: { version: ECS_VERSION }, event: { kind: 'event' } };
  let labels: Record<string, string> | undefined;
  let ips: Set<string> | undefined, users: Set<string> | undefined, hosts: Set<string> | undefined;
  const observer = typeof event.type === 'string' && OBSERVER_TYPES.has(event.type);
  for (const field in event) {
    const v = event[field];
    const plan = planFor(field, observer);
    let placed = false;
    for (const t of plan.targets) {
      const c = converted(t.type, v);
      if (c === undefined) continue;
      placed = put(doc, t.keys, c) || placed;
      if (t.type === 'ip') (ips ??= new Set()).add(c as string);
    }
    if (plan.address !== undefined) put(doc, plan.address, String(v));
    else if (!placed) (labels ??= Object.create(null) as Record<string, string>)[plan.label] ??= String(v);
    if (plan.user && v !== '') (users ??= new Set()).add(String(v));
    if (plan.host && v !== '') (hosts ??= new Set()).add(String(v));
    if (plan.category && typeof v === 'string') {
      const category = TYPE_CATEGORY.get(v);
      if (category !== undefined) put(doc, K_CATEGORY, [category]);
    }
  }
  if (ips !== undefined) put(doc, K_RELATED_IP, [...ips]);
  if (users !== undefined) put(doc, K_RELATED_USER, [...users]);
  if (hosts !== undefined) put(doc, K_RELATED_HOSTS, [...hosts]);
  if (labels !== undefined) doc.labels = labels;
  return doc;
}
