// pfSense / OPNsense packet filter log ("filterlog"): one CSV record per line after a syslog header
// (BSD "Nov 14 17:10:17 filterlog[123]: ..." or RFC 5424 "<134>1 2024-...Z fw.example filterlog 123 - - ...").
// Spec: https://docs.netgate.com/pfsense/en/latest/monitoring/raw-filter-log-format.html
// Example: <134>Nov 14 17:10:17 filterlog[50710]: 5,,,1000000103,igb0,match,block,in,4,0x0,,64,12345,0,DF,6,tcp,60,203.0.113.9,10.0.0.5,54321,22,0,S,1234567890,,64240,,mss;sackOK;TS;nop;wscale
// Fields: rule number, sub rule, anchor, tracker, interface, reason, action, direction, IP version; IPv4:
// tos, ecn, ttl, id, offset, flags, protocol id, protocol text; IPv6: class, flow label, hop limit, protocol
// text, protocol id; then length, source, destination; TCP/UDP: source port, destination port, data length
// (TCP then flags, sequence, ack, window, urg, options).
// Roles: source -> init, destination -> target; action pass -> success, block/reject -> failure; the
// tracker (a rule's stable id) -> rule.id, the rule number -> data.rule_number.
// Quirks: the BSD header has no host by default; OPNsense appends fields after the documented ones (kept as data.fieldN).
import { err, ok } from '../../core/result.ts';
import type { EventFields } from '../../core/schema.ts';
import type { TextParser } from '../types.ts';
import { outcomeOf, readDevicePrefix, setEndpoint } from '../extract/devicePrefix.ts';
import { shareOfLines } from '../sniff.ts';

// the tag and what separates it from the CSV: "filterlog[123]: ", "filterlog: ", "filterlog 123 - - "
const TAG = /(?:^|\s)filterlog(?:\[\d+\])?(?::\s*| \d+ \S+ (?:-|\[[^\]]*\])\s+)(?=\d*,)/;

export const pfsense: TextParser = {
  kind: 'text',
  id: 'pfsense',
  title: 'pfSense / OPNsense filterlog (CSV)',
  version: '1',
  url: 'https://docs.netgate.com/pfsense/en/latest/monitoring/raw-filter-log-format.html',
  framing: 'line',
  patterns: ['ipv4', 'ipv6', 'ports', 'tcp'],

  sniff(head) {
    return shareOfLines(head, TAG) * 0.96;
  },

  parse(line, ctx) {
    const t = TAG.exec(line);
    if (t === null) return err('not a filterlog record (no "filterlog:" tag before the CSV)');
    const ev: EventFields = { type: 'FW', 'app.name': 'filterlog', vendor: 'pf' };
    readDevicePrefix(line.slice(0, t.index), ctx, ev);
    const f = line.slice(t.index + t[0].length).split(',');
    if (f.length < 9) return err('filterlog record with fewer than 9 fields');
    const [ruleNo, subRule, anchor, tracker, iface, reason, action, dir, ipv] = f;
    Object.assign(ev, { 'data.rule_number': ruleNo, 'data.interface': iface, 'data.reason': reason, 'data.direction': dir, action });
    if (subRule !== '') ev['data.sub_rule'] = subRule;
    if (anchor !== '') ev['data.anchor'] = anchor;
    if (tracker !== '') ev['rule.id'] = tracker;
    const o = outcomeOf(action);
    if (o !== undefined) ev.outcome = o;
    let i: number; // index of the length field
    if (ipv === '4') {
      ctx.hit?.('ipv4');
      Object.assign(ev, { 'data.ttl': f[11] ?? '', 'data.ip_flags': f[14] ?? '', 'data.protocol_id': f[15] ?? '', 'data.protocol': f[16] ?? '' });
      i = 17;
    } else if (ipv === '6') {
      ctx.hit?.('ipv6');
      Object.assign(ev, { 'data.hop_limit': f[11] ?? '', 'data.protocol': f[12] ?? '', 'data.protocol_id': f[13] ?? '' });
      i = 14;
    } else return err(`unknown IP version "${ipv}"`);
    if (f[i] !== undefined) ev['data.length'] = f[i];
    setEndpoint(ev, 'init', f[i + 1]);
    setEndpoint(ev, 'target', f[i + 2]);
    const proto = String(ev['data.protocol']).toLowerCase();
    let end = i + 3;
    if (proto === 'tcp' || proto === 'udp') {
      ctx.hit?.('ports');
      setEndpoint(ev, 'init', undefined, f[i + 3]);
      setEndpoint(ev, 'target', undefined, f[i + 4]);
      if (f[i + 5] !== undefined) ev['data.data_length'] = f[i + 5];
      end = i + 6;
      if (proto === 'tcp') {
        ctx.hit?.('tcp');
        if (f[i + 6] !== undefined) ev['data.tcp_flags'] = f[i + 6];
        end = i + 12;
      }
    }
    for (let k = end; k < f.length; k++) if (f[k] !== '') ev[`data.field${k + 1}`] = f[k];
    const port = (r: 'init' | 'target'): string => (ev[`${r}.host.port`] === undefined ? '' : `:${ev[`${r}.host.port`]}`);
    ev.message = `${action} ${dir} on ${iface}: ${String(ev['data.protocol'])} ${f[i + 1] ?? ''}${port('init')} -> ${f[i + 2] ?? ''}${port('target')}`;
    return ok(ev);
  },

  samples: [
    {
      input: '<134>Nov 14 17:10:17 filterlog[50710]: 5,,,1000000103,igb0,match,block,in,4,0x0,,64,12345,0,DF,6,tcp,60,203.0.113.9,10.0.0.5,54321,22,0,S,1234567890,,64240,,mss;sackOK;TS;nop;wscale',
      expect: {
        ts: Date.UTC(2025, 10, 14, 17, 10, 17), 'ts.guess': 'year,zone', type: 'FW', action: 'block', outcome: 'failure', 'rule.id': '1000000103', 'data.interface': 'igb0',
        'init.host.ip': '203.0.113.9', 'init.host.port': 54321, 'target.host.ip': '10.0.0.5', 'target.host.port': 22, 'data.protocol': 'tcp', 'data.tcp_flags': 'S', 'data.direction': 'in',
      },
    },
    {
      input: '<134>1 2024-06-01T08:00:01.123+02:00 fw.example.net filterlog 50710 - - 71,,,1000006862,em1,match,pass,out,6,0x00,0x00000,64,udp,17,85,2001:db8::10,2001:4860:4860::8888,53124,53,85',
      expect: {
        ts: Date.UTC(2024, 5, 1, 6, 0, 1, 123), 'obs.host.name': 'fw.example.net', action: 'pass', outcome: 'success', 'init.host.ip': '2001:db8::10',
        'target.host.ip': '2001:4860:4860::8888', 'target.host.port': 53, 'data.protocol': 'udp', 'data.hop_limit': '64',
      },
    },
    {
      input: 'Nov 14 17:11:02 pfsense filterlog: 12,,,1000000105,em0,match,block,in,4,0x0,,250,0,0,none,1,icmp,84,198.51.100.4,10.0.0.1,request,8372,1',
      expect: { 'obs.host.name': 'pfsense', 'data.protocol': 'icmp', 'init.host.ip': '198.51.100.4', 'target.host.ip': '10.0.0.1', 'data.field21': 'request' },
    },
  ],
};
