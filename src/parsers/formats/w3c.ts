// W3C Extended Log File Format, as Microsoft IIS (and some proxies/CDNs) write it.
// Spec: https://www.w3.org/TR/WD-logfile.html ; IIS fields: https://learn.microsoft.com/en-us/windows/win32/http/w3c-logging
// Example: 2024-01-02 10:11:12 10.0.0.10 GET /owa/auth/logon.aspx replaceCurrent=1 443 - 203.0.113.7 Mozilla/5.0+(Windows+NT+10.0) - 200 0 0 15
// The '#Fields:' directive names the columns; it may change mid-file (IIS rewrites it after a restart or a
// config change), so it is kept in ctx.state and every '#' line is meta (isMeta reads it). Before any
// '#Fields:' the IIS default column set is assumed. Times are UTC by the spec (IIS W3C logs always are).
// Roles: c-ip is the client (init), s-ip/s-port the server (target), cs-username the client's user.
// Every column is kept as data.<field name>; '-' means empty and is skipped. IIS writes spaces in values as '+'.
import { err, ok } from '../../core/result.ts';
import { parseIsoTime } from '../../core/time.ts';
import type { EventFields } from '../../core/schema.ts';
import type { ParseContext, TextParser } from '../types.ts';
import { shareOfLines } from '../sniff.ts';

const STATE_KEY = 'w3c.fields';
const IIS_DEFAULT = 'date time s-ip cs-method cs-uri-stem cs-uri-query s-port cs-username c-ip cs(User-Agent) cs(Referer) sc-status sc-substatus sc-win32-status time-taken'.split(' ');

// date time s-ip cs-method cs-uri-stem cs-uri-query s-port cs-username c-ip cs(User-Agent) cs(Referer) sc-status sc-substatus sc-win32-status time-taken
const IIS_LINE = /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d \S+ [A-Z]+ \S+ \S+ \d+ \S+ \S+ \S+ \S+ \d{3} \d+ \d+ \d+$/;
const TEXT: Readonly<Record<string, string>> = Object.assign(Object.create(null) as Record<string, string>, {
  'c-ip': 'init.host.ip', 's-ip': 'target.host.ip', 'cs-username': 'init.usr.name', 'cs-method': 'web.request.method',
  'cs-uri-stem': 'target.uri.path', 'cs-uri-query': 'target.uri.query', 'cs-host': 'target.host.name', 's-computername': 'obs.host.name',
  's-sitename': 'data.site', 'cs(User-Agent)': 'web.header.user_agent', 'cs(Referer)': 'web.header.referer', 'cs-uri': 'target.uri.full',
});
const NUMBER: Readonly<Record<string, string>> = Object.assign(Object.create(null) as Record<string, string>, {
  's-port': 'target.host.port', 'c-port': 'init.host.port', 'sc-status': 'web.request.rc', 'sc-bytes': 'session.out.byte', 'cs-bytes': 'session.in.byte',
});

function fieldsOf(ctx: ParseContext): string[] {
  const f = ctx.state.get(STATE_KEY);
  return Array.isArray(f) ? (f as string[]) : IIS_DEFAULT;
}

function readDirective(line: string, ctx: ParseContext): void {
  if (line.startsWith('#Fields:')) {
    ctx.hit?.('fields');
    ctx.state.set(STATE_KEY, line.slice(8).trim().split(/\s+/));
  }
}

/**
 * The line's fields: space-separated as IIS writes them; tab-separated when a writer uses tabs; with
 * "quoted values" holding spaces (the spec's string form). Log content is attacker-controlled: a URI may
 * carry a tab, '#', '$', '{', quotes or %00, so the split that yields the #Fields count wins.
 */
function splitFields(line: string, expected: number): string[] {
  const bySpace = line.split(' ');
  if (bySpace.length === expected) return bySpace;
  if (line.includes('\t')) {
    const byTab = line.split('\t');
    if (byTab.length === expected) return byTab;
  }
  if (line.includes('"')) {
    const quoted = line.match(/"(?:[^"]|"")*"(?= |$)|[^ ]+/g) ?? [];
    if (quoted.length === expected) return quoted.map((v) => (v.length > 1 && v.startsWith('"') && v.endsWith('"') ? v.slice(1, -1).replace(/""/g, '"') : v));
  }
  return bySpace;
}

export const w3c: TextParser = {
  kind: 'text',
  id: 'w3c',
  title: 'W3C Extended Log Format (IIS)',
  version: '2',
  url: 'https://www.w3.org/TR/WD-logfile.html',
  framing: 'line',
  patterns: ['fields', 'line', 'default-fields'],

  sniff(head) {
    const t = head.text;
    if (/^#(?:Software|Version|Date|Fields):/m.test(t) && t.includes('#Fields:')) return 0.98;
    // a head without directives (a rotated tail): the IIS default column layout, line by line
    return shareOfLines(head, IIS_LINE) * 0.9;
  },

  isMeta(line, ctx) {
    if (line.charCodeAt(0) !== 35) return line.trim() === ''; // '#'
    readDirective(line, ctx);
    return true;
  },

  parse(line, ctx) {
    if (line.startsWith('#')) {
      readDirective(line, ctx);
      return err('W3C directive line (meta)');
    }
    const names = fieldsOf(ctx);
    if (!ctx.state.has(STATE_KEY)) ctx.hit?.('default-fields');
    const values = splitFields(line, names.length);
    if (values.length !== names.length) return err(`W3C line has ${values.length} fields, #Fields names ${names.length}`);
    ctx.hit?.('line');
    const ev: EventFields = { type: 'WEB' };
    let date = '', time = '';
    for (let i = 0; i < names.length; i++) {
      const name = names[i];
      const raw = values[i];
      if (raw === '-' || raw === '') continue;
      ev[`data.${name}`] = raw;
      if (name === 'date') date = raw;
      else if (name === 'time') time = raw;
      const to = TEXT[name];
      if (to !== undefined) ev[to] = name.startsWith('cs(') ? raw.replace(/\+/g, ' ') : raw;
      const numTo = NUMBER[name];
      if (numTo !== undefined && /^\d+$/.test(raw)) ev[numTo] = Number(raw);
      if (name === 'time-taken' && /^\d+$/.test(raw)) ev['session.duration'] = Number(raw) / 1000; // IIS writes ms
    }
    if (date !== '' || time !== '') {
      const text = date !== '' && time !== '' ? `${date} ${time}` : date !== '' ? `${date} 00:00:00` : '';
      const t = parseIsoTime(text, { ...ctx.time, tzOffsetMinutes: 0 }); // W3C times are UTC
      if (t === undefined) return err(`invalid W3C date/time "${date} ${time}"`);
      ev.ts = t.ts;
      ev['ts.raw'] = text;
      ev['ts.guess'] = '';
    }
    const rc = ev['web.request.rc'];
    if (typeof rc === 'number') ev.outcome = rc < 400 ? 'success' : 'failure';
    const path = ev['target.uri.path'];
    const query = ev['target.uri.query'];
    if (path !== undefined && ev['target.uri.full'] === undefined) ev['target.uri.full'] = query !== undefined ? `${path}?${query}` : path;
    ev.message = [ev['web.request.method'], ev['target.uri.full'], rc].filter((x) => x !== undefined).join(' ') || line;
    return ok(ev);
  },

  samples: [
    {
      input: '2024-01-02 10:11:12 10.0.0.10 GET /owa/auth/logon.aspx replaceCurrent=1 443 - 203.0.113.7 Mozilla/5.0+(Windows+NT+10.0) - 200 0 0 15',
      expect: {
        ts: Date.UTC(2024, 0, 2, 10, 11, 12), 'ts.guess': '', type: 'WEB', 'target.host.ip': '10.0.0.10', 'web.request.method': 'GET',
        'target.uri.path': '/owa/auth/logon.aspx', 'target.uri.query': 'replaceCurrent=1', 'target.host.port': 443, 'init.host.ip': '203.0.113.7',
        'web.header.user_agent': 'Mozilla/5.0 (Windows NT 10.0)', 'web.request.rc': 200, outcome: 'success', 'session.duration': 0.015,
        'data.sc-win32-status': '0', message: 'GET /owa/auth/logon.aspx?replaceCurrent=1 200',
      },
    },
    {
      before: ['#Software: Microsoft Internet Information Services 10.0', '#Version: 1.0', '#Date: 2024-01-02 10:00:00', '#Fields: date time s-computername c-ip cs-username cs-method cs-uri-stem cs-uri-query sc-status sc-bytes cs-bytes cs-host'],
      input: '2024-01-02 10:11:13 WEB01 198.51.100.23 CONTOSO\\alice POST /ecp/DDI/DDIService.svc/GetList - 500 1024 2048 mail.contoso.com',
      expect: {
        'obs.host.name': 'WEB01', 'init.host.ip': '198.51.100.23', 'init.usr.name': 'CONTOSO\\alice', 'web.request.method': 'POST', 'web.request.rc': 500,
        outcome: 'failure', 'session.out.byte': 1024, 'session.in.byte': 2048, 'target.host.name': 'mail.contoso.com', 'data.cs-uri-stem': '/ecp/DDI/DDIService.svc/GetList',
      },
    },
    {
      input: '2019-03-04 05:06:07 192.168.1.5 POST /wp-login.php - 80 admin 198.51.100.4 curl/7.1 - 401 1 2148074254 3',
      expect: { 'init.usr.name': 'admin', outcome: 'failure', 'web.request.rc': 401 },
    },
  ],
};
