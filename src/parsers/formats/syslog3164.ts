// RFC 3164 (BSD) syslog, as /var/log/auth.log, secure, messages and syslog files write it.
// Spec: https://datatracker.ietf.org/doc/html/rfc3164
// Example: "Dec 10 06:55:46 LabSZ sshd[24200]: Invalid user webmaster from 173.234.31.186"
// Quirks: files usually drop the <PRI>; single-digit days are space padded ("Jul  3"); some daemons write a
// tag with spaces ("syslogd 1.4.1: restart.") or a facility in parentheses ("sshd(pam_unix)[19939]");
// rsyslog may add fractions ("06:55:46.123") and a year after the time. No year, no zone: both inferred.
import { err, ok } from '../../core/result.ts';
import { parseSyslogTime } from '../../core/time.ts';
import type { EventFields } from '../../core/schema.ts';
import type { TextParser } from '../types.ts';
import { AUTH_RULE_NAMES } from '../extract/linuxAuth.ts';
import { fillSyslogTag } from '../extract/syslogTag.ts';
import { shareOfLines } from '../sniff.ts';

//              <PRI>?          Mon        dd         hh:mm:ss        .frac        year?        host   tag                     [pid]?        : msg
export const SYSLOG3164_LINE = /^(?:<(\d{1,3})>)?([A-Z][a-z]{2}) ([ \d]?\d) (\d\d:\d\d:\d\d)(?:\.(\d{1,6}))?(?: (\d{4}))? (\S+) ([^:[\]]{1,64}?)(?:\[(\d+)\])?: ?(.*)$/;
// a line whose tag part is missing ("Jun 14 15:16:01 combo kernel message"): still a syslog record
const NO_TAG = /^(?:<(\d{1,3})>)?([A-Z][a-z]{2}) ([ \d]?\d) (\d\d:\d\d:\d\d)(?:\.(\d{1,6}))?(?: (\d{4}))? (\S+) (.*)$/;

const SEVERITIES = ['emerg', 'alert', 'crit', 'err', 'warning', 'notice', 'info', 'debug'];
const FACILITIES = [
  'kern', 'user', 'mail', 'daemon', 'auth', 'syslog', 'lpr', 'news', 'uucp', 'cron', 'authpriv', 'ftp', 'ntp', 'audit',
  'alert', 'clock', 'local0', 'local1', 'local2', 'local3', 'local4', 'local5', 'local6', 'local7',
];

/** <PRI> -> facility and severity keywords (RFC 3164 section 4.1.1). */
export function priFields(pri: string | undefined): EventFields {
  if (pri === undefined) return {};
  const n = Number(pri);
  return { 'alarm.sev': SEVERITIES[n & 7], 'data.syslog.facility': FACILITIES[n >> 3] ?? String(n >> 3) };
}

export const syslog3164: TextParser = {
  kind: 'text',
  id: 'syslog3164',
  title: 'Syslog (RFC 3164 / BSD), auth.log, secure, messages',
  version: '2',
  url: 'https://datatracker.ietf.org/doc/html/rfc3164',
  framing: 'line',
  patterns: ['line', 'no-tag', 'netfilter', ...AUTH_RULE_NAMES],

  sniff(head) {
    return shareOfLines(head, SYSLOG3164_LINE) * 0.9;
  },

  parse(line, ctx) {
    let m = SYSLOG3164_LINE.exec(line);
    let tagged = true;
    if (m === null) {
      m = NO_TAG.exec(line);
      tagged = false;
      if (m === null) return err('not an RFC 3164 syslog line (expected "Mon dd hh:mm:ss host tag: message")');
    }
    const year = m[6];
    const t = parseSyslogTime(m[2], m[3].trim(), m[4], m[5], ctx.years, ctx.time, year === undefined ? undefined : Number(year));
    if (t === undefined) return err(`invalid date "${m[2]} ${m[3]} ${m[4]}"`);
    const host = m[7];
    const ev: EventFields = {
      ts: t.ts,
      'ts.raw': `${m[2]} ${m[3]} ${m[4]}${m[5] ? '.' + m[5] : ''}${year ? ' ' + year : ''}`,
      'ts.guess': t.guess,
      'obs.host.name': host,
      type: 'SYS',
      ...priFields(m[1]),
    };
    if (!tagged) {
      ctx.hit?.('no-tag');
      ev.message = m[8].trimStart();
      return ok(ev);
    }
    ctx.hit?.('line');
    fillSyslogTag(m[8], m[9], m[10], ev, ctx.hit);
    return ok(ev);
  },

  samples: [
    {
      input: 'Dec 10 06:55:46 LabSZ sshd[24200]: Invalid user webmaster from 173.234.31.186',
      expect: {
        'obs.host.name': 'LabSZ', 'app.name': 'sshd', 'obs.process.id': '24200', type: 'AUTH', outcome: 'failure',
        'target.usr.name': 'webmaster', 'init.host.ip': '173.234.31.186', message: 'Invalid user webmaster from 173.234.31.186',
      },
    },
    {
      input: 'Feb 21 21:54:44 localhost sshd[3402]: Accepted publickey for vagrant from 10.0.2.2 port 63673 ssh2: RSA 39:33:99:e9:a0:dc:f2:33:a3:e5:72:3b:7c:3a:56:84',
      expect: { outcome: 'success', action: 'logon', 'target.usr.name': 'vagrant', 'init.host.ip': '10.0.2.2', 'init.host.port': 63673, 'data.auth_method': 'publickey' },
    },
    {
      input: 'Feb 20 08:35:22 slave22 sshd[5774]: Failed password for root from 216.160.83.57 port 29160 ssh2',
      expect: { outcome: 'failure', action: 'logon', 'target.usr.name': 'root', 'init.host.ip': '216.160.83.57', 'init.host.port': 29160 },
    },
    {
      input: 'Dec 10 07:07:38 LabSZ sshd[24206]: Failed password for invalid user test9 from 52.80.34.196 port 36060 ssh2',
      expect: { outcome: 'failure', 'target.usr.name': 'test9', 'data.invalid_user': 'true', 'init.host.ip': '52.80.34.196' },
    },
    {
      input: 'Dec 10 06:55:46 LabSZ sshd[24200]: reverse mapping checking getaddrinfo for ns.marryaldkfaczcz.com [173.234.31.186] failed - POSSIBLE BREAK-IN ATTEMPT!',
      expect: { 'init.host.name': 'ns.marryaldkfaczcz.com', 'init.host.ip': '173.234.31.186' },
    },
    {
      input: 'Dec 10 09:32:20 LabSZ sshd[24680]: error: maximum authentication attempts exceeded for root from 5.36.59.76 port 42393 ssh2 [preauth]',
      expect: { outcome: 'failure', 'target.usr.name': 'root', 'init.host.ip': '5.36.59.76', 'init.host.port': 42393 },
    },
    {
      input: 'Dec 10 06:55:48 LabSZ sshd[24200]: Received disconnect from 173.234.31.186: 11: Bye Bye [preauth]',
      expect: { action: 'disconnect', 'init.host.ip': '173.234.31.186' },
    },
    {
      input: 'Jan  5 10:01:02 web01 sshd[811]: Connection closed by authenticating user root 198.51.100.7 port 50012 [preauth]',
      expect: { action: 'disconnect', 'target.usr.name': 'root', 'init.host.ip': '198.51.100.7', 'init.host.port': 50012 },
    },
    {
      input: 'Feb 19 15:30:04 slave22 sshd[18406]: Did not receive identification string from 2.125.160.217',
      expect: { action: 'scan', 'init.host.ip': '2.125.160.217' },
    },
    {
      input: 'Jun 14 15:16:01 combo sshd(pam_unix)[19939]: authentication failure; logname= uid=0 euid=0 tty=NODEVssh ruser= rhost=218.188.2.4 ',
      expect: { 'app.name': 'sshd(pam_unix)', 'obs.process.name': 'sshd', outcome: 'failure', 'init.host.ip': '218.188.2.4' },
    },
    {
      input: 'Dec 10 11:03:44 LabSZ sshd[25455]: PAM 2 more authentication failures; logname= uid=0 euid=0 tty=ssh ruser= rhost=183.62.140.253  user=root',
      expect: { outcome: 'failure', 'init.host.ip': '183.62.140.253', 'target.usr.name': 'root', 'data.count': '2' },
    },
    {
      input: 'Jun 15 04:06:18 combo su(pam_unix)[21416]: session opened for user cyrus by (uid=0)',
      expect: { action: 'session-opened', 'target.usr.name': 'cyrus' },
    },
    {
      input: 'Jun 14 15:16:02 combo sshd(pam_unix)[19937]: check pass; user unknown',
      expect: { outcome: 'failure', 'data.invalid_user': 'true' },
    },
    {
      input: 'Feb 24 00:13:02 precise32 sudo:      tsg : user NOT in sudoers ; TTY=pts/1 ; PWD=/home/vagrant ; USER=root ; COMMAND=/bin/ls',
      expect: { action: 'sudo', outcome: 'failure', 'init.usr.name': 'tsg', 'target.usr.name': 'root', 'data.command': '/bin/ls', 'data.reason': 'user NOT in sudoers' },
    },
    {
      input: 'Mar  3 14:02:11 web01 su[4411]: FAILED su for root by alice',
      expect: { action: 'su', outcome: 'failure', 'target.usr.name': 'root', 'init.usr.name': 'alice' },
    },
    {
      input: 'Feb 22 11:47:05 localhost useradd[6995]: new user: name=apache, UID=48, GID=48, home=/usr/share/httpd, shell=/sbin/nologin',
      expect: { action: 'user-created', 'target.usr.name': 'apache', 'data.uid': '48', 'data.shell': '/sbin/nologin' },
    },
    {
      input: 'Feb 22 11:47:05 localhost groupadd[6991]: new group: name=apache, GID=48',
      expect: { action: 'group-created', 'target.group.name': 'apache' },
    },
    {
      input: "Mar  3 14:05:00 web01 usermod[4420]: add 'backdoor' to group 'sudo'",
      expect: { action: 'group-member-added', 'target.usr.name': 'backdoor', 'target.group.name': 'sudo' },
    },
    {
      input: "Mar  4 09:00:00 web01 userdel[5001]: delete user 'backdoor'",
      expect: { action: 'user-deleted', 'target.usr.name': 'backdoor' },
    },
    {
      input: 'Mar  3 14:06:00 web01 passwd[4425]: pam_unix(passwd:chauthtok): password changed for backdoor',
      expect: { action: 'password-changed', 'target.usr.name': 'backdoor' },
    },
    {
      input: 'Mar  3 14:17:01 web01 CRON[4501]: (root) CMD (   cd / && run-parts --report /etc/cron.hourly)',
      expect: { action: 'cron', 'init.usr.name': 'root', 'data.command': '   cd / && run-parts --report /etc/cron.hourly' },
    },
    {
      input: 'Jun 17 07:07:00 combo ftpd[29504]: connection from 24.54.76.216 (24-54-76-216.bflony.adelphia.net) at Fri Jun 17 07:07:00 2005 ',
      expect: { 'init.host.ip': '24.54.76.216', 'init.host.name': '24-54-76-216.bflony.adelphia.net' },
    },
    {
      input: '<38>Oct 11 22:14:15 mymachine su: \'su root\' failed for lonvick on /dev/pts/8',
      expect: { 'alarm.sev': 'info', 'data.syslog.facility': 'auth', 'obs.host.name': 'mymachine', 'app.name': 'su' },
    },
    {
      // journalctl -o short-precise: a zero-padded day and microseconds
      input: 'Mar 02 08:14:01.120331 web02 sshd[2201]: Failed password for root from 203.0.113.9 port 50122 ssh2',
      expect: { 'obs.host.name': 'web02', 'obs.process.id': '2201', outcome: 'failure', 'target.usr.name': 'root', 'init.host.ip': '203.0.113.9' },
    },
    {
      input: 'Mar  2 14:03:11 web01 kernel: [123456.789012] [UFW BLOCK] IN=eth0 OUT= MAC=00:16:3e:5e:6c:00:00:16:3e:11:22:33:08:00 SRC=198.51.100.23 DST=10.20.0.10 LEN=40 TOS=0x00 PREC=0x00 TTL=244 ID=54321 PROTO=TCP SPT=42424 DPT=23 WINDOW=1024 RES=0x00 SYN URGP=0',
      expect: {
        type: 'FW', action: 'block', outcome: 'failure', 'rule.name': 'UFW BLOCK', 'init.host.ip': '198.51.100.23', 'init.host.port': 42424,
        'target.host.ip': '10.20.0.10', 'target.host.port': 23, 'data.netfilter.proto': 'TCP', 'data.netfilter.in': 'eth0',
      },
    },
    {
      input: 'Mar  2 14:03:12 fw01 kernel: IPTABLES-ACCEPT: IN=eth1 OUT=eth0 SRC=10.0.0.5 DST=192.0.2.80 LEN=60 PROTO=TCP SPT=50000 DPT=443 SYN',
      expect: { type: 'FW', action: 'allow', outcome: 'success', 'rule.name': 'IPTABLES-ACCEPT', 'data.netfilter.out': 'eth0', 'target.host.port': 443 },
    },
    {
      input: 'Jun 19 04:09:11 combo syslogd 1.4.1: restart.',
      expect: { 'app.name': 'syslogd 1.4.1', message: 'restart.' },
    },
    {
      input: 'Jul 27 14:41:57 combo unexpected text without a tag',
      expect: { 'obs.host.name': 'combo', message: 'unexpected text without a tag' },
    },
  ],
};
