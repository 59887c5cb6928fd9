// Exim main log (mainlog / exim_mainlog): one record per line, "date time [+zone] [pid] [message-id] flag ...".
// Spec: https://www.exim.org/exim-html-current/doc/html/spec_html/ch-log_files.html
// Example: 2024-03-02 08:14:01 1rgB2x-0004Qm-7Z <= alice@example.com H=laptop7.corp.example (laptop7) [10.0.5.50]:51234 P=esmtpsa A=dovecot_plain:alice S=1234 id=abc@example.com
// Flags: "<=" arrival, "=>" delivery, "->" further address of a delivery, ">>" cutthrough, "*>" suppressed,
// "**" delivery failed (bounce), "==" deferred; "Completed" ends a message. Fields: H= host (and [ip]:port),
// A= authenticator:id, P= protocol, S= size, R= router, T= transport, C= the remote's reply, U= local user.
// Roles: on arrival the sending host is init (H=), A='s id -> init.usr.name; on delivery the host it went to
// is target; senders/recipients -> data.mail.from / data.mail.to; the message id -> session.id.
// Outcomes: "=>" success, "**" failure, "==" unknown; "rejected ..." lines and "authenticator failed" -> failure.
// Quirks: the zone is written only with log_timezone; the pid only with log_selector +pid; message ids are
// 6-6-2 characters before Exim 4.97 and 6-11-4 after.
import { err, ok } from '../../core/result.ts';
import { parseIsoTime } from '../../core/time.ts';
import type { EventFields } from '../../core/schema.ts';
import type { TextParser } from '../types.ts';
import { addAddress, mailEndpoint } from '../extract/mailAddr.ts';
import { shareOfLines } from '../sniff.ts';

//                time                                               zone                 [pid]          message id
const LINE = /^(\d{4}-\d\d-\d\d \d\d:\d\d:\d\d(?:\.\d{3})?)(?: ([+-]\d{4}))?(?: \[(\d+)\])? (?:([0-9A-Za-z]{6}-[0-9A-Za-z]{6,11}-[0-9A-Za-z]{2,4}) )?(.*)$/;
const FLAGS: Readonly<Record<string, [string, ('success' | 'failure' | 'unknown')?]>> = Object.assign(Object.create(null) as Record<string, [string, ('success' | 'failure' | 'unknown')?]>, {
  '<=': ['arrival', 'success'], '=>': ['deliver', 'success'], '->': ['deliver', 'success'], '>>': ['deliver', 'success'], '*>': ['deliver-suppressed'],
  '**': ['bounce', 'failure'], '==': ['defer', 'unknown'],
});
// H=name (helo) [ip]:port, H=[ip], H=(helo) [ip]
const HOST = /\bH=(?:([^\s([]+) )?(?:\(([^)]*)\) )?\[([0-9a-fA-F.:]+)\](?::(\d+))?/;
const AUTH_FAIL = /^(\w+) authenticator failed for (?:([^\s([]+) )?(?:\(([^)]*)\) )?\[([0-9a-fA-F.:]+)\](?::(\d+))?: (\d{3}) ([^(]*)(?:\(set_id=([^)]*)\))?/;
const MARK = /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d(?:\.\d{3})?(?: [+-]\d{4})?(?: \[\d+\])? (?:[0-9A-Za-z]{6}-[0-9A-Za-z]{6,11}-[0-9A-Za-z]{2,4} (?:<=|=>|->|>>|\*>|\*\*|==|Completed)|SMTP connection from|\w+ authenticator failed|H=.*\brejected\b|Start queue run|End queue run)/;

function kvs(text: string, ev: EventFields): void {
  const re = /\b([A-Z]{1,2})=("(?:[^"\\]|\\.)*"|\S+)/g;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    const v = m[2].startsWith('"') ? m[2].slice(1, -1) : m[2];
    if (ev[`data.exim.${m[1]}`] === undefined) ev[`data.exim.${m[1]}`] = v;
  }
}

export const exim: TextParser = {
  kind: 'text',
  id: 'exim',
  title: 'Exim main log',
  version: '1',
  url: 'https://www.exim.org/exim-html-current/doc/html/spec_html/ch-log_files.html',
  framing: 'line',
  patterns: ['arrival', 'deliver', 'bounce', 'defer', 'rejected', 'auth-fail', 'other'],

  sniff(head) {
    const marked = shareOfLines(head, MARK);
    return marked === 0 ? 0 : shareOfLines(head, LINE) * (marked >= 0.2 ? 0.93 : 0.6);
  },

  parse(line, ctx) {
    const m = LINE.exec(line);
    if (m === null) return err('not an Exim main log line (expected "yyyy-mm-dd hh:mm:ss ...")');
    const [, time, zone, pid, id, rest] = m;
    const t = parseIsoTime(zone === undefined ? time : `${time}${zone}`, ctx.time);
    if (t === undefined) return err(`invalid time "${time}"`);
    const ev: EventFields = { ts: t.ts, 'ts.raw': zone === undefined ? time : `${time} ${zone}`, 'ts.guess': t.guess, type: 'MX', 'app.name': 'exim', vendor: 'Exim', message: rest };
    if (pid !== undefined) ev['obs.process.id'] = pid;
    if (id !== undefined) ev['session.id'] = id;
    const flag = FLAGS[rest.slice(0, 2)];
    if (id !== undefined && flag !== undefined && rest[2] === ' ') {
      const [action, outcome] = flag;
      ctx.hit?.(action === 'deliver-suppressed' ? 'deliver' : action);
      ev.action = action;
      if (outcome !== undefined) ev.outcome = outcome;
      const addr = /^\S+ (\S+)(?: <([^>]*)>)?/.exec(rest)?.[2] ?? /^\S+ (\S+)/.exec(rest)?.[1] ?? '';
      kvs(rest, ev);
      const h = HOST.exec(rest);
      if (action === 'arrival') {
        addAddress(ev, 'data.mail.from', addr);
        if (h !== null) mailEndpoint(ev, 'init', h[1] ?? h[2], h[3], h[4]);
        const a = /\bA=[^:\s]+:(\S+)/.exec(rest);
        if (a !== null) ev['init.usr.name'] = a[1];
        const to = /\bfor (.+)$/.exec(rest);
        if (to !== null) for (const x of to[1].split(' ')) addAddress(ev, 'data.mail.to', x);
      } else {
        addAddress(ev, 'data.mail.to', addr);
        if (h !== null) mailEndpoint(ev, 'target', h[1] ?? h[2], h[3], h[4]);
        const reason = /: (\d{3} .*|[^:]*(?:error|refused|timed out|does not exist)[^:]*)$/i.exec(rest);
        if (action !== 'deliver' && reason !== null) ev['data.reason'] = reason[1];
      }
      return ok(ev);
    }
    const f = AUTH_FAIL.exec(rest);
    if (f !== null) {
      ctx.hit?.('auth-fail');
      Object.assign(ev, { type: 'AUTH', action: 'logon', outcome: 'failure', 'data.exim.authenticator': f[1], 'data.smtp.code': f[6], 'data.reason': f[7].trim() });
      mailEndpoint(ev, 'init', f[2] ?? f[3], f[4], f[5]);
      if (f[8] !== undefined) ev['target.usr.name'] = f[8];
      return ok(ev);
    }
    if (/\brejected\b/.test(rest)) {
      ctx.hit?.('rejected');
      Object.assign(ev, { action: 'reject', outcome: 'failure' });
      const h = HOST.exec(rest);
      if (h !== null) mailEndpoint(ev, 'init', h[1] ?? h[2], h[3], h[4]);
      const from = /\bF=<([^>]*)>/.exec(rest);
      if (from !== null) addAddress(ev, 'data.mail.from', from[1]);
      const rcpt = /rejected RCPT <([^>]*)>/.exec(rest);
      if (rcpt !== null) addAddress(ev, 'data.mail.to', rcpt[1]);
      const reason = /: ([^:]+)$/.exec(rest);
      if (reason !== null) ev['data.reason'] = reason[1];
      return ok(ev);
    }
    ctx.hit?.('other');
    const conn = /^SMTP connection from (?:([^\s([]+) )?(?:\(([^)]*)\) )?\[([0-9a-fA-F.:]+)\](?::(\d+))?/.exec(rest);
    if (conn !== null) {
      ev.action = 'connect';
      mailEndpoint(ev, 'init', conn[1] ?? conn[2], conn[3], conn[4]);
    } else if (rest === 'Completed') ev.action = 'completed';
    return ok(ev);
  },

  samples: [
    {
      input: '2024-03-02 08:14:01 1rgB2x-0004Qm-7Z <= alice@example.com H=laptop7.corp.example (laptop7) [10.0.5.50]:51234 P=esmtpsa X=TLS1.3:TLS_AES_256_GCM_SHA384:256 CV=no A=dovecot_plain:alice S=1234 id=20240302081400.1@example.com T="Quarterly report" for bob@example.org carol@example.org',
      expect: {
        ts: Date.UTC(2024, 2, 2, 8, 14, 1), 'ts.guess': 'zone', type: 'MX', action: 'arrival', 'session.id': '1rgB2x-0004Qm-7Z', 'data.mail.from': 'alice@example.com',
        'init.host.name': 'laptop7.corp.example', 'init.host.ip': '10.0.5.50', 'init.host.port': 51234, 'init.usr.name': 'alice', 'data.exim.P': 'esmtpsa',
        'data.exim.T': 'Quarterly report', 'data.mail.to': 'bob@example.org,carol@example.org',
      },
    },
    {
      input: '2024-03-02 08:14:03 +0100 [4711] 1rgB2x-0004Qm-7Z => bob@example.org R=dnslookup T=remote_smtp H=mx.example.org [198.51.100.7] X=TLS1.3:TLS_AES_256_GCM_SHA384:256 CV=yes C="250 2.0.0 OK id=1rgB2y"',
      expect: { ts: Date.UTC(2024, 2, 2, 7, 14, 3), 'ts.guess': '', 'obs.process.id': '4711', action: 'deliver', outcome: 'success', 'data.mail.to': 'bob@example.org', 'target.host.name': 'mx.example.org', 'target.host.ip': '198.51.100.7', 'data.exim.C': '250 2.0.0 OK id=1rgB2y' },
    },
    {
      input: '2024-03-02 08:20:00 1rgB3a-0004Rk-2C ** nobody@example.org R=dnslookup T=remote_smtp H=mx.example.org [198.51.100.7]: SMTP error from remote mail server after RCPT TO:<nobody@example.org>: 550 5.1.1 User unknown',
      expect: { action: 'bounce', outcome: 'failure', 'data.mail.to': 'nobody@example.org', 'data.reason': '550 5.1.1 User unknown' },
    },
    {
      input: '2024-03-02 08:21:00 1rgB3b-0004Rl-3D == carol@example.net R=dnslookup T=remote_smtp defer (-53): retry time not reached for any host',
      expect: { action: 'defer', outcome: 'unknown', 'data.mail.to': 'carol@example.net' },
    },
    {
      input: '2024-03-02 08:22:10 dovecot_login authenticator failed for (User) [198.51.100.23]:50122: 535 Incorrect authentication data (set_id=admin@example.com)',
      expect: { type: 'AUTH', outcome: 'failure', 'init.host.ip': '198.51.100.23', 'init.host.port': 50122, 'init.host.name': 'User', 'target.usr.name': 'admin@example.com', 'data.smtp.code': '535' },
    },
    {
      input: '2024-03-02 08:23:00 H=(ylmf-pc) [203.0.113.5]:60000 F=<spam@example.net> rejected RCPT <bob@example.org>: relay not permitted',
      expect: { action: 'reject', outcome: 'failure', 'init.host.ip': '203.0.113.5', 'data.mail.from': 'spam@example.net', 'data.mail.to': 'bob@example.org', 'data.reason': 'relay not permitted' },
    },
    {
      input: '2024-03-02 08:24:00 1rgB2x-0004Qm-7Z Completed',
      expect: { action: 'completed', 'session.id': '1rgB2x-0004Qm-7Z' },
    },
  ],
};
