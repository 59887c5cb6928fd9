// What network devices and relays put before a record's payload: an optional <PRI>, an RFC 3164 or
// RFC 5424 (or ISO) syslog header, a host, a tag. Shared by the device parsers (FortiGate, Palo Alto,
// pfSense, Check Point, Sophos), which find their own payload and hand the text before it here.
// Example prefixes: "<189>", "Jan 18 11:07:53 fw01 ", "<134>1 2021-03-03T14:52:12.123+01:00 pf.home filterlog 123 - - "
import type { EventFields } from '../../core/schema.ts';
import { findTimes, readCandidate } from '../../core/time/find.ts';
import type { ParseContext } from '../types.ts';
import { priFields } from '../formats/syslog3164.ts';
import { isIP } from '../../core/ip.ts';

const PRI = /^<(\d{1,3})>/;
const HOST = /^[A-Za-z0-9][\w.-]*$/;

/**
 * Reads a prefix into `ev`: facility (and the syslog severity unless the payload sets one later), the header
 * time (ts, ts.raw, ts.guess) and the host after it (obs.host.name / obs.host.ip). Returns whether a time was read.
 */
export function readDevicePrefix(prefix: string, ctx: ParseContext, ev: EventFields): boolean {
  const pri = PRI.exec(prefix);
  if (pri !== null) Object.assign(ev, priFields(pri[1]));
  const c = prefix.length < 8 ? undefined : findTimes(prefix)[0];
  const t = c === undefined ? undefined : readCandidate(prefix, c, undefined, ctx.years, ctx.time);
  if (t === undefined) return false;
  ev.ts = t.ts;
  ev['ts.raw'] = t.raw;
  ev['ts.guess'] = t.guess;
  const host = prefix.slice(t.end).trim().split(/\s+/)[0] ?? '';
  if (isIP(host)) ev['obs.host.ip'] = host;
  else if (HOST.test(host)) ev['obs.host.name'] = host;
  return true;
}

/** "accept", "deny", "close"... -> the outcome it stands for, or undefined when the word says nothing. */
export function outcomeOf(action: string): 'success' | 'failure' | undefined {
  if (/^(?:accept(?:ed)?|allow(?:ed)?|pass(?:ed)?|permit(?:ted)?|close|start|timeout|success(?:ful)?|succeeded|established|connected|ok|encrypt|decrypt|key install|detected|monitored|alert)$/i.test(action)) return 'success';
  if (/^(?:den(?:y|ied)|drop(?:ped)?|block(?:ed)?(?:-ip|-url)?|reject(?:ed)?|reset(?:-both|-client|-server)?|(?:server|client)-rst|fail(?:ed|ure)?|sinkhole|quarantined?|cleaned|deleted|blocked)$/i.test(action)) return 'failure';
  return undefined;
}

/** Sets `<role>.host.ip` (or .name when it is no address) and the port, skipping empty values. */
export function setEndpoint(ev: EventFields, role: 'init' | 'target', host: string | undefined, port?: string): void {
  if (host !== undefined && host !== '' && host !== '-') ev[isIP(host) ? `${role}.host.ip` : `${role}.host.name`] = host;
  if (port !== undefined && /^\d{1,5}$/.test(port) && port !== '0') ev[`${role}.host.port`] = Number(port);
}
