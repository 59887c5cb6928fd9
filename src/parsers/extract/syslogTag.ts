// The part of a BSD-style syslog record after the host, shared by every header form that carries it
// (RFC 3164 "Mon dd hh:mm:ss", rsyslog's RFC 3339 high-precision header, journalctl short-* output):
// "tag[pid]: message" -> app.name, obs.process.name, obs.process.id, message, the Linux auth fields and the
// kernel's netfilter (UFW/iptables) packet logs.
import type { EventFields } from '../../core/schema.ts';
import { extractLinuxAuth } from './linuxAuth.ts';
import { extractNetfilter } from './netfilter.ts';

/**
 * tag as written ("sshd(pam_unix)", "syslogd 1.4.1"), pid when written, and the text after "tag[pid]:".
 * "sshd(pam_unix)" -> process "sshd"; the tag is kept as written in app.name.
 */
export function fillSyslogTag(tagText: string, pid: string | undefined, text: string, ev: EventFields, hit?: (name: string) => void): void {
  const tag = tagText.trim();
  // the column alignment some daemons add after "tag:" is layout, not content (raw keeps it)
  const message = text.trimStart();
  const paren = tag.indexOf('(');
  const process = (paren > 0 ? tag.slice(0, paren) : tag).trim();
  ev['app.name'] = tag;
  ev['obs.process.name'] = process;
  if (pid !== undefined) ev['obs.process.id'] = pid;
  ev.message = message;
  // the kernel's packet logs (UFW, iptables, nftables) are firewall events
  if (process === 'kernel' && extractNetfilter(message, ev, hit)) return;
  extractLinuxAuth(process, message, ev, hit);
}
