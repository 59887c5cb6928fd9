// Zeek log records (TSV or JSON) -> normalized fields; the two Zeek parsers only differ in how they read a
// record into (field name -> value), this file maps those names.
// Reference: https://docs.zeek.org/en/master/logs/index.html (conn, dns, http, ssl, files, ... logs)
// Example: ts=1692146065.155950 uid=CNK1kc4qRz0zbDKJh1 id.orig_h=192.168.1.43 id.orig_p=56904
//   id.resp_h=10.0.5.13 id.resp_p=80 method=GET host=example.com uri=/ status_code=200 (http.log)
// Quirk: JSON exporters write id.orig_h flat ("id.orig_h"), nested ({"id":{"orig_h":..}}) or with an
// underscore ("id_orig_h", the OTRF apt29 files); get() is asked for each spelling.
import type { EventFields } from '../../core/schema.ts';
import { epochToMs } from './json.ts';

/** Reads one Zeek field as text, or undefined when unset. */
export type ZeekGet = (name: string) => string | undefined;

const TYPES: Readonly<Record<string, string>> = { dns: 'DNS', http: 'WEB', ssl: 'WEB', x509: 'PKI' };

/** "SCRANTON_conn.log", "dns.04:00:00-05:00:00.log.gz", "conn" -> the Zeek log type, if the name tells. */
export function zeekPathFromName(name: string): string | undefined {
  const base = name.replace(/^.*[\\/]/, '');
  const m = /(?:^|[_.-])(conn|dns|http|ssl|files|x509|weird|notice|dhcp|ssh|smtp|ftp|rdp|smb_files|smb_mapping|dce_rpc|kerberos|ntlm|ntp|snmp|sip|tunnel|software|known_hosts|known_services|packet_filter|pe|capture_loss|stats|reporter|loaded_scripts)(?=[._-]|$)/.exec(base);
  return m?.[1];
}

function num(v: string | undefined): number | undefined {
  if (v === undefined || v === '') return undefined;
  const n = Number(v);
  return Number.isFinite(n) ? n : undefined;
}

export function zeekFields(get: ZeekGet, path: string | undefined): EventFields {
  const ev: EventFields = { 'app.name': 'zeek', vendor: 'Zeek', type: (path && TYPES[path]) ?? 'IDS' };
  const first = (...names: string[]) => { for (const n of names) { const v = get(n); if (v !== undefined && v !== '') return v; } return undefined; };
  const set = (k: string, v: string | number | undefined) => { if (v !== undefined && v !== '') ev[k] = v; };
  const tsText = get('ts');
  const ms = tsText === undefined ? undefined : epochToMs(Number(tsText));
  if (ms !== undefined) { ev.ts = ms; ev['ts.raw'] = tsText ?? ''; }
  else if (tsText !== undefined && /^\d{4}-\d\d-\d\dT/.test(tsText)) { const t = Date.parse(tsText); if (!Number.isNaN(t)) { ev.ts = t; ev['ts.raw'] = tsText; } }
  if (path !== undefined) { ev.action = path; ev['data._path'] = path; }
  set('session.id', get('uid'));
  set('init.host.ip', first('id.orig_h', 'id_orig_h'));
  set('init.host.port', num(first('id.orig_p', 'id_orig_p')));
  set('target.host.ip', first('id.resp_h', 'id_resp_h'));
  set('target.host.port', num(first('id.resp_p', 'id_resp_p')));
  set('session.out.byte', num(get('orig_bytes')));
  set('session.in.byte', num(get('resp_bytes')));
  set('session.duration', num(get('duration')));
  set('web.request.method', get('method'));
  set('web.request.rc', num(get('status_code')));
  set('target.uri.path', get('uri'));
  set('web.header.user_agent', get('user_agent'));
  set('web.header.referer', get('referrer'));
  set('target.host.name', first('host', 'server_name')); // a DNS query name is data.query: the target is the server
  set('init.usr.name', first('username', 'user', 'client'));
  const flow = ev['init.host.ip'] === undefined ? '' : ` ${ev['init.host.ip']}:${ev['init.host.port'] ?? ''} -> ${ev['target.host.ip'] ?? ''}:${ev['target.host.port'] ?? ''}`;
  const what = [get('method'), get('host'), get('uri'), get('query'), get('qtype_name'), get('rcode_name'), get('conn_state'), get('name'), get('note'), get('msg')]
    .filter((x) => x !== undefined && x !== '').join(' ');
  ev.message = `${path ?? 'zeek'}${flow}${what ? ' ' + what : ''}`;
  return ev;
}
