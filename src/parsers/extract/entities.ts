// Entities found in free text (the generic parser, and any parser that wants them for a message): IPs, URLs,
// domains, file paths, user names. They go to list fields (data.ips, data.urls, data.domains, data.paths,
// data.users: comma-separated text, first-seen order, no duplicates); roles (init/target) are filled only
// where the words around an address say which side it is (DESIGN: "never guessed into the wrong role").
// Example: "Accepted connection from 10.0.0.5 port 5050 to 10.0.0.1:22 for user bob, see http://x.io/a"
import type { EventFields } from '../../core/schema.ts';
import { isIPv4, isIPv6 } from '../../core/ip.ts';

const IPV4 = /(?<![\w.])(\d{1,3}(?:\.\d{1,3}){3})(?!\.?\d|\w)/g;
const IPV6 = /(?<![\w:.])((?:[0-9a-fA-F]{1,4})?(?::[0-9a-fA-F]{0,4}){2,7}(?:%[\w.]+)?)(?![\w:])/g;
const URL = /\b[a-zA-Z][a-zA-Z0-9+.-]{1,15}:\/\/[^\s"'<>\])]+/g;
const DOMAIN = /(?<![\w.@/\\-])((?:[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?\.)+([a-zA-Z]{2,24}))(?![\w(-]|\.\w)/g;
const UNIX_PATH = /(?<=^|[\s"'=(,:[])(\/(?:[\w.~@%+-]+\/)+[\w.~@%+-]*)/g;
const WIN_PATH = /(?<![\w])([A-Za-z]:\\[^\s"'<>|*?,;]+|\\\\[\w.-]+\\[^\s"'<>|*?,;]+)/g;
const USER = /\b(?:user(?:name)?|usr|login|account|acct|uid_name)[=:]\s*"?([\w.@\\$-]+)|\bfor (?:invalid |illegal )?user "?([\w.@\\$-]+)|\buser '([^']+)'/gi;
// the words before an address that say its role; the address follows, possibly as /ip, ip:port or [ip]
const FROM = /(?:\bfrom|\bsrc(?:ip|_ip|addr)?[=:]|\bsource(?:[ _-]?(?:ip|address))?[=:]|\bclient(?:ip|_ip)?[=:]|\brhost=|\bremote(?: host)?[ =:])\s*[/[]?([0-9a-fA-F:.]{2,45}?)\]?(?:(?::| port )(\d{1,5}))?(?![\w.:])/gi;
const TO = /(?:\bto|\bdst(?:ip|_ip|addr)?[=:]|\bdest(?:ination)?(?:[ _-]?(?:ip|address))?[=:]|\bserver(?:ip|_ip)?[=:])\s*[/[]?([0-9a-fA-F:.]{2,45}?)\]?(?:(?::| port )(\d{1,5}))?(?![\w.:])/gi;

// extensions that look like top-level domains in file names and code ("wcp.dll", "workers2.properties")
const NOT_TLD = new Set([
  'exe', 'dll', 'sys', 'log', 'txt', 'properties', 'jsp', 'php', 'asp', 'aspx', 'html', 'htm', 'js', 'css', 'png', 'jpg', 'jpeg', 'gif',
  'ico', 'conf', 'cfg', 'ini', 'xml', 'json', 'yml', 'yaml', 'py', 'sh', 'so', 'dat', 'tmp', 'bak', 'zip', 'gz', 'tar', 'java', 'class',
  'jar', 'cpp', 'md', 'pl', 'rb', 'mum', 'cat', 'manifest', 'msi', 'cab', 'inf', 'pdb', 'bat', 'ps1', 'vbs', 'doc', 'docx', 'xls', 'pdf',
  'sqm', 'etl', 'evtx', 'db', 'lock', 'pid', 'sock', 'service', 'socket', 'timer', 'mount', 'target', 'init', 'ok', 'error', 'info',
]);

function push(list: string[], seen: Set<string>, v: string): void {
  if (!seen.has(v)) {
    seen.add(v);
    list.push(v);
  }
}

function collect(re: RegExp, text: string, group: number, keep: (v: string) => boolean = () => true): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  re.lastIndex = 0;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    const v = m[group];
    if (v !== undefined && keep(v)) push(out, seen, v);
  }
  return out;
}

const isAddr = (v: string): boolean => isIPv4(v) || (v.includes('::') ? v.length > 2 && isIPv6(v) : isIPv6(v));

/** Entity lists and the roles the text states, added to `ev` (existing role fields are kept). */
export function extractEntities(text: string, ev: EventFields): void {
  const ips = [...collect(IPV4, text, 1, isIPv4), ...(text.includes(':') ? collect(IPV6, text, 1, isAddr) : [])];
  if (ips.length > 0) ev['data.ips'] = ips.join(',');
  const urls = text.includes('://') ? collect(URL, text, 0) : [];
  if (urls.length > 0) ev['data.urls'] = urls.join(',');
  const domains = collect(DOMAIN, text, 1, (d) => {
    const tld = d.slice(d.lastIndexOf('.') + 1).toLowerCase();
    return !NOT_TLD.has(tld) && !/^\d+$/.test(tld) && /[a-zA-Z]/.test(d.slice(0, d.lastIndexOf('.')));
  });
  // the host of each URL is a domain too (the pattern above skips text right after '/')
  for (const u of urls) {
    const host = /^[^:]+:\/\/(?:[^@/]*@)?([^/:?#]+)/.exec(u)?.[1];
    if (host !== undefined && host.includes('.') && !isIPv4(host) && !domains.includes(host)) domains.push(host);
  }
  if (domains.length > 0) ev['data.domains'] = domains.join(',');
  const paths = [
    ...(text.includes('/') ? collect(UNIX_PATH, text, 1, (p) => !urls.some((u) => u.includes(p))) : []),
    ...(text.includes('\\') ? collect(WIN_PATH, text, 1) : []),
  ];
  if (paths.length > 0) ev['data.paths'] = paths.join(',');
  const users: string[] = [];
  const seenUsers = new Set<string>();
  USER.lastIndex = 0;
  for (let m = USER.exec(text); m !== null; m = USER.exec(text)) push(users, seenUsers, m[1] ?? m[2] ?? m[3]);
  if (users.length > 0) ev['data.users'] = users.join(',');
  if (ips.length === 0) return;
  role(FROM, text, ev, 'init');
  role(TO, text, ev, 'target');
}

function role(re: RegExp, text: string, ev: EventFields, side: 'init' | 'target'): void {
  if (ev[`${side}.host.ip`] !== undefined) return;
  re.lastIndex = 0;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    if (!isAddr(m[1])) continue;
    ev[`${side}.host.ip`] = m[1];
    if (m[2] !== undefined) ev[`${side}.host.port`] = Number(m[2]);
    return;
  }
}
