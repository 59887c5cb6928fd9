// ~30 hand-written events over 3 chunks (3 files): sshd auth.log, an nginx access log and Windows
// Security logons. Times interleave across the files on purpose (time order must merge them).
// Row ids = position in EVENTS (chunks are added in order).
import type { EventFields } from '../../../src/core/schema.ts';
import { ChunkBuilder, type EventChunk } from '../../../src/workers/chunk/chunk.ts';
import { CaseIndex } from '../../../src/workers/query/caseIndex.ts';

export const T0 = Date.UTC(2024, 9, 17, 12, 0, 0); // 2024-10-17T12:00:00Z
const at = (h: number, m: number, s: number) => Date.UTC(2024, 9, 17, h, m, s);

let line = 0;
function ssh(ts: number, message: string, extra: EventFields): EventFields {
  line++;
  return {
    ts, raw: `Oct 17 ${new Date(ts).toISOString().slice(11, 19)} web-01 sshd[1201]: ${message}`, message,
    'col.file': 'var/log/auth.log', 'col.line': line, 'col.offset': line * 100, 'parser.name': 'syslog',
    'obs.host.name': 'web-01', 'app.name': 'sshd', 'obs.process.id': '1201', type: 'AUTH', ...extra,
  };
}

function web(ts: number, method: string, path: string, rc: number, ip: string, outcome: string): EventFields {
  line++;
  const raw = `${ip} - - [17/Oct/2024:${new Date(ts).toISOString().slice(11, 19)} +0000] "${method} ${path} HTTP/1.1" ${rc} 512 "-" "Mozilla/5.0"`;
  return {
    ts, raw, message: `${method} ${path} ${rc}`, 'col.file': 'var/log/nginx/access.log', 'col.line': line, 'col.offset': line * 120,
    'parser.name': 'nginx', 'obs.host.name': 'web-01', 'app.name': 'nginx', type: 'WEB', 'init.host.ip': ip,
    'web.request.method': method, 'target.uri.path': path, 'web.request.rc': rc, outcome, 'web.header.user_agent': 'Mozilla/5.0',
  };
}

function win(ts: number, id: string, message: string, extra: EventFields): EventFields {
  line++;
  return {
    ts, raw: `<Event><System><EventID>${id}</EventID></System></Event>`, message, 'col.file': 'Security.evtx', 'col.line': line,
    'col.offset': line * 1000, 'parser.name': 'evtx', 'obs.host.name': 'DC01', 'app.name': 'Microsoft-Windows-Security-Auditing',
    'alarm.id': id, 'data.EventID': id, type: 'AUTH', ...extra,
  };
}

const fail = (ip: string, port: number, user: string) => ({ outcome: 'failure', action: 'login', 'init.host.ip': ip, 'init.host.port': port, 'target.usr.name': user });

export const EVENTS: EventFields[] = [
  // chunk 0: auth.log (rows 0-9)
  ssh(at(12, 0, 1), 'Failed password for root from 203.0.113.5 port 52144 ssh2', fail('203.0.113.5', 52144, 'root')),
  ssh(at(12, 0, 3), 'Failed password for invalid user admin from 203.0.113.5 port 52150 ssh2', fail('203.0.113.5', 52150, 'admin')),
  ssh(at(12, 0, 5), 'Failed password for root from 203.0.113.7 port 40100 ssh2', fail('203.0.113.7', 40100, 'root')),
  ssh(at(12, 0, 10), 'Accepted publickey for alice from 10.0.0.12 port 50000 ssh2', { outcome: 'success', action: 'login', 'init.host.ip': '10.0.0.12', 'init.host.port': 50000, 'target.usr.name': 'alice' }),
  ssh(at(12, 1, 0), 'Failed password for bob from 198.51.100.23 port 61000 ssh2', fail('198.51.100.23', 61000, 'bob')),
  ssh(at(12, 1, 30), 'Invalid user test from 203.0.113.9 port 33333', { outcome: 'failure', action: 'invalid-user', 'init.host.ip': '203.0.113.9', 'init.host.port': 33333, 'target.usr.name': 'test' }),
  ssh(at(12, 2, 0), 'Accepted password for bob from 10.0.0.12 port 50010 ssh2', { outcome: 'success', action: 'login', 'init.host.ip': '10.0.0.12', 'init.host.port': 50010, 'target.usr.name': 'bob' }),
  ssh(at(12, 3, 0), 'pam_unix(sshd:session): session opened for user alice by (uid=0)', { outcome: 'success', action: 'session-open', 'target.usr.name': 'alice' }),
  ssh(at(12, 5, 0), 'Failed password for root from 2001:db8::15 port 40022 ssh2', fail('2001:DB8:0:0::15', 40022, 'root')),
  { ts: at(12, 6, 0), raw: 'garbled ### kernel: Failed PASSWORD?? \u0130stanbul', message: '', 'col.file': 'var/log/auth.log', 'col.line': ++line, 'col.offset': 999, 'parser.name': 'unparsed', 'parse.error': 'no parser matched this line' },
  // chunk 1: nginx access.log (rows 10-19)
  web(at(12, 0, 30), 'GET', '/login', 200, '198.51.100.23', 'success'),
  web(at(12, 0, 31), 'POST', '/login', 401, '203.0.113.5', 'failure'),
  web(at(12, 0, 40), 'GET', '/admin', 403, '203.0.113.5', 'failure'),
  web(at(12, 2, 10), 'GET', '/static/app.js', 200, '10.0.0.12', 'success'),
  web(at(12, 4, 0), 'GET', '/index.html', 404, '198.51.100.23', 'failure'),
  web(at(12, 10, 0), 'GET', '/api/users', 500, '10.0.0.40', 'failure'),
  web(at(12, 11, 0), 'POST', '/api/login', 200, '10.0.0.40', 'success'),
  web(at(12, 12, 0), 'GET', '/wp-login.php', 404, '203.0.113.200', 'failure'),
  web(at(12, 20, 0), 'GET', '/health', 200, '10.0.0.5', 'success'),
  web(at(12, 30, 0), 'GET', '/__proto__', 404, '203.0.113.5', 'failure'),
  // chunk 2: Windows Security (rows 20-29)
  win(at(11, 59, 0), '4624', 'An account was successfully logged on.', { outcome: 'success', action: 'logon', 'target.usr.name': 'Administrator', 'init.usr.name': 'DC01$', 'init.host.ip': '10.0.0.50', 'data.LogonType': '10' }),
  win(at(12, 0, 20), '4625', 'An account failed to log on.', { outcome: 'failure', action: 'logon', 'target.usr.name': 'administrator', 'init.host.ip': '203.0.113.5', 'data.LogonType': '3' }),
  win(at(12, 0, 21), '4625', 'An account failed to log on.', { outcome: 'failure', action: 'logon', 'target.usr.name': 'Administrator', 'init.host.ip': '203.0.113.5', 'data.LogonType': '3' }),
  win(at(12, 7, 0), '4624', 'An account was successfully logged on.', { outcome: 'success', action: 'logon', 'target.usr.name': 'alice', 'init.host.ip': '10.0.0.12', 'data.LogonType': '3' }),
  win(at(12, 8, 0), '4672', 'Special privileges assigned to new logon.', { action: 'privileges', 'init.usr.name': 'alice' }),
  win(at(12, 15, 0), '4625', 'An account failed to log on.', { outcome: 'failure', action: 'logon', 'target.usr.name': 'guest', 'init.host.ip': '198.51.100.23', 'data.LogonType': '3' }),
  win(at(12, 40, 0), '4634', 'An account was logged off.', { action: 'logoff', 'target.usr.name': 'alice' }),
  win(at(13, 0, 0), '4624', 'An account was successfully logged on.', { outcome: 'success', action: 'logon', 'target.usr.name': 'bob', 'init.host.ip': '10.0.0.13', 'data.LogonType': '10' }),
  win(at(14, 0, 0), '4625', 'An account failed to log on.', { outcome: 'failure', action: 'logon', 'target.usr.name': '__proto__', 'init.host.ip': '203.0.113.66', 'data.LogonType': '3' }),
  win(at(15, 30, 0), '4740', 'A user account was locked out.', { action: 'lockout', 'target.usr.name': 'bob', 'init.usr.name': 'DC01$' }),
];

export function fixtureChunks(): EventChunk[] {
  const out: EventChunk[] = [];
  for (let c = 0; c < 3; c++) {
    const b = new ChunkBuilder(10);
    for (const e of EVENTS.slice(c * 10, c * 10 + 10)) b.add(e);
    out.push(b.build(c + 1, 0));
  }
  return out;
}

export function fixtureIndex(): CaseIndex {
  const index = new CaseIndex();
  for (const c of fixtureChunks()) index.addChunk(c);
  return index;
}
