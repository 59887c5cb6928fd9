// systemd journal exported with `journalctl -o json` (one JSON object per line).
// Reference: https://www.freedesktop.org/software/systemd/man/latest/systemd.journal-fields.html and
// https://systemd.io/JOURNAL_EXPORT_FORMATS/#journal-json-format
// Example: {"__CURSOR":"s=...","__REALTIME_TIMESTAMP":"1700000000123456","PRIORITY":"6","SYSLOG_FACILITY":"10",
//   "_HOSTNAME":"web01","SYSLOG_IDENTIFIER":"sshd","_PID":"811","_COMM":"sshd",
//   "MESSAGE":"Accepted publickey for alice from 198.51.100.7 port 50012 ssh2: ED25519 SHA256:..."}
// Quirks: every value is a string, times are µs since the epoch; MESSAGE is an array of bytes when it is not
// valid UTF-8 (decoded leniently here); a field written twice in one entry becomes an array of strings.
// sshd/sudo/su/... messages get the same field extraction as syslog files (extract/linuxAuth.ts).
import { ok } from '../../core/result.ts';
import type { EventFields } from '../../core/schema.ts';
import type { TextParser } from '../types.ts';
import { epochToMs, flattenInto, type JsonObject, jsonShare, own, parseJsonRecord, text } from '../extract/json.ts';
import { extractLinuxAuth } from '../extract/linuxAuth.ts';
import { priFields } from './syslog3164.ts';

function isJournal(o: JsonObject): boolean {
  return typeof own(o, '__REALTIME_TIMESTAMP') === 'string' || (typeof own(o, '__CURSOR') === 'string' && own(o, 'MESSAGE') !== undefined);
}

/** A journal value: a string, an array of bytes (binary-safe MESSAGE), or several values (the first one). */
function journalText(v: unknown): string | undefined {
  if (Array.isArray(v)) {
    if (v.length > 0 && v.every((b) => typeof b === 'number' && Number.isInteger(b) && b >= 0 && b <= 255)) {
      return new TextDecoder('utf-8', { fatal: false }).decode(Uint8Array.from(v as number[])); // checked just above
    }
    return v.length > 0 ? journalText(v[0]) : undefined;
  }
  return text(v);
}

export const journald: TextParser = {
  kind: 'text',
  id: 'journald',
  title: 'systemd journal (journalctl -o json)',
  version: '1',
  url: 'https://systemd.io/JOURNAL_EXPORT_FORMATS/#journal-json-format',
  framing: 'json',
  patterns: ['entry', 'binary-message'],

  sniff(head) {
    return jsonShare(head, isJournal) * 0.95;
  },

  parse: parseJsonRecord(isJournal, 'not a journal entry (no __REALTIME_TIMESTAMP)', (o, ctx) => {
    const get = (k: string) => journalText(own(o, k));
    const raw = own(o, 'MESSAGE');
    ctx.hit?.(Array.isArray(raw) ? 'binary-message' : 'entry');
    const ev: EventFields = { type: 'SYS' };
    const us = get('__REALTIME_TIMESTAMP') ?? get('_SOURCE_REALTIME_TIMESTAMP');
    const ms = us === undefined ? undefined : epochToMs(Number(us));
    if (ms !== undefined && us !== undefined) { ev.ts = ms; ev['ts.raw'] = us; }
    const host = get('_HOSTNAME');
    if (host !== undefined) ev['obs.host.name'] = host;
    const ident = get('SYSLOG_IDENTIFIER') ?? get('_COMM') ?? get('_SYSTEMD_UNIT');
    if (ident !== undefined) { ev['app.name'] = ident; ev['obs.process.name'] = get('_COMM') ?? ident; }
    const pid = get('_PID') ?? get('SYSLOG_PID');
    if (pid !== undefined) ev['obs.process.id'] = pid;
    const priority = get('PRIORITY');
    if (priority !== undefined && /^[0-7]$/.test(priority)) {
      Object.assign(ev, priFields(String(Number(get('SYSLOG_FACILITY') ?? 1) * 8 + Number(priority))));
      if (get('SYSLOG_FACILITY') === undefined) delete ev['data.syslog.facility'];
    }
    const message = get('MESSAGE') ?? '';
    ev.message = message;
    flattenInto(ev, 'data.', o);
    if (Array.isArray(raw)) ev['data.MESSAGE'] = message;
    if (ident !== undefined) extractLinuxAuth(ident, message, ev, ctx.hit);
    return ok(ev);
  }),

  samples: [
    {
      // journalctl -o json on Debian 12, sshd login (cursor and boot id shortened)
      input: '{"__CURSOR":"s=0b2c4f7e;i=1a2b;b=5f1d;m=2f4e1c;t=60a1b2c3d4e5f;x=9c8d","__REALTIME_TIMESTAMP":"1700000000123456","__MONOTONIC_TIMESTAMP":"3100000","_BOOT_ID":"5f1d0c2ab3e44c0f9d2f0e6d1b7a8c9e","_TRANSPORT":"syslog","PRIORITY":"6","SYSLOG_FACILITY":"4","SYSLOG_IDENTIFIER":"sshd","SYSLOG_PID":"811","_PID":"811","_UID":"0","_GID":"0","_COMM":"sshd","_EXE":"/usr/sbin/sshd","_SYSTEMD_UNIT":"ssh.service","_HOSTNAME":"web01","MESSAGE":"Accepted publickey for alice from 198.51.100.7 port 50012 ssh2: ED25519 SHA256:Zm9vYmFyYmF6"}',
      expect: {
        ts: 1700000000123.456, 'obs.host.name': 'web01', 'app.name': 'sshd', 'obs.process.id': '811', 'alarm.sev': 'info',
        'data.syslog.facility': 'auth', type: 'AUTH', action: 'logon', outcome: 'success', 'target.usr.name': 'alice',
        'init.host.ip': '198.51.100.7', 'init.host.port': 50012, 'data._SYSTEMD_UNIT': 'ssh.service',
      },
    },
    {
      // a MESSAGE that is not valid UTF-8 is exported as an array of bytes ("h\xe9llo")
      input: '{"__REALTIME_TIMESTAMP":"1700000001000000","PRIORITY":"3","_HOSTNAME":"web01","SYSLOG_IDENTIFIER":"app","MESSAGE":[104,233,108,108,111]}',
      expect: { message: 'h\ufffdllo', 'alarm.sev': 'err', 'data.MESSAGE': 'h\ufffdllo', ts: 1700000001000 },
    },
  ],
};
