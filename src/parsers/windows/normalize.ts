// Windows event -> normalized fields, driven by the table in events.ts (this file holds no per-event logic).
// Reference: DESIGN.md "The normalized event"; the table's own references are in events.ts.
// Example input:  { EventID: '4625', Provider_Name: 'Microsoft-Windows-Security-Auditing', Channel: 'Security',
//                   Computer: 'DC01', TimeCreated: '2019-03-19T23:34:25.5227893Z', TargetUserName: 'administrator',
//                   IpAddress: '203.0.113.12', LogonType: '3', ... }
// Example output: { ts: 1553038465522.7893, 'alarm.id': '4625', 'obs.host.name': 'DC01', outcome: 'failure',
//                   'target.usr.name': 'administrator', 'init.host.ip': '203.0.113.12', 'logon.type': '3',
//                   message: 'Failed logon for administrator from 203.0.113.12 (type 3 network)', 'data.EventID': '4625', ... }
// The same function serves EVTX, Windows XML exports and Winlogbeat/OTRF JSON: callers pass the flat fields
// under the EVTX names (see evtx/fields.ts); keys may carry the 'data.' prefix or not.
import type { EventFields } from '../../core/schema.ts';
import { parseIsoTime, type TimeSettings } from '../../core/time.ts';
import {
  GENERIC_FIELDS, LEVELS, LOGON_TYPES, SOURCES, SYSTEM_FIELDS, WINDOWS_EVENTS, type SourceFamily, type WindowsEventSpec,
} from './events.ts';

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

export function lookupWindowsEvent(provider: string, channel: string, id: string): WindowsEventSpec | undefined {
  return INDEX.get(`p|${provider.toLowerCase()}|${id}`) ?? INDEX.get(`c|${channel.toLowerCase()}|${id}`);
}

function empty(v: string | undefined): boolean {
  return v === undefined || v === '' || v === '-';
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

function transform(value: string, how: string): string {
  if (how === '') return value;
  if (how === 'basename') return basename(value);
  if (how === 'user' || how === 'domain') {
    const i = value.indexOf('\\');
    if (i < 0) return how === 'user' ? value : '';
    return how === 'user' ? value.slice(i + 1) : value.slice(0, i);
  }
  if (how.startsWith('kv:')) return kv(value, how.slice(3));
  return value;
}

/** One source spec ('A,B|how') against the data: the first non-empty source, transformed. */
function resolve(data: Record<string, string>, spec: string): string {
  const bar = spec.indexOf('|');
  const names = bar < 0 ? spec : spec.slice(0, bar);
  const how = bar < 0 ? '' : spec.slice(bar + 1);
  for (const name of names.split(',')) {
    const v = data[name];
    if (empty(v)) continue;
    const t = transform(v.trim(), how);
    if (!empty(t)) return t;
  }
  return '';
}

function cleanIp(v: string): string {
  const s = v.startsWith('::ffff:') && v.includes('.') ? v.slice(7) : v;
  return s === '::' || s === '0.0.0.0' || s === '-' ? '' : s;
}

function put(out: EventFields, field: string, value: string): void {
  if (field.endsWith('.port')) {
    const n = Number(value);
    if (Number.isInteger(n) && n > 0 && n < 65536) out[field] = n;
    return;
  }
  const v = field.endsWith('.ip') ? cleanIp(value) : value;
  if (!empty(v)) out[field] = v;
}

function mapFields(out: EventFields, data: Record<string, string>, fields: Readonly<Record<string, string>>): void {
  for (const field of Object.keys(fields)) put(out, field, resolve(data, fields[field]));
}

/** Keywords audit bits: 0x0020000000000000 AuditSuccess, 0x0010000000000000 AuditFailure. */
function keywordOutcome(keywords: string | undefined): string {
  if (!keywords || !/^0x[0-9a-f]+$/i.test(keywords)) return 'unknown';
  const hex = keywords.slice(2).padStart(16, '0');
  const nibble = parseInt(hex[hex.length - 14], 16);
  if (nibble & 2) return 'success';
  if (nibble & 1) return 'failure';
  return 'unknown';
}

function outcome(spec: WindowsEventSpec | undefined, data: Record<string, string>): string {
  const rule = spec?.outcome;
  if (rule === undefined) return keywordOutcome(data.Keywords);
  if (!rule.startsWith('status:')) return rule;
  const status = data[rule.slice(7)];
  if (empty(status)) return 'unknown';
  return /^(0x0+|0)$/i.test(status.trim()) ? 'success' : 'failure';
}

function oneLine(s: string, max: number): string {
  // cut before collapsing whitespace: values can be whole scripts (4104) and this runs per event
  const head = s.length > max * 4 ? s.slice(0, max * 4) : s;
  const t = head.replace(/\s+/g, ' ').trim();
  return t.length > max ? `${t.slice(0, max - 1)}…` : t;
}

function placeholder(name: string, out: EventFields, data: Record<string, string>): string {
  const v = Object.hasOwn(out, name) ? String(out[name]) : data[name];
  return empty(v) ? '' : oneLine(v, 200);
}

/** Fills a message template: {x} placeholders, [optional parts] dropped when one of their placeholders is empty. */
export function fillMessage(template: string, out: EventFields, data: Record<string, string>): string {
  const fill = (part: string): string | undefined => {
    let missing = false;
    const s = part.replace(/\{([^}]+)\}/g, (_m, name: string) => {
      const v = placeholder(name, out, data);
      if (v === '') missing = true;
      return v;
    });
    return missing ? undefined : s;
  };
  const text = template.replace(/\[([^\]]*)\]/g, (_m, part: string) => fill(part) ?? '');
  return oneLine(text.replace(/\{([^}]+)\}/g, (_m, name: string) => placeholder(name, out, data) || '?'), 500);
}

function genericMessage(data: Record<string, string>): string {
  const parts: string[] = [];
  for (const k of Object.keys(data)) {
    if (SYSTEM_NAMES.has(k) || empty(data[k]) || (k === 'Data' && 'Data1' in data)) continue;
    parts.push(`${k}=${oneLine(data[k], 60)}`);
  }
  const head = `${data.Provider_Name ?? 'Windows'} event ${data.EventID ?? '?'}`;
  return oneLine(parts.length ? `${head}: ${parts.join(', ')}` : head, 300);
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

/**
 * The normalized fields of a Windows event, given its flat System + EventData/UserData fields (Sigma names:
 * EventID, Provider_Name, Channel, Computer, TimeCreated, TargetUserName ...). The result also carries every
 * input field as data.<name>. `time` is used for zone-less TimeCreated values (some JSON exports); default UTC.
 */
export function normalizeWindowsEvent(input: Record<string, string>, time: TimeSettings = UTC): EventFields {
  const data = plain(input);
  const out: EventFields = {};
  const created = data.TimeCreated;
  if (!empty(created)) {
    const t = parseIsoTime(created, time);
    if (t) {
      out.ts = t.ts;
      if (t.guess) out['ts.guess'] = t.guess;
    }
  }
  mapFields(out, data, SYSTEM_FIELDS);
  out.vendor = 'Microsoft';
  const sev = LEVELS.get(data.Level ?? '');
  if (sev) out['alarm.sev'] = sev;
  const spec = lookupWindowsEvent(data.Provider_Name ?? '', data.Channel ?? '', (data.EventID ?? '').trim());
  out.type = spec?.type ?? 'SYS';
  if (spec) {
    out['alarm.name'] = spec.name;
    out.action = spec.action;
  }
  mapFields(out, data, spec ? spec.fields : GENERIC_FIELDS);
  const lt = out['logon.type'];
  const ltName = lt === undefined ? undefined : LOGON_TYPES.get(String(lt));
  if (ltName) out['logon.type_name'] = ltName;
  out.outcome = outcome(spec, data);
  out.message = spec ? fillMessage(spec.message, out, data) : genericMessage(data);
  for (const k of Object.keys(data)) out[dataKey(k)] = data[k];
  return out;
}

const DATA_KEYS = new Map<string, string>();
/** 'data.' + name, cached: the same few hundred names repeat in every event. */
function dataKey(name: string): string {
  let k = DATA_KEYS.get(name);
  if (k === undefined) {
    k = `data.${name}`;
    if (DATA_KEYS.size < 50_000) DATA_KEYS.set(name, k);
  }
  return k;
}
