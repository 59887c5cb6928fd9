// Well-known key names of generic structured records (JSON keys, CSV columns) -> normalized fields.
// Used by the generic json and csv parsers, after every original key was kept under data.<key>.
// Reference: ECS field names https://www.elastic.co/guide/en/ecs/current/ecs-field-reference.html and the
// columns of Logdrop's analyst CSV export (DESIGN.md "Export mappings").
// Example: {"@timestamp":"2024-10-17T12:00:00Z","src_ip":"10.0.0.5","user":"bob","msg":"login ok"}
//   -> ts, init.host.ip=10.0.0.5, target.usr.name=bob, message="login ok"
// Why a role per key: a key is mapped only when its role is clear (src_ip is the initiator, user.name the
// account acted on, as ECS_ALIASES in core/schema.ts says); anything else stays only under data.*.
import { CORE_FIELDS, EVENT_TYPES, NUMERIC_FIELDS, type EventFields } from '../../core/schema.ts';
import type { TimeSettings } from '../../core/time.ts';
import { timeOf } from './json.ts';
import { KeyMemo } from './keyLayout.ts';

/** lower-cased key -> field; the first key present wins for each field */
const KEYS: ReadonlyMap<string, string> = new Map([
  ...['src_ip', 'srcip', 'source_ip', 'sourceip', 'source.ip', 'client_ip', 'clientip', 'c-ip', 'remote_addr', 'remote_ip', 'src', 'sourceipaddress', 'ipaddress', 'ip']
    .map((k): [string, string] => [k, 'init.host.ip']),
  ...['src_port', 'srcport', 'source_port', 'source.port', 'client_port', 'remote_port', 'sport'].map((k): [string, string] => [k, 'init.host.port']),
  ...['dst_ip', 'dstip', 'dest_ip', 'destip', 'destination_ip', 'destination.ip', 'server_ip', 's-ip', 'dst'].map((k): [string, string] => [k, 'target.host.ip']),
  ...['dst_port', 'dstport', 'dest_port', 'destination_port', 'destination.port', 'server_port', 's-port', 'dport'].map((k): [string, string] => [k, 'target.host.port']),
  ...['user', 'username', 'user_name', 'user.name', 'usr', 'account', 'account_name', 'targetusername', 'cs-username', 'login'].map((k): [string, string] => [k, 'target.usr.name']),
  ...['source.user.name', 'src_user', 'subjectusername'].map((k): [string, string] => [k, 'init.usr.name']),
  ...['host', 'hostname', 'host.name', 'host_name', 'computer', 'computername', 'device', 'observer.name', '_hostname'].map((k): [string, string] => [k, 'obs.host.name']),
  ...['app', 'application', 'program', 'appname', 'app_name', 'service', 'service.name', 'syslog_identifier', 'component'].map((k): [string, string] => [k, 'app.name']),
  ...['pid', 'process.pid', 'process_id', 'processid'].map((k): [string, string] => [k, 'obs.process.id']),
  ...['process', 'process.name', 'process_name', 'processname'].map((k): [string, string] => [k, 'obs.process.name']),
  ...['level', 'severity', 'log.level', 'loglevel', 'log_level', 'priority', 'sev'].map((k): [string, string] => [k, 'alarm.sev']),
  ...['action', 'event.action', 'eventname', 'event_name', 'operationname'].map((k): [string, string] => [k, 'action']),
  ...['outcome', 'event.outcome', 'result', 'status'].map((k): [string, string] => [k, 'outcome']),
  ...['method', 'http_method', 'http.request.method', 'request_method', 'cs-method'].map((k): [string, string] => [k, 'web.request.method']),
  ...['status_code', 'http_status', 'http.response.status_code', 'response_code', 'sc-status'].map((k): [string, string] => [k, 'web.request.rc']),
  ...['url', 'uri', 'url.original', 'request_uri', 'cs-uri'].map((k): [string, string] => [k, 'target.uri.full']),
  ...['user_agent', 'useragent', 'user_agent.original', 'http_user_agent', 'cs(user-agent)'].map((k): [string, string] => [k, 'web.header.user_agent']),
  ...['referer', 'referrer', 'http_referer', 'http.request.referrer'].map((k): [string, string] => [k, 'web.header.referer']),
  ...['rule', 'rule.name', 'rule_name', 'signature'].map((k): [string, string] => [k, 'rule.name']),
  ...['rule.id', 'rule_id', 'signature_id', 'sid'].map((k): [string, string] => [k, 'rule.id']),
  ...['event_id', 'eventid', 'event.code'].map((k): [string, string] => [k, 'alarm.id']),
]);

export const TIME_KEYS: readonly string[] = [
  '@timestamp', 'timestamp', 'time', 'ts', 'datetime', 'date_time', 'eventtime', 'event_time', 'timecreated', 'timegenerated',
  'event.created', 'created_at', 'createdat', 'created', 'logged_at', 'time_local', '__realtime_timestamp', '_time', 'date', 'utctime',
];
export const MESSAGE_KEYS: readonly string[] = [
  'message', 'msg', 'log', 'text', 'content', 'description', 'event.original', 'details', 'summary', 'body',
];

const OUTCOMES: ReadonlyMap<string, string> = new Map([
  ['success', 'success'], ['succeeded', 'success'], ['successful', 'success'], ['ok', 'success'], ['allowed', 'success'], ['accept', 'success'], ['accepted', 'success'], ['pass', 'success'], ['passed', 'success'], ['true', 'success'],
  ['failure', 'failure'], ['failed', 'failure'], ['fail', 'failure'], ['error', 'failure'], ['denied', 'failure'], ['deny', 'failure'], ['blocked', 'failure'], ['rejected', 'failure'], ['reject', 'failure'], ['false', 'failure'],
  ['unknown', 'unknown'],
]);

/** Fields a column may name directly (a re-imported analyst CSV); provenance is the pipeline's own. */
const SCHEMA_FIELD = /^(?:init|target|obs|rep|col|app|alarm|web|session|rule|ts|type|vendor|action|outcome|message|data)(?:\.|$)/;
const PIPELINE_FIELDS = new Set(['raw', 'col.file', 'col.line', 'col.offset', 'parser.name', 'parser.version', 'parse.error']);
const CORE_NAMES = new Set(CORE_FIELDS.map((f) => f.name));

export function isSchemaField(key: string): boolean {
  return !PIPELINE_FIELDS.has(key) && (CORE_NAMES.has(key) || SCHEMA_FIELD.test(key));
}

function setField(ev: EventFields, field: string, value: string): void {
  if (value === '' || ev[field] !== undefined) return;
  if (field === 'type') {
    if ((EVENT_TYPES as readonly string[]).includes(value)) ev.type = value;
    return;
  }
  if (field === 'outcome') {
    const o = OUTCOMES.get(value.toLowerCase());
    if (o !== undefined) ev.outcome = o;
    return;
  }
  if (NUMERIC_FIELDS.has(field)) {
    const n = Number(value);
    if (value.trim() !== '' && Number.isFinite(n)) ev[field] = n;
    return;
  }
  ev[field] = value;
}

/** what applyCommonKeys needs of a key, worked out once per distinct key rather than per record */
interface KeyFacts { schema: boolean; lower: string }
const facts = new KeyMemo<KeyFacts>((k) => ({ schema: k !== 'ts' && k !== 'data' && isSchemaField(k), lower: k.toLowerCase() }));

/**
 * What applyCommonKeys does for one list of keys, worked out once: a learned JSON shape (jsonShape.ts) or a CSV
 * header gives the same keys record after record, so only the values are read per record. Entries are indexes
 * into the key list; each step keeps applyCommonKeys' rules (the first key present wins, empty values skipped).
 */
export interface CommonKeyPlan {
  /** keys named like a schema field, in key order: [entry, field] */
  readonly schema: readonly (readonly [number, string])[];
  /** the first entry of each lower-cased key that names a well-known field, in first-use order: [entry, field] */
  readonly known: readonly (readonly [number, string])[];
  /** time keys in TIME_KEYS order: [entry, entry of a "time" key joined after a "date" key, or -1] */
  readonly time: readonly (readonly [number, number])[];
  /** message keys in MESSAGE_KEYS order */
  readonly message: readonly number[];
}

export function planCommonKeys(keys: readonly string[]): CommonKeyPlan {
  const schema: [number, string][] = [];
  const lower = new Map<string, number>();
  keys.forEach((k, i) => {
    const f = facts.get(k);
    if (f.schema) schema.push([i, k]);
    if (!lower.has(f.lower)) lower.set(f.lower, i);
  });
  const known: [number, string][] = [];
  for (const [k, i] of lower) {
    const field = KEYS.get(k);
    if (field !== undefined) known.push([i, field]);
  }
  const time: [number, number][] = [];
  for (const k of TIME_KEYS) {
    const i = lower.get(k);
    if (i !== undefined) time.push([i, k === 'date' ? lower.get('time') ?? -1 : -1]);
  }
  const message: number[] = [];
  for (const k of MESSAGE_KEYS) {
    const i = lower.get(k);
    if (i !== undefined) message.push(i);
  }
  return { schema, known, time, message };
}

/**
 * Maps a record's values onto ev by its keys' plan: a key named like a schema field goes straight to it, a
 * well-known key to its field, then the time and message keys are discovered. Fields already set are kept.
 */
export function applyCommonPlan(ev: EventFields, plan: CommonKeyPlan, values: readonly string[], settings: TimeSettings): void {
  for (const [i, field] of plan.schema) setField(ev, field, values[i]);
  for (const [i, field] of plan.known) setField(ev, field, values[i]);
  if (ev.ts === undefined) {
    for (const [i, timeAt] of plan.time) {
      // a date column beside a time column ("2024-01-02", "03:04:05") is one timestamp
      const t = timeOf(timeAt < 0 ? values[i] : `${values[i]} ${values[timeAt]}`, settings);
      if (t === undefined) continue;
      ev.ts = t.ts;
      ev['ts.raw'] = t.raw;
      if (t.guess !== '') ev['ts.guess'] = t.guess;
      break;
    }
  }
  if (ev.message === undefined) {
    for (const i of plan.message) {
      const v = values[i];
      if (v !== '') { ev.message = v; break; }
    }
  }
}

/** applyCommonPlan for keys seen once (`entries`: key, text value). */
export function applyCommonKeys(ev: EventFields, entries: readonly (readonly [string, string])[], settings: TimeSettings): void {
  applyCommonPlan(ev, planCommonKeys(entries.map((e) => e[0])), entries.map((e) => e[1]), settings);
}
