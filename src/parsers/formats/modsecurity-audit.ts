// ModSecurity audit log in JSON (SecAuditLogFormat JSON): libmodsecurity 3 ({"transaction":{"client_ip",
// "request", "response", "messages"}}) and ModSecurity 2.9 ({"transaction":{"remote_address"...},
// "request":{"request_line"}, "response":{"status"}, "audit_data":{"messages":[...]}}). One JSON object per record.
// Spec: https://github.com/owasp-modsecurity/ModSecurity/wiki/Reference-Manual-(v3.x)#secauditlogformat and
// https://github.com/owasp-modsecurity/ModSecurity/wiki/Reference-Manual-(v2.x)#SecAuditLogFormat
// Example: {"transaction":{"client_ip":"203.0.113.5","time_stamp":"Sat Mar  2 08:14:01 2024","client_port":51234,"host_ip":"10.0.0.5","host_port":443,"unique_id":"170936...","request":{"method":"GET","uri":"/?id=1","headers":{"Host":"www.example.com"}},"response":{"http_code":403},"messages":[{"message":"SQL Injection Attack Detected via libinjection","details":{"ruleId":"942100","severity":"2"}}]}}
// Roles: client -> init.host.ip/port, server (host_ip/local_address) -> target.host.ip/port, Host header ->
// target.host.name; the first rule message -> rule.id / alarm.name / alarm.sev, all rule ids -> data.modsec.rule_ids.
// Outcome: a 403/406/5xx answer with a rule message -> action deny, failure; a message with any other
// answer -> detect, success; no message -> pass. Type WAF.
// Quirks: v3 writes time_stamp in ctime form without zone (flagged); v2 writes "02/Mar/2024:08:14:01.123456 +0000".
import { ok } from '../../core/result.ts';
import { parseApacheTime, parseCtime } from '../../core/time.ts';
import type { EventFields } from '../../core/schema.ts';
import type { TextParser } from '../types.ts';
import { getPath, isObject, jsonShare, type JsonObject, own, parseJsonRecord, text } from '../extract/json.ts';
import { uriFields } from './apache-access.ts';

function isAudit(o: JsonObject): boolean {
  const t = own(o, 'transaction');
  return isObject(t) && (own(t, 'client_ip') !== undefined || own(t, 'remote_address') !== undefined);
}

function header(headers: unknown, name: string): string | undefined {
  if (!isObject(headers)) return undefined;
  for (const k of Object.keys(headers)) if (k.toLowerCase() === name) return text(headers[k]);
  return undefined;
}

const BLOCKING = /^(?:403|406|429|5\d\d)$/;

export const modsecurityAudit: TextParser = {
  kind: 'text',
  id: 'modsecurity-audit',
  title: 'ModSecurity JSON audit log (v2.9 and v3)',
  version: '1',
  url: 'https://github.com/owasp-modsecurity/ModSecurity/wiki/Reference-Manual-(v3.x)#secauditlogformat',
  framing: 'json',
  patterns: ['v3', 'v2'],

  sniff(head) {
    return jsonShare(head, isAudit) * 0.95;
  },

  parse: parseJsonRecord(isAudit, 'not a ModSecurity audit record (no transaction.client_ip / remote_address)', (o, ctx) => {
    const t = own(o, 'transaction') as JsonObject;
    const ev: EventFields = { type: 'WAF', vendor: 'OWASP', 'app.name': 'ModSecurity' };
    const v3 = own(t, 'client_ip') !== undefined;
    ctx.hit?.(v3 ? 'v3' : 'v2');
    const req = v3 ? own(t, 'request') : own(o, 'request');
    const res = v3 ? own(t, 'response') : own(o, 'response');
    const set = (k: string, v: string | number | undefined): void => {
      if (v !== undefined && v !== '') ev[k] = v;
    };
    set('init.host.ip', text(own(t, v3 ? 'client_ip' : 'remote_address')));
    set('target.host.ip', text(own(t, v3 ? 'host_ip' : 'local_address')));
    const port = (v: unknown): number | undefined => {
      const n = Number(text(v));
      return Number.isInteger(n) && n > 0 && n <= 65535 ? n : undefined;
    };
    set('init.host.port', port(own(t, v3 ? 'client_port' : 'remote_port')));
    set('target.host.port', port(own(t, v3 ? 'host_port' : 'local_port')));
    set('session.id', text(own(t, v3 ? 'unique_id' : 'transaction_id')));
    const stamp = text(own(t, v3 ? 'time_stamp' : 'time'));
    if (stamp !== undefined) {
      const tm = parseCtime(stamp.replace(/\s+/g, ' ').replace(/ (\d) /, ' 0$1 '), ctx.time) ?? parseCtime(stamp, ctx.time) ?? parseApacheTime(stamp, ctx.time);
      if (tm !== undefined) Object.assign(ev, { ts: tm.ts, 'ts.raw': stamp, 'ts.guess': tm.guess });
    }
    let method: string | undefined, uri: string | undefined;
    if (v3) {
      method = text(own(req, 'method'));
      uri = text(own(req, 'uri'));
    } else {
      const rl = /^(\S+) (\S+)/.exec(text(own(req, 'request_line')) ?? '');
      if (rl !== null) [, method, uri] = rl;
    }
    set('web.request.method', method);
    if (uri !== undefined) uriFields(uri, ev);
    const headers = own(req, 'headers');
    set('target.host.name', header(headers, 'host'));
    set('web.header.user_agent', header(headers, 'user-agent'));
    const code = text(v3 ? own(res, 'http_code') : own(res, 'status'));
    if (code !== undefined && /^\d{3}$/.test(code)) ev['web.request.rc'] = Number(code);
    // rule messages: v3 objects {message, details:{ruleId, severity}}, v2 strings with [id "..."] [msg "..."]
    const msgs = v3 ? own(t, 'messages') : getPath(o, 'audit_data.messages');
    const ids: string[] = [];
    if (Array.isArray(msgs)) {
      for (const m of msgs) {
        let id: string | undefined, name: string | undefined, sev: string | undefined;
        if (isObject(m)) {
          name = text(own(m, 'message'));
          id = text(getPath(m, 'details.ruleId'));
          sev = text(getPath(m, 'details.severity'));
        } else if (typeof m === 'string') {
          id = /\[id "(\d+)"\]/.exec(m)?.[1];
          name = /\[msg "((?:[^"\\]|\\.)*)"\]/.exec(m)?.[1];
          sev = /\[severity "([^"]*)"\]/.exec(m)?.[1];
        }
        if (id !== undefined) ids.push(id);
        if (ev['rule.id'] === undefined && id !== undefined) {
          set('rule.id', id);
          set('alarm.name', name);
          set('alarm.sev', sev);
        }
      }
    }
    if (ids.length > 0) ev['data.modsec.rule_ids'] = ids.join(',');
    const blocked = code !== undefined && BLOCKING.test(code);
    if (ids.length === 0) Object.assign(ev, { action: 'pass', outcome: 'success' });
    else Object.assign(ev, blocked ? { action: 'deny', outcome: 'failure' } : { action: 'detect', outcome: 'success' });
    ev.message = `${method ?? ''} ${uri ?? ''} ${code ?? ''} ${typeof ev['alarm.name'] === 'string' ? ev['alarm.name'] : ''}`.replace(/\s+/g, ' ').trim();
    return ok(ev);
  }),

  samples: [
    {
      input: '{"transaction":{"client_ip":"203.0.113.5","time_stamp":"Sat Mar  2 08:14:01 2024","server_id":"9f1c","client_port":51234,"host_ip":"10.0.0.5","host_port":443,"unique_id":"170936764112.481516","request":{"method":"GET","http_version":1.1,"uri":"/index.php?id=1%27%20or%201=1","headers":{"Host":"www.example.com","User-Agent":"sqlmap/1.7"}},"response":{"http_code":403,"headers":{"Content-Type":"text/html"}},"producer":{"modsecurity":"ModSecurity v3.0.12 (Linux)","connector":"ModSecurity-nginx v1.0.3","secrules_engine":"Enabled","components":["OWASP_CRS/4.0.0"]},"messages":[{"message":"SQL Injection Attack Detected via libinjection","details":{"match":"detected SQLi using libinjection.","reference":"v9,8","ruleId":"942100","file":"/etc/nginx/crs/rules/REQUEST-942-APPLICATION-ATTACK-SQLI.conf","lineNumber":"46","data":"Matched Data: s&1c found within ARGS:id: 1\' or 1=1","severity":"2","ver":"OWASP_CRS/4.0.0","rev":"","tags":["attack-sqli"],"maturity":"0","accuracy":"0"}},{"message":"Inbound Anomaly Score Exceeded (Total Score: 5)","details":{"ruleId":"949110","severity":"0"}}]}}',
      expect: {
        ts: Date.UTC(2024, 2, 2, 8, 14, 1), 'ts.guess': 'zone', type: 'WAF', 'init.host.ip': '203.0.113.5', 'init.host.port': 51234, 'target.host.ip': '10.0.0.5', 'target.host.port': 443,
        'target.host.name': 'www.example.com', 'web.request.method': 'GET', 'target.uri.path': '/index.php', 'web.request.rc': 403, 'rule.id': '942100',
        'alarm.name': 'SQL Injection Attack Detected via libinjection', 'data.modsec.rule_ids': '942100,949110', action: 'deny', outcome: 'failure', 'web.header.user_agent': 'sqlmap/1.7',
      },
    },
    {
      input: '{"transaction":{"time":"02/Mar/2024:08:20:00.123456 +0100","transaction_id":"ZeLg4cB2wq3Xk9","remote_address":"198.51.100.23","remote_port":40022,"local_address":"10.0.0.5","local_port":80},"request":{"request_line":"GET /?q=<script>alert(1)</script> HTTP/1.1","headers":{"Host":"www.example.com"}},"response":{"protocol":"HTTP/1.1","status":200},"audit_data":{"messages":["Warning. detected XSS using libinjection. [file \\"/etc/crs/REQUEST-941-APPLICATION-ATTACK-XSS.conf\\"] [line \\"55\\"] [id \\"941100\\"] [msg \\"XSS Attack Detected via libinjection\\"] [severity \\"CRITICAL\\"]"]}}',
      expect: { ts: Date.UTC(2024, 2, 2, 7, 20, 0, 123) + 0.456, 'init.host.ip': '198.51.100.23', 'rule.id': '941100', 'alarm.name': 'XSS Attack Detected via libinjection', action: 'detect', outcome: 'success', 'web.request.rc': 200 },
    },
  ],
};
