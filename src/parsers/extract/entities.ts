// Entities found in free text (the generic parser, and any parser that wants them for a message): IPs, URLs,
// domains, file paths, user names. They go to list fields (data.ips, data.urls, data.domains, data.paths,
// data.users: comma-separated text, first-seen order, no duplicates); roles (init/target) are filled only
// where the words around an address say which side it is (DESIGN: "never guessed into the wrong role").
// Fields within fields: data.endpoints (ip:port, ip/port), data.accounts (DOMAIN\user), data.emails,
// data.files (file names, also the last part of each path), data.protocols (TCP, HTTPS, SSH ...).
// Example: "Accepted connection from 10.0.0.5 port 5050 to 10.0.0.1:22 for user bob, see http://x.io/a"
import type { EventFields } from '../../core/schema.ts';
import { isIPv4, isIPv6 } from '../../core/ip.ts';

// words made of the characters of host names and IPv4 addresses are found from their dots and each checked
// with an anchored regex (one pass over the line instead of one unanchored regex per entity kind: the hot path)
const IPV4_WORD = /^\d{1,3}(?:\.\d{1,3}){3}$/;
const DOMAIN_WORD = /^(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?\.)+[a-zA-Z]{2,24}$/;
const IPV6 = /(?<![\w:.])((?:[0-9a-fA-F]{1,4})?(?::[0-9a-fA-F]{0,4}){2,7}(?:%[\w.]+)?)(?![\w:])/g;
const URL_END = /[\s"'<>\])]/;
const UNIX_PATH = /(?<=^|[\s"'=(,:[])(\/(?:[\w.~@%+-]+\/)+[\w.~@%+-]*)/g;
const WIN_PATH = /(?<![\w])([A-Za-z]:\\[^\s"'<>|*?,;]+|\\\\[\w.-]+\\[^\s"'<>|*?,;]+)/g;
const USER = /\b(?:user(?:name)?|usr|login|account|acct|uid_name)[=:]\s*"?([\w.@\\$-]+)|\bfor (?:invalid |illegal )?user "?([\w.@\\$-]+)|\buser '([^']+)'/gi;
// every protocol name but Kerberos holds two capitals in a row: without them PROTOCOL cannot match
const PROTOCOL_HINT = /[A-Z]{2}|Kerberos/;
// the words USER needs (one cheap test before the costly alternation)
const USER_HINT = /us(?:e)?r|login|acc(?:oun)?t|uid_name/i;
// the words before an address that say its role; the address follows, possibly as /ip, ip:port or [ip]
const FROM_WORDS = String.raw`(?:\bfrom|\bsrc(?:ip|_ip|addr)?[=:]|\bsource(?:[ _-]?(?:ip|address))?[=:]|\bclient(?:ip|_ip)?[=:]|\brhost=|\bremote(?: host)?[ =:])`;
const TO_WORDS = String.raw`(?:\bto|\bdst(?:ip|_ip|addr)?[=:]|\bdest(?:ination)?(?:[ _-]?(?:ip|address))?[=:]|\bserver(?:ip|_ip)?[=:])`;
const ROLE_ADDR = String.raw`\s*[/[]?([0-9a-fA-F:.]{2,45}?)\]?(?:(?::|\/| port )(\d{1,5}))?(?![\w.:])`;
const FROM = new RegExp(FROM_WORDS + ROLE_ADDR, 'gi');
const TO = new RegExp(TO_WORDS + ROLE_ADDR, 'gi');
// the same rules read around an IPv4 address already found (the words before it, the port after it): one
// short anchored test per address instead of a scan of the whole line per role
const FROM_BEFORE = new RegExp(FROM_WORDS + String.raw`\s*[/[]?$`, 'i');
const TO_BEFORE = new RegExp(TO_WORDS + String.raw`\s*[/[]?$`, 'i');
const PORT_AFTER = /\]?(?:(?::|\/| port )(\d{1,5}))?(?![\w.:])/y;
/** how far before an address its role words are looked for */
const ROLE_REACH = 48;
// DOMAIN\user (not a path: no '\' or ':' before the domain, none after the user)
const ACCOUNT = /(?<![\\:/\w.-])([A-Za-z][\w.-]{0,30})\\([\w.$-]{1,64})(?![\\\w])/g;
const EMAIL = /(?<![\w.+-])([\w.+-]{1,64}@(?:[A-Za-z0-9-]{1,63}\.)+[A-Za-z]{2,24})(?![\w-])/g;
const PROTOCOL = /\b(TCP|UDP|ICMP(?:v6)?|HTTPS?|SSH|FTPS?|SFTP|SMTPS?|DNS|RDP|SMB|LDAPS?|TLS(?:v1\.[0-3])?|SSL|IMAPS?|POP3S?|SNMP|NTP|Kerberos|NTLM|QUIC|GRE|ESP|IPsec)\b/g;

// extensions that look like top-level domains in file names and code ("wcp.dll", "workers2.properties")
const NOT_TLD = new Set([
  'exe', 'dll', 'sys', 'log', 'txt', 'properties', 'jsp', 'php', 'asp', 'aspx', 'html', 'htm', 'js', 'css', 'png', 'jpg', 'jpeg', 'gif',
  'ico', 'conf', 'cfg', 'ini', 'xml', 'json', 'yml', 'yaml', 'py', 'sh', 'so', 'dat', 'tmp', 'bak', 'zip', 'gz', 'tar', 'java', 'class',
  'jar', 'cpp', 'md', 'pl', 'rb', 'mum', 'cat', 'manifest', 'msi', 'cab', 'inf', 'pdb', 'bat', 'ps1', 'vbs', 'doc', 'docx', 'xls', 'pdf',
  'sqm', 'etl', 'evtx', 'db', 'lock', 'pid', 'sock', 'service', 'socket', 'timer', 'mount', 'target', 'init', 'ok', 'error', 'info',
]);

/** Adds `v` unless the list has it (a line's lists are short: a scan is cheaper than a Set per list per line). */
function push(list: string[], v: string): void {
  if (!list.includes(v)) list.push(v);
}

function collect(re: RegExp, text: string, group: number, keep: (v: string) => boolean = () => true): string[] {
  const out: string[] = [];
  re.lastIndex = 0;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    const v = m[group];
    if (v !== undefined && keep(v)) push(out, v);
  }
  return out;
}

const isAddr = (v: string): boolean => isIPv4(v) || (v.includes('::') ? v.length > 2 && isIPv6(v) : isIPv6(v));

const FILE_EXT = new Set([...NOT_TLD].filter((e) => !['ok', 'error', 'info', 'target', 'init', 'service', 'socket', 'timer', 'mount'].includes(e)));

/** [A-Za-z0-9.-]: the characters of host names, IPv4 addresses and dotted file names */
function isWordChar(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 46 || c === 45;
}
function isAlnum(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

interface Words {
  v4: string[]; domains: string[]; endpoints: string[]; files: string[];
  /** start and end of every IPv4 address in the text, in order (repeats and version-like numbers included) */
  at: number[];
}

/**
 * Host-name-like words: IPv4 addresses (with the port glued to them, "1.2.3.4:443" or "1.2.3.4/57808"),
 * domains (not file names, not parts of paths or e-mail), and file names with a known extension. Only words
 * with a dot can be any of these: the scan jumps from dot to dot (the hot path of the generic parser).
 */
function words(text: string): Words {
  const out: Words = { v4: [], domains: [], endpoints: [], files: [], at: [] };
  const n = text.length;
  for (let dot = text.indexOf('.'); dot >= 0; dot = text.indexOf('.', dot)) {
    let s = dot, e = dot + 1;
    while (s > 0 && isWordChar(text.charCodeAt(s - 1))) s--;
    while (e < n && isWordChar(text.charCodeAt(e))) e++;
    dot = e;
    while (s < e && !isAlnum(text.charCodeAt(s))) s++;
    let w = text.slice(s, e);
    if (w.indexOf('.') < 0) continue;
    const prev = s > 0 ? text[s - 1] : '';
    const next = text[e] ?? '';
    while (w.endsWith('.') || w.endsWith('-')) w = w.slice(0, -1); // sentence end: "from 1.2.3.4."
    if (prev === '_' || next === '_') continue;
    if (IPV4_WORD.test(w)) {
      if (!isIPv4(w)) continue;
      out.at.push(s, s + w.length);
      // "version 0.0.0.6", "v1.2.3.4": version numbers, not addresses
      if (!versionBefore(text, s)) {
        push(out.v4, w);
        if (w.length === e - s && (next === ':' || next === '/')) {
          const port = /^\d{1,5}(?![\d.:])/.exec(text.slice(e + 1, e + 7))?.[0];
          // "10.0.0.0/24" is a network: a port after '/' is above 32
          if (port !== undefined && Number(port) <= 65535 && (next === ':' || Number(port) > 32)) push(out.endpoints, `${w}${next}${port}`);
        }
      }
      continue;
    }
    if (prev === '@' || next === '@') continue;
    const last = w.lastIndexOf('.');
    const ext = w.slice(last + 1).toLowerCase();
    if (FILE_EXT.has(ext) && last > 0 && prev !== '/' && prev !== '\\') {
      push(out.files, w);
      continue;
    }
    if (prev === '/' || prev === '\\' || next === '(') continue;
    if (!DOMAIN_WORD.test(w)) continue;
    if (NOT_TLD.has(ext) || !/[a-zA-Z]/.test(w.slice(0, last))) continue;
    // "spark.SecurityManager", "util.Utils": a class name (a mixed-case last part), not a domain
    const tld = w.slice(last + 1);
    if (tld !== tld.toLowerCase() && tld !== tld.toUpperCase()) continue;
    push(out.domains, w);
  }
  return out;
}

/** "version 0.0.0.6", "v1.2.3.4": the words before a dotted number that make it a version, not an address */
function versionBefore(text: string, s: number): boolean {
  const from = Math.max(0, s - 9);
  let v = false;
  for (let i = from; i < s && !v; i++) v = (text.charCodeAt(i) | 32) === 118; // 'v' or 'V': most lines have none
  return v && /(?:version|ver|v)[\s:=]*$/i.test(text.slice(from, s));
}

/** "C:\\x\\a.exe)" written inside parentheses: the closing bracket (and a sentence's dot) is not part of the path. */
function unclosed(path: string): string {
  let p = path;
  while (/[).\]]$/.test(p) && !(p.endsWith(')') && p.includes('(')) && !(p.endsWith(']') && p.includes('['))) p = p.slice(0, -1);
  return p;
}

function findUrls(text: string): string[] {
  const out: string[] = [];
  for (let i = text.indexOf('://'); i >= 0; i = text.indexOf('://', i + 3)) {
    let s = i;
    while (s > 0 && /[a-zA-Z0-9+.-]/.test(text[s - 1])) s--;
    if (s === i || !/[a-zA-Z]/.test(text[s])) continue;
    let e = i + 3;
    while (e < text.length && !URL_END.test(text[e])) e++;
    if (e > i + 3) push(out, text.slice(s, e));
  }
  return out;
}

// the first two letters of every PROTOCOL name ("Ke" for Kerberos)
const PROTOCOL_STARTS = new Set(['TC', 'UD', 'IC', 'HT', 'SS', 'FT', 'SF', 'SM', 'DN', 'RD', 'LD', 'TL', 'IM', 'PO', 'SN', 'NT', 'Ke', 'QU', 'GR', 'ES', 'IP']
  .map((p) => p.charCodeAt(0) * 128 + p.charCodeAt(1)));

/**
 * PROTOCOL can match: a word (at a \b) starts with the first two letters of a protocol name. Level words
 * ("INFO", "WARN") made the old hint (two capitals anywhere) true on nearly every line of an application log.
 */
function mayHoldProtocol(text: string): boolean {
  if (!PROTOCOL_HINT.test(text)) return false;
  let prevWord = false;
  for (let i = 0; i < text.length - 1; i++) {
    const c = text.charCodeAt(i);
    const word = (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
    if (word && !prevWord && c >= 65 && c <= 90 && PROTOCOL_STARTS.has(c * 128 + text.charCodeAt(i + 1))) return true;
    prevWord = word;
  }
  return false;
}

/** An IPv6 address is possible: "::" or seven colons (counted, not a regex scan: most lines have neither). */
function mayHoldIpv6(text: string): boolean {
  if (text.indexOf('::') >= 0) return true;
  let colons = 0;
  for (let i = text.indexOf(':'); i >= 0 && colons < 7; i = text.indexOf(':', i + 1)) colons++;
  return colons >= 7;
}

/** Entity lists and the roles the text states, added to `ev` (existing role fields are kept). */
export function extractEntities(text: string, ev: EventFields): void {
  const { v4, domains, endpoints, files, at } = words(text);
  const v6 = mayHoldIpv6(text);
  const ips = v6 ? [...v4, ...collect(IPV6, text, 1, isAddr)] : v4;
  if (ips.length > 0) ev['data.ips'] = ips.join(',');
  if (endpoints.length > 0) ev['data.endpoints'] = endpoints.join(',');
  // fields within fields: accounts, e-mail addresses, protocols (each scanned only when its marker is there)
  if (text.includes('\\')) {
    const accounts = collect(ACCOUNT, text, 0, (a) => !/^[A-Za-z]$/.test(a.slice(0, a.indexOf('\\'))));
    if (accounts.length > 0) ev['data.accounts'] = accounts.join(',');
  }
  if (text.includes('@')) {
    const emails = collect(EMAIL, text, 1);
    if (emails.length > 0) ev['data.emails'] = emails.join(',');
  }
  if (mayHoldProtocol(text)) {
    const protocols = collect(PROTOCOL, text, 1);
    if (protocols.length > 0) ev['data.protocols'] = protocols.join(',');
  }
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
    ...(text.includes('\\') ? collect(WIN_PATH, text, 1).map(unclosed) : []),
  ];
  if (paths.length > 0) {
    ev['data.paths'] = paths.join(',');
    // the file each path names (its last part, when it has an extension)
    for (const p of paths) {
      const base = p.slice(Math.max(p.lastIndexOf('/'), p.lastIndexOf('\\')) + 1);
      if (base.lastIndexOf('.') > 0 && !files.includes(base)) files.push(base);
    }
  }
  if (files.length > 0) ev['data.files'] = files.join(',');
  if (USER_HINT.test(text)) {
    const users: string[] = [];
    USER.lastIndex = 0;
    for (let m = USER.exec(text); m !== null; m = USER.exec(text)) push(users, m[1] ?? m[2] ?? m[3]);
    if (users.length > 0) ev['data.users'] = users.join(',');
  }
  if (ips.length === 0) return;
  if (v6) {
    role(FROM, text, ev, 'init');
    role(TO, text, ev, 'target');
  } else {
    roleAt(FROM_BEFORE, text, at, ev, 'init');
    roleAt(TO_BEFORE, text, at, ev, 'target');
  }
}

// the role fields by side, as constants: a key built per line (`${side}.host.ip`) is a new string to hash
const IP_KEY = { init: 'init.host.ip', target: 'target.host.ip' } as const;
const PORT_KEY = { init: 'init.host.port', target: 'target.host.port' } as const;

const MAY_FROM = 1, MAY_TO = 2;
/** 9-13 and space: the ASCII characters of \s */
const isAsciiSpace = (c: number): boolean => c === 32 || (c >= 9 && c <= 13);

/**
 * Which of FROM_BEFORE / TO_BEFORE can match the words before an address at `s`, from the last character
 * before its "\s*[/[]?": every FROM word ends in "m" (from), "=" or ":", or "e"/"t" and a space ("remote ", "remote host "); every TO
 * word in "o" (to), "=" or ":". A cheap exact filter: both regexes still decide whenever it says "maybe".
 */
function roleHints(text: string, s: number): number {
  let k = s;
  const last = text.charCodeAt(k - 1);
  if (last === 47 || last === 91) k--; // '/' '['
  const beforeSpaces = k;
  while (k > 0 && isAsciiSpace(text.charCodeAt(k - 1))) k--;
  if (k === 0) return 0;
  const c = text.charCodeAt(k - 1);
  if (c >= 128 || c === 61 || c === 58) return MAY_FROM | MAY_TO;
  let hints = 0;
  if (c === 109 || c === 77 || ((c === 101 || c === 69 || c === 116 || c === 84) && k < beforeSpaces)) hints |= MAY_FROM;
  if (c === 111 || c === 79) hints |= MAY_TO;
  return hints;
}

/** role() for a text whose only addresses are the IPv4 ones at `at` (start, end pairs) */
function roleAt(before: RegExp, text: string, at: number[], ev: EventFields, side: 'init' | 'target'): void {
  if (ev[IP_KEY[side]] !== undefined) return;
  const need = side === 'init' ? MAY_FROM : MAY_TO;
  for (let i = 0; i < at.length; i += 2) {
    const s = at[i], e = at[i + 1];
    if ((roleHints(text, s) & need) === 0) continue;
    PORT_AFTER.lastIndex = e;
    const port = PORT_AFTER.exec(text);
    if (port === null || !before.test(text.slice(Math.max(0, s - ROLE_REACH), s))) continue;
    ev[IP_KEY[side]] = text.slice(s, e);
    if (port[1] !== undefined) ev[PORT_KEY[side]] = Number(port[1]);
    return;
  }
}

function role(re: RegExp, text: string, ev: EventFields, side: 'init' | 'target'): void {
  if (ev[IP_KEY[side]] !== undefined) return;
  re.lastIndex = 0;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    if (!isAddr(m[1])) continue;
    ev[IP_KEY[side]] = m[1];
    if (m[2] !== undefined) ev[PORT_KEY[side]] = Number(m[2]);
    return;
  }
}
