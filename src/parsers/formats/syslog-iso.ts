// Syslog with an RFC 3339 timestamp instead of the BSD one: what current Debian/Ubuntu rsyslog writes to
// /var/log/auth.log and syslog (RSYSLOG_FileFormat, "high precision"), and journalctl's -o short-iso,
// short-iso-precise and short-full output. Same host, tag[pid] and Linux auth extraction as syslog3164.
// Spec: https://www.rsyslog.com/doc/configuration/templates.html (RSYSLOG_FileFormat),
//       https://www.freedesktop.org/software/systemd/man/latest/journalctl.html (--output short-iso, short-full)
// Example: 2025-03-02T08:14:01.120331+00:00 web02 sshd[2201]: Failed password for root from 203.0.113.9 port 50122 ssh2
// Quirks: the T form always carries a zone when rsyslog writes it; journalctl short-iso writes "+0000";
// short-full writes "Sun 2025-03-02 08:14:01 UTC" with a zone abbreviation (a few common ones are known,
// others are read in the file's zone and flagged); journalctl's "-- Boot ... --" / "-- No entries --" lines
// are meta. short-precise ("Mar 02 08:14:01.120331 host ...") is BSD with fractions: syslog3164 reads it.
// "<PRI>1 2003-..." is RFC 5424 (a version digit after the PRI): never matched here.
import { err, ok } from '../../core/result.ts';
import { ZONE_ABBREVIATIONS, parseIsoTime, zoneToMinutes, type TimeResult, type TimeSettings } from '../../core/time.ts';
import type { EventFields } from '../../core/schema.ts';
import type { TextParser } from '../types.ts';
import { fillSyslogTag } from '../extract/syslogTag.ts';
import { priFields } from './syslog3164.ts';
import { nonBlankLines } from '../sniff.ts';

//                <PRI>?          yyyy-mm-ddThh:mm:ss        .frac          zone                     host  rest
const ISO_HEAD = /^(?:<(\d{1,3})>)?(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:[.,]\d{1,9})?(?:Z|[+-]\d\d:?\d\d)?) (\S+) (.*)$/;
//                 weekday       yyyy-mm-dd hh:mm:ss          .frac           zone abbreviation  host  rest
const FULL_HEAD = /^(?:<(\d{1,3})>)?[A-Z][a-z]{2} (\d{4}-\d\d-\d\d \d\d:\d\d:\d\d(?:\.\d{1,9})?) ([A-Z]{1,5}|[+-]\d\d:?\d\d) (\S+) (.*)$/;
// the tag part: "sshd[2201]: msg", "kernel: msg", "sshd(pam_unix)[19939]: msg"
const TAG = /^([^:[\]]{1,64}?)(?:\[(\d+)\])?: ?(.*)$/;
const JOURNAL_META = /^-- .* --$/;

function fullTime(text: string, zone: string, settings: TimeSettings): TimeResult | undefined {
  const local = parseIsoTime(text, { ...settings, tzOffsetMinutes: 0 });
  if (local === undefined) return undefined;
  const minutes = ZONE_ABBREVIATIONS[zone] ?? zoneToMinutes(zone);
  if (minutes === undefined) return { ts: local.ts - settings.tzOffsetMinutes * 60_000, guess: 'zone' };
  return { ts: local.ts - minutes * 60_000, guess: '' };
}

export const syslogIso: TextParser = {
  kind: 'text',
  id: 'syslog-iso',
  title: 'Syslog with an RFC 3339 header (rsyslog high precision, journalctl short-iso / short-full)',
  version: '1',
  url: 'https://www.rsyslog.com/doc/configuration/templates.html',
  framing: 'line',
  patterns: ['iso', 'full', 'no-tag'],

  sniff(head) {
    const lines = nonBlankLines(head).filter((l) => !JOURNAL_META.test(l));
    if (lines.length === 0) return 0;
    const hits = lines.filter((l) => {
      const m = ISO_HEAD.exec(l) ?? FULL_HEAD.exec(l);
      return m !== null && TAG.test(m[m.length - 1]);
    }).length;
    // the same standing as syslog3164: specific layouts (kv pair lists) may still score above it
    return (hits / lines.length) * 0.9;
  },

  isMeta(line) {
    return JOURNAL_META.test(line);
  },

  parse(line, ctx) {
    if (line.endsWith('\r')) line = line.slice(0, -1);
    let pri: string | undefined, host: string, rest: string, t: TimeResult | undefined, raw: string;
    const m = ISO_HEAD.exec(line);
    if (m !== null) {
      ctx.hit?.('iso');
      [, pri, raw, host, rest] = m;
      t = parseIsoTime(raw, ctx.time);
    } else {
      const f = FULL_HEAD.exec(line);
      if (f === null) return err('not a syslog line with an RFC 3339 header (expected "yyyy-mm-ddThh:mm:ss[.frac][zone] host tag: message")');
      ctx.hit?.('full');
      [, pri, , , host, rest] = f;
      raw = `${f[2]} ${f[3]}`;
      t = fullTime(f[2], f[3], ctx.time);
    }
    if (t === undefined) return err(`invalid date "${raw}"`);
    const ev: EventFields = { ts: t.ts, 'ts.raw': raw, 'ts.guess': t.guess, 'obs.host.name': host, type: 'SYS', ...priFields(pri) };
    const tag = TAG.exec(rest);
    if (tag === null) {
      ctx.hit?.('no-tag');
      ev.message = rest.trimStart();
      return ok(ev);
    }
    fillSyslogTag(tag[1], tag[2], tag[3], ev, ctx.hit);
    return ok(ev);
  },

  samples: [
    {
      input: '2025-03-02T08:14:01.120331+00:00 web02 sshd[2201]: Failed password for root from 203.0.113.9 port 50122 ssh2',
      expect: {
        ts: Date.UTC(2025, 2, 2, 8, 14, 1, 120) + 0.331, 'ts.guess': '', 'obs.host.name': 'web02', 'app.name': 'sshd', 'obs.process.id': '2201',
        type: 'AUTH', action: 'logon', outcome: 'failure', 'target.usr.name': 'root', 'init.host.ip': '203.0.113.9', 'init.host.port': 50122,
      },
    },
    {
      input: '2025-03-02T09:00:12+01:00 web02 sshd[2230]: Accepted publickey for alice from 10.20.1.15 port 51022 ssh2: ED25519 SHA256:abc',
      expect: { ts: Date.UTC(2025, 2, 2, 8, 0, 12), outcome: 'success', 'target.usr.name': 'alice', 'init.host.ip': '10.20.1.15', 'data.auth_method': 'publickey' },
    },
    {
      // journalctl -o short-iso
      input: '2025-03-02T08:14:01+0000 web02 sudo[2240]:    alice : TTY=pts/0 ; PWD=/home/alice ; USER=root ; COMMAND=/usr/bin/id',
      expect: { ts: Date.UTC(2025, 2, 2, 8, 14, 1), action: 'sudo', 'init.usr.name': 'alice', 'target.usr.name': 'root', 'data.command': '/usr/bin/id' },
    },
    {
      // rsyslog without fractions or zone (a custom template): the file's zone, flagged
      input: '2025-03-02T08:14:01 web02 CRON[2250]: pam_unix(cron:session): session opened for user root(uid=0) by (uid=0)',
      expect: { ts: Date.UTC(2025, 2, 2, 8, 14, 1), 'ts.guess': 'zone', 'app.name': 'CRON', 'obs.process.id': '2250' },
    },
    {
      // journalctl -o short-full
      input: 'Sun 2025-03-02 08:14:01 CET web02 sshd[2201]: Invalid user oracle from 203.0.113.9 port 50124',
      expect: { ts: Date.UTC(2025, 2, 2, 7, 14, 1), 'ts.guess': '', 'obs.host.name': 'web02', outcome: 'failure', 'target.usr.name': 'oracle', 'init.host.ip': '203.0.113.9' },
    },
    {
      input: '<38>2025-03-02T08:14:01.5Z web02 kernel: [UFW BLOCK] IN=eth0 OUT= SRC=198.51.100.23 DST=10.20.0.10',
      expect: { 'alarm.sev': 'info', 'data.syslog.facility': 'auth', 'app.name': 'kernel', message: '[UFW BLOCK] IN=eth0 OUT= SRC=198.51.100.23 DST=10.20.0.10' },
    },
    {
      input: '2025-03-02T08:14:01.120331+00:00 web02 a message without any tag',
      expect: { 'obs.host.name': 'web02', message: 'a message without any tag' },
    },
  ],
};
