// Apache/Nginx/Tomcat access logs: common, combined and vhost_combined (Nginx "combined" is the same layout).
// Spec: https://httpd.apache.org/docs/current/logs.html#accesslog (mod_log_config formats)
// Example: 83.149.9.216 - - [17/May/2015:10:05:03 +0000] "GET /presentations/logstash-monitorama-2013/images/kibana-search.png HTTP/1.1" 200 203023 "http://semicomplete.com/presentations/logstash-monitorama-2013/" "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_9_1) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/32.0.1700.77 Safari/537.36"
// Roles: the client is init (init.host.ip), the server (vhost) is the target, the request is target.uri.*.
// session.out.byte is the response size (bytes sent back to the client).
// Quirks: attack traffic puts anything in the request line: a raw TLS handshake (NUL bytes, invalid UTF-8 that
// the decoder turned into U+FFFD), "-", "GET /index.jsp " without protocol, "some invalid request". Apache
// escapes '"' in it as \" but Tomcat does not: a second, lenient pattern takes the last '" <status> <bytes>'.
// Such lines are still events (method/uri only when the request line has them; data.request keeps it whole).
// A run of NUL bytes before a record (a crash hole in a pre-allocated file) is skipped and counted.
// Nginx may append fields after the user agent ("$http_x_forwarded_for"): kept in data.extra.
import { err, ok } from '../../core/result.ts';
import { parseApacheTime } from '../../core/time.ts';
import { isIP } from '../../core/ip.ts';
import type { EventFields } from '../../core/schema.ts';
import type { TextParser } from '../types.ts';
import { shareOfLines } from '../sniff.ts';

const Q = '"((?:[^"\\\\]|\\\\.)*)"'; // a quoted field with backslash escapes
//                     vhost:port?            client ident user    [time]        "request" status  bytes   "referer" "agent"     extra
const LINE = new RegExp(`^(?:([^\\s:]+):(\\d+) )?(\\S+) (\\S+) (.+?) \\[([^\\]]+)\\] ${Q} (\\d{3}|-) (\\d+|-)(?: ${Q} ${Q})?(.*)$`);
// Tomcat/odd writers: unescaped quotes inside the request; the request runs to the last '" status bytes'
const LENIENT = /^(?:([^\s:]+):(\d+) )?(\S+) (\S+) (.+?) \[([^\]]+)\] "(.*)" (\d{3}|-) (\d+|-)(?: "(.*?)" "(.*?)")?\s*$/;
const SNIFF = /^(?:\S+:\d+ )?\S+ \S+ .+? \[\d\d?\/[A-Za-z]{3}\/\d{4}:\d\d:\d\d:\d\d[^\]]*\] "/;
const REQUEST = /^([A-Z][A-Z0-9_-]{0,19}) (\*|\/\S*|[a-zA-Z][\w+.-]*:\/\/\S+|[\w.-]+:\d+)(?: (\S+))?\s*$/;

function unescapeQuoted(s: string): string {
  return s.indexOf('\\') < 0 ? s : s.replace(/\\(["\\])/g, '$1');
}

/** Splits a request target into the target.uri.* fields (and the host for absolute/proxy requests). */
export function uriFields(uri: string, ev: EventFields): void {
  ev['target.uri.full'] = uri;
  let rest = uri;
  const abs = /^([a-zA-Z][\w+.-]*):\/\/([^/?#]*)(.*)$/.exec(uri);
  if (abs !== null) {
    ev['target.uri.scheme'] = abs[1].toLowerCase();
    const hp = /^(?:[^@]*@)?(\[[^\]]+\]|[^:]+)(?::(\d+))?$/.exec(abs[2]);
    if (hp !== null) {
      const host = hp[1].replace(/^\[|\]$/g, '');
      ev[isIP(host) ? 'target.host.ip' : 'target.host.name'] = host;
      if (hp[2] !== undefined) ev['target.host.port'] = Number(hp[2]);
    }
    rest = abs[3] === '' ? '/' : abs[3];
  }
  const q = rest.indexOf('?');
  ev['target.uri.path'] = q < 0 ? rest : rest.slice(0, q);
  if (q >= 0) ev['target.uri.query'] = rest.slice(q + 1);
}

export const apacheAccess: TextParser = {
  kind: 'text',
  id: 'apache-access',
  title: 'Apache / Nginx / Tomcat access log (common, combined, vhost_combined)',
  version: '1',
  url: 'https://httpd.apache.org/docs/current/logs.html#accesslog',
  framing: 'line',
  patterns: ['line', 'lenient', 'request', 'odd-request'],

  sniff(head) {
    return shareOfLines(head, SNIFF) * 0.95;
  },

  parse(line, ctx) {
    // a NUL hole before the record (a crash in a pre-allocated log file): the record after it is intact
    let nuls = 0;
    while (line.charCodeAt(nuls) === 0) nuls++;
    if (nuls > 0) line = line.slice(nuls);
    let m = LINE.exec(line);
    let escaped = true;
    if (m === null) {
      m = LENIENT.exec(line);
      escaped = false;
      if (m === null) return err('not an access log line (expected: client ident user [time] "request" status bytes)');
      ctx.hit?.('lenient');
    } else ctx.hit?.('line');
    const [, vhost, vport, client, ident, user, time, request, status, bytes, referer, agent, extra] = m;
    const t = parseApacheTime(time, ctx.time);
    if (t === undefined) return err(`invalid access log time "[${time}]"`);
    const req = escaped ? unescapeQuoted(request) : request;
    const ev: EventFields = { ts: t.ts, 'ts.raw': time, 'ts.guess': t.guess, type: 'WEB', message: req, 'data.request': req };
    ev[isIP(client) ? 'init.host.ip' : 'init.host.name'] = client;
    if (ident !== '-') ev['data.ident'] = ident;
    if (user !== '-') ev['init.usr.name'] = user;
    if (vhost !== undefined) {
      ev['target.host.name'] = vhost;
      ev['target.host.port'] = Number(vport);
    }
    const r = REQUEST.exec(req);
    if (r !== null) {
      ctx.hit?.('request');
      ev['web.request.method'] = r[1];
      uriFields(r[2], ev);
      if (r[3] !== undefined) ev['data.protocol'] = r[3];
    } else if (req !== '-') ctx.hit?.('odd-request');
    if (status !== '-') {
      const rc = Number(status);
      ev['web.request.rc'] = rc;
      ev.outcome = rc < 400 ? 'success' : 'failure';
    }
    if (bytes !== '-') ev['session.out.byte'] = Number(bytes);
    if (referer !== undefined && referer !== '-' && referer !== '') ev['web.header.referer'] = escaped ? unescapeQuoted(referer) : referer;
    if (agent !== undefined && agent !== '-' && agent !== '') ev['web.header.user_agent'] = escaped ? unescapeQuoted(agent) : agent;
    if (nuls > 0) ev['data.leading_nuls'] = String(nuls);
    const more = extra?.trim();
    if (more) ev['data.extra'] = more;
    return ok(ev);
  },

  samples: [
    {
      input: '83.149.9.216 - - [17/May/2015:10:05:03 +0000] "GET /presentations/logstash-monitorama-2013/images/kibana-search.png HTTP/1.1" 200 203023 "http://semicomplete.com/presentations/logstash-monitorama-2013/" "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_9_1) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/32.0.1700.77 Safari/537.36"',
      expect: {
        ts: Date.UTC(2015, 4, 17, 10, 5, 3), 'ts.guess': '', type: 'WEB', 'init.host.ip': '83.149.9.216', 'web.request.method': 'GET',
        'target.uri.path': '/presentations/logstash-monitorama-2013/images/kibana-search.png', 'web.request.rc': 200, 'session.out.byte': 203023,
        outcome: 'success', 'web.header.referer': 'http://semicomplete.com/presentations/logstash-monitorama-2013/', 'data.protocol': 'HTTP/1.1',
        'web.header.user_agent': 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_9_1) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/32.0.1700.77 Safari/537.36',
      },
    },
    {
      input: '192.168.105.83 - admin [11/Jul/2018:08:41:29 +0300] "GET /manager/html;jsessionid=F754A61D366EA31159EE58BEA77B4C11?org.apache.catalina.filters.CSRF_NONCE=6196670B40FF2723504352622D4926CB HTTP/1.1" 200 17577',
      expect: {
        ts: Date.UTC(2018, 6, 11, 5, 41, 29), 'init.usr.name': 'admin', 'target.uri.path': '/manager/html;jsessionid=F754A61D366EA31159EE58BEA77B4C11',
        'target.uri.query': 'org.apache.catalina.filters.CSRF_NONCE=6196670B40FF2723504352622D4926CB', 'session.out.byte': 17577,
      },
    },
    {
      input: '192.168.105.83 - - [11/Jul/2018:09:32:07 +0300] "some invalid request" 505 -',
      expect: { outcome: 'failure', 'web.request.rc': 505, 'data.request': 'some invalid request', message: 'some invalid request' },
    },
    {
      input: '127.0.0.1 - frank [10/Oct/2000:13:55:36 -0700] "GET /apache_pb.gif HTTP/1.0" 200 2326 "http://www.example.com/start.html" "Mozilla/4.08 [en] (Win98; I ;Nav)"',
      expect: { ts: Date.UTC(2000, 9, 10, 20, 55, 36), 'init.usr.name': 'frank', 'target.uri.full': '/apache_pb.gif' },
    },
    {
      input: 'www.example.com:443 203.0.113.5 - - [01/Feb/2024:08:00:00 +0100] "POST /login.php?next=%2F HTTP/2.0" 401 512 "-" "curl/8.5.0"',
      expect: { 'target.host.name': 'www.example.com', 'target.host.port': 443, 'init.host.ip': '203.0.113.5', 'web.request.method': 'POST', outcome: 'failure', 'target.uri.query': 'next=%2F' },
    },
    {
      input: '10.0.0.9 - - [01/Feb/2024:08:00:00 +0000] "GET /a\\"b HTTP/1.1" 200 5 "-" "x \\"y\\"" "198.51.100.1"',
      expect: { 'target.uri.path': '/a"b', 'web.header.user_agent': 'x "y"', 'data.extra': '"198.51.100.1"' },
    },
    {
      input: '10.0.0.9 - - [01/Feb/2024:08:00:00 +0000] "GET /x"y HTTP/1.1" 404 10',
      expect: { 'data.request': 'GET /x"y HTTP/1.1', 'web.request.rc': 404, outcome: 'failure' },
    },
  ],
};
