// Cisco ASA / Firepower Threat Defense syslog messages ("%ASA-6-302013: ..."), with or without a syslog
// header before them. Message catalog: https://www.cisco.com/c/en/us/td/docs/security/asa/syslog/b_syslog.html
// Example: <166>Jan 05 2019 11:36:58 fw01 : %ASA-6-302013: Built inbound TCP connection 1234 for outside:203.0.113.9/51515 (203.0.113.9/51515) to inside:10.0.0.5/443 (192.0.2.5/443)
// Fields: severity digit -> alarm.sev (syslog keyword), message id -> alarm.id; per message family the roles:
// 302013-302021 built/teardown (init = the "for" side, target = the "to" side; bytes, duration), 106001-106023
// and 710003 denies, 113004/113005/113015 AAA authentication, 722051/113039/716001 VPN session start,
// 113019/716002/722023 VPN session end. Any other message keeps its text with the header fields.
// Quirks: the time may be "Jan 05 2019 11:36:58" (logging timestamp) or a plain syslog header; zone-less.
import { err, ok } from '../../core/result.ts';
import type { EventFields } from '../../core/schema.ts';
import type { TextParser } from '../types.ts';
import { findTimes, readCandidate } from '../../core/time/find.ts';
import { priFields } from './syslog3164.ts';
import { shareOfLines } from '../sniff.ts';

const MARK = /%(ASA|FTD|PIX|FWSM)-(\d)-(\d{6}): ?(.*)$/;
const SEVERITIES = ['emerg', 'alert', 'crit', 'err', 'warning', 'notice', 'info', 'debug'];
// "outside:203.0.113.9/51515", "inside:10.0.0.5/443"
const ENDPOINT = String.raw`(\S+?):([\d.a-fA-F:]+)\/(\d+)`;
const BUILT = new RegExp(String.raw`^Built (inbound|outbound) (\w+) connection (\d+) for ${ENDPOINT} (?:\([^)]*\) )?to ${ENDPOINT}`);
const TEARDOWN = new RegExp(String.raw`^Teardown (\w+) connection (\d+) for ${ENDPOINT} to ${ENDPOINT}(?: duration (\S+))?(?: bytes (\d+))?`);
const DENY = new RegExp(String.raw`^Deny (\w+) src ${ENDPOINT} dst ${ENDPOINT}(?: by access-group "([^"]+)")?`);
const DENY_INBOUND = /^Deny inbound (\w+) from ([\d.a-fA-F:]+)\/(\d+) to ([\d.a-fA-F:]+)\/(\d+)/;
const AAA = /^AAA user authentication (Successful|Rejected)\b.*?user = ([^:]+?)(?: : user IP = (\S+))?\s*$/;
const AAA_LOCKOUT = /^Locking out user (\S+)/;
const VPN_START = /^Group <([^>]*)> User <([^>]*)> IP <([^>]*)>/;
const VPN_KV = /^Group = ([^,]*), Username = ([^,]*), IP = ([^,]*), Session disconnected/;

function endpoint(ev: EventFields, role: 'init' | 'target', m: RegExpExecArray, at: number): void {
  ev[`data.${role}.interface`] = m[at];
  ev[`${role}.host.ip`] = m[at + 1];
  ev[`${role}.host.port`] = Number(m[at + 2]);
}

export const ciscoAsa: TextParser = {
  kind: 'text',
  id: 'cisco-asa',
  title: 'Cisco ASA / FTD syslog',
  version: '1',
  url: 'https://www.cisco.com/c/en/us/td/docs/security/asa/syslog/b_syslog.html',
  framing: 'line',
  patterns: ['built', 'teardown', 'deny', 'aaa', 'vpn-start', 'vpn-end', 'other'],

  sniff(head) {
    return shareOfLines(head, MARK) * 0.95;
  },

  parse(line, ctx) {
    const m = MARK.exec(line);
    if (m === null) return err('no Cisco "%ASA-n-nnnnnn:" message id');
    const prefix = line.slice(0, m.index);
    const text = m[4].trim();
    const ev: EventFields = { type: 'FW', vendor: 'Cisco', 'app.name': m[1], 'alarm.id': m[3], 'alarm.sev': SEVERITIES[Number(m[2])], message: text };
    const pri = /^<(\d{1,3})>/.exec(prefix);
    if (pri !== null) Object.assign(ev, { 'data.syslog.facility': priFields(pri[1])['data.syslog.facility'] });
    const t = findTimes(prefix)[0];
    const time = t === undefined ? undefined : readCandidate(prefix, t, undefined, ctx.years, ctx.time);
    if (time !== undefined) {
      ev.ts = time.ts;
      ev['ts.raw'] = time.raw;
      ev['ts.guess'] = time.guess;
      const host = prefix.slice(time.end).replace(/[\s:]+$/, '').trim();
      if (/^[\w.-]+$/.test(host)) ev['obs.host.name'] = host;
    }
    let r: RegExpExecArray | null;
    if ((r = BUILT.exec(text)) !== null) {
      ctx.hit?.('built');
      Object.assign(ev, { action: 'connection-built', outcome: 'success', 'data.direction': r[1], 'data.protocol': r[2].toLowerCase(), 'session.id': r[3] });
      endpoint(ev, 'init', r, 4);
      endpoint(ev, 'target', r, 7);
    } else if ((r = TEARDOWN.exec(text)) !== null) {
      ctx.hit?.('teardown');
      Object.assign(ev, { action: 'connection-teardown', 'data.protocol': r[1].toLowerCase(), 'session.id': r[2] });
      endpoint(ev, 'init', r, 3);
      endpoint(ev, 'target', r, 6);
      if (r[9] !== undefined) ev['data.duration'] = r[9];
      if (r[10] !== undefined) ev['session.out.byte'] = Number(r[10]);
    } else if ((r = DENY.exec(text)) !== null) {
      ctx.hit?.('deny');
      Object.assign(ev, { action: 'deny', outcome: 'failure', 'data.protocol': r[1].toLowerCase() });
      endpoint(ev, 'init', r, 2);
      endpoint(ev, 'target', r, 5);
      if (r[8] !== undefined) ev['rule.name'] = r[8];
    } else if ((r = DENY_INBOUND.exec(text)) !== null) {
      ctx.hit?.('deny');
      Object.assign(ev, { action: 'deny', outcome: 'failure', 'data.protocol': r[1].toLowerCase(), 'init.host.ip': r[2], 'init.host.port': Number(r[3]), 'target.host.ip': r[4], 'target.host.port': Number(r[5]) });
    } else if ((r = AAA.exec(text)) !== null || (r = AAA_LOCKOUT.exec(text)) !== null) {
      ctx.hit?.('aaa');
      const lockout = r.length === 2;
      Object.assign(ev, { type: 'AUTH', action: lockout ? 'lockout' : 'logon', outcome: lockout || r[1] === 'Rejected' ? 'failure' : 'success', 'target.usr.name': (lockout ? r[1] : r[2]).trim() });
      if (!lockout && r[3] !== undefined) ev['init.host.ip'] = r[3];
    } else if ((r = VPN_START.exec(text)) !== null) {
      ctx.hit?.('vpn-start');
      Object.assign(ev, { type: 'VPN', action: 'session-start', outcome: 'success', 'data.group': r[1], 'target.usr.name': r[2], 'init.host.ip': r[3] });
    } else if ((r = VPN_KV.exec(text)) !== null) {
      ctx.hit?.('vpn-end');
      Object.assign(ev, { type: 'VPN', action: 'session-end', 'data.group': r[1].trim(), 'target.usr.name': r[2].trim(), 'init.host.ip': r[3].trim() });
      const bytes = /Bytes xmt: (\d+), Bytes rcv: (\d+)/.exec(text);
      if (bytes !== null) Object.assign(ev, { 'session.out.byte': Number(bytes[1]), 'session.in.byte': Number(bytes[2]) });
    } else ctx.hit?.('other');
    return ok(ev);
  },

  samples: [
    {
      input: '<166>Jan 05 2019 11:36:58 fw01 : %ASA-6-302013: Built inbound TCP connection 1234 for outside:203.0.113.9/51515 (203.0.113.9/51515) to inside:10.0.0.5/443 (192.0.2.5/443)',
      expect: {
        ts: Date.UTC(2019, 0, 5, 11, 36, 58), 'obs.host.name': 'fw01', 'alarm.id': '302013', 'alarm.sev': 'info', action: 'connection-built',
        'init.host.ip': '203.0.113.9', 'init.host.port': 51515, 'target.host.ip': '10.0.0.5', 'target.host.port': 443, 'session.id': '1234', 'data.init.interface': 'outside',
      },
    },
    {
      input: 'Jan  5 11:37:28 fw01 %ASA-6-302014: Teardown TCP connection 1234 for outside:203.0.113.9/51515 to inside:10.0.0.5/443 duration 0:00:30 bytes 6120 TCP FINs',
      expect: { action: 'connection-teardown', 'session.out.byte': 6120, 'data.duration': '0:00:30', 'init.host.ip': '203.0.113.9' },
    },
    {
      input: '%ASA-4-106023: Deny tcp src outside:198.51.100.23/40000 dst inside:10.0.0.5/22 by access-group "outside_access_in" [0x0, 0x0]',
      expect: { action: 'deny', outcome: 'failure', 'rule.name': 'outside_access_in', 'target.host.port': 22, 'alarm.sev': 'warning' },
    },
    {
      input: '%ASA-2-106001: Inbound TCP connection denied from 198.51.100.23/40001 to 10.0.0.5/23 flags SYN  on interface outside',
      expect: { 'alarm.id': '106001', 'alarm.sev': 'crit', message: 'Inbound TCP connection denied from 198.51.100.23/40001 to 10.0.0.5/23 flags SYN  on interface outside' },
    },
    {
      input: '%ASA-6-113005: AAA user authentication Rejected : reason = AAA failure : server = 10.0.0.2 : user = bob : user IP = 203.0.113.9',
      expect: { type: 'AUTH', action: 'logon', outcome: 'failure', 'target.usr.name': 'bob', 'init.host.ip': '203.0.113.9' },
    },
    {
      input: '%FTD-4-722051: Group <DfltGrpPolicy> User <alice> IP <203.0.113.9> IPv4 Address <10.10.0.5> IPv6 address <::> assigned to session',
      expect: { type: 'VPN', action: 'session-start', 'target.usr.name': 'alice', 'init.host.ip': '203.0.113.9', 'app.name': 'FTD' },
    },
    {
      input: '%ASA-4-113019: Group = RemoteVPN, Username = alice, IP = 203.0.113.9, Session disconnected. Session Type: SSL, Duration: 0h:10m:01s, Bytes xmt: 1234, Bytes rcv: 5678, Reason: User Requested',
      expect: { type: 'VPN', action: 'session-end', 'target.usr.name': 'alice', 'session.out.byte': 1234, 'session.in.byte': 5678 },
    },
  ],
};
