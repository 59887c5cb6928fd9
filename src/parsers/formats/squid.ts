// Squid native access.log ("squid" logformat).
// Spec: https://wiki.squid-cache.org/Features/LogFormat#squid-native-accesslog-format-in-detail
// Example: 1157689312.049   5006 10.105.21.199 TCP_MISS/200 19763 CONNECT login.yahoo.com:443 badeyek DIRECT/209.73.177.115 -
// Fields: time (epoch seconds.millis, UTC) elapsed(ms) client code/status bytes method URL user hierarchy/peer type.
// Roles: the client is init; the requested host is the target (target.host.name and target.uri.*); the peer
// after DIRECT/ is the origin server (target.host.ip); after PARENT_*/ it is a parent proxy (data.peer only).
// session.out.byte is what Squid delivered to the client; session.duration is in seconds (Squid writes ms).
// Quirks: elapsed is right-aligned with several spaces; CONNECT URLs are host:port; status 000 means no reply.
// The extended form proxies and appliances write with a custom logformat: the same first ten fields with the
// URL "quoted", then a "quoted" user agent and a "quoted" category (-> web.header.user_agent, data.category;
// further fields data.fieldN). A *_DENIED code is action "denied", outcome failure.
import { err, ok } from '../../core/result.ts';
import { parseEpochTime } from '../../core/time.ts';
import { isIP } from '../../core/ip.ts';
import type { EventFields } from '../../core/schema.ts';
import type { TextParser } from '../types.ts';
import { uriFields } from './apache-access.ts';
import { shareOfLines } from '../sniff.ts';
import { splitQuoted } from '../extract/splitQuoted.ts';

//                 time                 elapsed      client code       /status   bytes  method URL   user  hier      /peer   type
const LINE = /^(\d{9,10}\.\d{1,6})\s+(-?\d+)\s+(\S+)\s+([A-Z_]+|NONE)\/(\d{3})\s+(\d+)\s+(\S+)\s+(\S+)\s+(\S+)\s+([A-Z_]+)\/(\S+)(?:\s+(\S+))?\s*$/;
// the quoted form, token by token (splitQuoted keeps the spaces inside quotes)
const EPOCH = /^\d{9,10}\.\d{1,6}$/;
const CODE = /^([A-Z_]+|NONE)\/(\d{3})$/;
const HIER = /^([A-Z_]+)\/(\S+)$/;
const SNIFF = /^\d{9,10}\.\d{1,6}\s+-?\d+ \S+ [A-Z_]+\/\d{3} \d+ /;

export const squid: TextParser = {
  kind: 'text',
  id: 'squid',
  title: 'Squid proxy access.log (native format)',
  version: '2',
  url: 'https://wiki.squid-cache.org/Features/LogFormat',
  framing: 'line',
  patterns: ['line', 'connect', 'denied', 'quoted'],

  sniff(head) {
    return shareOfLines(head, SNIFF) * 0.95;
  },

  parse(line, ctx) {
    let m: (string | undefined)[] | null = LINE.exec(line);
    let extra: string[] = [];
    if (m === null && line.includes('"')) {
      const t = splitQuoted(line, ' ');
      const c = CODE.exec(t[3] ?? ''), h = HIER.exec(t[8] ?? '');
      if (t.length >= 9 && EPOCH.test(t[0]) && /^-?\d+$/.test(t[1]) && c !== null && /^\d+$/.test(t[4]) && h !== null) {
        ctx.hit?.('quoted');
        m = ['', t[0], t[1], t[2], c[1], c[2], t[4], t[5], t[6], t[7], h[1], h[2], t[9]];
        extra = t.slice(10);
      }
    }
    if (m === null) return err('not a Squid native access.log line (expected "time elapsed client CODE/status bytes method URL user HIER/peer type")');
    ctx.hit?.('line');
    const [, time = '', elapsed = '', client = '', code = '', status = '', bytes = '', method = '', url = '', user = '', hier = '', peer = '', ctype] = m;
    const t = parseEpochTime(time);
    if (t === undefined) return err(`invalid epoch time "${time}"`);
    const rc = Number(status);
    const ev: EventFields = {
      ts: t.ts, 'ts.raw': time, 'ts.guess': t.guess, type: 'WEB', 'app.name': 'squid', vendor: 'Squid',
      'session.duration': Number(elapsed) / 1000, 'web.request.method': method, 'web.request.rc': rc,
      'session.out.byte': Number(bytes), 'data.squid_code': code, 'data.hierarchy': hier, action: code,
      message: `${method} ${url} ${code}/${status}`,
    };
    ev[isIP(client) ? 'init.host.ip' : 'init.host.name'] = client;
    if (user !== '-') ev['init.usr.name'] = user;
    if (method === 'CONNECT' && /^[^/]+:\d+$/.test(url)) {
      ctx.hit?.('connect');
      const c = url.lastIndexOf(':');
      const host = url.slice(0, c).replace(/^\[|\]$/g, '');
      ev['target.uri.full'] = url;
      ev[isIP(host) ? 'target.host.ip' : 'target.host.name'] = host;
      ev['target.host.port'] = Number(url.slice(c + 1));
    } else if (url !== '-') uriFields(url, ev);
    if (peer !== '-') {
      ev['data.peer'] = peer;
      if (hier === 'DIRECT' || hier === 'HIER_DIRECT') ev[isIP(peer) ? 'target.host.ip' : 'target.host.name'] = peer;
    }
    if (ctype !== undefined && ctype !== '-' && ctype !== '') ev['data.content_type'] = ctype;
    if (extra[0] !== undefined && extra[0] !== '-' && extra[0] !== '') ev['web.header.user_agent'] = extra[0];
    if (extra[1] !== undefined && extra[1] !== '-' && extra[1] !== '') ev['data.category'] = extra[1];
    for (let i = 2; i < extra.length; i++) if (extra[i] !== '') ev[`data.field${i + 11}`] = extra[i];
    if (code.includes('DENIED')) {
      ctx.hit?.('denied');
      ev.action = 'denied';
      ev.outcome = 'failure';
    } else ev.outcome = rc === 0 || rc >= 400 ? 'failure' : 'success';
    return ok(ev);
  },

  samples: [
    {
      input: '1157689312.049   5006 10.105.21.199 TCP_MISS/200 19763 CONNECT login.yahoo.com:443 badeyek DIRECT/209.73.177.115 -',
      expect: {
        ts: 1157689312049, 'ts.guess': '', 'session.duration': 5.006, 'init.host.ip': '10.105.21.199', 'data.squid_code': 'TCP_MISS', 'web.request.rc': 200,
        'session.out.byte': 19763, 'web.request.method': 'CONNECT', 'target.host.name': 'login.yahoo.com', 'target.host.port': 443,
        'init.usr.name': 'badeyek', 'target.host.ip': '209.73.177.115', outcome: 'success', type: 'WEB',
      },
    },
    {
      input: '1157689320.327   2864 10.105.21.199 TCP_MISS/200 10182 GET http://www.goonernews.com/ badeyek DIRECT/207.58.145.61 text/html',
      expect: { 'target.uri.full': 'http://www.goonernews.com/', 'target.host.name': 'www.goonernews.com', 'target.uri.path': '/', 'data.content_type': 'text/html' },
    },
    {
      input: '1157689324.156      0 10.105.21.199 TCP_DENIED/403 1465 GET http://www.example.com/blocked badeyek NONE/- text/html',
      expect: { outcome: 'failure', 'web.request.rc': 403, 'data.hierarchy': 'NONE', action: 'denied' },
    },
    {
      input: '1709367241.123     45 10.0.5.50 TCP_DENIED/403 1234 GET "http://malware.example/dl/payload.exe?id=7&x=1" alice NONE/- text/html "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36" "Malicious Sites"',
      expect: {
        ts: 1709367241123, 'init.host.ip': '10.0.5.50', 'init.usr.name': 'alice', 'web.request.method': 'GET', 'web.request.rc': 403, 'target.host.name': 'malware.example',
        'target.uri.path': '/dl/payload.exe', 'target.uri.query': 'id=7&x=1', 'web.header.user_agent': 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36',
        'data.category': 'Malicious Sites', action: 'denied', outcome: 'failure',
      },
    },
  ],
};
