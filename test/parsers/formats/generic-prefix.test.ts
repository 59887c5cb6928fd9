// The learned layout when the time is not the line's first field (issue 12): the columns before the time
// (a label, a level, a host) and after it (further dates, node names, tag[pid] or level) are learned, their
// fields are read, and the message no longer carries the header. Lines in the shape of loghub's public
// Thunderbird and BGL samples (https://github.com/logpai/loghub) and of common level-first / host-first logs.
import { describe, expect, it } from 'vitest';
import type { EventFields } from '../../../src/core/schema.ts';
import { generic } from '../../../src/parsers/formats/generic.ts';
import { makeCtx } from '../../harness/parsers.ts';

const CASES: { name: string; lines: string[]; header: string[]; first: EventFields; message: string }[] = [
  {
    name: 'Thunderbird: label, epoch, date, user, syslog time, location, tag[pid]',
    lines: [
      '- 1131566461 2005.11.09 tbird-admin1 Nov 10 03:58:53 local@tbird-admin1 postfix/postdrop[10896]: warning: unable to look up public/pickup: No such file or directory',
      '- 1131567662 2005.11.09 dn228 Nov 9 12:21:02 dn228/dn228 crond(pam_unix)[2915]: session opened for user root by (uid=0)',
      'VAPI 1131575218 2005.11.09 tbird-sm1 Nov 9 14:26:58 src@tbird-sm1 ib_sm.x[24904]: [ib_sm_sweep.c:1455]: No topology change',
      '- 1131567723 2005.11.09 an112 Nov 9 12:22:03 an112/an112 kernel: Kernel command line: ro root=LABEL=/ console=ttyS0,115200',
    ],
    header: ['word', 'time', 'time', 'host', 'time', 'time', 'time', 'word', 'tag'],
    first: { ts: 1131566461000, 'obs.host.name': 'tbird-admin1', 'app.name': 'postfix/postdrop', 'obs.process.id': '10896' },
    message: 'warning: unable to look up public/pickup: No such file or directory',
  },
  {
    name: 'BGL: label, epoch, date, node, time, node, type, component, level',
    lines: [
      '- 1117838570 2005.06.03 R02-M1-N0-C:J12-U11 2005-06-03-15.42.50.675872 R02-M1-N0-C:J12-U11 RAS KERNEL INFO instruction cache parity error corrected',
      'APPREAD 1117869872 2005.06.04 R04-M1-N4-I:J18-U11 2005-06-04-00.24.32.432192 R04-M1-N4-I:J18-U11 RAS APP FATAL ciod: failed to read message prefix on control stream',
      '- 1117869876 2005.06.04 R27-M1-L3-U18-C 2005-06-04-00.24.36.222560 R27-M1-L3-U18-C RAS LINKCARD INFO MidplaneSwitchController performing bit sparing on R27-M1-L3-U18-C bit 1',
    ],
    header: ['word', 'time', 'time', 'host', 'time', 'word', 'word', 'component', 'level'],
    first: { ts: 1117838570000, 'obs.host.name': 'R02-M1-N0-C:J12-U11', 'app.name': 'KERNEL', 'alarm.sev': 'INFO' },
    message: 'instruction cache parity error corrected',
  },
  {
    name: 'level before the time, then thread and logger',
    lines: [
      'INFO 2024-01-02 10:11:12,345 [main] com.example.App: started in 3 s',
      'WARN 2024-01-02 10:11:13,001 [pool-1] com.example.Db: slow query',
      'ERROR 2024-01-02 10:11:14,002 [pool-2] com.example.Db: connection lost',
    ],
    header: ['level', 'time', 'thread', 'tag'],
    first: { ts: Date.UTC(2024, 0, 2, 10, 11, 12, 345), 'alarm.sev': 'INFO', 'data.thread': 'main', 'app.name': 'com.example.App' },
    message: 'started in 3 s',
  },
  {
    name: 'level and [thread] before the time (Cassandra system.log)',
    lines: [
      'INFO  [main] 2024-03-12 14:03:27,123 CassandraDaemon.java:612 - JVM vendor/version: OpenJDK 64-Bit Server VM/11.0.22',
      'WARN  [main] 2024-03-12 14:03:27,500 StartupChecks.java:187 - JMX is not enabled to receive remote connections',
      'INFO  [ScheduledTasks:1] 2024-03-12 14:03:40,010 StatusLogger.java:65 - Pool Name                    Active   Pending',
    ],
    header: ['level', 'thread', 'time'],
    first: { ts: Date.UTC(2024, 2, 12, 14, 3, 27, 123), 'alarm.sev': 'INFO', 'data.thread': 'main' },
    message: 'CassandraDaemon.java:612 - JVM vendor/version: OpenJDK 64-Bit Server VM/11.0.22',
  },
  {
    name: 'request id and tag[pid] before the time',
    lines: [
      'req-7f3a9c21d0 api[311]: 2024-01-02T10:11:12Z GET /v1/items 200',
      'req-0b77e2a4c9 api[311]: 2024-01-02T10:11:13Z POST /v1/items 201',
      'req-91aa0c3d5e worker[312]: 2024-01-02T10:11:14Z job 42 done',
    ],
    header: ['request', 'tag', 'time'],
    first: { ts: Date.UTC(2024, 0, 2, 10, 11, 12), 'session.id': 'req-7f3a9c21d0', 'app.name': 'api', 'obs.process.id': '311' },
    message: 'GET /v1/items 200',
  },
  {
    name: 'host before an RFC 3339 time, then tag[pid]',
    lines: [
      'web01 2024-01-02T10:11:12Z sshd[811]: Accepted publickey for alice from 10.0.0.5 port 5050',
      'web02 2024-01-02T10:11:13Z CRON[900]: (root) CMD (true)',
      'web01 2024-01-02T10:11:14Z kernel: [UFW BLOCK] IN=eth0',
    ],
    header: ['host', 'time', 'tag'],
    first: { ts: Date.UTC(2024, 0, 2, 10, 11, 12), 'obs.host.name': 'web01', 'app.name': 'sshd', 'obs.process.id': '811', 'init.host.ip': '10.0.0.5' },
    message: 'Accepted publickey for alice from 10.0.0.5 port 5050',
  },
];

describe('generic: the time anywhere in the header', () => {
  for (const c of CASES) {
    it(c.name, () => {
      const ctx = makeCtx();
      generic.prepare!({ name: '', bytes: new Uint8Array(), text: c.lines.join('\n'), lines: c.lines }, ctx);
      expect(ctx.learned?.header).toEqual(c.header);
      const events = c.lines.map((l) => {
        const r = generic.parse(l, ctx);
        if (!r.ok) throw new Error(r.error);
        return r.value;
      });
      expect(events[0]).toMatchObject(c.first);
      expect(events[0].message).toBe(c.message);
      // every line of the file has its header read: no message starts with the line's first token
      for (const [i, ev] of events.entries()) expect(String(ev.message).startsWith(c.lines[i].split(' ')[0])).toBe(false);
      expect(ctx.learned?.timeLines).toBe(c.lines.length);
    });
  }

  it('a line whose prefix does not fit keeps its whole text as the message', () => {
    const lines = CASES[3].lines;
    const ctx = makeCtx();
    generic.prepare!({ name: '', bytes: new Uint8Array(), text: lines.join('\n'), lines }, ctx);
    const r = generic.parse('(none) 2024-01-02T10:11:15Z sshd[1]: odd line', ctx);
    expect(r.ok && r.value.message).toBe('(none) 2024-01-02T10:11:15Z sshd[1]: odd line');
    expect(r.ok && r.value.ts).toBe(Date.UTC(2024, 0, 2, 10, 11, 15));
  });
});
