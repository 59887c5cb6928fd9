// Linux netfilter packet logs (iptables/ip6tables LOG target, UFW, nftables "log"), as the kernel writes
// them into syslog: "[UFW BLOCK] IN=eth0 OUT= MAC=... SRC=203.0.113.9 DST=10.0.0.5 ... PROTO=TCP SPT=51515 DPT=22".
// Reference: https://www.netfilter.org/documentation/HOWTO/packet-filtering-HOWTO-7.html (LOG target),
// UFW: https://help.ubuntu.com/community/UFW#Interpreting_Log_Entries
// Roles: SRC/SPT -> init.host.ip/port, DST/DPT -> target.host.ip/port; the log prefix ("UFW BLOCK",
// "IPTABLES-DROP: ") names the rule; BLOCK/DROP/REJECT/DENY -> action block, outcome failure; ALLOW/ACCEPT
// -> action allow, outcome success. Every KEY=value pair is kept as data.netfilter.<key>.
import { fieldSlot, type EventWriter } from '../eventWriter.ts';

// an optional kernel uptime stamp, the prefix, then the first pair (IN= is always written, maybe empty)
const HEAD = /^(?:\[\s*\d+\.\d+\]\s*)?(.*?)\s*(?=IN=)/;
const PAIR = /([A-Z]+)=(\S*)/g;
const BLOCK = /\b(?:BLOCK|DROP|DROPPED|REJECT|DENY|DENIED)\b/i;
const ALLOW = /\b(?:ALLOW|ACCEPT|ACCEPTED|PASS)\b/i;

const TYPE = fieldSlot('type'), ACTION = fieldSlot('action'), OUTCOME = fieldSlot('outcome'), RULE = fieldSlot('rule.name');
const SRC = fieldSlot('init.host.ip'), DST = fieldSlot('target.host.ip'), SPT = fieldSlot('init.host.port'), DPT = fieldSlot('target.host.port');

/** True when it wrote the event's fields (the message is a netfilter packet log). */
export function extractNetfilter(message: string, out: EventWriter, hit?: (name: string) => void): boolean {
  if (!message.includes('SRC=') || !message.includes('IN=')) return false;
  const head = HEAD.exec(message);
  if (head === null) return false;
  const pairs = new Map<string, string>();
  PAIR.lastIndex = head[0].length;
  for (let m = PAIR.exec(message); m !== null; m = PAIR.exec(message)) if (!pairs.has(m[1])) pairs.set(m[1], m[2]);
  const src = pairs.get('SRC'), dst = pairs.get('DST');
  if (src === undefined || dst === undefined) return false;
  hit?.('netfilter');
  out.set(TYPE, 'FW');
  out.set(SRC, src);
  out.set(DST, dst);
  const spt = pairs.get('SPT'), dpt = pairs.get('DPT');
  if (spt !== undefined && /^\d+$/.test(spt)) out.set(SPT, Number(spt));
  if (dpt !== undefined && /^\d+$/.test(dpt)) out.set(DPT, Number(dpt));
  const prefix = head[1].replace(/^\[|\]$/g, '').replace(/[:\s]+$/, '').trim();
  if (prefix !== '') out.set(RULE, prefix);
  if (BLOCK.test(prefix)) {
    out.set(ACTION, 'block');
    out.set(OUTCOME, 'failure');
  } else if (ALLOW.test(prefix)) {
    out.set(ACTION, 'allow');
    out.set(OUTCOME, 'success');
  }
  for (const [k, v] of pairs) if (v !== '') out.set(fieldSlot(`data.netfilter.${k.toLowerCase()}`), v);
  return true;
}
