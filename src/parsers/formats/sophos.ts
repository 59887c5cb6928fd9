// Sophos firewalls: Sophos Firewall (SFOS, formerly XG) key=value syslog, and Sophos UTM (ASG) lines
// ("2024:03:02-08:14:01 utm-01 ulogd[4711]: id="2001" ... srcip="..." ..."). One record per line.
// Spec: https://docs.sophos.com/nsg/sophos-firewall/21.5/syslog/index.html, UTM: https://support.sophos.com/support/s/article/KB-000036410
// Example: device_name="SFW" timestamp="2024-03-02T08:14:01+0100" log_id="010101600001" log_type="Firewall" log_component="Firewall Rule" log_subtype="Allowed" status="Allow" fw_rule_id="5" src_ip="10.0.0.5" dst_ip="93.184.216.34" src_port="51515" dst_port="443"
// Roles: src_ip/srcip + src_port/srcport -> init.host.*, dst_ip/dstip + ports -> target.host.*, user_name/user ->
// init.usr.name (target.usr.name for authentication events), srcmac/dstmac -> init/target.host.mac;
// status/action (Allow, Deny, drop, accept, Failed, Successful) -> action + outcome; fw_rule_id/fwrule -> rule.id.
// Time: SFOS timestamp= (zoned), else date= time= (the device zone, flagged; timezone= is kept as data),
// UTM's "yyyy:mm:dd-hh:mm:ss" (local, flagged). Quirks: SFOS writes empty values as key= and numbers unquoted.
import { err, ok } from '../../core/result.ts';
import { parseIsoTime } from '../../core/time.ts';
import type { EventFields } from '../../core/schema.ts';
import type { TextParser } from '../types.ts';
import { parseKvPairs } from '../extract/kvPairs.ts';
import { outcomeOf, readDevicePrefix, setEndpoint } from '../extract/devicePrefix.ts';
import { shareOfLines } from '../sniff.ts';

const UTM = /^(?:<\d{1,3}>)?(\d{4}):(\d\d):(\d\d)-(\d\d:\d\d:\d\d) (\S+) ([^\s:[]+)(?:\[(\d+)\])?: (?=id=")/;
const SFOS = /(?:^|[\s>])(?:device="SFW"|device_name="?[^"\s]+"?)\s.*\blog_type="/;
const TYPES: Readonly<Record<string, string>> = Object.assign(Object.create(null) as Record<string, string>, {
  firewall: 'FW', 'content filtering': 'WEB', idp: 'IDS', 'anti-virus': 'AV', 'anti-spam': 'MX', waf: 'WAF', 'ssl vpn': 'VPN', event: 'SYS',
  packetfilter: 'FW', http: 'WEB', ips: 'IDS', 'aua': 'AUTH', 'vpn': 'VPN',
});

export const sophos: TextParser = {
  kind: 'text',
  id: 'sophos',
  title: 'Sophos Firewall (SFOS/XG) and Sophos UTM',
  version: '1',
  url: 'https://docs.sophos.com/nsg/sophos-firewall/21.5/syslog/index.html',
  framing: 'line',
  patterns: ['sfos', 'utm', 'auth'],

  sniff(head) {
    return shareOfLines(head, (l) => UTM.test(l) || SFOS.test(l)) * 0.96;
  },

  parse(line, ctx) {
    const ev: EventFields = { type: 'SYS', vendor: 'Sophos' };
    const u = UTM.exec(line);
    let start: number;
    if (u !== null) {
      ctx.hit?.('utm');
      const t = parseIsoTime(`${u[1]}-${u[2]}-${u[3]} ${u[4]}`, ctx.time);
      if (t !== undefined) Object.assign(ev, { ts: t.ts, 'ts.raw': `${u[1]}:${u[2]}:${u[3]}-${u[4]}`, 'ts.guess': t.guess });
      Object.assign(ev, { 'obs.host.name': u[5], 'app.name': u[6] });
      if (u[7] !== undefined) ev['obs.process.id'] = u[7];
      start = u[0].length;
    } else {
      const s = SFOS.exec(line);
      if (s === null) return err('not a Sophos record (no UTM header or SFOS device/log_type pairs)');
      ctx.hit?.('sfos');
      start = s.index + (/^[\s>]/.test(s[0]) ? 1 : 0);
      if (start > 0) readDevicePrefix(line.slice(0, start), ctx, ev);
      ev['app.name'] = 'SFOS';
    }
    const p = new Map<string, string>();
    for (const { key, value } of parseKvPairs(line, start)) {
      if (!p.has(key)) p.set(key, value);
      ev[`data.${key}`] = value;
    }
    const get = (...keys: string[]): string | undefined => {
      for (const k of keys) {
        const v = p.get(k);
        if (v !== undefined && v !== '') return v;
      }
      return undefined;
    };
    const stamp = get('timestamp');
    const date = get('date'), time = get('time');
    const t = stamp !== undefined ? parseIsoTime(stamp, ctx.time) : date !== undefined && time !== undefined ? parseIsoTime(`${date} ${time}`, ctx.time) : undefined;
    if (t !== undefined) Object.assign(ev, { ts: t.ts, 'ts.raw': stamp ?? `${String(date)} ${String(time)}`, 'ts.guess': t.guess });
    const kind = (get('log_type', 'sub') ?? '').toLowerCase();
    ev.type = TYPES[kind] ?? (get('srcip', 'src_ip') !== undefined && get('dstip', 'dst_ip') !== undefined ? 'FW' : 'SYS');
    if (get('device_name') !== undefined && ev['obs.host.name'] === undefined) ev['obs.host.name'] = get('device_name') as string;
    setEndpoint(ev, 'init', get('src_ip', 'srcip'), get('src_port', 'srcport'));
    setEndpoint(ev, 'target', get('dst_ip', 'dstip'), get('dst_port', 'dstport'));
    if (get('srcmac', 'src_mac') !== undefined) ev['init.host.mac'] = get('srcmac', 'src_mac') as string;
    if (get('dstmac', 'dst_mac') !== undefined) ev['target.host.mac'] = get('dstmac', 'dst_mac') as string;
    const rule = get('fw_rule_id', 'fwrule');
    if (rule !== undefined) ev['rule.id'] = rule;
    if (get('fw_rule_name') !== undefined) ev['rule.name'] = get('fw_rule_name') as string;
    const sev = get('severity', 'priority');
    if (sev !== undefined) ev['alarm.sev'] = sev;
    const id = get('log_id', 'id');
    if (id !== undefined) ev['alarm.id'] = id;
    const name = get('name', 'signature_msg', 'virus', 'log_subtype');
    if (name !== undefined) ev['alarm.name'] = name;
    const url = get('url');
    if (url !== undefined) ev['target.uri.full'] = url;
    const action = get('action', 'status');
    if (action !== undefined) {
      ev.action = action;
      const o = outcomeOf(action);
      if (o !== undefined) ev.outcome = o;
    }
    const num = (to: string, ...keys: string[]): void => {
      const v = get(...keys);
      if (v !== undefined && /^\d+$/.test(v)) ev[to] = Number(v);
    };
    num('session.in.byte', 'sent_bytes');
    num('session.out.byte', 'recv_bytes');
    num('session.duration', 'duration');
    const user = get('user_name', 'user');
    const authEvent = /authentication|login/i.test(`${get('log_component') ?? ''} ${get('log_subtype') ?? ''} ${get('name') ?? ''}`);
    if (authEvent) {
      ctx.hit?.('auth');
      ev.type = 'AUTH';
      if (user !== undefined) ev['target.usr.name'] = user;
    } else if (user !== undefined) ev['init.usr.name'] = user;
    ev.message = get('message', 'msg') ?? name ?? line.slice(start);
    return ok(ev);
  },

  samples: [
    {
      input: 'device_name="SFW" timestamp="2024-03-02T08:14:01+0100" device_model="XGS2100" device_serial_id="X21000000001" log_id="010101600001" log_type="Firewall" log_component="Firewall Rule" log_subtype="Allowed" log_version=1 severity="Information" fw_rule_id="5" fw_rule_name="LAN to WAN" user_name="alice" src_ip="10.0.0.5" src_country="R1" dst_ip="93.184.216.34" dst_country="USA" protocol="TCP" src_port=51515 dst_port=443 sent_bytes=1500 recv_bytes=7000 status="Allow"',
      expect: {
        ts: Date.UTC(2024, 2, 2, 7, 14, 1), 'ts.guess': '', type: 'FW', 'obs.host.name': 'SFW', 'rule.id': '5', 'rule.name': 'LAN to WAN', 'init.usr.name': 'alice',
        'init.host.ip': '10.0.0.5', 'init.host.port': 51515, 'target.host.ip': '93.184.216.34', 'target.host.port': 443, action: 'Allow', outcome: 'success',
        'session.in.byte': 1500, 'session.out.byte': 7000, 'alarm.id': '010101600001',
      },
    },
    {
      input: '<30>device="SFW" date=2024-03-02 time=08:20:11 timezone="CET" device_name="XG230" device_id=C01001000001 log_id=062910617703 log_type="Event" log_component="Firewall Authentication" log_subtype="Authentication" status="Failed" priority=Information user_name="bob" usergroupname="" auth_client="Web Client" auth_mechanism="AD" reason="" src_ip=10.0.0.77 message="User bob failed to login to Web Client through AD authentication mechanism because of wrong credentials"',
      expect: { ts: Date.UTC(2024, 2, 2, 8, 20, 11), 'ts.guess': 'zone', type: 'AUTH', 'target.usr.name': 'bob', outcome: 'failure', 'init.host.ip': '10.0.0.77', 'obs.host.name': 'XG230', 'data.timezone': 'CET' },
    },
    {
      input: '2024:03:02-08:14:01 utm-01 ulogd[4711]: id="2001" severity="info" sys="SecureNet" sub="packetfilter" name="Packet dropped" action="drop" fwrule="60001" initf="eth1" srcmac="00:1a:8c:f0:00:01" dstmac="00:1a:8c:f0:00:02" srcip="203.0.113.9" dstip="10.0.0.5" proto="6" length="60" tos="0x00" prec="0x00" ttl="52" srcport="51515" dstport="22" tcpflags="SYN"',
      expect: {
        ts: Date.UTC(2024, 2, 2, 8, 14, 1), 'ts.guess': 'zone', type: 'FW', 'obs.host.name': 'utm-01', 'app.name': 'ulogd', 'alarm.name': 'Packet dropped', action: 'drop', outcome: 'failure',
        'rule.id': '60001', 'init.host.ip': '203.0.113.9', 'target.host.port': 22, 'init.host.mac': '00:1a:8c:f0:00:01',
      },
    },
  ],
};
