// Detection items -> value tests: every modifier of Sigma spec v2.1 (sigma-appendix-modifiers.md).
// Modifiers apply in the order written (`|wide|base64offset|contains` encodes, then shifts, then wraps).
// Compiled once per rule load; the tests take the event's value (undefined = field absent) and, for
// `fieldref`, the referenced field's value. Errors throw SigmaValueError: parse.ts collects them as issues.
import { ipv4Value, ipv6ToGroups } from '../../core/ip.ts';
import { compileLinearRegex } from './linearRegex.ts';
import { requiredText } from './regexLiteral.ts';
import { compilePattern, contains, endsWith, parseSigmaString, plainText, STAR, startsWith, windash, type Part } from './pattern.ts';

export class SigmaValueError extends Error {}

/** `lower` is the value lower-cased (callers cache it per distinct value: most tests are case-insensitive) */
export type ValueTest = (value: string | undefined, lower: string | undefined, ref?: string | undefined) => boolean;

export interface CompiledItem {
  /** null: keyword search over the event's text */
  field: string | null;
  /** `fieldref`: the other field whose value the tests compare with */
  refField?: string;
  test: ValueTest;
  /** the item can match an event that lacks the field (null, neq, exists: false) */
  matchesAbsent: boolean;
  /** identical tests (same modifiers and values) share one verdict per distinct value across rules */
  key: string;
  /**
   * Set when values are found through a multi-pattern pass (literals.ts): each value's alternatives, each a
   * lower-cased text the value must contain, with the alternative's whole test when containing it is not
   * enough (wildcards, `cased`, anchors). The item holds when any value (every value, with `all`) has an
   * alternative found and confirmed, negated with `neq`. A case-insensitive plain substring (`contains`
   * without wildcards) is answered by the pass alone.
   */
  literals?: {
    values: LiteralAlt[][];
    all: boolean;
    neq: boolean;
    /** the item's values that have no text to look for (regexes, short wildcards), OR-ed (only without `all`) */
    rest?: ValueTest;
  };
}

/** One alternative of a value as the multi-pattern pass finds it (see CompiledItem.literals). */
export interface LiteralAlt { text: string; confirm?: ValueTest }

/** a shorter required text would be found in most values and narrow nothing */
const MIN_GATE = 3;

const KNOWN = new Set([
  'contains', 'startswith', 'endswith', 'all', 'exists', 'cased', 'neq', 'windash', 're', 'i', 'm', 's',
  'base64', 'base64offset', 'utf16le', 'utf16be', 'utf16', 'wide', 'lt', 'lte', 'gt', 'gte',
  'minute', 'hour', 'day', 'week', 'month', 'year', 'cidr', 'expand', 'fieldref',
]);
const COMPARE = new Set(['lt', 'lte', 'gt', 'gte']);
const TIME_PARTS = new Set(['minute', 'hour', 'day', 'week', 'month', 'year']);
const ENCODERS = new Set(['base64', 'base64offset', 'utf16le', 'utf16be', 'utf16', 'wide']);

/** A string value on its way through the modifier chain: alternatives (OR), raw bytes after utf16. */
interface StrState { alts: Part[][]; binary: boolean }

function utf8Binary(s: string): string {
  let out = '';
  for (const b of new TextEncoder().encode(s)) out += String.fromCharCode(b);
  return out;
}

function utf16(s: string, le: boolean, bom: boolean): string {
  let out = bom ? (le ? '\xff\xfe' : '\xfe\xff') : '';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i), hi = String.fromCharCode(c >> 8), lo = String.fromCharCode(c & 0xff);
    out += le ? lo + hi : hi + lo;
  }
  return out;
}

function b64(binary: string): string {
  return btoa(binary);
}

/** pySigma's base64offset: the value at byte offsets 0, 1, 2, trimmed to the characters that do not depend on neighbours. */
export function base64Offsets(binary: string): string[] {
  const start = [0, 2, 3], end = [0, -3, -2];
  const out: string[] = [];
  for (let i = 0; i < 3; i++) {
    const enc = b64(' '.repeat(i) + binary);
    const e = end[(binary.length + i) % 3];
    out.push(enc.slice(start[i], e === 0 ? undefined : e));
  }
  return out;
}

function plainOf(st: StrState, mod: string): string {
  if (st.alts.length !== 1) throw new SigmaValueError(`modifier '${mod}' needs a single plain value`);
  const t = plainText(st.alts[0]);
  if (t === undefined) throw new SigmaValueError(`modifier '${mod}' applies to values without wildcards`);
  return t;
}

function applyString(st: StrState, mod: string): StrState {
  switch (mod) {
    case 'contains': return { ...st, alts: st.alts.map(contains) };
    case 'startswith': return { ...st, alts: st.alts.map(startsWith) };
    case 'endswith': return { ...st, alts: st.alts.map(endsWith) };
    case 'windash': return { ...st, alts: st.alts.map(windash) };
    case 'utf16le': case 'wide': return { alts: [[utf16(plainOf(st, mod), true, false)]], binary: true };
    case 'utf16be': return { alts: [[utf16(plainOf(st, mod), false, false)]], binary: true };
    case 'utf16': return { alts: [[utf16(plainOf(st, mod), true, true)]], binary: true };
    case 'base64': {
      const t = plainOf(st, mod);
      return { alts: [[b64(st.binary ? t : utf8Binary(t))]], binary: false };
    }
    case 'base64offset': {
      const t = plainOf(st, mod);
      return { alts: base64Offsets(st.binary ? t : utf8Binary(t)).map((s) => [s]), binary: false };
    }
    default: throw new SigmaValueError(`modifier '${mod}' does not apply to a string value`);
  }
}

/** Placeholders (`expand`): %name% -> each configured value; `\%` is a plain percent. */
function expandPlaceholders(raw: string, placeholders: ReadonlyMap<string, readonly string[]>): string[] {
  let outs = [''];
  const re = /(\\%)|%([^%\s]+)%/g;
  let last = 0;
  for (let m = re.exec(raw); m !== null; m = re.exec(raw)) {
    const before = raw.slice(last, m.index) + (m[1] !== undefined ? '%' : '');
    last = m.index + m[0].length;
    if (m[1] !== undefined) {
      outs = outs.map((o) => o + before);
      continue;
    }
    const values = placeholders.get(m[2]);
    if (values === undefined || values.length === 0) throw new SigmaValueError(`placeholder %${m[2]}% has no values (define it in the placeholders)`);
    outs = outs.flatMap((o) => values.map((v) => o + before + v));
  }
  return outs.map((o) => o + raw.slice(last));
}

function cidrTest(spec: string): (v: string) => boolean {
  const slash = spec.indexOf('/');
  const addr = slash < 0 ? spec : spec.slice(0, slash);
  const bitsText = slash < 0 ? '' : spec.slice(slash + 1);
  const v4 = ipv4Value(addr);
  if (v4 >= 0) {
    const bits = bitsText === '' ? 32 : Number(bitsText);
    if (!Number.isInteger(bits) || bits < 0 || bits > 32) throw new SigmaValueError(`invalid CIDR '${spec}'`);
    const mask = bits === 0 ? 0 : (0xffffffff << (32 - bits)) >>> 0;
    const net = (v4 & mask) >>> 0;
    return (v) => {
      const x = ipv4Value(v.startsWith('::ffff:') ? v.slice(7) : v);
      return x >= 0 && ((x & mask) >>> 0) === net;
    };
  }
  const g = ipv6ToGroups(addr);
  const bits = bitsText === '' ? 128 : Number(bitsText);
  if (g === null || !Number.isInteger(bits) || bits < 0 || bits > 128) throw new SigmaValueError(`invalid CIDR '${spec}'`);
  return (v) => {
    const x = ipv6ToGroups(v);
    if (x === null) return false;
    for (let i = 0, left = bits; left > 0; i++, left -= 16) {
      const m = left >= 16 ? 0xffff : (0xffff << (16 - left)) & 0xffff;
      if ((x[i] & m) !== (g[i] & m)) return false;
    }
    return true;
  };
}

function compareTest(op: string, n: number): (x: number) => boolean {
  switch (op) {
    case 'lt': return (x) => x < n;
    case 'lte': return (x) => x <= n;
    case 'gt': return (x) => x > n;
    default: return (x) => x >= n;
  }
}

/** A date value as epoch ms: ISO / 'YYYY-MM-DD hh:mm:ss' text (read as UTC) or epoch ms (the ts column). */
function dateMs(v: string): number {
  if (/^\d{11,}(\.\d+)?$/.test(v)) return Number(v);
  const iso = /^\d{4}-\d\d-\d\d[ T]\d/.test(v) ? v.replace(' ', 'T') : v;
  const zoned = /([zZ]|[+-]\d\d:?\d\d)$/.test(iso) || !iso.includes('T') ? iso : `${iso}Z`;
  return Date.parse(zoned);
}

export function timePart(part: string, ms: number): number {
  const d = new Date(ms);
  switch (part) {
    case 'minute': return d.getUTCMinutes();
    case 'hour': return d.getUTCHours();
    case 'day': return d.getUTCDate();
    case 'month': return d.getUTCMonth() + 1;
    case 'year': return d.getUTCFullYear();
    default: {
      // ISO 8601 week number
      const t = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));
      const day = t.getUTCDay() || 7;
      t.setUTCDate(t.getUTCDate() + 4 - day);
      const y0 = Date.UTC(t.getUTCFullYear(), 0, 1);
      return Math.ceil(((t.getTime() - y0) / 86400000 + 1) / 7);
    }
  }
}

function asText(v: unknown): string {
  return typeof v === 'string' ? v : typeof v === 'number' || typeof v === 'boolean' ? String(v) : '';
}

/** One value of an item -> its test (absent values fail: null, exists and neq handle absence). */
interface ValueCompiled { test: ValueTest; literals?: LiteralAlt[] }

function valueTest(raw: unknown, mods: string[], ctx: ItemContext): ValueCompiled {
  const test = valueTestOf(raw, mods, ctx);
  return typeof test === 'function' ? { test } : test;
}

function valueTestOf(raw: unknown, mods: string[], ctx: ItemContext): ValueTest | ValueCompiled {
  if (raw === null) {
    if (mods.some((m) => m !== 'all' && m !== 'cased')) throw new SigmaValueError('null takes no modifiers');
    return (v) => v === undefined || v === '';
  }
  if (typeof raw === 'object') throw new SigmaValueError('a value must be a string, number, boolean or null');
  const cased = mods.includes('cased');
  if (mods.includes('re')) {
    const flags = { i: mods.includes('i'), m: mods.includes('m'), s: mods.includes('s') };
    const bad = mods.find((m) => !['re', 'i', 'm', 's', 'all', 'cased', 'neq'].includes(m));
    if (bad !== undefined) throw new SigmaValueError(`modifier '${bad}' cannot be combined with 're'`);
    let re;
    try {
      re = compileLinearRegex(asText(raw), flags);
    } catch (e) {
      throw new SigmaValueError(`regular expression not supported: ${(e as Error).message}`);
    }
    const need = requiredText(asText(raw));
    if (need === undefined) return (v) => v !== undefined && re.test(v);
    // a value lacking the text every match holds is settled without the regex (non-ASCII values: case
    // folding beyond ASCII is the regex engine's, so they always run it)
    return (v, lv) => v !== undefined && ((lv ?? v.toLowerCase()).includes(need) || !isAscii(v)) && re.test(v);
  }
  if (mods.includes('cidr')) {
    const t = cidrTest(asText(raw));
    return (v) => v !== undefined && t(v);
  }
  const timeMod = mods.find((m) => TIME_PARTS.has(m));
  const cmp = mods.find((m) => COMPARE.has(m));
  if (timeMod !== undefined || cmp !== undefined) {
    const n = typeof raw === 'number' ? raw : Number(asText(raw));
    if (!Number.isFinite(n)) throw new SigmaValueError(`modifier '${cmp ?? timeMod}' needs a number, got '${asText(raw)}'`);
    const test = cmp !== undefined ? compareTest(cmp, n) : (x: number) => x === n;
    if (timeMod !== undefined) return (v) => {
      if (v === undefined) return false;
      const ms = dateMs(v);
      return ms === ms && test(timePart(timeMod, ms));
    };
    return (v) => {
      if (v === undefined || v.trim() === '') return false;
      const x = Number(v);
      return x === x && test(x);
    };
  }
  if (mods.includes('fieldref')) {
    const sw = mods.includes('startswith'), ew = mods.includes('endswith'), ct = mods.includes('contains');
    return (v, _lower, ref) => {
      if (v === undefined || ref === undefined) return false;
      const a = cased ? v : v.toLowerCase(), b = cased ? ref : ref.toLowerCase();
      return ct ? a.includes(b) : sw ? a.startsWith(b) : ew ? a.endsWith(b) : a === b;
    };
  }
  // strings (numbers and booleans compare as their text)
  const text = asText(raw);
  const sources = mods.includes('expand') ? expandPlaceholders(text, ctx.placeholders) : [text];
  let st: StrState = { alts: sources.map(parseSigmaString), binary: false };
  for (const m of mods) if (m !== 'cased' && m !== 'all' && m !== 'neq' && m !== 'expand') st = applyString(st, m);
  const tests = st.alts.map((p): ValueTest => {
    const t = compilePattern(p, cased);
    return cased ? (v) => v !== undefined && t(v) : (_v, lv) => lv !== undefined && t(lv);
  });
  const test: ValueTest = tests.length === 1 ? tests[0] : (v, lv) => {
    for (const t of tests) if (t(v, lv)) return true;
    return false;
  };
  const literals = st.alts.map((p, i) => literalAlt(p, cased, tests[i]));
  return literals.every((l): l is LiteralAlt => l !== undefined) ? { test, literals } : { test };
}

function isAscii(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 0x7f) return false;
  return true;
}

/**
 * How the multi-pattern pass finds a pattern: a case-insensitive plain substring is its own answer; any other
 * pattern must contain its longest literal part (lower-cased), and is then confirmed by its test. Undefined
 * when no part is long enough to be worth looking for.
 */
function literalAlt(p: readonly Part[], cased: boolean, test: ValueTest): LiteralAlt | undefined {
  if (!cased && p.length === 3 && p[0] === STAR && p[2] === STAR && typeof p[1] === 'string' && p[1] !== '') return { text: p[1].toLowerCase() };
  let best = '';
  for (const x of p) if (typeof x === 'string' && x.length > best.length) best = x;
  // a cased part is looked for in the lower-cased value: only where lower-casing cannot depend on neighbours
  if (best.length < MIN_GATE || (cased && !isAscii(best))) return undefined;
  return { text: best.toLowerCase(), confirm: test };
}

export interface ItemContext {
  placeholders: ReadonlyMap<string, readonly string[]>;
  /** test text -> short key, per load: long value lists (700-line rules) hash once, not on every run */
  keys?: Map<string, string>;
}

/** `field|mod1|mod2: values` -> one test of the field's value. */
export function compileItem(field: string | null, modifiers: string[], values: unknown[], ctx: ItemContext): CompiledItem {
  for (const m of modifiers) if (!KNOWN.has(m)) throw new SigmaValueError(`unknown modifier '${m}'`);
  const all = modifiers.includes('all');
  const neq = modifiers.includes('neq');
  if (modifiers.includes('exists')) {
    if (values.length !== 1 || typeof values[0] !== 'boolean') throw new SigmaValueError("'exists' needs true or false");
    if (field === null) throw new SigmaValueError("'exists' needs a field");
    const want = values[0];
    return { field, test: (v) => (v !== undefined) === want, matchesAbsent: !want, key: `exists:${want}` };
  }
  if (values.length === 0) throw new SigmaValueError('an item needs at least one value');
  if (values.includes(null) && values.length > 1) throw new SigmaValueError('null cannot be part of a list of values');
  const encoded = modifiers.filter((m) => ENCODERS.has(m));
  if (encoded.length > 0 && modifiers.includes('re')) throw new SigmaValueError("encoding modifiers cannot be combined with 're'");
  let refField: string | undefined;
  if (modifiers.includes('fieldref')) {
    if (values.length !== 1 || typeof values[0] !== 'string') throw new SigmaValueError("'fieldref' needs one field name");
    refField = values[0];
  }
  const compiled = values.map((v) => valueTest(v, modifiers, ctx));
  const tests = compiled.map((c) => c.test);
  // plain substrings answer from the column's multi-pattern pass; in a list (any of), the other values are
  // tested as usual only for values the pass did not settle ('-InstanceId 462?' beside 'Get-WinEvent ')
  const literalCount = compiled.filter((c) => c.literals !== undefined).length;
  const literalValues = refField === undefined && literalCount > 0 && (literalCount === compiled.length || !all)
    ? compiled.flatMap((c) => (c.literals !== undefined ? [c.literals] : [])) : undefined;
  const restTests = compiled.filter((c) => c.literals === undefined).map((c) => c.test);
  const rest: ValueTest | undefined = literalValues === undefined || restTests.length === 0 ? undefined
    : restTests.length === 1 ? restTests[0] : (v, l, r) => restTests.some((t) => t(v, l, r));
  let test: ValueTest;
  if (tests.length === 1) test = tests[0];
  else if (all) test = (v, l, r) => tests.every((t) => t(v, l, r));
  else test = (v, l, r) => tests.some((t) => t(v, l, r));
  const base = test;
  if (neq) test = (v, l, r) => !base(v, l, r);
  const text = `${modifiers.join('|')}\u0000${JSON.stringify(values)}`;
  let key = ctx.keys?.get(text);
  if (key === undefined) {
    key = ctx.keys === undefined ? text : `k${ctx.keys.size}`;
    ctx.keys?.set(text, key);
  }
  const literals = literalValues !== undefined ? { values: literalValues, all, neq, rest } : undefined;
  return { field, refField, test, matchesAbsent: test(undefined, undefined, undefined), key, literals };
}
