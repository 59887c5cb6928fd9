// Palo Alto Networks PAN-OS syslog (CSV by field position): TRAFFIC, THREAT, SYSTEM and the other log
// types, with or without a syslog header before the CSV. One record per line.
// Spec: https://docs.paloaltonetworks.com/pan-os/10-1/pan-os-admin/monitoring/use-syslog-for-monitoring/syslog-field-descriptions
// Example: <14>Mar 31 02:15:55 PA-3220 1,2024/03/31 02:15:54,016201000001,TRAFFIC,end,2560,2024/03/31 02:15:54,10.1.1.5,93.184.216.34,...
// Fields (0-based, common to all types): 1 receive time, 2 serial, 3 type, 4 subtype, 6 generated time.
// TRAFFIC and THREAT: 7 source, 8 destination, 11 rule, 12 source user, 13 destination user, 14 application,
// 16/17 zones, 22 session id, 24/25 ports, 29 protocol, 30 action. TRAFFIC: 31 bytes, 32 bytes sent (client
// to server -> session.in.byte), 33 bytes received (-> session.out.byte), 36 elapsed seconds, 37 URL category,
// 46 session end reason. THREAT: 31 URL/file name, 32 threat name(id), 33 category, 34 severity, 35 direction.
// SYSTEM: 8 event id, 9 object, 12 module, 13 severity, 14 description.
// Roles: source -> init, destination -> target ("server to client" threats keep the session's roles: the
// session initiator stays init). Action allow/alert -> success, deny/drop/reset*/block* -> failure.
// Quirks: times are the firewall's local time with no zone (assumed, flagged) unless a later field carries a
// zoned high-resolution timestamp (PAN-OS 10+), whose offset is applied; user names are DOMAIN\user.
import { err, ok } from '../../core/result.ts';
import { parseIsoTime, zoneToMinutes } from '../../core/time.ts';
import type { EventFields } from '../../core/schema.ts';
import type { ParseContext, TextParser } from '../types.ts';
import { outcomeOf, readDevicePrefix, setEndpoint } from '../extract/devicePrefix.ts';
import { splitQuoted } from '../extract/splitQuoted.ts';
import { shareOfLines } from '../sniff.ts';

const TIME = String.raw`\d{4}\/\d\d\/\d\d \d\d:\d\d:\d\d|\d{4}-\d\d-\d\dT[\d:.]+(?:Z|[+-]\d\d:?\d\d)?`;
// the start of the CSV: FUTURE_USE (a number, often 1), receive time, serial, TYPE
const START = new RegExp(String.raw`(?:^|[\s>])(\d*),(?:${TIME}),[^,]*,([A-Z]+(?:-[A-Z]+)?),`);
const TYPES: Readonly<Record<string, string>> = Object.assign(Object.create(null) as Record<string, string>, {
  TRAFFIC: 'FW', THREAT: 'IDS', SYSTEM: 'SYS', CONFIG: 'SYS', GLOBALPROTECT: 'VPN', USERID: 'AUTH', AUTHENTICATION: 'AUTH', DECRYPTION: 'FW',
});
const HIRES = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?([+-]\d\d:\d\d|Z)$/;

function panTime(text: string, zone: string | undefined, ctx: ParseContext): { ts: number; guess: string } | undefined {
  const iso = text.replace(/^(\d{4})\/(\d\d)\/(\d\d) /, '$1-$2-$3 ');
  return parseIsoTime(zone === undefined || /[zZ]|[+-]\d\d:?\d\d$/.test(iso) ? iso : `${iso}${zone}`, ctx.time);
}

function userOf(ev: EventFields, role: 'init' | 'target', v: string | undefined): void {
  if (v === undefined || v === '') return;
  const slash = v.indexOf('\\');
  if (slash > 0) {
    ev[`${role}.usr.domain`] = v.slice(0, slash);
    ev[`${role}.usr.name`] = v.slice(slash + 1);
  } else ev[`${role}.usr.name`] = v;
}

export const paloalto: TextParser = {
  kind: 'text',
  id: 'paloalto',
  title: 'Palo Alto Networks PAN-OS syslog (CSV)',
  version: '1',
  url: 'https://docs.paloaltonetworks.com/pan-os/10-1/pan-os-admin/monitoring/use-syslog-for-monitoring/syslog-field-descriptions',
  framing: 'line',
  patterns: ['traffic', 'threat', 'system', 'other', 'prefix'],

  sniff(head) {
    return shareOfLines(head, START) * 0.96;
  },

  parse(line, ctx) {
    const s = START.exec(line);
    if (s === null) return err('not a PAN-OS CSV record (expected "n,receive time,serial,TYPE,...")');
    const start = s.index + (/^[\s>]/.test(s[0]) ? 1 : 0);
    const ev: EventFields = { vendor: 'Palo Alto Networks', 'app.name': 'PAN-OS' };
    if (start > 0) {
      ctx.hit?.('prefix');
      readDevicePrefix(line.slice(0, start), ctx, ev);
    }
    const f = splitQuoted(line.slice(start), ',');
    const at = (i: number): string | undefined => (f[i] === undefined || f[i] === '' ? undefined : f[i]);
    const type = f[3];
    ev.type = TYPES[type] ?? 'SYS';
    ev['data.log_type'] = type;
    if (at(4) !== undefined) ev['data.subtype'] = f[4];
    if (at(2) !== undefined) ev['data.serial'] = f[2];
    for (let i = 7; i < f.length; i++) if (f[i] !== '') ev[`data.field${i}`] = f[i];
    // a zoned high-resolution timestamp (PAN-OS 10+) tells the firewall's zone
    let zone: string | undefined;
    for (let i = f.length - 1; i > 30 && zone === undefined; i--) {
      const z = HIRES.exec(f[i]);
      if (z !== null && zoneToMinutes(z[1]) !== undefined) zone = z[1];
    }
    const when = at(6) ?? at(1);
    if (when !== undefined) {
      const t = panTime(when, zone, ctx);
      if (t !== undefined) Object.assign(ev, { ts: t.ts, 'ts.raw': when, 'ts.guess': t.guess });
    }
    if (type === 'TRAFFIC' || type === 'THREAT') {
      ctx.hit?.(type === 'TRAFFIC' ? 'traffic' : 'threat');
      setEndpoint(ev, 'init', at(7), at(24));
      setEndpoint(ev, 'target', at(8), at(25));
      if (at(9) !== undefined && f[9] !== '0.0.0.0') ev['data.nat.init.ip'] = f[9];
      if (at(10) !== undefined && f[10] !== '0.0.0.0') ev['data.nat.target.ip'] = f[10];
      if (at(11) !== undefined) ev['rule.name'] = f[11];
      userOf(ev, 'init', at(12));
      userOf(ev, 'target', at(13));
      if (at(14) !== undefined) ev['data.application'] = f[14];
      if (at(16) !== undefined) ev['data.init.zone'] = f[16];
      if (at(17) !== undefined) ev['data.target.zone'] = f[17];
      if (at(22) !== undefined) ev['session.id'] = f[22];
      if (at(29) !== undefined) ev['data.protocol'] = f[29];
      const action = at(30);
      if (action !== undefined) {
        ev.action = action;
        const o = outcomeOf(action);
        if (o !== undefined) ev.outcome = o;
      }
      if (type === 'TRAFFIC') {
        const num = (i: number, to: string): void => {
          if (/^\d+$/.test(f[i] ?? '')) ev[to] = Number(f[i]);
        };
        num(32, 'session.in.byte');
        num(33, 'session.out.byte');
        num(36, 'session.duration');
        if (at(37) !== undefined && f[37] !== 'any') ev['data.category'] = f[37];
        if (at(46) !== undefined) ev['data.session_end_reason'] = f[46];
        ev.message = `${f[4]} ${f[29] ?? ''} ${f[7]}:${f[24]} -> ${f[8]}:${f[25]} ${action ?? ''} (${f[14] ?? ''})`.replace(/\s+/g, ' ');
      } else {
        const threat = at(32);
        if (threat !== undefined) {
          const m = /^(.*?)\s*\((\d+)\)$/.exec(threat);
          ev['alarm.name'] = m === null ? threat : m[1];
          ev['rule.id'] = m === null ? threat : m[2];
        }
        if (at(31) !== undefined) {
          ev[f[4] === 'url' ? 'target.uri.full' : 'data.file.name'] = f[31];
        }
        if (at(33) !== undefined) ev['data.category'] = f[33];
        if (at(34) !== undefined) ev['alarm.sev'] = f[34];
        if (at(35) !== undefined) ev['data.direction'] = f[35];
        if (f[4] === 'url') ev.type = 'WEB';
        else if (f[4] === 'virus' || f[4] === 'wildfire-virus') ev.type = 'AV';
        ev.message = `${f[4]} ${ev['alarm.name'] ?? ''} ${f[7]} -> ${f[8]} ${action ?? ''}`.replace(/\s+/g, ' ');
      }
    } else if (type === 'SYSTEM') {
      ctx.hit?.('system');
      if (at(8) !== undefined) ev['alarm.name'] = f[8];
      if (at(9) !== undefined) ev['data.object'] = f[9];
      if (at(12) !== undefined) ev['data.module'] = f[12];
      if (at(13) !== undefined) ev['alarm.sev'] = f[13];
      ev.message = f[14] ?? f[8] ?? '';
      const user = /\buser '([^']+)'/.exec(ev.message);
      if (user !== null) {
        ev['target.usr.name'] = user[1];
        if (/auth|login/i.test(f[8] ?? '')) ev.type = 'AUTH';
        if (/fail/i.test(ev.message)) ev.outcome = 'failure';
        else if (/succe/i.test(ev.message)) ev.outcome = 'success';
      }
      const from = /\bFrom: ([0-9a-fA-F.:]+)/.exec(ev.message);
      if (from !== null) setEndpoint(ev, 'init', from[1].replace(/\.$/, ''));
    } else {
      ctx.hit?.('other');
      ev.message = f.slice(7).filter((x) => x !== '').join(' ');
    }
    return ok(ev);
  },

  samples: [
    {
      input: '<14>Mar 31 02:15:55 PA-3220 1,2024/03/31 02:15:54,016201000001,TRAFFIC,end,2560,2024/03/31 02:15:54,10.1.1.5,93.184.216.34,198.51.100.2,93.184.216.34,Allow-Web,corp\\alice,,ssl,vsys1,Trust,Untrust,ethernet1/1,ethernet1/2,Forward,2024/03/31 02:15:54,482117,1,51234,443,40001,443,0x400019,tcp,allow,8120,1420,6700,24,2024/03/31 02:15:20,34,computer-and-internet-info,0,7220000001,0x0,10.0.0.0-10.255.255.255,United States,0,12,12,tcp-fin',
      expect: {
        ts: Date.UTC(2024, 2, 31, 2, 15, 54), 'ts.guess': 'zone', type: 'FW', 'obs.host.name': 'PA-3220', 'data.serial': '016201000001',
        'init.host.ip': '10.1.1.5', 'init.host.port': 51234, 'target.host.ip': '93.184.216.34', 'target.host.port': 443, 'rule.name': 'Allow-Web',
        'init.usr.name': 'alice', 'init.usr.domain': 'corp', action: 'allow', outcome: 'success', 'session.in.byte': 1420, 'session.out.byte': 6700,
        'session.duration': 34, 'session.id': '482117', 'data.application': 'ssl', 'data.session_end_reason': 'tcp-fin',
      },
    },
    {
      input: '1,2024/03/31 04:20:11,016201000001,THREAT,vulnerability,2560,2024/03/31 04:20:10,203.0.113.77,10.1.1.20,0.0.0.0,0.0.0.0,Inbound-Web,,,web-browsing,vsys1,Untrust,DMZ,ethernet1/2,ethernet1/3,Forward,2024/03/31 04:20:11,51234,1,44123,80,0,0,0x2000,tcp,reset-both,"index.php?id=1 UNION SELECT",SQL Injection Attempt(38195),any,critical,client-to-server,7220000002,0x0,United States,10.0.0.0-10.255.255.255,0,,0,,,0,,,,,,,,0,0,0,0,0,,PA-3220,,,,,0,,0,,N/A,code-execution,AppThreat-8000,0x0,0,4294967295,,,00000000-0000-0000-0000-000000000000,0,,,2024-03-31T04:20:11.123-07:00',
      expect: {
        ts: Date.UTC(2024, 2, 31, 11, 20, 10), 'ts.guess': '', type: 'IDS', 'alarm.name': 'SQL Injection Attempt', 'rule.id': '38195', 'alarm.sev': 'critical',
        'init.host.ip': '203.0.113.77', 'target.host.ip': '10.1.1.20', 'target.host.port': 80, action: 'reset-both', outcome: 'failure', 'data.file.name': 'index.php?id=1 UNION SELECT',
      },
    },
    {
      input: '1,2024/03/31 05:01:02,016201000001,SYSTEM,auth,0,2024/03/31 05:01:02,,auth-fail,,0,0,general,medium,"failed authentication for user \'admin\'. Reason: Invalid username/password. auth profile \'\', vsys \'shared\', server profile \'\', server type \'LOCAL_DB\', From: 198.51.100.9.",7220000003,0x0,0,0,0,0,,PA-3220',
      expect: { type: 'AUTH', 'alarm.name': 'auth-fail', 'alarm.sev': 'medium', 'target.usr.name': 'admin', outcome: 'failure', 'init.host.ip': '198.51.100.9' },
    },
    {
      input: '1,2024/03/31 06:00:00,016201000001,CONFIG,0,0,2024/03/31 06:00:00,192.0.2.10,,set,admin,Web,Succeeded,deviceconfig system,7220000004,0x0',
      expect: { type: 'SYS', 'data.log_type': 'CONFIG', message: '192.0.2.10 set admin Web Succeeded deviceconfig system 7220000004 0x0' },
    },
  ],
};
