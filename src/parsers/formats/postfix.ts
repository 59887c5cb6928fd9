// Postfix mail logs (mail.log / maillog): syslog lines (BSD or RFC 3339 header) whose tag is postfix/<daemon>.
// Lines of other programs in the same file (dovecot, amavis...) are left to the syslog parsers (mixed file).
// Spec: https://www.postfix.org/postconf.5.html and the daemons' man pages (smtpd(8), qmgr(8), smtp(8)); the
// log lines as described in https://www.postfix.org/DEBUG_README.html and https://www.postfix.org/SMTPD_ACCESS_README.html
// Example: Mar  2 08:14:01 mx1 postfix/smtp[2211]: 4F2A81C0D3: to=<bob@example.org>, relay=mx.example.org[198.51.100.7]:25, delay=1.2, delays=0.1/0/0.5/0.6, dsn=2.0.0, status=sent (250 2.0.0 OK)
// Roles: the SMTP client ("from host[ip]", "client=host[ip]") -> init.host.*, sasl_username -> init.usr.name,
// the relay a message goes to -> target.host.*; sender/recipients -> data.mail.from / data.mail.to; the queue
// id -> session.id (it ties a message's lines together). Outcomes: status=sent -> success, bounced -> failure,
// deferred -> unknown; NOQUEUE/queue-id reject and "SASL ... authentication failed" -> failure.
// Quirks: the host part is "unknown" when reverse DNS failed; IPv6 clients are written [IPv6:...] by some versions.
import { err, ok } from '../../core/result.ts';
import { parseIsoTime } from '../../core/time.ts';
import type { EventFields } from '../../core/schema.ts';
import type { TextParser } from '../types.ts';
import { SYSLOG3164_LINE, priFields } from './syslog3164.ts';
import { parseLeadingTime } from '../../core/time.ts';
import { addAddress, mailEndpoint } from '../extract/mailAddr.ts';
import { shareOfLines } from '../sniff.ts';

const ISO_LINE = /^(?:<(\d{1,3})>)?(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:[.,]\d{1,9})?(?:Z|[+-]\d\d:?\d\d)?) (\S+) ([^:[\]\s]{1,64})(?:\[(\d+)\])?: ?(.*)$/;
const TAG = /^postfix(?:-[\w-]+)?\/[\w/-]+$/;
const QUEUE_ID = /^([0-9A-F]{6,}|[0-9B-DF-HJ-NP-TV-Zb-df-hj-np-tv-z]{10,}): /;
const CLIENT = /(?:\bfrom |\bclient=|^warning: )([^\s[\],]*)\[([^\]]+)\](?::(\d+))?/;
const RELAY = /\brelay=([^\s[,]*)\[([^\]]+)\](?::(\d+))?/;
const FIELD = /\b(from|to|orig_to|status|dsn|size|nrcpt|sasl_username|sasl_method|message-id|delay|proto|helo)=(<[^>]*>|[^,\s]+)/g;

interface Header { fields: EventFields; tag: string; text: string }

function header(line: string, ctx: Parameters<TextParser['parse']>[1]): Header | undefined {
  const b = SYSLOG3164_LINE.exec(line);
  if (b !== null) {
    const t = parseLeadingTime(line.replace(/^<\d{1,3}>/, ''), ctx.years, ctx.time);
    const fields: EventFields = { ...priFields(b[1]), 'obs.host.name': b[7] };
    if (t !== undefined) Object.assign(fields, { ts: t.ts, 'ts.raw': t.raw, 'ts.guess': t.guess });
    if (b[9] !== undefined) fields['obs.process.id'] = b[9];
    return { fields, tag: b[8].trim(), text: b[10] };
  }
  const i = ISO_LINE.exec(line);
  if (i === null) return undefined;
  const t = parseIsoTime(i[2], ctx.time);
  const fields: EventFields = { ...priFields(i[1]), 'obs.host.name': i[3] };
  if (t !== undefined) Object.assign(fields, { ts: t.ts, 'ts.raw': i[2], 'ts.guess': t.guess });
  if (i[5] !== undefined) fields['obs.process.id'] = i[5];
  return { fields, tag: i[4], text: i[6] };
}

const isPostfix = (l: string): boolean => {
  const b = SYSLOG3164_LINE.exec(l);
  if (b !== null) return TAG.test(b[8].trim());
  const i = ISO_LINE.exec(l);
  return i !== null && TAG.test(i[4]);
};

export const postfix: TextParser = {
  kind: 'text',
  id: 'postfix',
  title: 'Postfix mail log',
  version: '1',
  url: 'https://www.postfix.org/DEBUG_README.html',
  framing: 'line',
  patterns: ['connect', 'reject', 'sasl-fail', 'client', 'delivery', 'other'],

  sniff(head) {
    // a mail.log mixes postfix with dovecot/amavis lines: a fair share of postfix lines makes it a mail log
    const share = shareOfLines(head, isPostfix);
    return share >= 0.25 ? 0.92 : share * 0.9;
  },

  parse(line, ctx) {
    const h = header(line, ctx);
    if (h === undefined) return err('not a syslog line');
    if (!TAG.test(h.tag)) return err(`syslog tag "${h.tag}" is not a Postfix daemon`);
    const ev: EventFields = { type: 'MX', vendor: 'Postfix', ...h.fields, 'app.name': h.tag, 'obs.process.name': h.tag.slice(h.tag.lastIndexOf('/') + 1) };
    let text = h.text.trimStart();
    ev.message = text;
    const q = QUEUE_ID.exec(text);
    if (q !== null) {
      ev['session.id'] = q[1];
      text = text.slice(q[0].length);
    } else if (text.startsWith('NOQUEUE: ')) text = text.slice(9);
    FIELD.lastIndex = 0;
    for (let m = FIELD.exec(text); m !== null; m = FIELD.exec(text)) {
      const [, k, v] = m;
      if (k === 'from') addAddress(ev, 'data.mail.from', v);
      else if (k === 'to' || k === 'orig_to') addAddress(ev, 'data.mail.to', v);
      else if (k === 'sasl_username') ev['init.usr.name'] = v;
      else ev[`data.mail.${k.replace('-', '_')}`] = v.replace(/^<|>$/g, '');
    }
    const c = CLIENT.exec(text);
    const r = RELAY.exec(text);
    if (/^(?:connect|disconnect|lost connection .*?) from /.test(text)) {
      ctx.hit?.('connect');
      ev.action = text.startsWith('connect') ? 'connect' : text.startsWith('disconnect') ? 'disconnect' : 'lost-connection';
    } else if (/^reject(?:_warning)?: /.test(text) || /^milter-reject: /.test(text)) {
      ctx.hit?.('reject');
      ev.action = 'reject';
      ev.outcome = 'failure';
      const code = /\]: (\d{3}) (\d\.\d\.\d{1,3})?/.exec(text);
      if (code !== null) {
        ev['data.smtp.code'] = code[1];
        if (code[2] !== undefined) ev['data.mail.dsn'] = code[2];
      }
      const reason = /: (\d{3} [^;]*);/.exec(text);
      if (reason !== null) ev['data.reason'] = reason[1];
    } else if (/SASL \w+ authentication failed/.test(text)) {
      ctx.hit?.('sasl-fail');
      Object.assign(ev, { type: 'AUTH', action: 'logon', outcome: 'failure' });
    } else if (/^client=/.test(text)) {
      ctx.hit?.('client');
      ev.action = 'accept';
      if (ev['init.usr.name'] !== undefined) Object.assign(ev, { type: 'AUTH', action: 'logon', outcome: 'success' });
    } else if (typeof ev['data.mail.status'] === 'string') {
      ctx.hit?.('delivery');
      const status = ev['data.mail.status'];
      ev.action = status === 'sent' ? 'deliver' : status;
      ev.outcome = status === 'sent' || status === 'delivered' ? 'success' : status === 'bounced' || status === 'undeliverable' ? 'failure' : 'unknown';
      if (r !== null) mailEndpoint(ev, 'target', r[1], r[2], r[3]);
      const reply = /status=\w+ \((.*)\)$/.exec(text);
      if (reply !== null) ev['data.reason'] = reply[1];
    } else {
      ctx.hit?.('other');
      if (text === 'removed') ev.action = 'removed';
      else if (ev['data.mail.message_id'] !== undefined) ev.action = 'message-id';
      else if (ev['data.mail.from'] !== undefined && ev['data.mail.nrcpt'] !== undefined) ev.action = 'queued';
    }
    if (c !== null) mailEndpoint(ev, 'init', c[1], c[2], c[3]);
    return ok(ev);
  },

  samples: [
    {
      input: 'Mar  2 08:14:00 mx1 postfix/smtpd[2201]: connect from unknown[203.0.113.5]',
      expect: { type: 'MX', 'obs.host.name': 'mx1', 'app.name': 'postfix/smtpd', 'obs.process.name': 'smtpd', 'obs.process.id': '2201', action: 'connect', 'init.host.ip': '203.0.113.5' },
    },
    {
      input: 'Mar  2 08:14:01 mx1 postfix/smtpd[2201]: NOQUEUE: reject: RCPT from unknown[203.0.113.5]: 554 5.7.1 <bob@example.org>: Relay access denied; from=<spam@example.net> to=<bob@example.org> proto=ESMTP helo=<ylmf-pc>',
      expect: { action: 'reject', outcome: 'failure', 'init.host.ip': '203.0.113.5', 'data.mail.from': 'spam@example.net', 'data.mail.to': 'bob@example.org', 'data.smtp.code': '554', 'data.mail.helo': 'ylmf-pc' },
    },
    {
      input: 'Mar  2 08:14:05 mx1 postfix/smtpd[2201]: warning: unknown[198.51.100.23]: SASL LOGIN authentication failed: UGFzc3dvcmQ6',
      expect: { type: 'AUTH', action: 'logon', outcome: 'failure', 'init.host.ip': '198.51.100.23' },
    },
    {
      input: '2024-03-02T08:15:00.120331+00:00 mx1 postfix/submission/smtpd[2305]: 4F2A81C0D3: client=laptop7.corp.example[10.0.5.50]:51234, sasl_method=PLAIN, sasl_username=alice',
      expect: { ts: Date.UTC(2024, 2, 2, 8, 15, 0, 120) + 0.331, type: 'AUTH', outcome: 'success', 'init.usr.name': 'alice', 'init.host.name': 'laptop7.corp.example', 'init.host.ip': '10.0.5.50', 'init.host.port': 51234, 'session.id': '4F2A81C0D3' },
    },
    {
      input: 'Mar  2 08:15:02 mx1 postfix/qmgr[1800]: 4F2A81C0D3: from=<alice@example.com>, size=1234, nrcpt=1 (queue active)',
      expect: { action: 'queued', 'data.mail.from': 'alice@example.com', 'data.mail.size': '1234', 'session.id': '4F2A81C0D3' },
    },
    {
      input: 'Mar  2 08:15:03 mx1 postfix/smtp[2211]: 4F2A81C0D3: to=<bob@example.org>, relay=mx.example.org[198.51.100.7]:25, delay=1.2, delays=0.1/0/0.5/0.6, dsn=2.0.0, status=sent (250 2.0.0 OK 1709367303 q7si)',
      expect: { action: 'deliver', outcome: 'success', 'data.mail.to': 'bob@example.org', 'target.host.name': 'mx.example.org', 'target.host.ip': '198.51.100.7', 'target.host.port': 25, 'data.mail.dsn': '2.0.0' },
    },
  ],
};
