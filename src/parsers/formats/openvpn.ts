// OpenVPN server logs: the file written with --log / --log-append ("2024-03-02 08:14:01 alice/203.0.113.5:51234
// message", older versions "Sat Mar  2 08:14:01 2024 ...") and the same messages through syslog
// ("Mar  2 08:14:01 vpn openvpn[811]: ..."). One record per line.
// Spec: https://openvpn.net/community-resources/reference-manual-for-openvpn-2-6/ (--log, --verb), messages as
// the 2.x server writes them (https://community.openvpn.net/openvpn/wiki/Openvpn24ManPage)
// Example: 2024-03-02 08:14:01 alice/203.0.113.5:51234 MULTI_sva: pool returned IPv4=10.8.0.6, IPv6=(Not enabled)
// Roles: the client's real address (the "cn/ip:port" or "ip:port" prefix, or [AF_INET]ip:port) -> init.host.ip
// and port; the common name or the user name being authenticated -> target.usr.name (the account logged
// into, as for the other VPN parsers); the pool address handed out -> data.vpn.assigned_ip.
// Outcomes: "authentication succeeded", "VERIFY OK", "Peer Connection Initiated" -> success; "AUTH_FAILED",
// "verification failed", "VERIFY ERROR", "TLS Error", "failed to authenticate" -> failure.
// Quirks: --machine-readable-output adds " us=NNNNNN" after the time; the prefix is absent for server-wide lines.
import { err, ok } from '../../core/result.ts';
import { parseLeadingTime } from '../../core/time.ts';
import type { EventFields } from '../../core/schema.ts';
import type { TextParser } from '../types.ts';
import { SYSLOG3164_LINE, priFields } from './syslog3164.ts';
import { setEndpoint } from '../extract/devicePrefix.ts';
import { shareOfLines, sniffTime } from '../sniff.ts';

const TAG = /^(?:openvpn|ovpn-[\w.-]+|openvpn-[\w.-]+)$/;
// "alice/203.0.113.5:51234 ", "203.0.113.5:51234 ", "[AF_INET6]2001:db8::5:51234 "; the port after the last ':'
const CLIENT = /^(?:([^\s/]{1,64})\/)?(?:\[AF_INET6?\])?((?:\d{1,3}\.){3}\d{1,3}|[0-9a-fA-F:]*:[0-9a-fA-F:]*):(\d{1,5}) /;
const STRONG = /\b(?:OpenVPN \d|MULTI(?:_sva)?:|TLS: |VERIFY (?:OK|ERROR)|Peer Connection Initiated|\[AF_INET6?\]|Control Channel:|Data Channel:|Initialization Sequence Completed|AUTH_FAILED)/;

interface Rule { re: RegExp; action: string; outcome?: 'success' | 'failure'; type?: string; user?: number; ip?: number }
const RULES: readonly Rule[] = [
  { re: /authentication succeeded for username '([^']*)'/, action: 'logon', outcome: 'success', type: 'AUTH', user: 1 },
  { re: /user '([^']*)' authenticated/, action: 'logon', outcome: 'success', type: 'AUTH', user: 1 },
  { re: /Auth Username\/Password verification failed for peer|AUTH_FAILED|PLUGIN_AUTH_USER_PASS_VERIFY status=1/, action: 'logon', outcome: 'failure', type: 'AUTH' },
  { re: /user '([^']*)' failed to authenticate/, action: 'logon', outcome: 'failure', type: 'AUTH', user: 1 },
  { re: /VERIFY OK: depth=0, .*?CN=([^,\s]+)/, action: 'certificate-verify', outcome: 'success', user: 1 },
  { re: /VERIFY ERROR: depth=\d+, error=[^:]*: .*?CN=([^,\s]+)/, action: 'certificate-verify', outcome: 'failure', user: 1 },
  { re: /Peer Connection Initiated with \[AF_INET6?\]([0-9a-fA-F.:]+?):(\d+)/, action: 'session-start', outcome: 'success', ip: 1 },
  { re: /TLS Error: |TLS handshake failed|Authenticate\/Decrypt packet error/, action: 'tls-error', outcome: 'failure' },
  { re: /client-instance exiting|Inactivity timeout|Connection reset, restarting|SIGTERM\[soft,remote-exit\]/, action: 'session-end' },
  { re: /MULTI_sva: pool returned IPv4=([\d.]+)/, action: 'address-assigned' },
  { re: /TLS: Initial packet from \[AF_INET6?\]([0-9a-fA-F.:]+?):(\d+)/, action: 'connect', ip: 1 },
];

/** The message part of an OpenVPN record -> roles, action, outcome (shared by the file and syslog forms). */
function fill(text: string, ev: EventFields, hit?: (p: string) => void): void {
  let msg = text;
  const c = CLIENT.exec(msg);
  if (c !== null) {
    if (c[1] !== undefined && c[1] !== 'UNDEF') ev['target.usr.name'] = c[1];
    setEndpoint(ev, 'init', c[2], c[3]);
    msg = msg.slice(c[0].length);
    hit?.('client');
  }
  ev.message = msg;
  for (const r of RULES) {
    const m = r.re.exec(msg);
    if (m === null) continue;
    hit?.(r.action);
    ev.action = r.action;
    if (r.outcome !== undefined) ev.outcome = r.outcome;
    if (r.type !== undefined) ev.type = r.type;
    if (r.user !== undefined && m[r.user] !== undefined) ev['target.usr.name'] = m[r.user];
    if (r.ip !== undefined && ev['init.host.ip'] === undefined) setEndpoint(ev, 'init', m[r.ip], m[r.ip + 1]);
    if (r.action === 'address-assigned') ev['data.vpn.assigned_ip'] = m[1];
    return;
  }
}

export const openvpn: TextParser = {
  kind: 'text',
  id: 'openvpn',
  title: 'OpenVPN server log (file or syslog)',
  version: '1',
  url: 'https://openvpn.net/community-resources/reference-manual-for-openvpn-2-6/',
  framing: 'line',
  patterns: ['file', 'syslog', 'client', 'logon', 'session-start', 'session-end', 'certificate-verify', 'tls-error', 'address-assigned'],

  sniff(head) {
    const { settings, years } = sniffTime();
    let strong = false;
    const share = shareOfLines(head, (l) => {
      const s = SYSLOG3164_LINE.exec(l);
      if (s !== null) return TAG.test(s[8].trim());
      const t = parseLeadingTime(l, years, settings);
      if (t === undefined || (t.form !== 'iso' && t.form !== 'ctime')) return false;
      if (STRONG.test(l)) strong = true;
      return true;
    });
    // a time-prefixed file is OpenVPN's only when its lines say so (else applog/generic read it)
    const own = shareOfLines(head, (l) => { const s = SYSLOG3164_LINE.exec(l); return s !== null && TAG.test(s[8].trim()); });
    return own > 0 || strong ? share * 0.92 : 0;
  },

  parse(line, ctx) {
    const ev: EventFields = { type: 'VPN', 'app.name': 'openvpn' };
    const s = SYSLOG3164_LINE.exec(line);
    if (s !== null) {
      if (!TAG.test(s[8].trim())) return err(`syslog tag "${s[8]}" is not OpenVPN's`);
      ctx.hit?.('syslog');
      const t = parseLeadingTime(line.replace(/^<\d{1,3}>/, ''), ctx.years, ctx.time);
      if (t !== undefined) Object.assign(ev, { ts: t.ts, 'ts.raw': t.raw, 'ts.guess': t.guess });
      Object.assign(ev, priFields(s[1]), { 'obs.host.name': s[7], 'app.name': s[8].trim() });
      if (s[9] !== undefined) ev['obs.process.id'] = s[9];
      fill(s[10], ev, ctx.hit);
      return ok(ev);
    }
    const t = parseLeadingTime(line, ctx.years, ctx.time);
    if (t === undefined || (t.form !== 'iso' && t.form !== 'ctime')) return err('no OpenVPN time ("yyyy-mm-dd hh:mm:ss" or "Www Mmm d hh:mm:ss yyyy") at the start');
    ctx.hit?.('file');
    Object.assign(ev, { ts: t.ts, 'ts.raw': t.raw, 'ts.guess': t.guess });
    let rest = line.slice(t.end).trimStart();
    const us = /^us=\d+ /.exec(rest);
    if (us !== null) rest = rest.slice(us[0].length);
    fill(rest, ev, ctx.hit);
    return ok(ev);
  },

  samples: [
    {
      input: '2024-03-02 08:14:01 203.0.113.5:51234 TLS: Initial packet from [AF_INET]203.0.113.5:51234, sid=8a1b2c3d 4e5f6a7b',
      expect: { ts: Date.UTC(2024, 2, 2, 8, 14, 1), 'ts.guess': 'zone', type: 'VPN', action: 'connect', 'init.host.ip': '203.0.113.5', 'init.host.port': 51234 },
    },
    {
      input: '2024-03-02 08:14:02 203.0.113.5:51234 TLS: Username/Password authentication succeeded for username \'alice\'',
      expect: { type: 'AUTH', action: 'logon', outcome: 'success', 'target.usr.name': 'alice', 'init.host.ip': '203.0.113.5' },
    },
    {
      input: 'Sat Mar  2 08:15:10 2024 198.51.100.23:40022 TLS Auth Error: Auth Username/Password verification failed for peer',
      expect: { ts: Date.UTC(2024, 2, 2, 8, 15, 10), type: 'AUTH', outcome: 'failure', 'init.host.ip': '198.51.100.23', 'init.host.port': 40022 },
    },
    {
      input: '2024-03-02 08:14:02 us=481516 203.0.113.5:51234 VERIFY OK: depth=0, CN=alice',
      expect: { action: 'certificate-verify', outcome: 'success', 'target.usr.name': 'alice' },
    },
    {
      input: 'Mar  2 08:14:02 vpn01 openvpn[811]: alice/203.0.113.5:51234 MULTI_sva: pool returned IPv4=10.8.0.6, IPv6=(Not enabled)',
      expect: { 'obs.host.name': 'vpn01', 'obs.process.id': '811', 'target.usr.name': 'alice', 'init.host.ip': '203.0.113.5', action: 'address-assigned', 'data.vpn.assigned_ip': '10.8.0.6' },
    },
    {
      input: '2024-03-02 08:14:02 alice/203.0.113.5:51234 [alice] Peer Connection Initiated with [AF_INET]203.0.113.5:51234',
      expect: { action: 'session-start', outcome: 'success', 'target.usr.name': 'alice' },
    },
    {
      input: '2024-03-02 09:02:44 alice/203.0.113.5:51234 SIGTERM[soft,remote-exit] received, client-instance exiting',
      expect: { action: 'session-end', 'target.usr.name': 'alice' },
    },
    {
      input: '2024-03-02 09:05:00 198.51.100.23:40101 TLS Error: TLS key negotiation failed to occur within 60 seconds (check your network connectivity)',
      expect: { action: 'tls-error', outcome: 'failure', 'init.host.ip': '198.51.100.23' },
    },
  ],
};
