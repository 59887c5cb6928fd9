// The normalized event (DESIGN.md "The normalized event"): flat dotted keys of the Punch/XDAS
// taxonomy (init, target, obs, rep, col), plus data.* for every original field of a record.

/** One normalized event as a flat map. Numbers only for ts, ports, counts; everything else text. */
export type EventFields = Record<string, string | number>;

export const EVENT_TYPES = [
  'FW', 'AV', 'IDS', 'LB', 'SYS', 'WEB', 'VPN', 'AUTH', 'WAF', 'MX', 'ORCH', 'DNS', 'BAS', 'BDD', 'PKI', 'RTSW',
] as const;
export type EventType = (typeof EVENT_TYPES)[number];

export type Outcome = 'success' | 'failure' | 'unknown';

/** parser.name of a record that no parser could read: kept, stored, searchable, exported. */
export const UNPARSED = 'unparsed';

export type FieldKind = 'time' | 'number' | 'ip' | 'text' | 'keyword';

export interface FieldInfo {
  name: string;
  kind: FieldKind;
  description: string;
}

/** The core fields, in the order the events table and analyst CSV prefer. */
export const CORE_FIELDS: readonly FieldInfo[] = [
  { name: 'ts', kind: 'time', description: 'when the observer saw the event (epoch ms, UTC)' },
  { name: 'ts.raw', kind: 'keyword', description: 'the timestamp as written in the record' },
  { name: 'ts.guess', kind: 'keyword', description: 'inferred parts of the timestamp: year, zone' },
  { name: 'obs.host.name', kind: 'keyword', description: 'the device that produced the event' },
  { name: 'obs.host.ip', kind: 'ip', description: 'IP of the observing device' },
  { name: 'app.name', kind: 'keyword', description: 'producing application (sshd, nginx, ...)' },
  { name: 'obs.process.name', kind: 'keyword', description: 'observing process name' },
  { name: 'obs.process.id', kind: 'keyword', description: 'observing process id' },
  { name: 'message', kind: 'text', description: 'human-readable part of the record' },
  { name: 'type', kind: 'keyword', description: 'taxonomy: AUTH, SYS, WEB, FW, ...' },
  { name: 'vendor', kind: 'keyword', description: 'producer of the log' },
  { name: 'action', kind: 'keyword', description: 'what happened' },
  { name: 'outcome', kind: 'keyword', description: 'success, failure or unknown' },
  { name: 'alarm.sev', kind: 'keyword', description: 'vendor severity' },
  { name: 'alarm.name', kind: 'keyword', description: 'event or alarm name' },
  { name: 'alarm.id', kind: 'keyword', description: 'event id (Windows EventID)' },
  { name: 'init.host.ip', kind: 'ip', description: 'source IP' },
  { name: 'init.host.port', kind: 'number', description: 'source port' },
  { name: 'init.host.name', kind: 'keyword', description: 'source host name' },
  { name: 'init.usr.name', kind: 'keyword', description: 'user who started it' },
  { name: 'init.usr.domain', kind: 'keyword', description: 'domain of the initiating user' },
  { name: 'target.host.ip', kind: 'ip', description: 'destination IP' },
  { name: 'target.host.port', kind: 'number', description: 'destination port' },
  { name: 'target.host.name', kind: 'keyword', description: 'destination host name' },
  { name: 'target.usr.name', kind: 'keyword', description: 'account the action was aimed at' },
  { name: 'target.usr.domain', kind: 'keyword', description: 'domain of the target account' },
  { name: 'col.file', kind: 'keyword', description: 'path of the file inside the bundle' },
  { name: 'col.line', kind: 'number', description: '1-based line (EVTX: record ordinal) of the record' },
  { name: 'col.offset', kind: 'number', description: 'byte offset of the record in its file' },
  { name: 'parser.name', kind: 'keyword', description: 'parser that produced the event' },
  { name: 'parser.version', kind: 'keyword', description: 'version of that parser' },
  { name: 'parse.error', kind: 'text', description: 'why the record could not be parsed' },
  { name: 'raw', kind: 'text', description: 'the record exactly as read' },
];

/** Fields stored as numbers (typed-array columns); every other field is stored as text. */
export const NUMERIC_FIELDS = new Set([
  'ts', 'col.line', 'col.offset', 'init.host.port', 'target.host.port', 'obs.host.port',
  'web.request.rc', 'session.in.byte', 'session.out.byte', 'session.duration',
]);

/** ECS names analysts type, mapped to ours (query aliases and the ECS exporter). */
export const ECS_ALIASES: Readonly<Record<string, string>> = {
  '@timestamp': 'ts',
  'source.ip': 'init.host.ip',
  'source.port': 'init.host.port',
  'destination.ip': 'target.host.ip',
  'destination.port': 'target.host.port',
  'user.name': 'target.usr.name',
  'source.user.name': 'init.usr.name',
  'host.name': 'obs.host.name',
  'event.code': 'alarm.id',
  'event.outcome': 'outcome',
  'event.action': 'action',
  'process.name': 'obs.process.name',
  'process.pid': 'obs.process.id',
  'url.original': 'target.uri.full',
  'http.request.method': 'web.request.method',
  'http.response.status_code': 'web.request.rc',
  'user_agent.original': 'web.header.user_agent',
  'log.file.path': 'col.file',
};

const CORE_ORDER = new Map(CORE_FIELDS.map((f, i) => [f.name, i]));

/** The same event with its keys in a stable order: core fields as in CORE_FIELDS, then the rest by name. */
export function canonicalOrder(event: EventFields): EventFields {
  const keys = Object.keys(event).sort((a, b) => {
    const ia = CORE_ORDER.get(a) ?? Infinity, ib = CORE_ORDER.get(b) ?? Infinity;
    return ia !== ib ? ia - ib : a < b ? -1 : a > b ? 1 : 0;
  });
  const out: EventFields = Object.create(null) as EventFields;
  for (const k of keys) out[k] = event[k];
  return out;
}
