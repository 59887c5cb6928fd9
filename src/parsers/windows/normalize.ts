// Windows event -> normalized fields, driven by the table in events.ts (this file holds no per-event logic).
// Reference: DESIGN.md "The normalized event"; the table's own references are in events.ts.
// Example input:  { EventID: '4625', Provider_Name: 'Microsoft-Windows-Security-Auditing', Channel: 'Security',
//                   Computer: 'DC01', TimeCreated: '2019-03-19T23:34:25.5227893Z', TargetUserName: 'administrator',
//                   IpAddress: '203.0.113.12', LogonType: '3', ... }
// Example output: { ts: 1553038465522.7893, 'alarm.id': '4625', 'obs.host.name': 'DC01', outcome: 'failure',
//                   'target.usr.name': 'administrator', 'init.host.ip': '203.0.113.12', 'logon.type': '3',
//                   message: 'Failed logon for administrator from 203.0.113.12 (type 3 network)', 'data.EventID': '4625', ... }
// The same function serves EVTX, Windows XML exports and Winlogbeat/OTRF JSON: callers pass the flat fields
// under the EVTX names (see evtx/fields.ts); keys may carry the 'data.' prefix or not. The EVTX parser calls
// normalizeWindowsFields with its reusable field list instead (no per-record copy of the input).
// Speed: each table entry is compiled once (field rules split, message template parsed: message.ts) and the
// (provider, channel, id) -> entry lookup is cached, so a record costs lookups and the output object only.
import type { EventFields } from '../../core/schema.ts';
import { parseIsoTime, type TimeSettings } from '../../core/time.ts';
import {
  GENERIC_FIELDS, LEVELS, LOGON_TYPES, SOURCES, SYSTEM_FIELDS, WINDOWS_EVENTS, type SourceFamily, type WindowsEventSpec,
} from './events.ts';
import { empty, present, RecordFields, type WindowsFields } from './data.ts';
import { compileMessage, fillCompiled, oneLine, type Message } from './message.ts';

export { fillMessage } from './message.ts';
export type { WindowsFields } from './data.ts';

const UTC: TimeSettings = { tzOffsetMinutes: 0, referenceMs: 0 };

const INDEX: ReadonlyMap<string, WindowsEventSpec> = (() => {
  const m = new Map<string, WindowsEventSpec>();
  for (const spec of WINDOWS_EVENTS) {
    const fam: SourceFamily = SOURCES[spec.source];
    for (const id of spec.ids) {
      for (const p of fam.providers) m.set(`p|${p.toLowerCase()}|${id}`, spec);
      for (const c of fam.channels) if (!m.has(`c|${c.toLowerCase()}|${id}`)) m.set(`c|${c.toLowerCase()}|${id}`, spec);
    }
  }
  return m;
})();

/** System names, left out of the generic message summary (they are shown elsewhere). */
const SYSTEM_NAMES = new Set([
  'EventID', 'Qualifiers', 'Version', 'Level', 'Task', 'Opcode', 'Keywords', 'TimeCreated', 'EventRecordID',
  'Correlation_ActivityID', 'Correlation_RelatedActivityID', 'ProcessID', 'ThreadID', 'Channel', 'Computer',
  'UserID', 'Provider_Name', 'Provider_Guid', 'Provider_EventSourceName', 'Execution_ProcessorID',
  'Execution_SessionID', 'Execution_KernelTime', 'Execution_UserTime', 'Execution_ProcessorTime',
]);

/** provider -> channel -> event id -> spec (null: none); the same few triples repeat in every file. */
const LOOKUPS = new Map<string, Map<string, Map<string, WindowsEventSpec | null>>>();
let lookupCount = 0;

export function lookupWindowsEvent(provider: string, channel: string, id: string): WindowsEventSpec | undefined {
  let byChannel = LOOKUPS.get(provider);
  if (byChannel === undefined) LOOKUPS.set(provider, byChannel = new Map());
  let byId = byChannel.get(channel);
  if (byId === undefined) byChannel.set(channel, byId = new Map());
  let spec = byId.get(id);
  if (spec === undefined) {
    spec = INDEX.get(`p|${provider.toLowerCase()}|${id}`) ?? INDEX.get(`c|${channel.toLowerCase()}|${id}`) ?? null;
    // log text picks the keys: bound the cache so a hostile file cannot grow it without end
    if (++lookupCount > 100_000) {
      LOOKUPS.clear();
      lookupCount = 0;
    }
    byId.set(id, spec);
  }
  return spec ?? undefined;
}

function basename(path: string): string {
  const i = Math.max(path.lastIndexOf('\\'), path.lastIndexOf('/'));
  return i < 0 ? path : path.slice(i + 1);
}

/** "Key=Value" (or "Key = Value") inside a multi-line text, as PowerShell writes its context. */
function kv(text: string, key: string): string {
  let at = text.indexOf(key);
  while (at >= 0) {
    const lineStart = text.lastIndexOf('\n', at) + 1;
    let eol = text.indexOf('\n', at);
    if (eol < 0) eol = text.length;
    const line = text.slice(lineStart, eol);
    const eq = line.indexOf('=');
    if (eq > 0 && line.slice(0, eq).trim() === key) return line.slice(eq + 1).trim();
    at = text.indexOf(key, eol);
  }
  return '';
}

const HOW_NONE = 0, HOW_BASENAME = 1, HOW_USER = 2, HOW_DOMAIN = 3, HOW_KV = 4;
const KIND_PLAIN = 0, KIND_IP = 1, KIND_PORT = 2;

/** One line of a field table, parsed once: target field, source names, transform. */
interface FieldRule {
  target: string;
  kind: number;
  names: string[];
  how: number;
  /** the key of a kv: transform */
  key: string;
}

function compileFields(fields: Readonly<Record<string, string>>): FieldRule[] {
  const rules: FieldRule[] = [];
  for (const target of Object.keys(fields)) {
    const spec = fields[target];
    const bar = spec.indexOf('|');
    const names = (bar < 0 ? spec : spec.slice(0, bar)).split(',');
    const how = bar < 0 ? '' : spec.slice(bar + 1);
    rules.push({
      target,
      kind: target.endsWith('.port') ? KIND_PORT : target.endsWith('.ip') ? KIND_IP : KIND_PLAIN,
      names,
      how: how === 'basename' ? HOW_BASENAME : how === 'user' ? HOW_USER : how === 'domain' ? HOW_DOMAIN : how.startsWith('kv:') ? HOW_KV : HOW_NONE,
      key: how.startsWith('kv:') ? how.slice(3) : '',
    });
  }
  return rules;
}

function transform(value: string, r: FieldRule): string {
  switch (r.how) {
    case HOW_NONE: return value;
    case HOW_BASENAME: return basename(value);
    case HOW_USER: case HOW_DOMAIN: {
      const i = value.indexOf('\\');
      if (i < 0) return r.how === HOW_USER ? value : '';
      return r.how === HOW_USER ? value.slice(i + 1) : value.slice(0, i);
    }
    default: return kv(value, r.key);
  }
}

/** One rule against the data: the first non-empty source, transformed. */
function resolve(data: WindowsFields, r: FieldRule): string {
  const names = r.names;
  for (let i = 0; i < names.length; i++) {
    const v = data.get(names[i]);
    if (!present(v)) continue;
    const t = transform(v.trim(), r);
    if (!empty(t)) return t;
  }
  return '';
}

function cleanIp(v: string): string {
  const s = v.startsWith('::ffff:') && v.includes('.') ? v.slice(7) : v;
  return s === '::' || s === '0.0.0.0' || s === '-' ? '' : s;
}

function mapFields(out: EventFields, data: WindowsFields, rules: FieldRule[]): void {
  for (let i = 0; i < rules.length; i++) {
    const r = rules[i];
    const value = resolve(data, r);
    if (r.kind === KIND_PORT) {
      const n = Number(value);
      if (Number.isInteger(n) && n > 0 && n < 65536) out[r.target] = n;
      continue;
    }
    const v = r.kind === KIND_IP ? cleanIp(value) : value;
    if (!empty(v)) out[r.target] = v;
  }
}

const KEYWORD_OUTCOMES = new Map<string, string>();

/** Keywords audit bits: 0x0020000000000000 AuditSuccess, 0x0010000000000000 AuditFailure. */
function keywordOutcome(keywords: string | undefined): string {
  if (!keywords) return 'unknown';
  let o = KEYWORD_OUTCOMES.get(keywords);
  if (o === undefined) {
    o = 'unknown';
    if (/^0x[0-9a-f]+$/i.test(keywords)) {
      const hex = keywords.slice(2).padStart(16, '0');
      const nibble = parseInt(hex[hex.length - 14], 16);
      if (nibble & 2) o = 'success';
      else if (nibble & 1) o = 'failure';
    }
    if (KEYWORD_OUTCOMES.size < 1000) KEYWORD_OUTCOMES.set(keywords, o);
  }
  return o;
}

function outcome(spec: WindowsEventSpec | undefined, data: WindowsFields): string {
  const rule = spec?.outcome;
  if (rule === undefined) return keywordOutcome(data.get('Keywords'));
  if (!rule.startsWith('status:')) return rule;
  const status = data.get(rule.slice(7));
  if (!present(status)) return 'unknown';
  return /^(0x0+|0)$/i.test(status.trim()) ? 'success' : 'failure';
}

function genericMessage(data: WindowsFields): string {
  let parts = '';
  for (let i = 0; i < data.count; i++) {
    const k = data.names[i], v = data.values[i];
    if (SYSTEM_NAMES.has(k) || empty(v) || (k === 'Data' && data.get('Data1') !== undefined)) continue;
    parts += `${parts === '' ? '' : ', '}${k}=${oneLine(v, 60)}`;
  }
  const head = `${data.get('Provider_Name') ?? 'Windows'} event ${data.get('EventID') ?? '?'}`;
  return oneLine(parts !== '' ? `${head}: ${parts}` : head, 300);
}

/**
 * Accepts fields with or without the 'data.' prefix; returns them without it in a prototype-free map.
 * Values that are not text (a JSON caller's numbers, a stray object) are turned into text.
 */
function plain(input: Record<string, string>): Record<string, string> {
  if (Object.getPrototypeOf(input) === null && Object.values(input).every((v) => typeof v === 'string')
    && !Object.keys(input).some((k) => k.startsWith('data.'))) return input; // already clean (the EVTX parser's map)
  const data = Object.create(null) as Record<string, string>;
  for (const k of Object.keys(input)) {
    const v: unknown = input[k];
    data[k.startsWith('data.') ? k.slice(5) : k] = typeof v === 'string' ? v : v === null || v === undefined ? '' : typeof v === 'object' ? JSON.stringify(v) : String(v);
  }
  return data;
}

/** A table entry made ready to apply: its field rules and message parsed once. */
interface CompiledSpec {
  fields: FieldRule[];
  message: Message | undefined;
}

const SYSTEM_RULES = compileFields(SYSTEM_FIELDS);
const GENERIC_RULES = compileFields(GENERIC_FIELDS);
const COMPILED = new Map<WindowsEventSpec, CompiledSpec>();

function compiled(spec: WindowsEventSpec): CompiledSpec {
  let c = COMPILED.get(spec);
  if (c === undefined) {
    c = { fields: compileFields(spec.fields), message: compileMessage(spec.message) };
    COMPILED.set(spec, c);
  }
  return c;
}

/**
 * The normalized fields of a Windows event, given its flat System + EventData/UserData fields (Sigma names:
 * EventID, Provider_Name, Channel, Computer, TimeCreated, TargetUserName ...). The result also carries every
 * input field as data.<name>. `time` is used for zone-less TimeCreated values (some JSON exports); default UTC.
 */
export function normalizeWindowsEvent(input: Record<string, string>, time: TimeSettings = UTC): EventFields {
  const data = new RecordFields(plain(input));
  const out = normalizeFields(data, time);
  for (let i = 0; i < data.count; i++) out[data.keys[i]] = data.values[i];
  return out;
}

/**
 * normalizeWindowsEvent for fields already clean (text values, names without 'data.'): the EVTX parser, per
 * record. `createdMs`: TimeCreated as epoch ms when the caller knows it (the EVTX parser formatted the text
 * from a FILETIME in UTC): the text is then not parsed again.
 */
export function normalizeWindowsFields(data: WindowsFields, time: TimeSettings = UTC, createdMs?: number): EventFields {
  const out = normalizeFields(data, time, createdMs);
  for (let i = 0; i < data.count; i++) out[data.keys[i]] = data.values[i];
  return out;
}

/** Everything but the data.* copies. */
function normalizeFields(data: WindowsFields, time: TimeSettings, createdMs?: number): EventFields {
  const out: EventFields = {};
  if (createdMs !== undefined && createdMs === createdMs) out.ts = createdMs;
  const created = createdMs !== undefined && createdMs === createdMs ? undefined : data.get('TimeCreated');
  if (present(created)) {
    const t = parseIsoTime(created, time);
    if (t) {
      out.ts = t.ts;
      if (t.guess) out['ts.guess'] = t.guess;
    }
  }
  mapFields(out, data, SYSTEM_RULES);
  out.vendor = 'Microsoft';
  const sev = LEVELS.get(data.get('Level') ?? '');
  if (sev) out['alarm.sev'] = sev;
  const spec = lookupWindowsEvent(data.get('Provider_Name') ?? '', data.get('Channel') ?? '', (data.get('EventID') ?? '').trim());
  out.type = spec?.type ?? 'SYS';
  const c = spec ? compiled(spec) : undefined;
  if (spec) {
    out['alarm.name'] = spec.name;
    out.action = spec.action;
  }
  mapFields(out, data, c ? c.fields : GENERIC_RULES);
  const lt = out['logon.type'];
  const ltName = lt === undefined ? undefined : LOGON_TYPES.get(String(lt));
  if (ltName) out['logon.type_name'] = ltName;
  out.outcome = outcome(spec, data);
  out.message = spec && c ? fillCompiled(spec.message, c.message, out, data) : genericMessage(data);
  return out;
}
