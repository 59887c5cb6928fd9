// RFC 5424 syslog with structured data, as rsyslog/syslog-ng RFC 5424 templates and Juniper SRX write it.
// Spec: https://datatracker.ietf.org/doc/html/rfc5424
// Example: <14>1 2019-11-14T09:37:51.184+01:00 SRX-GW1 RT_FLOW - RT_FLOW_SESSION_CREATE [junos@2636.1.1.1.2.134 source-address="10.0.0.1" source-port="594" destination-address="10.128.0.1" destination-port="10400" service-name="icmp" protocol-id="1" policy-name="vpn_trust_permit-all"]
// Structured data: every SD-PARAM goes to data.<name> (the names Juniper documents and Sigma/analysts type:
// data.source-address), the SD-IDs are listed in data.sd_id; a name already taken by an earlier element is
// kept as data.<sd-id>.<name> instead, so nothing is lost. The RFC's own origin ip= fills obs.host.ip.
// Quirks: files often drop nothing but some writers omit <PRI>; Juniper writes zone-less times
// (2013-01-19T15:18:17.040: read in the file's zone, flagged) and values quoted with U+201D curly quotes;
// MSG may start with a UTF-8 BOM (RFC 5424 6.4) which is dropped; "-" is the NILVALUE.
import { err, ok } from '../../core/result.ts';
import { parseIsoTime } from '../../core/time.ts';
import type { EventFields } from '../../core/schema.ts';
import type { TextParser } from '../types.ts';
import { extractLinuxAuth } from '../extract/linuxAuth.ts';
import { parseKvPairs } from '../extract/kvPairs.ts';
import { priFields } from './syslog3164.ts';
import { shareOfLines } from '../sniff.ts';

//              <PRI>?            VER        TIMESTAMP HOST  APP   PROCID MSGID  rest (SD and MSG)
const HEADER = /^(?:<(\d{1,3})>)?(\d{1,2}) (\S+) (\S+) (\S+) (\S+) (\S+)(?: (.*))?$/;
const SNIFF = /^(?:<\d{1,3}>\d{1,2}|\d) (?:\d{4}-\d\d-\d\dT\S+|-) \S+ \S+ \S+ \S+ (?:-|\[)/;

/** Where the SD part ends: index after the last ']' of consecutive [elements]; -1 when one is unterminated. */
function sdEnd(s: string): number {
  let i = 0;
  while (s.charCodeAt(i) === 91) {
    const one = elementEnd(s.slice(i));
    if (s.charCodeAt(i + one - 1) !== 93) return -1;
    i += one;
  }
  return i;
}

/** Reads the [id k="v" ...] elements into data.* (see the file comment for the naming rule). */
function readSd(sd: string, ev: EventFields): void {
  const ids: string[] = [];
  let rest = sd;
  while (rest.charCodeAt(0) === 91) {
    const one = elementEnd(rest);
    const el = rest.slice(1, rest.charCodeAt(one - 1) === 93 ? one - 1 : one);
    rest = rest.slice(one);
    const sp = el.indexOf(' ');
    const id = sp < 0 ? el : el.slice(0, sp);
    ids.push(id);
    if (sp < 0) continue;
    for (const p of parseKvPairs(el, sp)) {
      const key = `data.${p.key}`;
      // SD-PARAM values escape only \" \\ and \] (RFC 5424 6.3.3); parseKvPairs already undid \" and \\
      ev[key in ev ? `data.${id}.${p.key}` : key] = p.value;
    }
    if (id === 'origin' && typeof ev['data.ip'] === 'string') ev['obs.host.ip'] = ev['data.ip'];
  }
  if (ids.length > 0) ev['data.sd_id'] = ids.join(',');
}

/** Index just past the first element's closing ']' (outside quotes, not escaped), or the length. */
function elementEnd(s: string): number {
  let inQuote = 0; // the closing quote char code while inside a value
  for (let i = 1; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 92) { i++; continue; } // backslash escapes the next char
    if (inQuote !== 0) {
      if (c === inQuote || (inQuote === 0x201d && c === 0x201c)) inQuote = 0;
    } else if (c === 34 || c === 0x201d || c === 0x201c) inQuote = c === 34 ? 34 : 0x201d;
    else if (c === 93) return i + 1;
  }
  return s.length;
}

const num = (v: string | number | undefined): number | undefined =>
  typeof v === 'string' && /^\d+$/.test(v) ? Number(v) : undefined;

/** Juniper SRX RT_FLOW / APPTRACK session records: a firewall flow, source = init, destination = target. */
function mapRtFlow(msgid: string, ev: EventFields, hit?: (name: string) => void): void {
  hit?.('rt-flow');
  ev.type = 'FW';
  ev.vendor = 'Juniper';
  const set = (to: string, from: string, asNumber = false) => {
    const v = ev[`data.${from}`];
    if (v === undefined || v === 'N/A' || v === '') return;
    if (asNumber) {
      const n = num(v);
      if (n !== undefined) ev[to] = n;
    } else ev[to] = v;
  };
  set('init.host.ip', 'source-address');
  set('init.host.port', 'source-port', true);
  set('target.host.ip', 'destination-address');
  set('target.host.port', 'destination-port', true);
  set('init.host.nat.ip', 'nat-source-address');
  set('init.host.nat.port', 'nat-source-port', true);
  set('target.host.nat.ip', 'nat-destination-address');
  set('target.host.nat.port', 'nat-destination-port', true);
  set('init.usr.name', 'username');
  set('rule.name', 'policy-name');
  set('session.id', 'session-id-32');
  // bytes the initiator sent into the session = in; what came back from the target = out (as web logs' response size)
  set('session.in.byte', 'bytes-from-client', true);
  set('session.out.byte', 'bytes-from-server', true);
  set('session.duration', 'elapsed-time', true);
  const kind = /_(CREATE|CLOSE|DENY|VOL_UPDATE|ROUTE_UPDATE)(?:_LS)?$/.exec(msgid)?.[1];
  if (kind !== undefined) {
    ev.action = kind.toLowerCase().replace('_', '-');
    ev.outcome = kind === 'DENY' ? 'failure' : 'success';
  }
  const reason = ev['data.reason'];
  const src = `${ev['init.host.ip'] ?? '?'}:${ev['init.host.port'] ?? '?'}`;
  const dst = `${ev['target.host.ip'] ?? '?'}:${ev['target.host.port'] ?? '?'}`;
  ev.message = `${msgid} ${src} -> ${dst} ${ev['data.service-name'] ?? ''}${reason ? ` (${reason})` : ''}`.trim();
}

export const syslog5424: TextParser = {
  kind: 'text',
  id: 'syslog5424',
  title: 'Syslog (RFC 5424) with structured data, Juniper SRX RT_FLOW',
  version: '1',
  url: 'https://datatracker.ietf.org/doc/html/rfc5424',
  framing: 'line',
  // the Linux auth rules report their own names (AUTH_RULE_NAMES) too; they are declared and covered by
  // syslog3164, whose samples exercise each of them
  patterns: ['header', 'sd', 'rt-flow'],

  sniff(head) {
    return shareOfLines(head, SNIFF) * 0.95;
  },

  parse(line, ctx) {
    const m = HEADER.exec(line);
    if (m === null) return err('not an RFC 5424 syslog line (expected "<PRI>1 TIMESTAMP HOST APP PROCID MSGID SD MSG")');
    ctx.hit?.('header');
    const [, pri, , time, host, app, procid, msgid] = m;
    let rest = m[8] ?? '';
    const ev: EventFields = { type: 'SYS', ...priFields(pri) };
    if (time !== '-') {
      const t = parseIsoTime(time, ctx.time);
      if (t === undefined) return err(`invalid RFC 5424 timestamp "${time}"`);
      ev.ts = t.ts;
      ev['ts.guess'] = t.guess;
    }
    ev['ts.raw'] = time;
    if (host !== '-') ev['obs.host.name'] = host;
    if (app !== '-') {
      ev['app.name'] = app;
      ev['obs.process.name'] = app;
    }
    if (procid !== '-') ev['obs.process.id'] = procid;
    if (msgid !== '-') {
      ev['alarm.name'] = msgid;
      ev['data.msgid'] = msgid;
    }
    if (rest.startsWith('[')) {
      const end = sdEnd(rest);
      const sd = end < 0 ? rest : rest.slice(0, end);
      ctx.hit?.('sd');
      readSd(sd, ev);
      rest = end < 0 ? '' : rest.slice(end).replace(/^ /, '');
    } else if (rest.startsWith('- ') || rest === '-') {
      rest = rest.slice(2);
    }
    if (rest.charCodeAt(0) === 0xfeff) rest = rest.slice(1);
    ev.message = rest !== '' ? rest : `${msgid === '-' ? '' : msgid}`;
    if (app === 'RT_FLOW' || /^(?:RT_FLOW|APPTRACK)_/.test(msgid)) mapRtFlow(msgid, ev, ctx.hit);
    else if (app !== '-') extractLinuxAuth(app, rest, ev, ctx.hit);
    return ok(ev);
  },

  samples: [
    {
      input: '<14>1 2019-11-14T09:37:51.184+01:00 SRX-GW1 RT_FLOW - RT_FLOW_SESSION_CREATE [junos@2636.1.1.1.2.134 source-address="10.0.0.1" source-port="594" destination-address="10.128.0.1" destination-port="10400" connection-tag="0" service-name="icmp" nat-source-address="10.0.0.1" nat-source-port="594" nat-destination-address="10.128.0.1" nat-destination-port="10400" nat-connection-tag="0" src-nat-rule-type="N/A" src-nat-rule-name="N/A" dst-nat-rule-type="N/A" dst-nat-rule-name="N/A" protocol-id="1" policy-name="vpn_trust_permit-all" source-zone-name="vpn" destination-zone-name="trust" session-id-32="6093" username="N/A" roles="N/A" packet-incoming-interface="st0.0" application="UNKNOWN" nested-application="UNKNOWN" encrypted="UNKNOWN" application-category="N/A" application-sub-category="N/A" application-risk="1" application-characteristics="N/A"]',
      expect: {
        ts: Date.UTC(2019, 10, 14, 8, 37, 51, 184), 'ts.guess': '', 'obs.host.name': 'SRX-GW1', 'app.name': 'RT_FLOW', type: 'FW',
        'alarm.name': 'RT_FLOW_SESSION_CREATE', action: 'create', outcome: 'success', 'alarm.sev': 'info',
        'init.host.ip': '10.0.0.1', 'init.host.port': 594, 'target.host.ip': '10.128.0.1', 'target.host.port': 10400,
        'data.source-zone-name': 'vpn', 'rule.name': 'vpn_trust_permit-all', 'data.sd_id': 'junos@2636.1.1.1.2.134', 'session.id': '6093',
      },
    },
    {
      input: '<14>1 2014-05-01T08:26:51.179Z fw01 RT_FLOW - RT_FLOW_SESSION_DENY [junos@2636.1.1.1.2.39 source-address="1.2.3.4" source-port="56639" destination-address="5.6.7.8" destination-port="2003" service-name="None" protocol-id="6" icmp-type="0" policy-name="log-all-else" source-zone-name="campus" destination-zone-name="mngmt" application="UNKNOWN" nested-application="UNKNOWN" username="N/A" roles="N/A" packet-incoming-interface="reth6.0" encrypted="No "]',
      expect: { action: 'deny', outcome: 'failure', 'init.host.ip': '1.2.3.4', 'target.host.port': 2003, 'data.encrypted': 'No ' },
    },
    {
      input: '<14>1 2019-04-12T14:29:06.576Z cixi RT_FLOW - RT_FLOW_SESSION_CLOSE [junos@2636.1.1.1.2.129 reason="TCP FIN" source-address="10.3.255.203" source-port="47776" destination-address="8.23.224.110" destination-port="80" connection-tag="0" service-name="junos-http" nat-source-address="10.3.136.49" nat-source-port="19162" nat-destination-address="8.23.224.110" nat-destination-port="80" protocol-id="6" policy-name="permit_all" session-id-32="5" packets-from-client="6" bytes-from-client="337" packets-from-server="4" bytes-from-server="535" elapsed-time="1"]',
      expect: {
        action: 'close', 'init.host.nat.ip': '10.3.136.49', 'init.host.nat.port': 19162, 'session.in.byte': 337, 'session.out.byte': 535,
        'session.duration': 1, 'data.reason': 'TCP FIN',
      },
    },
    {
      input: '<14>1 2013-01-19T15:18:18.040 SRX100HM RT_FLOW - APPTRACK_SESSION_VOL_UPDATE [junos@2636.1.1.1.2.129 source-address="4.0.0.1" source-port="33040" destination-address="5.0.0.1" destination-port="80" service-name="junos-http" username="user1" roles="DEPT1" encrypted="No" destination-interface-name=”st0.0” apbr-rule-type=”default”]',
      expect: {
        ts: Date.UTC(2013, 0, 19, 15, 18, 18, 40), 'ts.guess': 'zone', 'init.usr.name': 'user1', action: 'vol-update',
        'data.destination-interface-name': 'st0.0', 'data.apbr-rule-type': 'default',
      },
    },
    {
      input: '<34>1 2003-10-11T22:14:15.003Z mymachine.example.com su - ID47 - \uFEFF\'su root\' failed for lonvick on /dev/pts/8',
      expect: { 'alarm.sev': 'crit', 'obs.host.name': 'mymachine.example.com', 'app.name': 'su', 'alarm.name': 'ID47', message: "'su root' failed for lonvick on /dev/pts/8" },
    },
    {
      input: '<165>1 2003-10-11T22:14:15.003Z mymachine.example.com evntslog - ID47 [exampleSDID@32473 iut="3" eventSource="Application" eventID="1011"][examplePriority@32473 class="high"][origin ip="192.0.2.1"] An application event log entry...',
      expect: {
        'data.iut': '3', 'data.eventSource': 'Application', 'data.class': 'high', 'obs.host.ip': '192.0.2.1',
        'data.sd_id': 'exampleSDID@32473,examplePriority@32473,origin', message: 'An application event log entry...',
      },
    },
    {
      input: '<38>1 2024-03-01T10:00:00+00:00 web01 sshd 4242 - - Failed password for invalid user admin from 203.0.113.9 port 51022 ssh2',
      expect: { type: 'AUTH', outcome: 'failure', 'target.usr.name': 'admin', 'init.host.ip': '203.0.113.9', 'init.host.port': 51022, 'obs.process.id': '4242' },
    },
  ],
};
