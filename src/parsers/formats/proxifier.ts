// Proxifier connection log (Windows/macOS proxy client).
// Spec (best public description): https://www.proxifier.com/docs/win-v4/logging.html ; samples: https://github.com/logpai/loghub/tree/master/Proxifier
// Example: [10.30 16:49:06] chrome.exe - proxy.cse.cuhk.edu.hk:5070 open through proxy proxy.cse.cuhk.edu.hk:5070 HTTPS
// Roles: the local program opened the connection (init.process.name); the host:port it asked for is the
// target (target.host.name/ip, target.host.port); the proxy used is data.proxy.*.
// "bytes sent" went from the program into the connection (session.in.byte, as a web request's body), "bytes
// received" came back (session.out.byte, as a web response); lifetime -> session.duration in seconds.
// Quirks: the time is "MM.DD HH:MM:SS", no year, no zone (both inferred, flagged 'year,zone'); 64-bit
// programs carry " *64" after the name; sizes may be written "18846 bytes (18.4 KB)"; lifetime "<1 sec",
// "mm:ss" or "hh:mm:ss".
import { err, ok } from '../../core/result.ts';
import { parseMonthDayTime } from '../../core/time.ts';
import { isIP } from '../../core/ip.ts';
import type { EventFields } from '../../core/schema.ts';
import type { TextParser } from '../types.ts';
import { shareOfLines } from '../sniff.ts';

//                  [MM.DD HH:MM:SS]                     program  *64?      - target  rest
const LINE = /^\[(\d\d\.\d\d \d\d:\d\d:\d\d)\] (.+?)(?: \*(64|32))? - (\S+) (.*)$/;
const OPEN = /^open (?:through proxy (\S+?):(\d+)(?: (\S+))?|directly)/;
const CLOSE = /^close, (\d+) bytes(?: \([^)]*\))? sent, (\d+) bytes(?: \([^)]*\))? received, lifetime (<1 sec|\d\d:\d\d(?::\d\d)?)/;
const ERROR = /^error : (.*?)(?: through proxy| to proxy)?(?: (\S+?):(\d+))?(?: - (.*))?$/;
const SNIFF = /^\[\d\d\.\d\d \d\d:\d\d:\d\d\] .+? - \S+ (?:open|close|error)/;

function lifetime(text: string): number {
  if (text.startsWith('<')) return 0;
  return text.split(':').reduce((acc, p) => acc * 60 + Number(p), 0);
}

function hostPort(target: string, ev: EventFields): void {
  const c = target.lastIndexOf(':');
  const host = (c > 0 ? target.slice(0, c) : target).replace(/^\[|\]$/g, '');
  ev[isIP(host) ? 'target.host.ip' : 'target.host.name'] = host;
  if (c > 0 && /^\d+$/.test(target.slice(c + 1))) ev['target.host.port'] = Number(target.slice(c + 1));
}

export const proxifier: TextParser = {
  kind: 'text',
  id: 'proxifier',
  title: 'Proxifier connection log',
  version: '1',
  url: 'https://www.proxifier.com/docs/win-v4/logging.html',
  framing: 'line',
  patterns: ['line', 'open', 'close', 'error'],

  sniff(head) {
    return shareOfLines(head, SNIFF) * 0.95;
  },

  parse(line, ctx) {
    const m = LINE.exec(line);
    if (m === null) return err('not a Proxifier line (expected "[MM.DD HH:MM:SS] program - host:port text")');
    ctx.hit?.('line');
    const [, time, program, bits, target, rest] = m;
    const t = parseMonthDayTime(time, ctx.years, ctx.time);
    if (t === undefined) return err(`invalid date "[${time}]"`);
    const ev: EventFields = {
      ts: t.ts, 'ts.raw': time, 'ts.guess': t.guess, type: 'WEB', 'app.name': 'Proxifier', vendor: 'Initex',
      'init.process.name': program, 'data.program': bits === undefined ? program : `${program} *${bits}`,
      message: `${target} ${rest}`,
    };
    hostPort(target, ev);
    let r: RegExpExecArray | null;
    if ((r = OPEN.exec(rest)) !== null) {
      ctx.hit?.('open');
      ev.action = 'open';
      ev.outcome = 'success';
      if (r[1] !== undefined) {
        ev['data.proxy.host'] = r[1];
        ev['data.proxy.port'] = r[2];
        if (r[3] !== undefined) ev['data.proxy.protocol'] = r[3];
      }
    } else if ((r = CLOSE.exec(rest)) !== null) {
      ctx.hit?.('close');
      ev.action = 'close';
      ev.outcome = 'success';
      ev['session.in.byte'] = Number(r[1]);
      ev['session.out.byte'] = Number(r[2]);
      ev['session.duration'] = lifetime(r[3]);
    } else if ((r = ERROR.exec(rest)) !== null) {
      ctx.hit?.('error');
      ev.action = 'error';
      ev.outcome = 'failure';
      if (r[2] !== undefined && /proxy/.test(rest)) {
        ev['data.proxy.host'] = r[2];
        ev['data.proxy.port'] = r[3];
      }
      ev['data.reason'] = r[4] ?? r[1];
    }
    return ok(ev);
  },

  samples: [
    {
      input: '[10.30 16:49:06] chrome.exe - proxy.cse.cuhk.edu.hk:5070 open through proxy proxy.cse.cuhk.edu.hk:5070 HTTPS',
      expect: {
        ts: Date.UTC(2025, 9, 30, 16, 49, 6), 'ts.guess': 'year,zone', 'init.process.name': 'chrome.exe', 'target.host.name': 'proxy.cse.cuhk.edu.hk',
        'target.host.port': 5070, action: 'open', 'data.proxy.protocol': 'HTTPS', message: 'proxy.cse.cuhk.edu.hk:5070 open through proxy proxy.cse.cuhk.edu.hk:5070 HTTPS',
      },
    },
    {
      input: '[10.30 16:49:07] chrome.exe - proxy.cse.cuhk.edu.hk:5070 close, 451 bytes sent, 18846 bytes (18.4 KB) received, lifetime <1 sec',
      expect: { action: 'close', 'session.in.byte': 451, 'session.out.byte': 18846, 'session.duration': 0 },
    },
    {
      input: '[07.26 17:23:54] chrome.exe *64 - mtalk.google.com:5228 error : Could not connect to proxy proxy.cse.cuhk.edu.hk:5070 - Could not resolve proxy.cse.cuhk.edu.hk error 11001',
      expect: {
        'init.process.name': 'chrome.exe', 'data.program': 'chrome.exe *64', outcome: 'failure', 'target.host.name': 'mtalk.google.com',
        'data.proxy.host': 'proxy.cse.cuhk.edu.hk', 'data.reason': 'Could not resolve proxy.cse.cuhk.edu.hk error 11001',
      },
    },
    {
      input: '[07.26 17:23:51] WeChat.exe - 223.167.104.147:80 close, 1286 bytes (1.25 KB) sent, 1010 bytes received, lifetime 01:02',
      expect: { 'target.host.ip': '223.167.104.147', 'session.duration': 62, 'session.in.byte': 1286 },
    },
  ],
};
