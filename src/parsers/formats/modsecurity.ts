// ModSecurity messages in the web server's error log (Apache "[security2:error] ... ModSecurity: ...", Nginx
// "[error] 812#812: *5 [client ...] ModSecurity: ..."). The error log's other lines are the apache-error
// parser's (a mixed file: they fall back to it).
// Spec: https://github.com/owasp-modsecurity/ModSecurity/wiki/Reference-Manual-(v2.x)#error-log-messages (v2),
// the same [key "value"] list in libmodsecurity 3 (ModSecurity-nginx)
// Example: [Sat Mar 02 08:14:01.123456 2024] [security2:error] [pid 1234:tid 140] [client 203.0.113.5:51234] [client 203.0.113.5] ModSecurity: Access denied with code 403 (phase 2). ... [id "942100"] [msg "SQL Injection Attack Detected via libinjection"] [severity "CRITICAL"] [hostname "www.example.com"] [uri "/index.php"] [unique_id "ZeLg"]
// Roles: the client -> init.host.ip/port; [hostname] -> target.host.name (or .ip), [uri] -> target.uri.path;
// [id] -> rule.id, [msg] -> alarm.name, [severity] -> alarm.sev, [tag]s -> data.modsec.tags, [data] -> data.modsec.data.
// Action: "Access denied with code N" -> deny, outcome failure (the request was stopped); "Warning." ->
// detect, outcome success (the request went through). Type WAF.
// Quirks: Apache writes [client] twice (the connection's and ModSecurity's); values escape '"' as \".
import { err, ok } from '../../core/result.ts';
import type { TextParser } from '../types.ts';
import type { EventFields } from '../../core/schema.ts';
import { apacheError } from './apache-error.ts';
import { isIP } from '../../core/ip.ts';
import { shareOfLines } from '../sniff.ts';

const MARK = /\bModSecurity: /;
const ITEM = /\[(\w+) "((?:[^"\\]|\\.)*)"\]/g;

export const modsecurity: TextParser = {
  kind: 'text',
  id: 'modsecurity',
  title: 'ModSecurity messages in the Apache / Nginx error log',
  version: '1',
  url: 'https://github.com/owasp-modsecurity/ModSecurity/wiki/Reference-Manual-(v2.x)',
  framing: 'line',
  patterns: ['denied', 'warning'],

  sniff(head) {
    // an error log where ModSecurity speaks often: above apache-error, whose lines fall back to it
    if (shareOfLines(head, MARK) < 0.2) return 0;
    const base = apacheError.sniff(head);
    return base > 0 ? Math.min(1, base + 0.02) : 0;
  },

  parse(line, ctx) {
    const at = line.search(MARK);
    if (at < 0) return err('no "ModSecurity:" message');
    const base = apacheError.parse(line, ctx);
    if (!base.ok) return base;
    const ev: EventFields = { ...base.value, type: 'WAF', vendor: 'OWASP', 'app.name': 'ModSecurity' };
    const text = line.slice(at + 'ModSecurity: '.length);
    const tags: string[] = [];
    ITEM.lastIndex = 0;
    for (let m = ITEM.exec(text); m !== null; m = ITEM.exec(text)) {
      const [, k, raw] = m;
      const v = raw.replace(/\\(.)/g, '$1');
      if (k === 'tag') tags.push(v);
      else if (ev[`data.modsec.${k}`] === undefined) ev[`data.modsec.${k}`] = v;
    }
    if (tags.length > 0) ev['data.modsec.tags'] = tags.join(',');
    const get = (k: string): string | undefined => {
      const v = ev[`data.modsec.${k}`];
      return typeof v === 'string' && v !== '' ? v : undefined;
    };
    if (get('id') !== undefined) ev['rule.id'] = get('id') as string;
    if (get('msg') !== undefined) ev['alarm.name'] = get('msg') as string;
    if (get('severity') !== undefined) ev['alarm.sev'] = get('severity') as string;
    const host = get('hostname');
    if (host !== undefined) ev[isIP(host) ? 'target.host.ip' : 'target.host.name'] = host;
    if (get('uri') !== undefined) ev['target.uri.path'] = get('uri') as string;
    if (get('unique_id') !== undefined) ev['session.id'] = get('unique_id') as string;
    const denied = /^Access denied with (?:code (\d{3})|connection close|redirection)/.exec(text);
    if (denied !== null) {
      ctx.hit?.('denied');
      Object.assign(ev, { action: 'deny', outcome: 'failure' });
      if (denied[1] !== undefined) ev['web.request.rc'] = Number(denied[1]);
    } else {
      ctx.hit?.('warning');
      Object.assign(ev, { action: 'detect', outcome: 'success' });
    }
    return ok(ev);
  },

  samples: [
    {
      input: '[Sat Mar 02 08:14:01.123456 2024] [security2:error] [pid 1234:tid 140211] [client 203.0.113.5:51234] [client 203.0.113.5] ModSecurity: Access denied with code 403 (phase 2). detected SQLi using libinjection with fingerprint \'s&1c\' [file "/usr/share/modsecurity-crs/rules/REQUEST-942-APPLICATION-ATTACK-SQLI.conf"] [line "65"] [id "942100"] [msg "SQL Injection Attack Detected via libinjection"] [data "Matched Data: s&1c found within ARGS:id: 1\' or 1=1"] [severity "CRITICAL"] [ver "OWASP_CRS/3.3.5"] [tag "application-multi"] [tag "attack-sqli"] [hostname "www.example.com"] [uri "/index.php"] [unique_id "ZeLg4cB2wq3Xk9"]',
      expect: {
        ts: Date.UTC(2024, 2, 2, 8, 14, 1, 123) + 0.456, type: 'WAF', action: 'deny', outcome: 'failure', 'web.request.rc': 403, 'rule.id': '942100',
        'alarm.name': 'SQL Injection Attack Detected via libinjection', 'alarm.sev': 'CRITICAL', 'init.host.ip': '203.0.113.5', 'init.host.port': 51234,
        'target.host.name': 'www.example.com', 'target.uri.path': '/index.php', 'data.modsec.tags': 'application-multi,attack-sqli', 'session.id': 'ZeLg4cB2wq3Xk9',
      },
    },
    {
      input: '2024/03/02 08:20:00 [error] 812#812: *5 [client 198.51.100.23] ModSecurity: Warning. Matched "Operator `PmFromFile\' with parameter `scanners-user-agents.data\' against variable `REQUEST_HEADERS:User-Agent\' (Value: `sqlmap/1.7\' ) [file "/etc/nginx/crs/rules/REQUEST-913-SCANNER-DETECTION.conf"] [line "34"] [id "913100"] [rev ""] [msg "Found User-Agent associated with security scanner"] [data "Matched Data: sqlmap found within REQUEST_HEADERS:User-Agent: sqlmap/1.7"] [severity "2"] [ver "OWASP_CRS/3.3.5"] [hostname "10.0.0.5"] [uri "/"] [unique_id "170936760012.345678"] [ref "o0,6v21,10t:lowercase"], client: 198.51.100.23, server: www.example.com, request: "GET / HTTP/1.1", host: "www.example.com"',
      expect: { action: 'detect', outcome: 'success', 'rule.id': '913100', 'init.host.ip': '198.51.100.23', 'target.host.ip': '10.0.0.5', 'alarm.sev': '2' },
    },
  ],
};
