// ModSecurity Concurrent audit log index (SecAuditLogType Concurrent: the file named by SecAuditLog): one line
// per audited transaction, pointing at the file under SecAuditLogStorageDir that holds the transaction's record.
// Spec: https://github.com/owasp-modsecurity/ModSecurity/wiki/Reference-Manual-(v2.x)#SecAuditLogType ("the
// main audit log file acts as an index"); the line is written by v2 msc_logging.c (vcombinedus + the record's
// file, offset, size and MD5) and by v3 Transaction::toOldAuditLogFormatIndex.
// Example (v2): shop.example.org 203.0.113.45 - - [12/Mar/2024:14:03:27 +0100] "POST /wp-login.php HTTP/1.1" 403 199 "-" "-" ZfBQv38AAQEAAB3kH2IAAAAF "-" /20240312/20240312-1403/20240312-140327-ZfBQv38AAQEAAB3kH2IAAAAF 0 2770 md5:608e97823d44086abc1719a930fb90bb
// Roles: the client is init (init.host.ip), the Host / server name is the target (target.host.name), the
// request target.uri.*; the record's file goes to data.modsec.file (open it to see the rules that matched).
// Quirks: v2 writes Referer and User-Agent as "-" (it never logs them), adds " L" when it shortened fields to
// keep the line under 4 KiB, and writes a negative zone as "--0300" (or "--03-30": the sign of a negative
// offset printed twice); v3 writes no local user, the Referer unquoted (twice), the size as "1303.000000", and
// early 3.0 releases no time at all: then the time is read from the record's file name (yyyymmdd-hhmmss, the
// server's local time, so the file's zone setting applies).
import { err, ok } from '../../core/result.ts';
import { parseApacheTime } from '../../core/time.ts';
import { isIP } from '../../core/ip.ts';
import type { EventFields } from '../../core/schema.ts';
import type { TextParser } from '../types.ts';
import { shareOfLines } from '../sniff.ts';
import { uriFields } from './apache-access.ts';

const Q = String.raw`"((?:[^"\\]|\\.)*)"`;
/** a field written quoted by v2 and bare by v3 (the Referer, the session id) */
const QB = String.raw`(?:"((?:[^"\\]|\\.)*)"|(\S+))`;
//                       host   client  ruser  luser?          [time]?                "request" status    bytes
const LINE = new RegExp(String.raw`^(\S+) (\S+) (\S+)(?: (\S+))? (?:\[([^\]]+)\] )?${Q} (\d{1,3}|-) (\d+|-) ` +
  //   referer  "user-agent" unique-id  session  file   offset  size              md5                    L?
  String.raw`${QB} ${Q} (\S+) ${QB} (\S+) (\d+) (\d+(?:\.\d+)?) md5:([0-9a-fA-F]{32})(?: (L))?\s*$`);
const REQUEST = /^(\S+) (\S+)(?: (\S+))?$/;
// the apache time with v2's doubled sign of a negative zone: "--0300", "--03-30", "--03-1800" (seconds)
const TIME = /^(\d\d?\/[A-Za-z]{3}\/\d{4}:\d\d:\d\d:\d\d(?:\.\d+)?) ([+-])-?(\d\d)(-?\d+)$/;
// the record's file name: .../yyyymmdd-hhmmss-<unique id>
const FILE_TIME = /(?:^|\/)(\d{4})(\d\d)(\d\d)-(\d\d)(\d\d)(\d\d)-[^/]*$/;
const MONTH_NAMES = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

function unescape(s: string): string {
  return s.indexOf('\\') < 0 ? s : s.replace(/\\(["\\])/g, '$1');
}

/** The index line's time as parseApacheTime reads it: v2's doubled sign undone, seconds-as-minutes turned to minutes. */
function indexTime(text: string): string {
  const m = TIME.exec(text);
  if (m === null) return text;
  let minutes = Math.abs(Number(m[4]));
  if (minutes >= 60) minutes = Math.floor(minutes / 60);
  return `${m[1]} ${m[2]}${m[3]}${String(minutes).padStart(2, '0')}`;
}

/** "20180305-163352" in the record's path as an apache time without zone ("05/Mar/2018:16:33:52"). */
function fileTime(file: string): string | undefined {
  const m = FILE_TIME.exec(file);
  if (m === null) return undefined;
  const month = MONTH_NAMES[Number(m[2]) - 1];
  return month === undefined ? undefined : `${m[3]}/${month}/${m[1]}:${m[4]}:${m[5]}:${m[6]}`;
}

/** a field the writer filled in (it writes '-' or nothing for an empty one) */
const given = (v: string | undefined): v is string => v !== undefined && v !== '' && v !== '-';

export const modsecurityIndex: TextParser = {
  kind: 'text',
  id: 'modsecurity-index',
  title: 'ModSecurity Concurrent audit log index (one line per transaction)',
  version: '1',
  url: 'https://github.com/owasp-modsecurity/ModSecurity/wiki/Reference-Manual-(v2.x)#SecAuditLogType',
  framing: 'line',
  patterns: ['line', 'no-time', 'limited'],

  sniff(head) {
    // above apache-access (0.95), which reads the start of these lines as a vhost access line; a line ending in
    // a record's size and MD5 is written by nothing else, so half the head's lines decide (a line cut by a crash
    // or a long-line split must not hand the file to apache-access)
    return Math.min(1, shareOfLines(head, LINE) * 2) * 0.97;
  },

  parse(line, ctx) {
    const m = LINE.exec(line);
    if (m === null) return err('not a ModSecurity audit index line (host client user [time] "request" status bytes ... file offset size md5:hash)');
    const [, host, client, ruser, , , request, status, bytes, , , agent, id, , , file, offset, size, md5] = m;
    // optional groups: undefined when absent (RegExpExecArray types every group as string)
    const [luser, time, refQ, refB, sessQ, sessB, limited] = [4, 5, 9, 10, 13, 14, 19].map((i) => m[i] as string | undefined);
    let raw = time;
    if (raw === undefined) {
      raw = fileTime(file);
      if (raw === undefined) return err('ModSecurity audit index line without a time, and none in its record file name');
      ctx.hit?.('no-time');
    } else ctx.hit?.('line');
    const t = parseApacheTime(indexTime(raw), ctx.time);
    if (t === undefined) return err(`ModSecurity audit index line: unreadable time "${raw}"`);
    const req = unescape(request);
    const ev: EventFields = {
      ts: t.ts, 'ts.raw': time ?? file, 'ts.guess': t.guess, type: 'WAF', vendor: 'OWASP', 'app.name': 'ModSecurity',
      'data.request': req, 'data.modsec.file': file, 'data.modsec.offset': offset, 'data.modsec.size': size.replace(/\.0+$/, ''),
      'data.modsec.md5': md5.toLowerCase(),
    };
    if (given(id)) ev['session.id'] = id;
    ev[isIP(client) ? 'init.host.ip' : 'init.host.name'] = client;
    if (given(host)) {
      // v3 writes the Host header (host[:port]), v2 the server name
      const hp = /^(\[[^\]]+\]|[^:]+)(?::(\d{1,5}))?$/.exec(host);
      const name = (hp?.[1] ?? host).replace(/^\[|\]$/g, '');
      ev[isIP(name) ? 'target.host.ip' : 'target.host.name'] = name;
      if (hp?.[2] !== undefined) ev['target.host.port'] = Number(hp[2]);
    }
    if (given(ruser)) ev['data.ident'] = ruser;
    if (given(luser)) ev['init.usr.name'] = luser;
    const r = REQUEST.exec(req);
    if (r !== null) {
      ev['web.request.method'] = r[1];
      uriFields(r[2], ev);
      if (r[3] !== undefined) ev['data.protocol'] = r[3];
    }
    if (status !== '-') ev['web.request.rc'] = Number(status);
    if (bytes !== '-') ev['session.out.byte'] = Number(bytes);
    const referer = refQ === undefined ? refB : unescape(refQ);
    if (given(referer)) ev['web.header.referer'] = referer;
    const ua = unescape(agent);
    if (given(ua)) ev['web.header.user_agent'] = ua;
    const session = sessQ === undefined ? sessB : unescape(sessQ);
    // v3 repeats the Referer where v2 writes the session id
    if (given(session) && session !== referer) ev['data.modsec.sessionid'] = session;
    if (limited !== undefined) {
      ctx.hit?.('limited');
      ev['data.modsec.limited'] = 'true';
    }
    ev.message = `${req} ${status}`;
    return ok(ev);
  },

  samples: [
    {
      // v2 (Apache), written as msc_logging.c does: Referer and User-Agent always "-", a trailing space
      input: 'shop.example.org 203.0.113.45 - - [12/Mar/2024:14:03:27 +0100] "POST /wp-login.php?action=login HTTP/1.1" 403 199 "-" "-" ZfBQv38AAQEAAB3kH2IAAAAF "-" /20240312/20240312-1403/20240312-140327-ZfBQv38AAQEAAB3kH2IAAAAF 0 2770 md5:608e97823d44086abc1719a930fb90bb ',
      expect: {
        ts: Date.UTC(2024, 2, 12, 13, 3, 27), 'ts.guess': '', type: 'WAF', 'app.name': 'ModSecurity', 'session.id': 'ZfBQv38AAQEAAB3kH2IAAAAF',
        'init.host.ip': '203.0.113.45', 'target.host.name': 'shop.example.org', 'web.request.method': 'POST', 'target.uri.path': '/wp-login.php',
        'target.uri.query': 'action=login', 'data.protocol': 'HTTP/1.1', 'web.request.rc': 403, 'session.out.byte': 199,
        'data.modsec.file': '/20240312/20240312-1403/20240312-140327-ZfBQv38AAQEAAB3kH2IAAAAF', 'data.modsec.offset': '0', 'data.modsec.size': '2770',
        'data.modsec.md5': '608e97823d44086abc1719a930fb90bb', message: 'POST /wp-login.php?action=login HTTP/1.1 403',
      },
    },
    {
      // v2 west of UTC: the zone's sign written twice; a session id; fields shortened to fit (" L")
      input: 'portal.example.com 198.51.100.23 - alice [05/Mar/2018:12:33:22 --0300] "GET /account?id=1%27%20or%201=1 HTTP/1.1" 403 926 "-" "-" Wp1jQX8AAQEAAGReP8MAAAAH "9f3c2e" /20180305/20180305-1233/20180305-123322-Wp1jQX8AAQEAAGReP8MAAAAH 0 3911 md5:1a354780659b4213afc79e5185c507a7 L',
      expect: {
        ts: Date.UTC(2018, 2, 5, 15, 33, 22), 'init.usr.name': 'alice', 'data.modsec.sessionid': '9f3c2e', 'data.modsec.limited': 'true',
        'target.uri.query': 'id=1%27%20or%201=1', 'web.request.rc': 403,
      },
    },
    {
      // v3 (libmodsecurity, nginx): Host header, no local user, Referer bare (twice), size as a double
      input: 'intranet.example.net:8443 192.0.2.77 - [12/Mar/2024:14:05:02 +0000] "GET /index.php?page=../../etc/passwd HTTP/1.1" 403 153 - "curl/8.5.0" 171025230217.684921 - /var/log/modsec/data/20240312/20240312-1405/20240312-140502-171025230217.684921 0 1303.000000 md5:1a354780659b4213afc79e5185c507a7',
      expect: {
        ts: Date.UTC(2024, 2, 12, 14, 5, 2), 'target.host.name': 'intranet.example.net', 'target.host.port': 8443, 'init.host.ip': '192.0.2.77',
        'web.header.user_agent': 'curl/8.5.0', 'session.id': '171025230217.684921', 'data.modsec.size': '1303', 'target.uri.query': 'page=../../etc/passwd',
      },
    },
    {
      // v3.0.0-3.0.2 wrote no time: the record's file name has it (the server's local time)
      input: '127.0.0.1 203.0.113.10 - "GET / HTTP/1.1" 404 0 - "Java/1.8.0_161" 152026763220.574250 - /var/log/modsec/data/20180305/20180305-1633/20180305-163352-152026763220.574250 0 1303.000000 md5:5d1e0cbb7f1e4b0a9c8d2e3f4a5b6c7d',
      expect: { ts: Date.UTC(2018, 2, 5, 16, 33, 52), 'ts.guess': 'zone', 'target.host.ip': '127.0.0.1', 'init.host.ip': '203.0.113.10', 'web.request.rc': 404 },
    },
  ],
};
