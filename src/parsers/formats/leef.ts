// IBM QRadar Log Event Extended Format (LEEF 1.0 and 2.0), alone or after a syslog header.
// Spec: https://www.ibm.com/docs/en/dsm?topic=leef-overview
// Example: LEEF:1.0|Microsoft|MSExchange|4.0 SP1|15345|src=192.0.2.0	dst=172.50.123.1	sev=5	cat=anomaly	srcPort=81	dstPort=21	usrName=joe.black
// 1.0: Version|Vendor|Product|Version|EventID| then TAB-separated key=value attributes.
// 2.0: one more header field, the attribute delimiter: a character ("^"), or hex "x5E"/"0x5E", or "\t".
// Every attribute is kept as data.<key>. Mapped: src/srcPort/srcPreNAT -> init.*, dst/dstPort -> target.*,
// usrName -> init.usr.name (QRadar's "Username": who acted), identHostName -> init.host.name, url ->
// target.uri.*, sev -> alarm.sev, cat -> data.category, devTime (devTimeFormat aside, the documented
// "MMM dd yyyy HH:mm:ss" or epoch ms) -> ts, srcBytes/dstBytes -> session.in/out.byte, action, outcome.
// Quirks: some writers separate 1.0 attributes with spaces instead of tabs: when a 1.0 payload has no tab,
// it is read as space-separated key=value (values without spaces).
import { err, ok } from '../../core/result.ts';
import type { EventFields } from '../../core/schema.ts';
import type { TextParser } from '../types.ts';
import { parseKvPairs } from '../extract/kvPairs.ts';
import { uriFields } from './apache-access.ts';
import { readDeviceTime, syslogPrefix } from './cef.ts';
import { shareOfLines } from '../sniff.ts';

const START = /LEEF:([12]\.0)\|/;

const ROLES: Readonly<Record<string, string>> = Object.assign(Object.create(null) as Record<string, string>, {
  src: 'init.host.ip', dst: 'target.host.ip', usrName: 'init.usr.name', identHostName: 'init.host.name', srcMAC: 'init.host.mac',
  dstMAC: 'target.host.mac', sev: 'alarm.sev', cat: 'data.category', action: 'action', srcPreNAT: 'init.host.ip', dstPreNAT: 'target.host.ip',
  srcPostNAT: 'init.host.nat.ip', dstPostNAT: 'target.host.nat.ip', domain: 'init.usr.domain', proto: 'data.transport',
});
const NUMBERS: Readonly<Record<string, string>> = Object.assign(Object.create(null) as Record<string, string>, {
  srcPort: 'init.host.port', dstPort: 'target.host.port', srcBytes: 'session.in.byte', dstBytes: 'session.out.byte',
  srcPostNATPort: 'init.host.nat.port', dstPostNATPort: 'target.host.nat.port',
});

function delimiter(spec: string): string | undefined {
  if (spec === '') return '\t';
  if (spec === '\\t' || spec === 'tab') return '\t';
  const hex = /^(?:0?x)([0-9a-fA-F]{2,4})$/.exec(spec);
  if (hex !== null) return String.fromCharCode(parseInt(hex[1], 16));
  return spec.length === 1 ? spec : undefined;
}

export const leef: TextParser = {
  kind: 'text',
  id: 'leef',
  title: 'IBM LEEF (Log Event Extended Format) 1.0 / 2.0',
  version: '1',
  url: 'https://www.ibm.com/docs/en/dsm?topic=leef-overview',
  framing: 'line',
  patterns: ['leef1', 'leef2', 'spaces', 'syslog-header'],

  sniff(head) {
    return shareOfLines(head, START) * 0.97;
  },

  parse(line, ctx) {
    const s = START.exec(line);
    if (s === null) return err('no "LEEF:1.0|" or "LEEF:2.0|" in the line');
    const body = line.slice(s.index + s[0].length);
    const parts = body.split('|');
    const headerCount = s[1] === '2.0' ? 5 : 4;
    if (parts.length <= headerCount - (s[1] === '2.0' ? 1 : 0)) return err(`a LEEF ${s[1]} header needs ${headerCount} "|"-separated fields`);
    const [vendor, product, devVersion, eventId] = parts;
    let delim = '\t';
    let attrs: string;
    if (s[1] === '2.0') {
      ctx.hit?.('leef2');
      const d = delimiter(parts[4]);
      if (d === undefined) return err(`unknown LEEF 2.0 delimiter "${parts[4]}"`);
      delim = d;
      attrs = parts.slice(5).join('|');
    } else {
      ctx.hit?.('leef1');
      attrs = parts.slice(4).join('|');
    }
    const ev: EventFields = {
      vendor, 'app.name': product, 'alarm.id': eventId, 'alarm.name': eventId, message: `${product} ${eventId}`, type: 'IDS',
      'data.leef_version': s[1], 'data.device_vendor': vendor, 'data.device_product': product, 'data.device_version': devVersion,
    };
    if (s.index > 0) {
      ctx.hit?.('syslog-header');
      syslogPrefix(line.slice(0, s.index), ctx, ev);
    }
    let pairs: [string, string][];
    if (delim === '\t' && !attrs.includes('\t') && s[1] === '1.0') {
      ctx.hit?.('spaces');
      pairs = parseKvPairs(attrs).map((p) => [p.key, p.value]);
    } else {
      pairs = [];
      for (const a of attrs.split(delim)) {
        const eq = a.indexOf('=');
        if (eq > 0) pairs.push([a.slice(0, eq).trim(), a.slice(eq + 1)]);
      }
    }
    for (const [k, v] of pairs) {
      ev[`data.${k}`] = v;
      if (v === '') continue;
      const to = ROLES[k];
      if (to !== undefined) ev[to] = v;
      const numTo = NUMBERS[k];
      if (numTo !== undefined && /^\d+$/.test(v)) ev[numTo] = Number(v);
      if (k === 'url') uriFields(v, ev);
      else if (k === 'devTime') {
        const t = readDeviceTime(v, ctx.time);
        if (t !== undefined) Object.assign(ev, { ts: t.ts, 'ts.raw': v, 'ts.guess': t.guess });
      } else if (k === 'msg' || k === 'message') ev.message = v;
    }
    if (ev['target.uri.full'] !== undefined) ev.type = 'WEB';
    else if (/auth|log ?on|login/i.test(`${eventId} ${ev['data.category'] ?? ''}`)) ev.type = 'AUTH';
    else if (ev['init.host.ip'] !== undefined && ev['target.host.ip'] !== undefined && ev.action !== undefined) ev.type = 'FW';
    return ok(ev);
  },

  samples: [
    {
      input: 'LEEF:1.0|Microsoft|MSExchange|4.0 SP1|15345|src=192.0.2.0\tdst=172.50.123.1\tsev=5\tcat=anomaly\tsrcPort=81\tdstPort=21\tusrName=joe.black',
      expect: {
        vendor: 'Microsoft', 'app.name': 'MSExchange', 'alarm.id': '15345', 'init.host.ip': '192.0.2.0', 'target.host.ip': '172.50.123.1',
        'alarm.sev': '5', 'init.host.port': 81, 'target.host.port': 21, 'init.usr.name': 'joe.black', 'data.cat': 'anomaly',
      },
    },
    {
      input: 'LEEF:2.0|Lancope|StealthWatch|1.0|41|^|src=10.0.1.8^dst=10.0.0.5^sev=5^srcPort=81^dstPort=21^action=deny^devTime=Sep 19 2008 08:26:10',
      expect: { 'init.host.ip': '10.0.1.8', action: 'deny', type: 'FW', ts: Date.UTC(2008, 8, 19, 8, 26, 10), 'data.leef_version': '2.0' },
    },
    {
      input: '<13>Jan 18 11:07:53 192.168.1.1 LEEF:1.0|Palo Alto Networks|PAN-OS|8.0|TRAFFIC|src=10.1.1.1 dst=10.2.2.2 srcPort=5000 dstPort=443 usrName=alice',
      expect: { 'obs.host.name': '192.168.1.1', 'init.host.ip': '10.1.1.1', 'target.host.port': 443, ts: Date.UTC(2026, 0, 18, 11, 7, 53) },
    },
  ],
};
