// Consistent pseudonymisation for training and sharing (issue 13, "Redaction"). One Redactor per open case
// serves both the views (viewOps: pages, event detail, facets) and every exporter (run.ts wraps the RowReader),
// so a value reads the same everywhere: the n-th distinct IPv4 becomes 10.x.x.x, IPv6 2001:db8::n, users
// user-n, hosts host-n, e-mail addresses mail-n@example.com, MAC addresses 02:00:00:xx:xx:xx (locally
// administered), URL hosts host-n. Free text (raw, message, every other text field) has the addresses, e-mails,
// MACs and URL hosts found in it replaced, and the event's own user and host values where they stand as words.
// The stored case is never touched: this works on values on their way out. Numbering is in order of first
// sight, so it is stable for the session; the mapping table (analyst only) says what each pseudonym stands for.
import { isIPv4, isIPv6 } from '../../core/ip.ts';
import type { EventFields } from '../../core/schema.ts';
import type { RedactKind } from '../api/redact.ts';

export type { RedactKind };
export const REDACT_KINDS: readonly RedactKind[] = ['ip', 'user', 'host', 'email', 'mac', 'text', 'keep'];

/**
 * Per-field choices over the defaults (fieldKind): 'keep' leaves a field as it is, 'text' scans it; `off`: kinds
 * never replaced (in their fields and in text), e.g. ['host'] keeps host names everywhere.
 */
export interface RedactionConfig { fields?: Readonly<Record<string, RedactKind>>; off?: readonly RedactKind[] }

/** The numbering as saved with the case (settings `redact.mapping`): reload gives the same pseudonyms. */
export interface RedactorSnapshot { v: 1; counts: [string, number][]; rows: [RedactKind, string, string][] }

/** The shapes a pseudonym can have (the inverse direction: a query term the user typed from what was shown). */
const PSEUDONYM = /(?<![\w.:@-])(?:user-\d+|host-\d+|mail-\d+@example\.com|10\.\d{1,3}\.\d{1,3}\.\d{1,3}|2001:db8::[0-9a-f]{1,8}|02:00:00(?::[0-9a-f]{2}){3})(?![\w@-]|[.:][\w])/gi;

/** What a field holds by default, from its name (normalized names first, then common vendor names). */
export function fieldKind(field: string): RedactKind {
  if (/(^|\.)mac$/i.test(field)) return 'mac';
  if (/(^|[._])ip$/i.test(field) || /ip_?addr(ess)?$/i.test(field)) return 'ip';
  if (/\.usr\.name$/.test(field) || /user_?name$/i.test(field) || /^(user|username|account)$/i.test(field)) return 'user';
  if (/\.host\.name$/.test(field) || /(workstation|computer|host)_?name$/i.test(field) || field === 'web.header.host') return 'host';
  if (/e-?mail|\.(from|to|sender|recipient)$/i.test(field)) return 'email';
  return 'text';
}

/** Fields that are never personal: times, positions, our own bookkeeping. */
const NEVER = /^(ts|ts\..*|col\.(line|offset)|parser\..*|type|action|outcome|vendor|alarm\..*|web\.request\.(method|rc)|session\..*|.*\.port)$/;

// One pass over text: URL (scheme://host), e-mail, MAC, IPv4, then an IPv6 candidate (checked with isIPv6).
const PATTERN = new RegExp([
  String.raw`(?<url>\b[a-zA-Z][a-zA-Z0-9+.-]{1,15}://)(?<urlhost>\[[0-9A-Fa-f:.]+\]|[^\s/:?#"'<>\[\]@]+@?[^\s/:?#"'<>\[\]]*)`,
  String.raw`(?<email>\b[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,})`,
  String.raw`(?<mac>(?<![\w:-])[0-9A-Fa-f]{2}(?<sep>[:-])(?:[0-9A-Fa-f]{2}\k<sep>){4}[0-9A-Fa-f]{2}(?![\w:-]))`,
  // not inside a longer dotted number (1.2.3.4.5), but before a sentence's full stop or a name's ".log"
  String.raw`(?<v4>(?<![\w.])(?:\d{1,3}\.){3}\d{1,3}(?!\w|\.\d))`,
  String.raw`(?<v6>(?<![\w:.])(?=[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*:)[0-9A-Fa-f:.]*[0-9A-Fa-f:](?:%[\w.]+)?(?![\w:.]))`,
].join('|'), 'g');

const escapeRe = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** An event's user and host values (value -> kind), looked for as words in its text. */
export type Words = ReadonlyMap<string, 'user' | 'host'>;

export interface MappingRow { kind: RedactKind; original: string; pseudonym: string }

export class Redactor {
  private readonly maps = new Map<RedactKind, Map<string, string>>();
  private readonly counts = new Map<string, number>();
  private readonly kinds = new Map<string, RedactKind>();
  /** word patterns for an event's own user/host values, by the values joined */
  private readonly wordPatterns = new Map<string, RegExp>();
  /** lower-cased pseudonym -> original (the engine translates what the user typed back to what is stored) */
  private readonly reverse = new Map<string, string>();
  private off: ReadonlySet<RedactKind>;
  /** called after a new pseudonym was given (the owner saves the numbering) */
  onChange: (() => void) | undefined;

  constructor(private config: RedactionConfig = {}, snapshot?: RedactorSnapshot) {
    this.off = new Set(config.off ?? []);
    if (snapshot !== undefined) this.restore(snapshot);
  }

  /** New per-field choices; the numbering stays (a value keeps its pseudonym). */
  configure(config: RedactionConfig): void {
    this.config = config;
    this.off = new Set(config.off ?? []);
    this.kinds.clear();
  }

  /** The kind in force for a field (config over defaults; a kind switched off is kept). */
  kindOf(field: string): RedactKind {
    let k = this.kinds.get(field);
    if (k === undefined) {
      k = this.config.fields?.[field] ?? (NEVER.test(field) ? 'keep' : fieldKind(field));
      if (this.off.has(k)) k = 'keep';
      this.kinds.set(field, k);
    }
    return k;
  }

  /** The original behind a pseudonym (any case), or undefined when it is none this case gave. */
  original(pseudonym: string): string | undefined {
    return this.reverse.get(pseudonym.toLowerCase());
  }

  /**
   * Text with every pseudonym this case gave replaced by its original (what the user typed, for the engine);
   * `swapped` collects original -> pseudonym for each replacement.
   */
  untext(s: string, swapped?: Map<string, string>): string {
    if (this.reverse.size === 0) return s;
    return s.replace(PSEUDONYM, (m) => {
      const o = this.original(m);
      if (o === undefined) return m;
      swapped?.set(o, m);
      return o;
    });
  }

  /** Every pseudonym given so far with its original (wildcards in typed queries are matched against these). */
  pseudonyms(): IterableIterator<[string, string]> {
    return this.reverse.entries();
  }

  /** The numbering to save with the case. */
  snapshot(): RedactorSnapshot {
    const rows: [RedactKind, string, string][] = [];
    for (const [kind, map] of this.maps) for (const [original, pseudonym] of map) rows.push([kind, original, pseudonym]);
    return { v: 1, counts: [...this.counts], rows };
  }

  /**
   * Takes in a numbering another tab saved (the case setting is the shared truth): its pseudonyms win. A value
   * this tab numbered differently takes the saved pseudonym; a value of this tab's whose pseudonym the saved
   * numbering gives to another value is numbered anew, after both counts. Returns how many of this tab's values
   * the saved numbering lacks (to be saved), and whether a pseudonym this tab had given changed.
   */
  merge(saved: RedactorSnapshot): { localOnly: number; changed: boolean } {
    const other = new Redactor();
    other.restore(saved);
    for (const [family, n] of other.counts) this.counts.set(family, Math.max(n, this.counts.get(family) ?? 0));
    let changed = false;
    for (const [kind, theirs] of other.maps) {
      let mine = this.maps.get(kind);
      if (mine === undefined) this.maps.set(kind, (mine = new Map()));
      for (const [original, pseudonym] of theirs) {
        const had = mine.get(original);
        if (had === pseudonym) continue;
        if (had !== undefined) changed = true;
        mine.set(original, pseudonym);
        this.reverse.set(pseudonym.toLowerCase(), original);
      }
    }
    // values whose pseudonym now stands for another original: numbered again
    const again: [RedactKind, string][] = [];
    for (const [kind, mine] of this.maps) {
      for (const [original, pseudonym] of mine) if (this.reverse.get(pseudonym.toLowerCase()) !== original) again.push([kind, original]);
    }
    for (const [kind, original] of again) {
      this.maps.get(kind)?.delete(original);
      changed = true;
    }
    for (const [kind, original] of again) if (kind !== 'text' && kind !== 'keep') this.pseudonym(kind, original);
    let localOnly = 0;
    for (const [kind, mine] of this.maps) {
      const theirs = other.maps.get(kind);
      for (const original of mine.keys()) if (theirs?.has(original) !== true) localOnly++;
    }
    return { localOnly, changed };
  }

  private restore(s: RedactorSnapshot): void {
    // a saved numbering comes from the case (or an imported file): anything not of its shape is skipped
    if (s === null || typeof s !== 'object' || s.v !== 1 || !Array.isArray(s.rows) || !Array.isArray(s.counts)) return;
    for (const c of s.counts) if (Array.isArray(c) && typeof c[0] === 'string' && Number.isInteger(c[1])) this.counts.set(c[0], c[1]);
    for (const r of s.rows) {
      if (!Array.isArray(r) || !REDACT_KINDS.includes(r[0]) || typeof r[1] !== 'string' || typeof r[2] !== 'string') continue;
      const [kind, original, pseudonym] = r;
      let map = this.maps.get(kind);
      if (map === undefined) this.maps.set(kind, (map = new Map()));
      map.set(original, pseudonym);
      this.reverse.set(pseudonym.toLowerCase(), original);
    }
  }

  /** The pseudonym of one value of a kind (the same value always gets the same one). */
  pseudonym(kind: 'ip' | 'user' | 'host' | 'email' | 'mac', value: string): string {
    let map = this.maps.get(kind);
    if (map === undefined) this.maps.set(kind, (map = new Map()));
    let p = map.get(value);
    if (p !== undefined) return p;
    const family = kind === 'ip' && isIPv6(value) ? 'ip6' : kind; // IPv4 and IPv6 each count from 1
    const n = (this.counts.get(family) ?? 0) + 1;
    this.counts.set(family, n);
    switch (kind) {
      case 'ip': p = isIPv4(value) ? `10.${(n >>> 16) & 255}.${(n >>> 8) & 255}.${n & 255}` : isIPv6(value) ? `2001:db8::${n.toString(16)}` : this.pseudonym('host', value); break;
      case 'user': p = `user-${n}`; break;
      case 'host': p = `host-${n}`; break;
      case 'email': p = `mail-${n}@example.com`; break;
      case 'mac': p = `02:00:00:${[(n >>> 16) & 255, (n >>> 8) & 255, n & 255].map((b) => b.toString(16).padStart(2, '0')).join(':')}`; break;
    }
    map.set(value, p);
    this.reverse.set(p.toLowerCase(), value);
    this.onChange?.();
    return p;
  }

  /** One field's value as it may be shown. `words`: the event's user/host values to find in text. */
  value(field: string, v: string | number | undefined, words?: Words): string | number | undefined {
    if (v === undefined || typeof v === 'number' && this.kindOf(field) !== 'ip') return v;
    const s = String(v);
    if (s === '' || s === '-') return v;
    switch (this.kindOf(field)) {
      case 'keep': return v;
      case 'ip': return isIPv4(s) || isIPv6(s) ? this.pseudonym('ip', s) : this.text(s, words);
      case 'mac': return this.pseudonym('mac', s.toLowerCase());
      case 'user': case 'host': case 'email': return this.pseudonym(this.kindOf(field) as 'user' | 'host' | 'email', s);
      default: return this.text(s, words);
    }
  }

  /** Only the given user/host words replaced (text already redacted once: its pseudonyms must stay). */
  names(s: string, words: Words): string {
    return words.size === 0 ? s : s.replace(this.wordPattern(words), (m) => (this.off.has(words.get(m) ?? 'user') ? m : this.pseudonym(words.get(m) ?? 'user', m)));
  }

  /** Free text with every address, e-mail, MAC and URL host found in it replaced, and the given words. */
  text(s: string, words?: Words): string {
    let out = s.replace(PATTERN, (m: string, ...args: unknown[]) => {
      const g = args[args.length - 1] as Record<string, string | undefined>;
      if (g.url !== undefined) return g.url + this.urlHost(g.urlhost ?? '');
      if (g.email !== undefined) return this.off.has('email') ? m : this.pseudonym('email', m);
      if (g.mac !== undefined) return this.off.has('mac') ? m : this.pseudonym('mac', m.toLowerCase().replace(/-/g, ':'));
      if (this.off.has('ip')) return m;
      if (g.v4 !== undefined) return isIPv4(m) ? this.pseudonym('ip', m) : m;
      return isIPv6(m) ? this.pseudonym('ip', m) : m;
    });
    if (words !== undefined && words.size > 0) out = out.replace(this.wordPattern(words), (m) => (this.off.has(words.get(m) ?? 'user') ? m : this.pseudonym(words.get(m) ?? 'user', m)));
    return out;
  }

  /** The whole event as it may be shown: its user and host values are also looked for in its text fields. */
  event(e: EventFields): EventFields {
    const words = this.words(e);
    const out = Object.create(null) as EventFields;
    for (const f in e) out[f] = this.value(f, e[f], words)!;
    return out;
  }

  /** The user and host values of an event, to find in its text (shorter ones would hit ordinary words). */
  words(e: EventFields): Words {
    const words = new Map<string, 'user' | 'host'>();
    for (const f in e) {
      const k = this.kindOf(f);
      const v = e[f];
      if ((k === 'user' || k === 'host') && typeof v === 'string' && v.length >= 3 && !words.has(v)) words.set(v, k);
    }
    return words;
  }

  /**
   * Every user and host value given a pseudonym so far, to find in text that has no event of its own (field
   * samples, a rule tester's message). Capped: one pattern of thousands of names would be slow to build.
   */
  knownWords(max = 5000): Words {
    const words = new Map<string, 'user' | 'host'>();
    for (const kind of ['user', 'host'] as const) {
      for (const v of this.maps.get(kind)?.keys() ?? []) {
        if (words.size >= max) return words;
        if (v.length >= 3 && !this.off.has(kind)) words.set(v, kind);
      }
    }
    return words;
  }

  /** Everything pseudonymised so far: for the analyst only (it undoes the redaction). */
  mapping(): MappingRow[] {
    const rows: MappingRow[] = [];
    for (const [kind, map] of this.maps) for (const [original, pseudonym] of map) rows.push({ kind, original, pseudonym });
    return rows;
  }

  private urlHost(host: string): string {
    const at = host.lastIndexOf('@');
    const [cred, name] = at >= 0 ? [host.slice(0, at + 1), host.slice(at + 1)] : ['', host];
    const bare = name.startsWith('[') ? name.slice(1, -1) : name;
    const ip = isIPv4(bare) || isIPv6(bare);
    const p = this.off.has(ip ? 'ip' : 'host') ? bare : ip ? this.pseudonym('ip', bare) : this.pseudonym('host', bare.toLowerCase());
    const shown = isIPv6(p) ? `[${p}]` : p;
    return (cred === '' || this.off.has('user') ? cred : `${this.pseudonym('user', cred.slice(0, -1))}@`) + shown;
  }

  private wordPattern(words: Words): RegExp {
    const values = [...words.keys()].sort((a, b) => b.length - a.length); // longest first: "admin" not inside "administrator"
    const key = values.join('\u0000');
    let re = this.wordPatterns.get(key);
    if (re === undefined) {
      if (this.wordPatterns.size > 2000) this.wordPatterns.clear(); // bounded: a few distinct user/host sets repeat
      re = new RegExp(`(?<![\\w.@-])(?:${values.map(escapeRe).join('|')})(?![\\w@-])`, 'g');
      this.wordPatterns.set(key, re);
    }
    return re;
  }
}
