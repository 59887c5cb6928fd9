// ModSecurity native audit log (SecAuditLogFormat Native, Serial or Concurrent; ModSecurity 2.x and
// libmodsecurity 3.x): one record per transaction, framed by `modsec-audit` from `--<boundary>-A--` to
// `--<boundary>-Z--`. Sections: A header ([time] unique-id client-ip client-port server-ip server-port),
// B request line and headers, C/I request body, E response body, F response status line and headers,
// H trailer (v2 `Message:` lines and `Action:`/`Producer:`/`Stopwatch:`...; v3 `ModSecurity:` lines), Z end.
// Spec: https://github.com/owasp-modsecurity/ModSecurity/wiki/Reference-Manual-(v2.x)#SecAuditLogParts and
// the ModSecurity 2 Data Formats document ("Audit Log"); v3 writes the same parts (Transaction::toOldAuditLogFormat).
// Example: --6ef24602-A--\n[02/Aug/2016:09:57:47 +0300] V6BEawUs8J4AACcbno4AAAAE 192.0.2.7 43077 198.51.100.10 80\n--6ef24602-B--\n...\n--6ef24602-Z--
// Roles: client -> init.host.ip/port; server -> target.host.ip/port; Host header -> target.host.name;
// the first rule message -> rule.id / alarm.name / alarm.sev; every message's id, msg, severity and tags ->
// data.modsec.rule_ids / msgs / severities / tags.
// Outcome: `Action: Intercepted` (v2) or an "Access denied" message -> action deny, outcome failure (blocked);
// messages without either -> detect, success (DetectionOnly or below the threshold); none -> pass, success.
// Quirks: a record without its Z line, or whose A header is unreadable, is refused with the reason (it
// becomes unparsed, raw kept); v2 repeats each message as `Apache-Error:` (skipped); bodies stay in `raw` only.
import { err, ok } from '../../core/result.ts';
import { parseApacheTime } from '../../core/time.ts';
import type { EventFields } from '../../core/schema.ts';
import type { TextParser } from '../types.ts';
import { auditBoundary, isAuditHeaderLine } from '../framing/modsec-audit.ts';
import { uriFields } from './apache-access.ts';
import { setEndpoint } from '../extract/devicePrefix.ts';

/** [time] unique-id client-ip client-port server-ip server-port */
const A_LINE = /^\[([^\]]+)\] (\S+)(?: (\S+) (\d{1,5}))?(?: (\S+) (\d{1,5}))?\s*$/;
const REQUEST = /^(\S+) (\S+)(?: (\S+))?$/;
const STATUS = /^(\S+) (\d{3})\b/;
const HEADER = /^([A-Za-z][\w-]{0,63}):[ \t]*(.*)$/;
const ITEM = /\[(\w+) "((?:[^"\\]|\\.)*)"\]/g;
/** a head holding an A section line followed by its header line */
const SNIFF = /^---?[A-Za-z0-9]{1,64}-{1,3}A--[ \t]*\r?\n\[\d\d?\/[A-Za-z]{3}\/\d{4}:\d\d:\d\d:\d\d/m;

interface Sections { id: string; v3: boolean; parts: string; byPart: Map<string, string[]>; closed: boolean }

function sectionsOf(record: string): Sections | string {
  const lines = record.split('\n');
  const first = auditBoundary(lines[0]);
  if (first?.part !== 'A') return 'not a ModSecurity audit record: it does not start with an A section line (--<boundary>-A--)';
  const byPart = new Map<string, string[]>();
  let cur: string[] = [];
  byPart.set('A', cur);
  let parts = 'A';
  let closed = false;
  for (let i = 1; i < lines.length; i++) {
    const b = auditBoundary(lines[i]);
    if (b !== undefined && b.id === first.id) {
      parts += b.part;
      if (b.part === 'Z') {
        closed = true;
        break;
      }
      cur = byPart.get(b.part) ?? [];
      byPart.set(b.part, cur);
      continue;
    }
    cur.push(lines[i]);
  }
  return { id: first.id, v3: lines[0].startsWith('---'), parts, byPart, closed };
}

/** Request or response headers: the lines after the first, up to the first blank line. */
function headersOf(lines: string[] | undefined): Map<string, string> {
  const out = new Map<string, string>();
  if (lines === undefined) return out;
  for (let i = 1; i < lines.length && lines[i].trim() !== ''; i++) {
    const h = HEADER.exec(lines[i]);
    if (h !== null && !out.has(h[1].toLowerCase())) out.set(h[1].toLowerCase(), h[2]);
  }
  return out;
}

function firstLine(lines: string[] | undefined): string | undefined {
  return lines?.find((l) => l.trim() !== '')?.trim();
}

interface Trailer { ids: string[]; msgs: string[]; sevs: string[]; tags: string[]; first?: { id: string; msg?: string; sev?: string }; denied: boolean; intercepted: boolean }

/** The H section: rule messages (v2 `Message:`, v3 `ModSecurity:`) and the other `Name: value` lines into data.modsec.*. */
function readTrailer(lines: string[] | undefined, ev: EventFields): Trailer {
  const t: Trailer = { ids: [], msgs: [], sevs: [], tags: [], denied: false, intercepted: false };
  for (const line of lines ?? []) {
    const h = HEADER.exec(line);
    if (h === null) continue;
    const [, name, value] = h;
    if (name === 'Message' || name === 'ModSecurity') {
      if (/^Access denied\b/.test(value)) t.denied = true;
      const item = Object.create(null) as Record<string, string>;
      ITEM.lastIndex = 0;
      for (let m = ITEM.exec(value); m !== null; m = ITEM.exec(value)) {
        const v = m[2].replace(/\\(.)/g, '$1');
        if (m[1] === 'tag') {
          if (!t.tags.includes(v)) t.tags.push(v);
        } else {
          item[m[1]] ??= v;
        }
      }
      if (item.id !== undefined) t.ids.push(item.id);
      if (item.msg !== undefined && item.msg !== '') t.msgs.push(item.msg);
      if (item.severity !== undefined && item.severity !== '') t.sevs.push(item.severity);
      if (t.first === undefined && item.id !== undefined) t.first = { id: item.id, msg: item.msg, sev: item.severity };
    } else if (name === 'Action') {
      ev['data.modsec.action'] = value;
      if (/^Intercepted\b/.test(value)) t.intercepted = true;
    } else if (name !== 'Apache-Error') {
      // Engine-Mode: "ENABLED": the quotes are the writer's, not the value's
      ev[`data.modsec.${name.toLowerCase().replace(/-/g, '_')}`] ??= value.replace(/^"(.*)"$/, '$1');
    }
  }
  return t;
}

export const modsecurityNative: TextParser = {
  kind: 'text',
  id: 'modsecurity-native',
  title: 'ModSecurity native audit log (Serial / Concurrent, v2 and v3)',
  version: '1',
  url: 'https://github.com/owasp-modsecurity/ModSecurity/wiki/Reference-Manual-(v2.x)#SecAuditLogParts',
  framing: 'modsec-audit',
  patterns: ['v2', 'v3', 'intercepted', 'denied', 'detected', 'clean'],

  sniff(head) {
    return SNIFF.test(head.text) ? 0.97 : 0;
  },

  parse(record, ctx) {
    const s = sectionsOf(record);
    if (typeof s === 'string') return err(s);
    if (!s.closed) return err(`ModSecurity audit record ${s.id} cut: no Z section (--${s.id}-Z--); it ends in section ${s.parts[s.parts.length - 1]}`);
    const head = firstLine(s.byPart.get('A'));
    const a = head !== undefined && isAuditHeaderLine(head) ? A_LINE.exec(head) : null;
    if (a === null) return err(`ModSecurity audit record ${s.id}: the A section has no header line ([time] unique-id client-ip port server-ip port)`);
    const t = parseApacheTime(a[1], ctx.time);
    if (t === undefined) return err(`ModSecurity audit record ${s.id}: unreadable time "${a[1]}"`);
    ctx.hit?.(s.v3 ? 'v3' : 'v2');
    const ev: EventFields = {
      ts: t.ts, 'ts.raw': a[1], 'ts.guess': t.guess, type: 'WAF', vendor: 'OWASP', 'app.name': 'ModSecurity',
      'session.id': a[2], 'data.modsec.boundary': s.id, 'data.modsec.parts': s.parts,
    };
    setEndpoint(ev, 'init', a[3], a[4]);
    setEndpoint(ev, 'target', a[5], a[6]);

    const reqLine = firstLine(s.byPart.get('B'));
    const req = reqLine === undefined ? null : REQUEST.exec(reqLine);
    if (req !== null) {
      ev['web.request.method'] = req[1];
      uriFields(req[2], ev);
      if (req[3] !== undefined) ev['data.protocol'] = req[3];
    }
    const reqHeaders = headersOf(s.byPart.get('B'));
    const host = reqHeaders.get('host');
    if (host !== undefined && host !== '') ev['target.host.name'] = host.replace(/:\d+$/, '');
    const agent = reqHeaders.get('user-agent');
    if (agent !== undefined && agent !== '') ev['web.header.user_agent'] = agent;
    const referer = reqHeaders.get('referer');
    if (referer !== undefined && referer !== '') ev['web.header.referer'] = referer;

    const status = STATUS.exec(firstLine(s.byPart.get('F')) ?? '');
    if (status !== null) ev['web.request.rc'] = Number(status[2]);

    const tr = readTrailer(s.byPart.get('H'), ev);
    if (tr.ids.length > 0) ev['data.modsec.rule_ids'] = tr.ids.join(',');
    if (tr.msgs.length > 0) ev['data.modsec.msgs'] = tr.msgs.join(' | ');
    if (tr.sevs.length > 0) ev['data.modsec.severities'] = tr.sevs.join(',');
    if (tr.tags.length > 0) ev['data.modsec.tags'] = tr.tags.join(',');
    if (tr.first !== undefined) {
      ev['rule.id'] = tr.first.id;
      if (tr.first.msg !== undefined && tr.first.msg !== '') ev['alarm.name'] = tr.first.msg;
      if (tr.first.sev !== undefined && tr.first.sev !== '') ev['alarm.sev'] = tr.first.sev;
    }
    if (tr.intercepted || tr.denied) {
      ctx.hit?.(tr.intercepted ? 'intercepted' : 'denied');
      Object.assign(ev, { action: 'deny', outcome: 'failure' });
    } else if (tr.ids.length > 0) {
      ctx.hit?.('detected');
      Object.assign(ev, { action: 'detect', outcome: 'success' });
    } else {
      ctx.hit?.('clean');
      Object.assign(ev, { action: 'pass', outcome: 'success' });
    }
    const name = typeof ev['alarm.name'] === 'string' ? ev['alarm.name'] : '';
    ev.message = `${req?.[1] ?? ''} ${req?.[2] ?? ''} ${status?.[2] ?? ''} ${name}`.replace(/\s+/g, ' ').trim();
    return ok(ev);
  },

  samples: [
    {
      // v2 Serial, blocked by the CRS anomaly threshold
      input: [
        '--a1f3c9d2-A--',
        '[12/Mar/2024:14:03:27 +0100] ZfBQv38AAQEAAB3kH2IAAAAF 203.0.113.45 51720 192.0.2.10 443',
        '--a1f3c9d2-B--',
        'POST /wp-login.php?action=login HTTP/1.1',
        'Host: shop.example.org',
        'User-Agent: Mozilla/5.0 (X11; Linux x86_64; rv:123.0) Gecko/20100101 Firefox/123.0',
        'Content-Type: application/x-www-form-urlencoded',
        'Content-Length: 52',
        'Referer: https://shop.example.org/wp-login.php',
        '',
        '--a1f3c9d2-C--',
        'log=admin&pwd=%27+or+%271%27%3D%271&wp-submit=Log+In',
        '--a1f3c9d2-F--',
        'HTTP/1.1 403 Forbidden',
        'Content-Length: 199',
        'Content-Type: text/html; charset=iso-8859-1',
        '',
        '--a1f3c9d2-H--',
        'Message: Warning. detected SQLi using libinjection with fingerprint \'s&sos\' [file "/usr/share/modsecurity-crs/rules/REQUEST-942-APPLICATION-ATTACK-SQLI.conf"] [line "66"] [id "942100"] [msg "SQL Injection Attack Detected via libinjection"] [data "Matched Data: s&sos found within ARGS:pwd: \' or \'1\'=\'1"] [severity "CRITICAL"] [ver "OWASP_CRS/3.3.5"] [tag "application-multi"] [tag "attack-sqli"] [tag "paranoia-level/1"]',
        'Message: Access denied with code 403 (phase 2). Operator GE matched 5 at TX:anomaly_score. [file "/usr/share/modsecurity-crs/rules/REQUEST-949-BLOCKING-EVALUATION.conf"] [line "93"] [id "949110"] [msg "Inbound Anomaly Score Exceeded (Total Score: 5)"] [severity "CRITICAL"] [ver "OWASP_CRS/3.3.5"] [tag "application-multi"] [tag "anomaly-evaluation"]',
        'Apache-Error: [file "apache2_util.c"] [line 273] [level 3] [client 203.0.113.45] ModSecurity: Access denied with code 403 (phase 2). [id "949110"] [hostname "shop.example.org"] [uri "/wp-login.php"] [unique_id "ZfBQv38AAQEAAB3kH2IAAAAF"]',
        'Action: Intercepted (phase 2)',
        'Apache-Handler: application/x-httpd-php',
        'Stopwatch: 1710248607114507 4210 (- - -)',
        'Stopwatch2: 1710248607114507 4210; combined=2871, p1=604, p2=2201, p3=0, p4=0, p5=66, sr=139, sw=0, l=0, gc=0',
        'Producer: ModSecurity for Apache/2.9.7 (http://www.modsecurity.org/); OWASP_CRS/3.3.5.',
        'Server: Apache',
        'Engine-Mode: "ENABLED"',
        '',
        '--a1f3c9d2-Z--',
        '',
      ].join('\n'),
      expect: {
        ts: Date.UTC(2024, 2, 12, 13, 3, 27), 'ts.guess': '', type: 'WAF', 'session.id': 'ZfBQv38AAQEAAB3kH2IAAAAF',
        'init.host.ip': '203.0.113.45', 'init.host.port': 51720, 'target.host.ip': '192.0.2.10', 'target.host.port': 443,
        'target.host.name': 'shop.example.org', 'web.request.method': 'POST', 'target.uri.path': '/wp-login.php', 'target.uri.query': 'action=login',
        'data.protocol': 'HTTP/1.1', 'web.request.rc': 403, 'web.header.user_agent': 'Mozilla/5.0 (X11; Linux x86_64; rv:123.0) Gecko/20100101 Firefox/123.0',
        'web.header.referer': 'https://shop.example.org/wp-login.php',
        'rule.id': '942100', 'alarm.name': 'SQL Injection Attack Detected via libinjection', 'alarm.sev': 'CRITICAL',
        'data.modsec.rule_ids': '942100,949110', 'data.modsec.severities': 'CRITICAL,CRITICAL',
        'data.modsec.msgs': 'SQL Injection Attack Detected via libinjection | Inbound Anomaly Score Exceeded (Total Score: 5)',
        'data.modsec.tags': 'application-multi,attack-sqli,paranoia-level/1,anomaly-evaluation',
        'data.modsec.action': 'Intercepted (phase 2)', 'data.modsec.apache_handler': 'application/x-httpd-php',
        'data.modsec.producer': 'ModSecurity for Apache/2.9.7 (http://www.modsecurity.org/); OWASP_CRS/3.3.5.',
        'data.modsec.parts': 'ABCFHZ', action: 'deny', outcome: 'failure',
        message: 'POST /wp-login.php?action=login 403 SQL Injection Attack Detected via libinjection',
      },
    },
    {
      // libmodsecurity 3 (ModSecurity-nginx), Serial: the boundary is written ---<8 letters>---
      input: [
        '---tZ8qLm2X---A--',
        '[12/Mar/2024:14:05:02 +0000] 171025230217.684921 198.51.100.77 60114 192.0.2.20 80',
        '---tZ8qLm2X---B--',
        'GET /index.php?page=../../../../etc/passwd HTTP/1.1',
        'Host: intranet.example.net',
        'User-Agent: curl/8.5.0',
        'Accept: */*',
        '',
        '---tZ8qLm2X---D--',
        '',
        '---tZ8qLm2X---F--',
        'HTTP/1.1 403',
        'Server: nginx',
        'Content-Type: text/html',
        'Connection: keep-alive',
        '',
        '---tZ8qLm2X---H--',
        'ModSecurity: Warning. Matched "Operator `PmFromFile\' with parameter `lfi-os-files.data\' against variable `ARGS:page\' (Value: `../../../../etc/passwd\' ) [file "/etc/nginx/crs/rules/REQUEST-930-APPLICATION-ATTACK-LFI.conf"] [line "97"] [id "930120"] [rev ""] [msg "OS File Access Attempt"] [data "Matched Data: etc/passwd found within ARGS:page: ../../../../etc/passwd"] [severity "2"] [ver "OWASP_CRS/3.3.5"] [maturity "0"] [accuracy "0"] [tag "application-multi"] [tag "attack-lfi"] [hostname "192.0.2.20"] [uri "/index.php"] [unique_id "171025230217.684921"] [ref "o15,10v15,22t:utf8toUnicode,t:urlDecodeUni"]',
        'ModSecurity: Access denied with code 403 (phase 2). Matched "Operator `Ge\' with parameter `5\' against variable `TX:ANOMALY_SCORE\' (Value: `5\' ) [file "/etc/nginx/crs/rules/REQUEST-949-BLOCKING-EVALUATION.conf"] [line "80"] [id "949110"] [rev ""] [msg "Inbound Anomaly Score Exceeded (Total Score: 5)"] [data ""] [severity "2"] [ver "OWASP_CRS/3.3.5"] [maturity "0"] [accuracy "0"] [tag "anomaly-evaluation"] [hostname "192.0.2.20"] [uri "/index.php"] [unique_id "171025230217.684921"] [ref ""]',
        '',
        '---tZ8qLm2X---I--',
        '',
        '---tZ8qLm2X---J--',
        '',
        '---tZ8qLm2X---Z--',
        '',
      ].join('\n'),
      expect: {
        ts: Date.UTC(2024, 2, 12, 14, 5, 2), type: 'WAF', 'session.id': '171025230217.684921', 'init.host.ip': '198.51.100.77', 'init.host.port': 60114,
        'target.host.ip': '192.0.2.20', 'target.host.port': 80, 'target.host.name': 'intranet.example.net', 'web.request.method': 'GET',
        'target.uri.path': '/index.php', 'target.uri.query': 'page=../../../../etc/passwd', 'web.request.rc': 403, 'web.header.user_agent': 'curl/8.5.0',
        'rule.id': '930120', 'alarm.name': 'OS File Access Attempt', 'alarm.sev': '2', 'data.modsec.rule_ids': '930120,949110',
        'data.modsec.tags': 'application-multi,attack-lfi,anomaly-evaluation', 'data.modsec.parts': 'ABDFHIJZ', action: 'deny', outcome: 'failure',
      },
    },
    {
      // v2 Concurrent file (one transaction), DetectionOnly: the rule matched, the request went through;
      // 2.9.x writes microseconds in the A header
      input: [
        '--5c0e8a71-A--',
        '[03/Apr/2024:22:41:09.513204 -0400] Zg4Q5cCoAGQAAFr1sLwAAAAN 2001:db8::4a 49822 2001:db8::10 8080',
        '--5c0e8a71-B--',
        'GET /search?q=%3Cscript%3Ealert(1)%3C%2Fscript%3E HTTP/1.1',
        'Host: portal.example.com:8080',
        'User-Agent: Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/123.0.0.0 Safari/537.36',
        '',
        '--5c0e8a71-F--',
        'HTTP/1.1 200 OK',
        'Content-Type: text/html; charset=UTF-8',
        '',
        '--5c0e8a71-E--',
        '<html><body>No results for &lt;script&gt;</body></html>',
        '',
        '--5c0e8a71-H--',
        'Message: Warning. detected XSS using libinjection. [file "/usr/share/modsecurity-crs/rules/REQUEST-941-APPLICATION-ATTACK-XSS.conf"] [line "55"] [id "941100"] [msg "XSS Attack Detected via libinjection"] [data "Matched Data: XSS data found within ARGS:q: <script>alert(1)</script>"] [severity "CRITICAL"] [tag "attack-xss"]',
        'Apache-Handler: proxy-server',
        'Producer: ModSecurity for Apache/2.9.7 (http://www.modsecurity.org/); OWASP_CRS/3.3.5.',
        'Engine-Mode: "DETECTION_ONLY"',
        '',
        '--5c0e8a71-Z--',
      ].join('\n'),
      expect: {
        ts: Date.UTC(2024, 3, 4, 2, 41, 9, 513) + 0.204, 'init.host.ip': '2001:db8::4a', 'target.host.ip': '2001:db8::10', 'target.host.port': 8080,
        'target.host.name': 'portal.example.com', 'web.request.rc': 200, 'rule.id': '941100', 'alarm.sev': 'CRITICAL',
        'data.modsec.engine_mode': 'DETECTION_ONLY', action: 'detect', outcome: 'success',
      },
    },
    {
      // SecAuditEngine On logs every transaction: no rule message
      input: '--0b7d22e4-A--\n[03/Apr/2024:22:41:10 +0000] Zg4Q5sCoAGQAAFr1sL0AAAAO 192.0.2.99 50110 192.0.2.10 80\n--0b7d22e4-B--\nGET /favicon.ico HTTP/1.1\nHost: portal.example.com\n\n--0b7d22e4-F--\nHTTP/1.1 404 Not Found\n\n--0b7d22e4-H--\nStopwatch: 1712184070000000 812 (- - -)\n\n--0b7d22e4-Z--\n',
      expect: { ts: Date.UTC(2024, 3, 3, 22, 41, 10), 'web.request.rc': 404, action: 'pass', outcome: 'success', 'target.uri.path': '/favicon.ico', message: 'GET /favicon.ico 404' },
    },
  ],
};
