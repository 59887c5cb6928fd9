// Generic key=value records: Linux auditd, vendor firewalls (FortiGate, SonicWall, Barracuda…) with or
// without a syslog header, DHCP/IPAM exports, anything written as k=v k="v w".
// Spec: https://docs.redhat.com/en/documentation/red_hat_enterprise_linux/9/html/security_hardening/auditing-the-system_security-hardening (auditd), https://docs.fortinet.com/document/fortigate/7.4.0/fortios-log-message-reference (FortiGate)
// Example: type=SYSCALL msg=audit(1604994496.155:92733): arch=c000003e syscall=59 success=yes exit=0 ppid=29002 pid=1631 auid=1000 uid=1000 comm="arp" exe="/usr/sbin/arp" key=(null)
// Every pair is kept as data.<key> (keys as written; "__proto__" is just data.__proto__). Roles from the
// names vendors use: src/srcip/src_ip/source_ip -> init.host.ip, dst/dstip/… -> target.host.ip, ports alike,
// user/srcuser -> init.usr.name, dstuser/acct (auditd: the account acted on) -> target.usr.name,
// action (accept/deny…) -> action + outcome. Time: msg=audit(<epoch>:<serial>), else date= + time= (FortiGate),
// else time/timestamp/ts/eventtime=, else the syslog header or a leading timestamp.
// Quirks: auditd USER_* records nest a second k=v list in msg='…' (read too); PROCTITLE is hex with NUL
// separators (decoded to data.proctitle_text); "?" and "(null)" are auditd's empty values.
import { err, ok } from '../../core/result.ts';
import { formatTs, parseEpochTime, parseIsoTime, parseLeadingTime, parseSlashTime, type TimeSettings } from '../../core/time.ts';
import type { EventFields } from '../../core/schema.ts';
import type { TextParser } from '../types.ts';
import { countKvPairs, parseKvPairs, type KvPair } from '../extract/kvPairs.ts';
import { shareOfLines, sniffTime } from '../sniff.ts';

const AUDIT = /^(?:node=(\S+) )?type=(\S+) msg=audit\((\d+(?:\.\d+)?):(\d+)\): ?(.*)$/;
// an optional syslog (RFC 3164) header with a tag, before the pairs
const SYSLOG = /^(?:<\d{1,3}>)?([A-Z][a-z]{2} [ \d]?\d \d\d:\d\d:\d\d) (\S+) (?:([^\s:[=]+)(?:\[(\d+)\])?: )?(?=[A-Za-z_][\w.-]*=)/;
const STARTS_KV = /^[A-Za-z_][\w.-]*=/;

const TEXT: Readonly<Record<string, string>> = Object.assign(Object.create(null) as Record<string, string>, {
  src: 'init.host.ip', srcip: 'init.host.ip', src_ip: 'init.host.ip', source_ip: 'init.host.ip', saddr: 'init.host.ip', addr: 'init.host.ip',
  dst: 'target.host.ip', dstip: 'target.host.ip', dst_ip: 'target.host.ip', destination_ip: 'target.host.ip', daddr: 'target.host.ip',
  hn: 'init.host.name', host_name: 'init.host.name', client_hostname: 'init.host.name', ip: 'init.host.ip', client_ip: 'init.host.ip',
  mac: 'init.host.mac', srcmac: 'init.host.mac', src_mac: 'init.host.mac', client_mac: 'init.host.mac', dstmac: 'target.host.mac', dst_mac: 'target.host.mac',
  user: 'init.usr.name', srcuser: 'init.usr.name', username: 'init.usr.name', suser: 'init.usr.name', dstuser: 'target.usr.name',
  duser: 'target.usr.name', acct: 'target.usr.name', hostname: 'init.host.name', srchost: 'init.host.name', dsthost: 'target.host.name',
  devname: 'obs.host.name', device_name: 'obs.host.name', comm: 'init.process.name', exe: 'init.process.path', pid: 'init.process.id',
  url: 'target.uri.full', hostname_dst: 'target.host.name', policyid: 'rule.id', policyname: 'rule.name', rule: 'rule.name',
  level: 'alarm.sev', severity: 'alarm.sev', logid: 'alarm.id', subtype: 'data.subtype', sessionid: 'session.id',
  SRC: 'init.host.ip', DST: 'target.host.ip', // netfilter/iptables LOG target
});
const NUMBER: Readonly<Record<string, string>> = Object.assign(Object.create(null) as Record<string, string>, {
  srcport: 'init.host.port', src_port: 'init.host.port', sport: 'init.host.port', spt: 'init.host.port',
  dstport: 'target.host.port', dst_port: 'target.host.port', dport: 'target.host.port', dpt: 'target.host.port',
  sentbyte: 'session.in.byte', rcvdbyte: 'session.out.byte', duration: 'session.duration', SPT: 'init.host.port', DPT: 'target.host.port',
});
const EMPTY = new Set(['', '?', '(null)', 'N/A', 'n/a', '-']);
const SUCCESS = /^(?:accept(?:ed)?|allow(?:ed)?|pass(?:ed)?|permit(?:ted)?|success|succeeded|yes|ok|close|start|login)$/i;
const FAILURE = /^(?:den(?:y|ied)|drop(?:ped)?|block(?:ed)?|reject(?:ed)?|fail(?:ed|ure)?|no|timeout|server-rst|client-rst)$/i;

// lease and validity ends/starts written as times (DHCP exp="2024-03-03 08:14:01", expires=1709453641)
const TIME_VALUE_KEYS = new Set(['exp', 'expires', 'expiry', 'expire', 'expiration', 'lease_expires', 'lease_end', 'end_time', 'start_time', 'starts', 'ends']);

function apply(pairs: KvPair[], ev: EventFields, settings?: TimeSettings): void {
  for (const { key, value } of pairs) {
    ev[`data.${key}`] = value;
    if (EMPTY.has(value)) continue;
    if (settings !== undefined && TIME_VALUE_KEYS.has(key.toLowerCase())) {
      const t = parseIsoTime(value, settings) ?? parseSlashTime(value, settings) ?? (/^\d{10}(?:\.\d+)?$|^\d{13}$/.test(value) ? parseEpochTime(value) : undefined);
      if (t !== undefined) ev[`data.${key}.time`] = formatTs(t.ts);
    }
    const to = TEXT[key];
    if (to !== undefined && ev[to] === undefined) ev[to] = value;
    const numTo = NUMBER[key];
    if (numTo !== undefined && /^\d+$/.test(value)) ev[numTo] = Number(value);
    if (key === 'action' || key === 'act') {
      ev.action = value;
      if (SUCCESS.test(value)) ev.outcome = 'success';
      else if (FAILURE.test(value)) ev.outcome = 'failure';
    } else if (key === 'res' || key === 'result' || key === 'success' || key === 'status' || key === 'outcome') {
      if (SUCCESS.test(value)) ev.outcome = 'success';
      else if (FAILURE.test(value)) ev.outcome = 'failure';
    } else if ((key === 'msg' || key === 'message') && ev.message === undefined) ev.message = value;
  }
}

function hexText(hex: string): string | undefined {
  if (!/^(?:[0-9A-Fa-f]{2})+$/.test(hex)) return undefined;
  let s = '';
  for (let i = 0; i < hex.length; i += 2) {
    const c = parseInt(hex.slice(i, i + 2), 16);
    s += c === 0 ? ' ' : String.fromCharCode(c);
  }
  return s;
}

function pairTime(ev: EventFields, ctx: Parameters<TextParser['parse']>[1]): void {
  const date = ev['data.date'];
  const time = ev['data.time'];
  let text: string | undefined;
  if (typeof date === 'string' && typeof time === 'string') text = `${date} ${time}`;
  else {
    for (const k of ['data.timestamp', 'data.time', 'data.ts', 'data.eventtime', 'data.datetime', 'data.rt']) {
      if (typeof ev[k] === 'string') { text = ev[k] as string; break; }
    }
  }
  if (text === undefined) return;
  let t = parseIsoTime(text, ctx.time) ?? parseSlashTime(text, ctx.time);
  if (t === undefined && /^\d{10,19}(?:\.\d+)?$/.test(text)) {
    // FortiGate eventtime is in ns or µs: cut to ms
    const digits = text.split('.')[0];
    t = digits.length > 13 ? { ts: Number(digits.slice(0, 13)), guess: '' } : parseEpochTime(text);
  }
  if (t !== undefined) Object.assign(ev, { ts: t.ts, 'ts.raw': text, 'ts.guess': t.guess });
}

export const kv: TextParser = {
  kind: 'text',
  id: 'kv',
  title: 'key=value logs (auditd, firewalls, DHCP)',
  version: '2',
  url: 'https://docs.fortinet.com/document/fortigate/7.4.0/fortios-log-message-reference',
  framing: 'line',
  patterns: ['auditd', 'audit-nested', 'syslog-header', 'leading-time', 'pairs'],

  sniff(head) {
    const { settings, years } = sniffTime();
    const share = shareOfLines(head, (l) => {
      if (AUDIT.test(l)) return true;
      const h = SYSLOG.exec(l);
      let rest = h !== null ? l.slice(h[0].length) : l;
      if (h === null && !STARTS_KV.test(l)) {
        // pairs after any leading timestamp (DHCP/IPAM exports: 2024-03-02 08:14:01 hn="pc7" mac="..." ip="...")
        const t = parseLeadingTime(l, years, settings);
        if (t !== undefined) rest = l.slice(t.end).trimStart();
      }
      return STARTS_KV.test(rest) && countKvPairs(rest) >= 3;
    });
    // above syslog3164 (0.9) when the messages themselves are k=v lists: the pairs are the record
    return share * 0.93;
  },

  parse(line, ctx) {
    const a = AUDIT.exec(line);
    if (a !== null) {
      ctx.hit?.('auditd');
      const [, node, type, epoch, serial, body] = a;
      const t = parseEpochTime(epoch);
      const ev: EventFields = { type: /^(?:USER_|CRED_|LOGIN|ADD_|DEL_|GRP_|ACCT_)/.test(type) ? 'AUTH' : 'SYS', 'app.name': 'auditd', 'alarm.name': type, 'data.type': type, 'data.audit_serial': serial };
      if (t !== undefined) Object.assign(ev, { ts: t.ts, 'ts.raw': epoch, 'ts.guess': '' });
      if (node !== undefined) ev['obs.host.name'] = node;
      const pairs = parseKvPairs(body);
      apply(pairs, ev);
      const inner = pairs.find((p) => p.key === 'msg' && p.value.includes('='));
      if (inner !== undefined) {
        ctx.hit?.('audit-nested');
        delete ev.message;
        apply(parseKvPairs(inner.value), ev);
      }
      if (type === 'EXECVE') ev.message = pairs.filter((p) => /^a\d+$/.test(p.key)).map((p) => p.value).join(' ');
      else if (type === 'PROCTITLE' && typeof ev['data.proctitle'] === 'string') {
        const txt = hexText(ev['data.proctitle']);
        if (txt !== undefined) ev['data.proctitle_text'] = txt.trim();
      }
      if (typeof ev['data.ses'] === 'string' && ev['data.ses'] !== '4294967295') ev['session.id'] = ev['data.ses'];
      ev.message = `${type} ${typeof ev.message === 'string' && ev.message !== '' ? ev.message : body}`;
      return ok(ev);
    }
    const ev: EventFields = { type: 'SYS' };
    let rest = line;
    const h = SYSLOG.exec(line);
    if (h !== null) {
      ctx.hit?.('syslog-header');
      const lt = parseLeadingTime(h[1], ctx.years, ctx.time);
      if (lt !== undefined) Object.assign(ev, { ts: lt.ts, 'ts.raw': lt.raw, 'ts.guess': lt.guess });
      ev['obs.host.name'] = h[2];
      if (h[3] !== undefined) ev['app.name'] = h[3];
      if (h[4] !== undefined) ev['obs.process.id'] = h[4];
      rest = line.slice(h[0].length);
    } else if (!STARTS_KV.test(line)) {
      const lt = parseLeadingTime(line, ctx.years, ctx.time);
      if (lt !== undefined) {
        ctx.hit?.('leading-time');
        Object.assign(ev, { ts: lt.ts, 'ts.raw': lt.raw, 'ts.guess': lt.guess });
        rest = line.slice(lt.end).trimStart();
      }
    }
    const pairs = parseKvPairs(rest);
    if (pairs.length === 0) return err('no key=value pairs in the line');
    ctx.hit?.('pairs');
    apply(pairs, ev, ctx.time);
    if (ev.ts === undefined) pairTime(ev, ctx);
    if (ev['init.host.ip'] !== undefined && ev['target.host.ip'] !== undefined && (ev.action !== undefined || ev['data.proto'] !== undefined || ev['data.PROTO'] !== undefined)) ev.type = 'FW';
    if (ev.message === undefined) ev.message = rest;
    return ok(ev);
  },

  samples: [
    {
      input: 'type=SYSCALL msg=audit(1604994496.155:92733): arch=c000003e syscall=59 success=yes exit=0 a0=558e251634a0 a1=558e25162a50 a2=558e25160800 a3=8 items=2 ppid=29002 pid=1631 auid=1000 uid=1000 gid=1000 euid=1000 suid=1000 fsuid=1000 egid=1000 sgid=1000 fsgid=1000 tty=pts0 ses=104 comm="arp" exe="/usr/sbin/arp" key=(null)',
      expect: {
        ts: 1604994496155, 'ts.guess': '', 'alarm.name': 'SYSCALL', 'data.syscall': '59', outcome: 'success', 'init.process.name': 'arp',
        'init.process.path': '/usr/sbin/arp', 'init.process.id': '1631', 'data.auid': '1000', 'data.key': '(null)', 'session.id': '104', type: 'SYS',
      },
    },
    {
      input: 'type=EXECVE msg=audit(1604994496.155:92733): argc=2 a0="arp" a1="-a"',
      expect: { message: 'EXECVE arp -a', 'data.a1': '-a' },
    },
    {
      input: 'type=USER_AUTH msg=audit(1364481363.243:24287): pid=2913 uid=0 auid=4294967295 ses=4294967295 msg=\'op=PAM:authentication acct="root" exe="/usr/sbin/sshd" hostname=10.0.0.5 addr=10.0.0.5 terminal=ssh res=failed\'',
      expect: { type: 'AUTH', 'target.usr.name': 'root', 'init.host.ip': '10.0.0.5', outcome: 'failure', 'data.op': 'PAM:authentication', ts: 1364481363243 },
    },
    {
      input: 'type=PROCTITLE msg=audit(1604994496.155:92733): proctitle=617270002D61',
      expect: { 'data.proctitle_text': 'arp -a' },
    },
    {
      input: 'Jan 18 11:07:53 fw01 date=2024-01-18 time=11:07:53 devname="FG-100E" logid="0000000013" type="traffic" subtype="forward" level="notice" srcip=10.1.1.5 srcport=51234 dstip=93.184.216.34 dstport=443 action="deny" policyid=12 user="bob"',
      expect: {
        'obs.host.name': 'fw01', 'init.host.ip': '10.1.1.5', 'init.host.port': 51234, 'target.host.ip': '93.184.216.34', 'target.host.port': 443,
        action: 'deny', outcome: 'failure', type: 'FW', 'init.usr.name': 'bob', 'rule.id': '12', 'data.devname': 'FG-100E',
      },
    },
    {
      input: '2024-03-02 08:14:01 hn="laptop-7" mac="aa:bb:cc:dd:ee:ff" ip="10.0.5.50" gw="10.0.5.1" action="DHCPACK" exp="2024-03-03 08:14:01"',
      expect: {
        ts: Date.UTC(2024, 2, 2, 8, 14, 1), 'init.host.name': 'laptop-7', 'init.host.mac': 'aa:bb:cc:dd:ee:ff', 'init.host.ip': '10.0.5.50', 'data.gw': '10.0.5.1',
        action: 'DHCPACK', 'data.exp': '2024-03-03 08:14:01', 'data.exp.time': '2024-03-03T08:14:01.000Z',
      },
    },
    {
      input: '2024-02-03T04:05:06Z dhcp lease="192.168.1.50" mac="aa:bb:cc:dd:ee:ff" hostname="laptop-7" event="assign"',
      expect: { ts: Date.UTC(2024, 1, 3, 4, 5, 6), 'data.lease': '192.168.1.50', 'init.host.name': 'laptop-7', 'data.event': 'assign' },
    },
  ],
};
