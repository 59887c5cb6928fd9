// Entities found in free text (the generic parser, and any parser that wants them for a message): IPs, URLs,
// domains, file paths, user names. They go to list fields (data.ips, data.urls, data.domains, data.paths,
// data.users: comma-separated text, first-seen order, no duplicates); roles (init/target) are filled only
// where the words around an address say which side it is (DESIGN: "never guessed into the wrong role").
// Example: "Accepted connection from 10.0.0.5 port 5050 to 10.0.0.1:22 for user bob, see http://x.io/a"
import type { EventFields } from '../../core/schema.ts';
import { isIPv4, isIPv6 } from '../../core/ip.ts';

// words made of the characters of host names and IPv4 addresses; each is then checked with an anchored regex
// (one pass over the line instead of one unanchored, look-behind regex per entity kind: the hot path)
const WORD = /[A-Za-z0-9][A-Za-z0-9.-]*/g;
const IPV4_WORD = /^\d{1,3}(?:\.\d{1,3}){3}$/;
const DOMAIN_WORD = /^(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?\.)+[a-zA-Z]{2,24}$/;
const IPV6 = /(?<![\w:.])((?:[0-9a-fA-F]{1,4})?(?::[0-9a-fA-F]{0,4}){2,7}(?:%[\w.]+)?)(?![\w:])/g;
const IPV6_HINT = /::|(?:[0-9a-fA-F]{1,4}:){7}/;
const URL_END = /[\s"'<>\])]/;
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

/** Host-name-like words: IPv4 addresses and domains (not file names, not parts of paths or e-mail). */
function words(text: string): { v4: string[]; domains: string[] } {
  const v4: string[] = [], domains: string[] = [];
  const seen4 = new Set<string>(), seenD = new Set<string>();
  WORD.lastIndex = 0;
  for (let m = WORD.exec(text); m !== null; m = WORD.exec(text)) {
    let w = m[0];
    if (w.indexOf('.') < 0) continue;
    const prev = m.index > 0 ? text[m.index - 1] : '';
    const next = text[m.index + w.length] ?? '';
    while (w.endsWith('.') || w.endsWith('-')) w = w.slice(0, -1); // sentence end: "from 1.2.3.4."
    if (prev === '_' || next === '_') continue;
    if (IPV4_WORD.test(w)) {
      // "version 0.0.0.6", "v1.2.3.4": version numbers, not addresses
      if (isIPv4(w) && !/(?:version|ver|v)[\s:=]*$/i.test(text.slice(Math.max(0, m.index - 9), m.index))) push(v4, seen4, w);
      continue;
    }
    if (prev === '@' || prev === '/' || prev === '\\' || next === '(' || next === '@') continue;
    if (!DOMAIN_WORD.test(w)) continue;
    const dot = w.lastIndexOf('.');
    if (NOT_TLD.has(w.slice(dot + 1).toLowerCase()) || !/[a-zA-Z]/.test(w.slice(0, dot))) continue;
    push(domains, seenD, w);
  }
  return { v4, domains };
}

function findUrls(text: string): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  for (let i = text.indexOf('://'); i >= 0; i = text.indexOf('://', i + 3)) {
    let s = i;
    while (s > 0 && /[a-zA-Z0-9+.-]/.test(text[s - 1])) s--;
    if (s === i || !/[a-zA-Z]/.test(text[s])) continue;
    let e = i + 3;
    while (e < text.length && !URL_END.test(text[e])) e++;
    if (e > i + 3) push(out, seen, text.slice(s, e));
  }
  return out;
}

/** Entity lists and the roles the text states, added to `ev` (existing role fields are kept). */
export function extractEntities(text: string, ev: EventFields): void {
  const { v4, domains } = words(text);
  const ips = IPV6_HINT.test(text) ? [...v4, ...collect(IPV6, text, 1, isAddr)] : v4;
  if (ips.length > 0) ev['data.ips'] = ips.join(',');
  const urls = text.includes('://') ? findUrls(text) : [];
  if (urls.length > 0) ev['data.urls'] = urls.join(',');
  // the host of each URL is a domain too (a word right after '/' is skipped above)
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
