// Linux netfilter packet logs (iptables/ip6tables LOG target, UFW, nftables "log"), as the kernel writes
// them into syslog: "[UFW BLOCK] IN=eth0 OUT= MAC=... SRC=203.0.113.9 DST=10.0.0.5 ... PROTO=TCP SPT=51515 DPT=22".
// Reference: https://www.netfilter.org/documentation/HOWTO/packet-filtering-HOWTO-7.html (LOG target),
// UFW: https://help.ubuntu.com/community/UFW#Interpreting_Log_Entries
// Roles: SRC/SPT -> init.host.ip/port, DST/DPT -> target.host.ip/port; the log prefix ("UFW BLOCK",
// "IPTABLES-DROP: ") names the rule; BLOCK/DROP/REJECT/DENY -> action block, outcome failure; ALLOW/ACCEPT
// -> action allow, outcome success. Every KEY=value pair is kept as data.netfilter.<key>.
import type { EventFields } from '../../core/schema.ts';

// an optional kernel uptime stamp, the prefix, then the first pair (IN= is always written, maybe empty)
const HEAD = /^(?:\[\s*\d+\.\d+\]\s*)?(.*?)\s*(?=IN=)/;
const PAIR = /([A-Z]+)=(\S*)/g;
const BLOCK = /\b(?:BLOCK|DROP|DROPPED|REJECT|DENY|DENIED)\b/i;
const ALLOW = /\b(?:ALLOW|ACCEPT|ACCEPTED|PASS)\b/i;

/** True when it filled the event (the message is a netfilter packet log). */
export function extractNetfilter(message: string, ev: EventFields, hit?: (name: string) => void): boolean {
  if (!message.includes('SRC=') || !message.includes('IN=')) return false;
  const head = HEAD.exec(message);
  if (head === null) return false;
  const pairs = new Map<string, string>();
  PAIR.lastIndex = head[0].length;
  for (let m = PAIR.exec(message); m !== null; m = PAIR.exec(message)) if (!pairs.has(m[1])) pairs.set(m[1], m[2]);
  const src = pairs.get('SRC'), dst = pairs.get('DST');
  if (src === undefined || dst === undefined) return false;
  hit?.('netfilter');
  ev.type = 'FW';
  ev['init.host.ip'] = src;
  ev['target.host.ip'] = dst;
  const spt = pairs.get('SPT'), dpt = pairs.get('DPT');
  if (spt !== undefined && /^\d+$/.test(spt)) ev['init.host.port'] = Number(spt);
  if (dpt !== undefined && /^\d+$/.test(dpt)) ev['target.host.port'] = Number(dpt);
  const prefix = head[1].replace(/^\[|\]$/g, '').replace(/[:\s]+$/, '').trim();
  if (prefix !== '') ev['rule.name'] = prefix;
  if (BLOCK.test(prefix)) {
    ev.action = 'block';
    ev.outcome = 'failure';
  } else if (ALLOW.test(prefix)) {
    ev.action = 'allow';
    ev.outcome = 'success';
  }
  for (const [k, v] of pairs) if (v !== '') ev[`data.netfilter.${k.toLowerCase()}`] = v;
  return true;
}
