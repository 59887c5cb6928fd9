// rsyslog's RFC 3339 header and journalctl's short-iso / short-full output get exactly the extraction the BSD
// header gets: every tagged syslog3164 sample, re-written with an RFC 3339 header, yields the same fields.
import { describe, expect, it } from 'vitest';
import { syslog3164 } from '../../../src/parsers/formats/syslog3164.ts';
import { syslogIso } from '../../../src/parsers/formats/syslog-iso.ts';
import { chooseParser } from '../../../src/workers/ingest/chooseParser.ts';
import type { Head } from '../../../src/parsers/types.ts';
import type { EventFields } from '../../../src/core/schema.ts';
import { makeCtx, parseOk } from '../../harness/parsers.ts';

const BSD = /^(?:<\d{1,3}>)?[A-Z][a-z]{2} [ \d]?\d \d\d:\d\d:\d\d (\S+ \S.*)$/;
const TIME_FIELDS = new Set(['ts', 'ts.raw', 'ts.guess']);

function withoutTime(ev: EventFields): EventFields {
  return Object.fromEntries(Object.entries(ev).filter(([k]) => !TIME_FIELDS.has(k)));
}

function headOf(lines: string[]): Head {
  const text = lines.join('\n') + '\n';
  return { name: '', bytes: new TextEncoder().encode(text), text, lines };
}

describe('syslog-iso: the same extraction as the BSD header', () => {
  const tagged = syslog3164.samples.map((s) => s.input).filter((l) => !l.startsWith('<') && BSD.test(l));
  const headers = ['2025-03-02T08:14:01.120331+00:00', '2025-03-02T08:14:01+0000', '2025-03-02T08:14:01Z', 'Sun 2025-03-02 08:14:01 UTC'];
  for (const header of headers) {
    it(`header "${header}" on ${tagged.length} BSD samples`, () => {
      for (const line of tagged) {
        const rest = BSD.exec(line)![1];
        const bsd = parseOk(syslog3164, line, makeCtx());
        const iso = parseOk(syslogIso, `${header} ${rest}`, makeCtx());
        expect(withoutTime(iso), line).toEqual(withoutTime(bsd));
        expect(iso.ts).toBe(Date.UTC(2025, 2, 2, 8, 14, 1) + (header.includes('.120331') ? 120.331 : 0));
        expect(iso['ts.guess']).toBe('');
      }
    });
  }
});

describe('syslog-iso sniffing', () => {
  const rsyslog = [
    '2025-03-02T08:14:01.120331+00:00 web02 sshd[2201]: Invalid user oracle from 203.0.113.9 port 50124',
    '2025-03-02T08:14:01.420112+00:00 web02 sshd[2201]: Failed password for invalid user oracle from 203.0.113.9 port 50124 ssh2',
    '2025-03-02T08:14:02.001201+00:00 web02 kernel: [UFW BLOCK] IN=eth0 OUT= SRC=198.51.100.23 DST=10.20.0.10',
    '2025-03-02T08:15:01.000012+00:00 web02 CRON[2250]: pam_unix(cron:session): session opened for user root(uid=0) by (uid=0)',
  ];
  it('an rsyslog high-precision auth.log is read by syslog-iso', () => {
    expect(chooseParser(headOf(rsyslog))?.parser.id).toBe('syslog-iso');
  });
  it('journalctl short-iso and short-full output (with its "-- ... --" lines) is read by syslog-iso', () => {
    const journal = ['-- Logs begin at Sun 2025-03-02 00:00:01 UTC, end at Sun 2025-03-02 09:00:00 UTC. --',
      'Sun 2025-03-02 08:14:01 UTC web02 sshd[2201]: Accepted password for deploy from 203.0.113.9 port 50130 ssh2',
      'Sun 2025-03-02 08:14:02 UTC web02 systemd[1]: Started Session 42 of User deploy.'];
    expect(chooseParser(headOf(journal))?.parser.id).toBe('syslog-iso');
    expect(chooseParser(headOf(rsyslog.map((l) => l.replace('.120331+00:00', '+0000'))))?.parser.id).toBe('syslog-iso');
    expect(syslogIso.isMeta?.(journal[0], makeCtx())).toBe(true);
  });
  it('RFC 5424 lines ("<PRI>1 ...") stay with syslog5424', () => {
    const lines = [
      '<34>1 2003-10-11T22:14:15.003Z mymachine.example.com su - ID47 - BOM\'su root\' failed for lonvick on /dev/pts/8',
      '<165>1 2003-08-24T05:14:15.000003-07:00 192.0.2.1 myproc 8710 - - %% It\'s time to make the do-nuts.',
    ];
    expect(chooseParser(headOf(lines))?.parser.id).toBe('syslog5424');
    expect(syslogIso.sniff(headOf(lines))).toBe(0);
    expect(syslogIso.parse(lines[0], makeCtx()).ok).toBe(false);
  });
});
