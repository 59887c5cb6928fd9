// Windows DHCP Server audit log (DhcpSrvLog-<Day>.log, DhcpV6SrvLog-<Day>.log): a text preamble that explains
// the event ids, a header row, then one comma-separated record per line.
// Spec: https://learn.microsoft.com/en-us/previous-versions/windows/it-pro/windows-server-2008-R2-and-2008/dd759178(v=ws.10) (analyze DHCP server log files)
// Example: 10,03/02/24,08:14:01,Assign,10.0.5.50,laptop7.corp.example,A1B2C3D4E5F6,,2783144112,0,,,,0x4D53465420352E30,MSFT 5.0,,,,0
// Fields (IPv4): ID, Date (MM/DD/YY), Time, Description, IP Address, Host Name, MAC Address, User Name,
// TransactionID, QResult, Probationtime, CorrelationID, Dhcid, VendorClass(Hex), VendorClass(ASCII),
// UserClass(Hex), UserClass(ASCII), RelayAgentInformation, DnsRegError. IPv6: ID, Date, Time, Description,
// IPv6 Address, Host Name, Error Code, Duid Length, Duid Bytes(Hex), User Name, Dhcid, Subnet Prefix.
// Roles: the DHCP client is the initiator: IP -> init.host.ip, host name -> init.host.name, MAC -> init.host.mac.
// Event ids -> action (10 assign, 11 renew, 12 release, 15 deny ...); denials and failed DNS updates are failures.
// Quirks: the server's local time, no zone (assumed, flagged); the preamble lines are skipped as meta lines.
import { err, ok } from '../../core/result.ts';
import { utcMs } from '../../core/time.ts';
import type { EventFields } from '../../core/schema.ts';
import type { TextParser } from '../types.ts';
import { setEndpoint } from '../extract/devicePrefix.ts';
import { shareOfLines } from '../sniff.ts';

const DATA = /^(\d{2,5}),(\d\d)\/(\d\d)\/(\d\d(?:\d\d)?),(\d\d):(\d\d):(\d\d),/;
const HEADER = /^ID,Date,Time,Description,/;
const SEEN = 'windows-dhcp.data';
const V4 = ['id', 'date', 'time', 'description', 'ip', 'host', 'mac', 'user', 'transaction_id', 'qresult', 'probation_time', 'correlation_id', 'dhcid', 'vendor_class_hex', 'vendor_class', 'user_class_hex', 'user_class', 'relay_agent_information', 'dns_reg_error'];
const V6 = ['id', 'date', 'time', 'description', 'ip', 'host', 'error_code', 'duid_length', 'duid', 'user', 'dhcid', 'subnet_prefix'];
const ACTIONS: Readonly<Record<string, [string, ('success' | 'failure')?]>> = Object.assign(Object.create(null) as Record<string, [string, ('success' | 'failure')?]>, {
  '00': ['log-start'], '01': ['log-stop'], '02': ['log-pause'], '10': ['assign', 'success'], '11': ['renew', 'success'], '12': ['release', 'success'],
  '13': ['address-in-use', 'failure'], '14': ['pool-exhausted', 'failure'], '15': ['deny', 'failure'], '16': ['delete'], '17': ['expire'], '18': ['expire-delete'],
  '20': ['bootp-assign', 'success'], '21': ['bootp-dynamic-assign', 'success'], '22': ['bootp-pool-exhausted', 'failure'], '23': ['bootp-delete'], '24': ['cleanup-start'],
  '25': ['cleanup'], '30': ['dns-update-request'], '31': ['dns-update', 'failure'], '32': ['dns-update', 'success'], '33': ['drop-nap', 'failure'],
  '34': ['dns-update', 'failure'], '35': ['dns-update', 'failure'], '36': ['drop-failover-standby', 'failure'],
  '11000': ['solicit'], '11001': ['advertise'], '11002': ['request'], '11003': ['confirm'], '11004': ['renew', 'success'], '11005': ['rebind'],
  '11006': ['decline', 'failure'], '11007': ['release', 'success'],
});

export const windowsDhcp: TextParser = {
  kind: 'text',
  id: 'windows-dhcp',
  title: 'Windows DHCP Server audit log',
  version: '1',
  url: 'https://learn.microsoft.com/en-us/previous-versions/windows/it-pro/windows-server-2008-R2-and-2008/dd759178(v=ws.10)',
  framing: 'line',
  patterns: ['v4', 'v6', 'preamble'],

  sniff(head) {
    // the header row anywhere in the head, or data records (a log cut after its preamble)
    if (head.lines.some((l) => HEADER.test(l))) return 0.97;
    return shareOfLines(head, DATA) * 0.9;
  },

  isMeta(record, ctx) {
    if (HEADER.test(record)) {
      ctx.state.set(SEEN, true);
      ctx.hit?.('preamble');
      return true;
    }
    // the preamble explains the event ids in prose; once records started, every line is a record (or unparsed)
    return ctx.state.get(SEEN) !== true && !DATA.test(record);
  },

  parse(line, ctx) {
    const d = DATA.exec(line);
    if (d === null) return err('not a DHCP audit record (expected "ID,MM/DD/YY,hh:mm:ss,Description,...")');
    ctx.state.set(SEEN, true);
    const cells = line.split(',');
    const v6 = Number(d[1]) >= 11000;
    ctx.hit?.(v6 ? 'v6' : 'v4');
    const names = v6 ? V6 : V4;
    const ev: EventFields = { type: 'SYS', 'app.name': 'DHCPServer', vendor: 'Microsoft', 'alarm.id': d[1] };
    for (let i = 3; i < cells.length; i++) {
      if (cells[i] !== '') ev[`data.${names[i] ?? `field${i + 1}`}`] = cells[i].trim();
    }
    const year = d[4].length === 2 ? 2000 + Number(d[4]) : Number(d[4]);
    const local = utcMs(year, Number(d[2]) - 1, Number(d[3]), Number(d[5]), Number(d[6]), Number(d[7]), 0);
    if (Number.isNaN(local)) return err(`invalid date "${d[2]}/${d[3]}/${d[4]} ${d[5]}:${d[6]}:${d[7]}"`);
    Object.assign(ev, { ts: local - ctx.time.tzOffsetMinutes * 60_000, 'ts.raw': `${d[2]}/${d[3]}/${d[4]} ${d[5]}:${d[6]}:${d[7]}`, 'ts.guess': 'zone' });
    setEndpoint(ev, 'init', cells[4]?.trim());
    if (cells[5] !== undefined && cells[5].trim() !== '') ev['init.host.name'] = cells[5].trim();
    if (!v6 && cells[6] !== undefined && cells[6].trim() !== '') ev['init.host.mac'] = cells[6].trim();
    const user = cells[v6 ? 9 : 7]?.trim();
    if (user !== undefined && user !== '') ev['init.usr.name'] = user;
    const a = ACTIONS[d[1]];
    ev.action = a !== undefined ? a[0] : (cells[3] ?? '').trim().toLowerCase().replace(/\s+/g, '-');
    if (a?.[1] !== undefined) ev.outcome = a[1];
    ev.message = [cells[3], cells[4], cells[5], v6 ? undefined : cells[6]].filter((x) => x !== undefined && x.trim() !== '').join(' ');
    return ok(ev);
  },

  samples: [
    {
      before: [
        '\t\tMicrosoft DHCP Service Activity Log',
        '',
        'Event ID  Meaning',
        '00\tThe log was started.',
        '10\tA new IP address was leased to a client.',
        'ID,Date,Time,Description,IP Address,Host Name,MAC Address,User Name, TransactionID, QResult,Probationtime, CorrelationID,Dhcid,VendorClass(Hex),VendorClass(ASCII),UserClass(Hex),UserClass(ASCII),RelayAgentInformation,DnsRegError.',
      ],
      input: '10,03/02/24,08:14:01,Assign,10.0.5.50,laptop7.corp.example,A1B2C3D4E5F6,,2783144112,0,,,,0x4D53465420352E30,MSFT 5.0,,,,0',
      expect: {
        ts: Date.UTC(2024, 2, 2, 8, 14, 1), 'ts.guess': 'zone', 'alarm.id': '10', action: 'assign', outcome: 'success', 'init.host.ip': '10.0.5.50',
        'init.host.name': 'laptop7.corp.example', 'init.host.mac': 'A1B2C3D4E5F6', 'data.vendor_class': 'MSFT 5.0', message: 'Assign 10.0.5.50 laptop7.corp.example A1B2C3D4E5F6',
      },
    },
    {
      input: '15,03/02/24,08:20:44,NACK,10.0.9.12,,0050568A1B2C,,1122334455,0,,,,,,,,,0',
      expect: { action: 'deny', outcome: 'failure', 'init.host.ip': '10.0.9.12', 'init.host.mac': '0050568A1B2C' },
    },
    {
      input: '11004,03/02/24,09:00:00,DHCPV6 Renew,2001:db8:10::51,pc22.corp.example,,18,000100012A3B4C5D0050568A1B2C,,,2001:db8:10::',
      expect: { action: 'renew', 'init.host.ip': '2001:db8:10::51', 'init.host.name': 'pc22.corp.example', 'data.duid': '000100012A3B4C5D0050568A1B2C' },
    },
  ],
};
