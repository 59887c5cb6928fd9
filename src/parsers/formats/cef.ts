// ArcSight Common Event Format (CEF), alone or after a syslog header.
// Spec: https://www.microfocus.com/documentation/arcsight/arcsight-smartconnectors-8.4/pdfdoc/cef-implementation-standard/cef-implementation-standard.pdf
// Example: CEF:0|Elastic|Vaporware|1.0.0-alpha|18|Web request|low|eventId=3457 requestMethod=POST slat=38.915 slong=-77.511 proto=TCP sourceServiceName=httpd requestContext=https://www.google.com src=1.128.3.4 spt=33876 dst=192.168.10.1 dpt=443 request=https://www.example.com/cart
// Header: Version|Device Vendor|Device Product|Device Version|Signature ID|Name|Severity|Extension; header
// fields escape '|' and '\' with a backslash. Extension values run to the next " key=" and may hold spaces;
// they escape '=' '\' and write \n \r. Every extension key is kept as data.<key>; csN/cnN/flexString values
// are also stored under their label (data.<csNLabel>). Mapped keys: src/spt/shost/suser/sntdom/sproc/spid/smac
// -> init.*, dst/dpt/dhost/duser/dntdom/dproc/dpid/dmac -> target.*, act -> action, outcome, request ->
// target.uri.*, requestMethod, requestClientApplication (user agent), requestContext (referer), in/out bytes,
// msg -> message (else the header Name), rt -> ts (else the syslog header's time), dvc/dvchost -> obs.host.*.
// type: WEB when the record names a request, AUTH when its name or category says logon/authentication, FW when
// it has src, dst and act, else IDS (CEF is mostly written by security devices).
// Quirks: values may carry trailing spaces (elastic cef.log's last line): trimmed; a syslog header before
// "CEF:" gives the observer host and, when rt= is missing, the time.
import { err, ok } from '../../core/result.ts';
import { parseEpochTime, parseIsoTime, parseLeadingTime, parseMonDdYyyyTime, type TimeResult, type TimeSettings } from '../../core/time.ts';
import type { EventFields } from '../../core/schema.ts';
import type { ParseContext, TextParser } from '../types.ts';
import { uriFields } from './apache-access.ts';
import { shareOfLines } from '../sniff.ts';

const START = /CEF:(\d+)\|/;
const KEY = /(?:^|\s)([A-Za-z_][\w.[\]-]*)=/g;

const ROLES: Readonly<Record<string, string>> = Object.assign(Object.create(null) as Record<string, string>, {
  src: 'init.host.ip', shost: 'init.host.name', suser: 'init.usr.name', sntdom: 'init.usr.domain', sproc: 'init.process.name',
  spid: 'init.process.id', smac: 'init.host.mac', suid: 'init.usr.id',
  dst: 'target.host.ip', dhost: 'target.host.name', duser: 'target.usr.name', dntdom: 'target.usr.domain', dproc: 'target.process.name',
  dpid: 'target.process.id', dmac: 'target.host.mac', duid: 'target.usr.id',
  act: 'action', requestMethod: 'web.request.method', requestClientApplication: 'web.header.user_agent', requestContext: 'web.header.referer',
  dvc: 'obs.host.ip', dvchost: 'obs.host.name', externalId: 'alarm.id', cat: 'data.category', fname: 'target.file.name', filePath: 'target.file.path',
});
const NUMBERS: Readonly<Record<string, string>> = Object.assign(Object.create(null) as Record<string, string>, {
  spt: 'init.host.port', dpt: 'target.host.port', in: 'session.in.byte', out: 'session.out.byte',
});

/** Splits a header on unescaped '|' (7 fields + extension), undoing \| and \\. */
function splitHeader(s: string): string[] | undefined {
  const out: string[] = [];
  let cur = '';
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c === '\\' && i + 1 < s.length && (s[i + 1] === '|' || s[i + 1] === '\\')) cur += s[++i];
    else if (c === '|' && out.length < 7) {
      out.push(cur);
      cur = '';
    } else cur += c;
  }
  out.push(cur);
  return out.length === 8 ? out : undefined;
}

function unescapeValue(v: string): string {
  if (v.indexOf('\\') < 0) return v;
  return v.replace(/\\([=\\|nr])/g, (_, c: string) => (c === 'n' ? '\n' : c === 'r' ? '\r' : c));
}

/** Extension pairs in order; a key starts after whitespace and ends at an unescaped '='. */
export function cefExtension(ext: string): [string, string][] {
  const keys: { key: string; start: number; valueStart: number }[] = [];
  KEY.lastIndex = 0;
  for (let m = KEY.exec(ext); m !== null; m = KEY.exec(ext)) {
    keys.push({ key: m[1], start: m.index, valueStart: m.index + m[0].length });
  }
  return keys.map((k, i) => [k.key, unescapeValue(ext.slice(k.valueStart, i + 1 < keys.length ? keys[i + 1].start : ext.length).trim())]);
}

/** CEF/LEEF time fields: epoch ms, "MMM dd yyyy HH:mm:ss", ISO. */
export function readDeviceTime(v: string, settings: TimeSettings): TimeResult | undefined {
  return /^\d{10,13}(?:\.\d+)?$/.test(v) ? parseEpochTime(v) : parseMonDdYyyyTime(v, settings) ?? parseIsoTime(v, settings);
}

/** A syslog header before the payload: its time and host (the observer). */
export function syslogPrefix(prefix: string, ctx: ParseContext, ev: EventFields): void {
  const p = prefix.replace(/^<\d{1,3}>(?:1 )?/, '').trim();
  if (p === '') return;
  const t = parseLeadingTime(p, ctx.years, ctx.time);
  if (t === undefined) return;
  ev.ts = t.ts;
  ev['ts.raw'] = t.raw;
  ev['ts.guess'] = t.guess;
  const host = p.slice(t.end).trim().split(/\s+/)[0];
  if (host && !host.endsWith(':')) ev['obs.host.name'] = host;
}

function normOutcome(v: string): string {
  const s = v.toLowerCase().replace(/^\//, '');
  if (/^(success|succeeded|successful|allow(ed)?|ok|pass(ed)?)$/.test(s)) return 'success';
  if (/^(fail(ure|ed)?|den(y|ied)|block(ed)?|drop(ped)?|reject(ed)?|error)$/.test(s)) return 'failure';
  return 'unknown';
}

export const cef: TextParser = {
  kind: 'text',
  id: 'cef',
  title: 'ArcSight CEF (Common Event Format)',
  version: '1',
  url: 'https://www.microfocus.com/documentation/arcsight/arcsight-smartconnectors-8.4/pdfdoc/cef-implementation-standard/cef-implementation-standard.pdf',
  framing: 'line',
  patterns: ['cef', 'syslog-header', 'label'],

  sniff(head) {
    return shareOfLines(head, START) * 0.97;
  },

  parse(line, ctx) {
    const s = START.exec(line);
    if (s === null) return err('no "CEF:<version>|" in the line');
    const h = splitHeader(line.slice(s.index + 4));
    if (h === undefined) return err('a CEF header needs 7 "|"-separated fields before the extension');
    ctx.hit?.('cef');
    const [version, vendor, product, devVersion, sigId, name, severity, ext] = h;
    const ev: EventFields = {
      vendor, 'app.name': product, 'alarm.id': sigId, 'alarm.name': name, 'alarm.sev': severity, message: name,
      'data.cef_version': version, 'data.device_vendor': vendor, 'data.device_product': product, 'data.device_version': devVersion,
      'data.signature_id': sigId, 'data.name': name, 'data.severity': severity,
    };
    if (s.index > 0) {
      ctx.hit?.('syslog-header');
      syslogPrefix(line.slice(0, s.index), ctx, ev);
    }
    const pairs = cefExtension(ext);
    const labels = new Map<string, string>();
    for (const [k, v] of pairs) if (/^(?:c[sn]\d|cfp\d|flexString\d|flexNumber\d|deviceCustomDate\d|c6a\d)Label$/.test(k)) labels.set(k.slice(0, -5), v);
    for (const [k, v] of pairs) {
      ev[`data.${k}`] = v;
      const label = labels.get(k);
      if (label !== undefined && label !== '') {
        ctx.hit?.('label');
        ev[`data.${label}`] = v;
      }
      if (v === '') continue;
      const to = ROLES[k];
      if (to !== undefined) ev[to] = v;
      const numTo = NUMBERS[k];
      if (numTo !== undefined && /^\d+$/.test(v)) ev[numTo] = Number(v);
      if (k === 'msg') ev.message = v;
      else if (k === 'outcome') ev.outcome = normOutcome(v);
      else if (k === 'request') {
        const uri: EventFields = {};
        uriFields(v, uri);
        for (const [uk, uv] of Object.entries(uri)) if (!(uk in ev) || uk.startsWith('target.uri.')) ev[uk] = uv;
      } else if (k === 'rt') {
        const t = readDeviceTime(v, ctx.time);
        if (t !== undefined) Object.assign(ev, { ts: t.ts, 'ts.raw': v, 'ts.guess': t.guess });
      }
    }
    const text = `${name} ${ev['data.category'] ?? ''}`;
    ev.type = ev['target.uri.full'] !== undefined || ev['web.request.method'] !== undefined ? 'WEB'
      : /auth|log ?on|login|password/i.test(text) ? 'AUTH'
      : ev['init.host.ip'] !== undefined && ev['target.host.ip'] !== undefined && ev.action !== undefined ? 'FW' : 'IDS';
    return ok(ev);
  },

  samples: [
    {
      input: 'CEF:0|Elastic|Vaporware|1.0.0-alpha|18|Web request|low|eventId=3457 requestMethod=POST slat=38.915 slong=-77.511 proto=TCP sourceServiceName=httpd requestContext=https://www.google.com src=1.128.3.4 spt=33876 dst=192.168.10.1 dpt=443 request=https://www.example.com/cart',
      expect: {
        vendor: 'Elastic', 'app.name': 'Vaporware', 'alarm.id': '18', 'alarm.name': 'Web request', 'alarm.sev': 'low', type: 'WEB',
        'web.request.method': 'POST', 'web.header.referer': 'https://www.google.com', 'init.host.ip': '1.128.3.4', 'init.host.port': 33876,
        'target.host.ip': '192.168.10.1', 'target.host.port': 443, 'target.uri.full': 'https://www.example.com/cart', 'target.uri.path': '/cart',
        'data.eventId': '3457', 'data.slat': '38.915',
      },
    },
    {
      input: 'CEF:0|Elastic|Vaporware|1.0.0-alpha|18|Authentication|low|eventId=123 src=1.128.3.4 spt=33876 dst=81.2.69.143 dpt=443 duser=alice suser=bob destinationTranslatedAddress=10.10.10.10 fileHash=bc8bbe52f041fd17318f08a0f73762ce oldFileHash=a9796280592f86b74b27e370662d41eb',
      expect: { type: 'AUTH', 'target.usr.name': 'alice', 'init.usr.name': 'bob', 'data.destinationTranslatedAddress': '10.10.10.10' },
    },
    {
      input: 'CEF:0|Elastic|Vaporware|1.0.0-alpha|18|Authentication|low|message=This event is padded with whitespace dst=192.168.1.2 src=192.168.3.4     ',
      expect: { 'data.message': 'This event is padded with whitespace', 'init.host.ip': '192.168.3.4', 'target.host.ip': '192.168.1.2' },
    },
    {
      input: 'Sep 19 08:26:10 host CEF:0|security|threatmanager|1.0|100|detected a \\| in message|10|src=10.0.0.1 act=blocked a \\= dst=1.1.1.1 cs1Label=Rule Name cs1=Block all outcome=failure rt=Sep 19 2008 08:26:10',
      expect: {
        'obs.host.name': 'host', 'alarm.name': 'detected a | in message', action: 'blocked a =', 'data.Rule Name': 'Block all', outcome: 'failure',
        type: 'FW', ts: Date.UTC(2008, 8, 19, 8, 26, 10), 'ts.raw': 'Sep 19 2008 08:26:10',
      },
    },
  ],
};
