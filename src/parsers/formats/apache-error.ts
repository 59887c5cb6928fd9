// Apache httpd error log (2.2 and 2.4 layouts) and the Nginx error log.
// Spec: https://httpd.apache.org/docs/current/logs.html#errorlog (ErrorLogFormat), https://nginx.org/en/docs/ngx_core_module.html#error_log
// Example: [Sun Dec 04 04:47:44 2005] [notice] workerEnv.init() ok /etc/httpd/conf/workers2.properties
// 2.4 adds the module to the level, fractions to the time, pid/tid and an AHnnnnn error code:
//   [Wed Oct 11 14:32:52.123456 2000] [core:error] [pid 35708:tid 4328636416] [client 72.15.99.187] AH00124: …
// message keeps "[client …]" as written (it is how the text reads and what loghub's truth calls Content);
// the client also goes to init.host.ip/port (the remote peer started the request that failed).
// Quirks: ctime has no zone (read in the file's zone, flagged); 2.4 writes "[client 1.2.3.4:5678]",
// IPv6 clients as "[client [::1]:5678]" or bare "::1:5678".
import { err, ok } from '../../core/result.ts';
import { parseCtime, parseIsoTime } from '../../core/time.ts';
import { isIP } from '../../core/ip.ts';
import type { EventFields } from '../../core/schema.ts';
import type { TextParser } from '../types.ts';
import { shareOfLines } from '../sniff.ts';

//                   [ctime]                                                          [module:level]          [pid n:tid n]?                    rest
const APACHE = /^\[((?:[A-Z][a-z]{2} ){2}[ \d]?\d \d\d:\d\d:\d\d(?:\.\d{1,9})? \d{4})\] \[(?:([\w.-]*):)?(\w+)\](?: \[pid (\d+)(?::tid (\d+))?\])? ?(.*)$/;
const CLIENT = /^\[(?:client|remote) (\[[^\]]+\]|[^\]\s]+?)(?::(\d+))?\] /;
const AH_CODE = /(?:^|\] )(AH\d{5}): /;
// 2016/10/25 14:49:34 [error] 54053#0: *1 open() "/x" failed (2: No such file), client: 1.2.3.4, server: a, request: "GET /x HTTP/1.1"
const NGINX = /^(\d{4})\/(\d\d)\/(\d\d) (\d\d:\d\d:\d\d) \[(\w+)\] (\d+)#(\d+): (?:\*(\d+) )?(.*)$/;
const NGINX_CLIENT = /, client: ([^,\s]+)(?:, server: ([^,]*))?(?:, request: "(\S+) ([^" ]+)[^"]*")?(?:, upstream: "([^"]*)")?(?:, host: "([^"]*)")?/;
const SNIFF = /^\[(?:[A-Z][a-z]{2} ){2}[ \d]?\d \d\d:\d\d:\d\d(?:\.\d+)? \d{4}\] \[[\w.:-]+\] |^\d{4}\/\d\d\/\d\d \d\d:\d\d:\d\d \[\w+\] \d+#\d+: /;

function client(text: string, ev: EventFields): void {
  const host = text.replace(/^\[|\]$/g, '');
  if (isIP(host)) ev['init.host.ip'] = host;
  else {
    // "::1:5678" style (IPv6 without brackets, port appended): the last group is the port when the rest is an IP
    const c = host.lastIndexOf(':');
    if (c > 0 && isIP(host.slice(0, c))) {
      ev['init.host.ip'] = host.slice(0, c);
      ev['init.host.port'] = Number(host.slice(c + 1));
    } else ev['init.host.name'] = host;
  }
}

export const apacheError: TextParser = {
  kind: 'text',
  id: 'apache-error',
  title: 'Apache httpd / Nginx error log',
  version: '1',
  url: 'https://httpd.apache.org/docs/current/logs.html#errorlog',
  framing: 'line',
  patterns: ['apache', 'client', 'nginx'],

  sniff(head) {
    return shareOfLines(head, SNIFF) * 0.95;
  },

  parse(line, ctx) {
    const m = APACHE.exec(line);
    if (m !== null) {
      ctx.hit?.('apache');
      const t = parseCtime(m[1], ctx.time);
      if (t === undefined) return err(`invalid date "[${m[1]}]"`);
      const ev: EventFields = { ts: t.ts, 'ts.raw': m[1], 'ts.guess': t.guess, type: 'WEB', 'app.name': 'apache', 'alarm.sev': m[3] };
      if (m[2] !== undefined && m[2] !== '') ev['data.module'] = m[2];
      if (m[4] !== undefined) ev['obs.process.id'] = m[4];
      if (m[5] !== undefined) ev['data.tid'] = m[5];
      const rest = m[6];
      ev.message = rest;
      const c = CLIENT.exec(rest);
      if (c !== null) {
        ctx.hit?.('client');
        client(c[1], ev);
        if (c[2] !== undefined) ev['init.host.port'] = Number(c[2]);
      }
      const code = AH_CODE.exec(rest);
      if (code !== null) ev['alarm.id'] = code[1];
      return ok(ev);
    }
    const n = NGINX.exec(line);
    if (n === null) return err('not an Apache/Nginx error log line (expected "[ctime] [level] message")');
    ctx.hit?.('nginx');
    const t = parseIsoTime(`${n[1]}-${n[2]}-${n[3]} ${n[4]}`, ctx.time);
    if (t === undefined) return err(`invalid date "${n[1]}/${n[2]}/${n[3]} ${n[4]}"`);
    const ev: EventFields = {
      ts: t.ts, 'ts.raw': `${n[1]}/${n[2]}/${n[3]} ${n[4]}`, 'ts.guess': t.guess, type: 'WEB', 'app.name': 'nginx',
      'alarm.sev': n[5], 'obs.process.id': n[6], 'data.tid': n[7], message: n[9],
    };
    if (n[8] !== undefined) ev['session.id'] = n[8];
    const c = NGINX_CLIENT.exec(n[9]);
    if (c !== null) {
      client(c[1], ev);
      if (c[2]) ev['target.host.name'] = c[2];
      if (c[3] !== undefined) {
        ev['web.request.method'] = c[3];
        ev['target.uri.full'] = c[4];
      }
      if (c[6] !== undefined) ev['web.header.host'] = c[6];
    }
    return ok(ev);
  },

  samples: [
    {
      input: '[Sun Dec 04 04:47:44 2005] [notice] workerEnv.init() ok /etc/httpd/conf/workers2.properties',
      expect: { ts: Date.UTC(2005, 11, 4, 4, 47, 44), 'ts.guess': 'zone', 'alarm.sev': 'notice', message: 'workerEnv.init() ok /etc/httpd/conf/workers2.properties', type: 'WEB' },
    },
    {
      input: '[Sun Dec 04 05:15:09 2005] [error] [client 222.166.160.184] Directory index forbidden by rule: /var/www/html/',
      expect: { 'alarm.sev': 'error', 'init.host.ip': '222.166.160.184', message: '[client 222.166.160.184] Directory index forbidden by rule: /var/www/html/' },
    },
    {
      input: '[Wed Oct 11 14:32:52.123456 2000] [core:error] [pid 35708:tid 4328636416] [client 72.15.99.187:50012] AH00124: Request exceeded the limit of 10 internal redirects due to probable configuration error.',
      expect: {
        ts: Date.UTC(2000, 9, 11, 14, 32, 52, 123) + 0.456, 'data.module': 'core', 'alarm.sev': 'error', 'obs.process.id': '35708', 'data.tid': '4328636416',
        'init.host.ip': '72.15.99.187', 'init.host.port': 50012, 'alarm.id': 'AH00124',
      },
    },
    {
      input: '2016/10/25 14:49:34 [error] 54053#0: *1 open() "/usr/share/nginx/html/favicon.ico" failed (2: No such file or directory), client: 192.168.33.1, server: localhost, request: "GET /favicon.ico HTTP/1.1", host: "192.168.33.10"',
      expect: {
        'app.name': 'nginx', 'alarm.sev': 'error', 'obs.process.id': '54053', 'session.id': '1', 'init.host.ip': '192.168.33.1',
        'target.host.name': 'localhost', 'web.request.method': 'GET', 'target.uri.full': '/favicon.ico', 'web.header.host': '192.168.33.10',
      },
    },
  ],
};
