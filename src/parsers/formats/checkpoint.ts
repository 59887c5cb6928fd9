// Check Point firewall logs: the Log Exporter "syslog" format ([key:"value"; ...] after an RFC 5424 or BSD
// header) and the older OPSEC/LEA text form ("Checkpoint: 21Aug2007 12:00:00 accept 10.0.0.1 >eth0 rule: 9; src: ...;").
// CEF and LEEF exports of the Log Exporter are read by the cef and leef parsers.
// Spec: https://support.checkpoint.com/results/sk/sk122323 (Log Exporter), field names: https://sc1.checkpoint.com/documents/latest/APIs/data/logs-fields.htm
// Example: <134>1 2024-03-02T08:14:01Z gw-01 CheckPoint 2051 - [action:"Drop"; ifdir:"inbound"; origin:"192.0.2.1"; time:"1709367241"; src:"203.0.113.9"; s_port:"51515"; dst:"10.0.0.5"; service:"22"; proto:"6"; rule_name:"Cleanup"; product:"VPN-1 & FireWall-1"]
// Roles: src/s_port -> init.host.*, dst/service (the destination port) -> target.host.*; src_user_name /
// user -> init.usr.name, dst_user_name -> target.usr.name; origin (the gateway that logged) -> obs.host.ip;
// action Accept/Allow -> success, Drop/Reject/Block/Prevent -> failure; auth_status "Successful Login" /
// "Failed Log In" decides the outcome of identity-awareness logins; rule_uid -> rule.id, rule_name -> rule.name.
// Time: time:"<epoch>" (UTC), else the header's time, else the legacy "ddMonyyyy hh:mm:ss" (local, flagged).
// Quirks: user names are written "Full Name (login)"; values escape '"' and ']' with a backslash.
import { err, ok } from '../../core/result.ts';
import { MONTHS, utcMs } from '../../core/time.ts';
import type { EventFields } from '../../core/schema.ts';
import type { ParseContext, TextParser } from '../types.ts';
import { outcomeOf, readDevicePrefix, setEndpoint } from '../extract/devicePrefix.ts';
import { shareOfLines } from '../sniff.ts';
import { isIP } from '../../core/ip.ts';

// key:"value" (Log Exporter) or key: value (legacy), separated by ';'
const PAIR = /(?:^|[\s;[])([A-Za-z_][\w -]{0,40}?):\s?(?:"((?:[^"\\]|\\.)*)"|([^;\]]*))(?=\s*(?:;|\]|$))/g;
const EXPORTER = /\[[A-Za-z_]\w*:"/;
const LEGACY = /\bCheck ?[Pp]oint(?:\[\d+\])?: (\d\d?)([A-Z][a-z]{2})(\d{4}) (\d\d):(\d\d):(\d\d) (\w+) (\S+) ([<>]\S+)?/;
const MARK = /\bproduct:\s?"?[^;"]*(?:FireWall|Firewall|VPN|IPS|Application Control|URL Filtering|Threat|Identity|SmartDefense|Anti)/;

function pairs(text: string): Map<string, string> {
  const out = new Map<string, string>();
  PAIR.lastIndex = 0;
  for (let m = PAIR.exec(text); m !== null; m = PAIR.exec(text)) {
    const v = m[2] !== undefined ? m[2].replace(/\\(.)/g, '$1') : (m[3] ?? '').trim();
    if (!out.has(m[1])) out.set(m[1], v);
  }
  return out;
}

/** "John Doe (jdoe)" -> jdoe; "jdoe" -> jdoe */
function login(v: string): string {
  const m = /\(([^()]+)\)\s*$/.exec(v);
  return m === null ? v : m[1];
}

function legacyTime(m: RegExpExecArray, ctx: ParseContext): number | undefined {
  const mon = MONTHS[m[2].toLowerCase()];
  if (mon === undefined) return undefined;
  const local = utcMs(Number(m[3]), mon, Number(m[1]), Number(m[4]), Number(m[5]), Number(m[6]), 0);
  return Number.isNaN(local) ? undefined : local - ctx.time.tzOffsetMinutes * 60_000;
}

export const checkpoint: TextParser = {
  kind: 'text',
  id: 'checkpoint',
  title: 'Check Point firewall (Log Exporter syslog, legacy OPSEC text)',
  version: '1',
  url: 'https://support.checkpoint.com/results/sk/sk122323',
  framing: 'line',
  patterns: ['exporter', 'legacy', 'auth'],

  sniff(head) {
    return shareOfLines(head, (l) => (EXPORTER.test(l) || LEGACY.test(l)) && MARK.test(l)) * 0.96;
  },

  parse(line, ctx) {
    const ev: EventFields = { type: 'FW', vendor: 'Check Point' };
    const legacy = LEGACY.exec(line);
    let body: string;
    if (legacy !== null) {
      ctx.hit?.('legacy');
      readDevicePrefix(line.slice(0, legacy.index), ctx, ev);
      const ts = legacyTime(legacy, ctx);
      if (ts !== undefined) Object.assign(ev, { ts, 'ts.raw': `${legacy[1]}${legacy[2]}${legacy[3]} ${legacy[4]}:${legacy[5]}:${legacy[6]}`, 'ts.guess': 'zone' });
      ev.action = legacy[7];
      ev['data.origin'] = legacy[8];
      if (isIP(legacy[8])) ev['obs.host.ip'] = legacy[8];
      if (legacy[9] !== undefined) ev['data.ifname'] = legacy[9].slice(1);
      body = line.slice(legacy.index + legacy[0].length);
    } else {
      const open = EXPORTER.exec(line);
      if (open === null) return err('not a Check Point record (no [key:"value"; ...] list or "Checkpoint:" text)');
      ctx.hit?.('exporter');
      readDevicePrefix(line.slice(0, open.index), ctx, ev);
      body = line.slice(open.index);
    }
    const p = pairs(body);
    if (p.size === 0) return err('no key:value pairs');
    const get = (k: string): string | undefined => {
      const v = p.get(k);
      return v === undefined || v === '' ? undefined : v;
    };
    for (const [k, v] of p) ev[`data.${k}`] = v;
    const epoch = get('time');
    if (epoch !== undefined && /^\d{9,10}$/.test(epoch)) Object.assign(ev, { ts: Number(epoch) * 1000, 'ts.raw': epoch, 'ts.guess': '' });
    setEndpoint(ev, 'init', get('src'), get('s_port'));
    setEndpoint(ev, 'target', get('dst'), get('service'));
    const origin = get('origin');
    if (origin !== undefined) ev[isIP(origin) ? 'obs.host.ip' : 'obs.host.name'] = origin;
    const sic = /^CN=([^,]+)/.exec(get('originsicname') ?? '');
    if (sic !== null) ev['obs.host.name'] = sic[1];
    if (get('product') !== undefined) ev['app.name'] = get('product') as string;
    const action = get('action') ?? (typeof ev.action === 'string' ? ev.action : undefined);
    if (action !== undefined) {
      ev.action = action;
      const o = outcomeOf(action) ?? (/^(?:prevent|inline)$/i.test(action) ? 'failure' : /^detect$/i.test(action) ? 'success' : undefined);
      if (o !== undefined) ev.outcome = o;
    }
    if (get('rule_uid') !== undefined) ev['rule.id'] = get('rule_uid') as string;
    else if (get('rule') !== undefined) ev['rule.id'] = get('rule') as string;
    if (get('rule_name') !== undefined) ev['rule.name'] = get('rule_name') as string;
    const srcUser = get('src_user_name') ?? get('user');
    if (srcUser !== undefined) ev['init.usr.name'] = login(srcUser);
    if (get('dst_user_name') !== undefined) ev['target.usr.name'] = login(get('dst_user_name') as string);
    const attack = get('protection_name') ?? get('attack') ?? get('malware_action');
    if (attack !== undefined) {
      ev['alarm.name'] = attack;
      ev.type = 'IDS';
    }
    if (get('severity') !== undefined) ev['alarm.sev'] = get('severity') as string;
    if (get('resource') !== undefined) ev['target.uri.full'] = get('resource') as string;
    const auth = get('auth_status');
    if (auth !== undefined) {
      ctx.hit?.('auth');
      ev.type = 'AUTH';
      ev['target.usr.name'] = ev['init.usr.name'] ?? '';
      if (ev['target.usr.name'] === '') delete ev['target.usr.name'];
      ev.outcome = /fail/i.test(auth) ? 'failure' : /success/i.test(auth) ? 'success' : (ev.outcome ?? 'unknown');
    }
    ev.message = get('msg') ?? get('reason') ?? `${action ?? ''} ${get('src') ?? ''} -> ${get('dst') ?? ''}:${get('service') ?? ''}${get('rule_name') !== undefined ? ` rule ${String(get('rule_name'))}` : ''}`.trim();
    return ok(ev);
  },

  samples: [
    {
      input: '<134>1 2024-03-02T08:14:01Z gw-01 CheckPoint 2051 - [action:"Drop"; flags:"411908"; ifdir:"inbound"; ifname:"eth1"; loguid:"{0x65e2e0c9,0x0,0x401a8c0,0x1}"; origin:"192.0.2.1"; originsicname:"CN=gw-01,O=mgmt.example.com.x7k2p4"; sequencenum:"7"; time:"1709367241"; version:"5"; dst:"10.0.0.5"; inzone:"External"; outzone:"Internal"; product:"VPN-1 & FireWall-1"; proto:"6"; rule:"12"; rule_name:"Cleanup rule"; rule_uid:"8ab3c2f0-1d2e-4f5a-9b8c-7d6e5f4a3b2c"; s_port:"51515"; service:"22"; service_id:"ssh"; src:"203.0.113.9"]',
      expect: {
        ts: 1709367241000, 'ts.guess': '', type: 'FW', action: 'Drop', outcome: 'failure', 'init.host.ip': '203.0.113.9', 'init.host.port': 51515,
        'target.host.ip': '10.0.0.5', 'target.host.port': 22, 'obs.host.ip': '192.0.2.1', 'obs.host.name': 'gw-01', 'rule.name': 'Cleanup rule',
        'rule.id': '8ab3c2f0-1d2e-4f5a-9b8c-7d6e5f4a3b2c', 'app.name': 'VPN-1 & FireWall-1', 'data.ifdir': 'inbound',
      },
    },
    {
      input: 'Sep  3 15:10:54 192.168.99.1 Checkpoint: 3Sep2024 15:10:28 accept 192.168.99.1 >eth2 rule: 9; rule_uid: {11111111-2222-3333-8A67-F54CED606693}; service_id: domain-udp; src: 198.51.100.14; dst: 192.168.99.184; proto: udp; product: VPN-1 & FireWall-1; service: 53; s_port: 32769;',
      expect: { ts: Date.UTC(2024, 8, 3, 15, 10, 28), 'ts.guess': 'zone', action: 'accept', outcome: 'success', 'init.host.ip': '198.51.100.14', 'target.host.port': 53, 'data.ifname': 'eth2', 'rule.id': '{11111111-2222-3333-8A67-F54CED606693}' },
    },
    {
      input: '<134>1 2024-03-02T09:00:00Z gw-01 CheckPoint 2051 - [action:"Accept"; origin:"192.0.2.1"; time:"1709370000"; auth_method:"Active Directory Query"; auth_status:"Failed Log In"; src:"10.0.0.77"; src_user_name:"Bob Smith (bsmith)"; product:"Identity Awareness"; reason:"Failed to authenticate user bsmith"]',
      expect: { type: 'AUTH', outcome: 'failure', 'target.usr.name': 'bsmith', 'init.host.ip': '10.0.0.77', message: 'Failed to authenticate user bsmith' },
    },
  ],
};
