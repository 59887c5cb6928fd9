// Learning the fixed header columns of an unknown line log (issue 12 "Learned layouts"): after the learned
// timestamp, the columns that every line repeats before its free text — level, component/logger or
// syslog tag[pid], pid, thread, host, request id — recognised by their shape and by how consistently each
// position holds that shape across the file's first lines. Applied per line: columns are read in order
// while each token still has its column's shape; the rest of the line is the message.
import type { EventFields } from '../../core/schema.ts';

// 'time': one token of a further date or time in the header (BGL's "2005.06.03", Thunderbird's "Nov 10 03:58:53"),
// 'word': a fixed column with no known role (a label, a node type): both stay in raw and out of the message
export type ColumnKind = 'level' | 'tag' | 'component' | 'program' | 'pid' | 'thread' | 'request' | 'host' | 'sep' | 'time' | 'word';

export const LEVEL = /^[[(<]?(TRACE|DEBUG|INFO|NOTICE|WARN(?:ING)?|ERROR|ERR|CRIT(?:ICAL)?|FATAL|ALERT|EMERG(?:ENCY)?|SEVERE|VERBOSE|FINE|FINER|FINEST|CONFIG)[\])>]?[:,]?$/i;
// "sshd[2201]:", "sshd(pam_unix)[19939]:", "kernel:", "dfs.DataNode$PacketResponder:"
const TAG = /^([^\s[\]:]{1,128}?)(?:\[(\d{1,10})\])?:$/;
export const PID = /^\[?(\d{1,10})\]?:?$/;
const REQUEST = /^\[?((?:req|request|trace|txn)[-_][\w-]{6,}|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\]?:?$/i;
const THREAD = /^\[([^\]\s]{1,64})\]:?$/;
const NAME = /^(?=[^\s]*[A-Za-z_])[\w$][\w.$/-]{0,127}$/;
const SEPARATORS = new Set(['-', '|', ':', '--', '::', '>']);
// a token of a written date or time: a day (1-2 digits), digits with separators, a month or weekday name
const TIME_TOKEN = /^(?:\d{1,2}|\d+[:.,/-][\d:.,/T+-]*Z?|Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|Mon|Tue|Wed|Thu|Fri|Sat|Sun)$/i;
// a node or host name: letters and digits (both), with '.', '-', '_' or ':' ("tbird-admin1", "R02-M1-N0-C:J12-U11")
const HOST_LIKE = /^(?=[^\s]*[A-Za-z])(?=[^\s]*\d)[\w.:-]{2,128}$/;
/** how far after the last column a strong column (level, tag) is looked for across unknown fixed columns */
const MAX_WEAK = 7;

interface Token { text: string; start: number; end: number; wide: boolean }

/** Whitespace-separated tokens of `s` from `from` on, with whether two or more spaces (padding) follow each. */
export function tokens(s: string, from: number, max: number): Token[] {
  const out: Token[] = [];
  let i = from;
  while (out.length < max) {
    while (i < s.length && (s.charCodeAt(i) === 32 || s.charCodeAt(i) === 9)) i++;
    if (i >= s.length) break;
    const start = i;
    while (i < s.length && s.charCodeAt(i) !== 32 && s.charCodeAt(i) !== 9) i++;
    let j = i;
    while (j < s.length && (s.charCodeAt(j) === 32 || s.charCodeAt(j) === 9)) j++;
    out.push({ text: s.slice(start, i), start, end: i, wide: j - i >= 2 || s.charCodeAt(i) === 9 });
  }
  return out;
}

/** Appends the tokens after the last one in `out` until it holds `max` (tokens() from where `out` ends). */
function moreTokens(s: string, out: Token[], max: number, start: number): void {
  const from = out.length === 0 ? start : out[out.length - 1].end;
  for (const t of tokens(s, from, max - out.length)) out.push(t);
}

const MAX_COLUMNS = 6;
/** tokens a column may span: "syslogd 1.4.1:" (a tag with a space), "svchost.exe *64 -" (a name up to a separator) */
const MAX_SPAN = 3;
// a syslog tag spanning tokens, as syslog3164 reads it: no ':' or brackets before "[pid]:"
const TAG_SPACED = /^([^:[\]]{1,64}?)(?:\[(\d{1,10})\])?:$/;

interface Row { s: string; toks: Token[]; at: number; live: boolean }

const LEVEL_WORDS = new Set(['TRACE', 'DEBUG', 'INFO', 'NOTICE', 'WARN', 'WARNING', 'ERROR', 'ERR', 'CRIT', 'CRITICAL', 'FATAL', 'ALERT', 'EMERG', 'EMERGENCY', 'SEVERE', 'VERBOSE', 'FINE', 'FINER', 'FINEST', 'CONFIG']);

/** LEVEL.exec(text)?.[1] without the regex's match array (a column read on every line): the same answers. */
export function levelOf(text: string): string | undefined {
  const n = text.length;
  let i = 0;
  let c = text.charCodeAt(0);
  if (c === 91 || c === 40 || c === 60) c = text.charCodeAt(++i); // [ ( <
  const start = i;
  while (i < n && ((c >= 65 && c <= 90) || (c >= 97 && c <= 122))) c = text.charCodeAt(++i);
  if (i - start < 3 || i - start > 9) return undefined;
  const end = i;
  if (c === 93 || c === 41 || c === 62) c = text.charCodeAt(++i); // ] ) >
  if (c === 58 || c === 44) i++; // : ,
  if (i !== n) return undefined;
  const word = text.slice(start, end);
  return LEVEL_WORDS.has(word) || LEVEL_WORDS.has(word.toUpperCase()) ? word : undefined;
}

/** PID.exec(text)?.[1] without the match array: "[1234]:", "1234". */
export function pidOf(text: string): string | undefined {
  const n = text.length;
  let i = text.charCodeAt(0) === 91 ? 1 : 0;
  const start = i;
  while (i < n && text.charCodeAt(i) >= 48 && text.charCodeAt(i) <= 57) i++;
  const end = i;
  if (end === start || end - start > 10) return undefined;
  if (text.charCodeAt(i) === 93) i++;
  if (text.charCodeAt(i) === 58) i++;
  return i === n ? (start === 0 && end === n ? text : text.slice(start, end)) : undefined;
}

/** The one-token columns: whether `text` has the column's shape (writing its field into `ev` when given). */
function takeOne(kind: Exclude<ColumnKind, 'tag' | 'program'>, text: string, ev?: EventFields): boolean {
  let m: RegExpExecArray | null;
  switch (kind) {
    case 'sep': return SEPARATORS.has(text);
    case 'time': return TIME_TOKEN.test(text);
    case 'word': return true;
    case 'level': {
      const v = levelOf(text);
      if (v !== undefined && ev) ev['alarm.sev'] = v;
      return v !== undefined;
    }
    case 'request':
      m = REQUEST.exec(text);
      if (m !== null && ev) ev['session.id'] = m[1];
      return m !== null;
    case 'pid': {
      const v = pidOf(text);
      if (v !== undefined && ev) ev['obs.process.id'] = v;
      return v !== undefined;
    }
    case 'thread':
      m = THREAD.exec(text);
      if (m !== null && ev) ev['data.thread'] = m[1];
      return m !== null;
    case 'host':
      if (!NAME.test(text) && !HOST_LIKE.test(text)) return false;
      if (ev) ev['obs.host.name'] = text;
      return true;
    case 'component':
      if (!NAME.test(text)) return false;
      if (ev) ev['app.name'] = text;
      return true;
  }
}

/**
 * Tokens the column takes at toks[j] (0 = the token does not have the column's shape), writing its field
 * into `ev` when given. Shared by learning (which only counts) and reading.
 */
function take(kind: ColumnKind, s: string, toks: Token[], j: number, ev?: EventFields): number {
  const t = toks[j];
  if (t === undefined) return 0;
  const text = t.text;
  let m: RegExpExecArray | null;
  switch (kind) {
    case 'sep': case 'time': case 'word': case 'level': case 'request': case 'pid': case 'thread': case 'host': case 'component':
      return takeOne(kind, text, ev) ? 1 : 0;
    case 'tag': {
      let n = 1;
      m = TAG.exec(text);
      if (m === null && !text.includes(':')) {
        // "syslogd 1.4.1:", "-- root[2421]:": the tag ends at the first token that ends with ':'
        for (let k = j + 1; k < j + MAX_SPAN && k < toks.length; k++) {
          if (!toks[k].text.endsWith(':')) {
            if (toks[k].text.includes(':')) break;
            continue;
          }
          m = TAG_SPACED.exec(s.slice(t.start, toks[k].end));
          n = k - j + 1;
          break;
        }
      }
      if (m === null) return 0;
      if (ev) {
        const tag = m[1];
        const paren = tag.indexOf('(');
        ev['app.name'] = tag;
        ev['obs.process.name'] = paren > 0 ? tag.slice(0, paren) : tag;
        if (m[2] !== undefined) ev['obs.process.id'] = m[2];
      }
      return n;
    }
    case 'program': {
      // a name, and what follows it up to a separator token ("svchost.exe *64 - ...")
      if (!NAME.test(text)) return 0;
      for (let k = j + 1; k <= j + MAX_SPAN && k < toks.length; k++) {
        if (!SEPARATORS.has(toks[k].text)) continue;
        if (ev) ev['app.name'] = s.slice(t.start, toks[k - 1].end);
        return k - j;
      }
      return 0;
    }
  }
}

/**
 * The header columns of a file, from the text after each sample line's timestamp. A position becomes a column
 * when (nearly) every line has that shape there; the first position that fits none ends the header.
 */
export function learnHeader(afterTime: readonly string[]): ColumnKind[] {
  const rows: Row[] = afterTime.map((s) => ({ s, toks: tokens(s, 0, MAX_COLUMNS * MAX_SPAN + 1), at: 0, live: true }));
  if (rows.length === 0) return [];
  const cols: ColumnKind[] = [];
  const share = (kind: ColumnKind, extra?: (r: Row) => boolean) =>
    rows.filter((r) => r.live && take(kind, r.s, r.toks, r.at) > 0 && (extra === undefined || extra(r))).length / rows.length;
  const tokenShare = (test: (t: Token, r: Row) => boolean) => rows.filter((r) => r.live && r.toks[r.at] !== undefined && test(r.toks[r.at], r)).length / rows.length;
  for (let n = 0; n < MAX_COLUMNS && cols.length < MAX_COLUMNS + MAX_WEAK; n++) {
    let kind: ColumnKind | undefined;
    const named = !cols.some((c) => c === 'tag' || c === 'component' || c === 'program');
    if (share('sep') >= 0.95) kind = 'sep';
    else if (share('level') >= 0.9) kind = 'level';
    else if (share('request') >= 0.9) kind = 'request';
    else if (share('pid') >= 0.95) kind = 'pid';
    else if (tokenShare((t) => TAG.test(t.text) && /\D:$/.test(t.text)) >= 0.9) kind = 'tag';
    else if (share('thread') >= 0.95) kind = 'thread';
    else if (named && share('component') >= 0.95 && tokenShare((_t, r) => {
      const next = r.toks[r.at + 1];
      return next !== undefined && TAG.test(next.text) && /\D:$/.test(next.text);
    }) >= 0.85 && new Set(rows.map((r) => r.toks[r.at]?.text)).size <= Math.max(3, rows.length * 0.2)) kind = 'host';
    else if (named && share('component') >= 0.95) {
      // a name column without a colon: padded (fixed width), followed by a separator, or a dotted logger after the level
      const padded = tokenShare((t, r) => t.wide || SEPARATORS.has(r.toks[r.at + 1]?.text ?? '')) >= 0.9;
      const logger = cols[cols.length - 1] === 'level' && tokenShare((t) => /[.$]/.test(t.text)) >= 0.5;
      if (padded || logger) kind = 'component';
      else if (share('program') >= 0.95) kind = 'program';
    }
    if (kind === undefined) {
      // fixed columns of no known shape before a level or tag that (nearly) every line has at the same place
      const weak = weakRun(rows, cols);
      if (weak.length === 0) break;
      for (const w of weak) {
        cols.push(w);
        for (const r of rows) if (r.live) r.at++;
      }
      continue;
    }
    // a name that runs up to a separator in some lines ("svchost.exe *64 -"): the whole name
    if (kind === 'component' && tokenShare((_t, r) => SEPARATORS.has(r.toks[r.at + 1]?.text ?? '')) >= 0.5 && share('program') >= 0.95) kind = 'program';
    cols.push(kind);
    for (const r of rows) {
      const used = r.live ? take(kind, r.s, r.toks, r.at) : 0;
      if (used === 0) r.live = false;
      else r.at += used;
    }
  }
  return cols;
}

/** A column (level, syslog tag) strong enough to end a run of unknown columns before it. */
function strongAt(r: Row, k: number): boolean {
  const t = r.toks[r.at + k];
  return t !== undefined && (LEVEL.test(t.text) || (TAG.test(t.text) && /\D:$/.test(t.text)));
}

/** The kind of one fixed column that fits none of the named shapes: a date or time token, a pid, a host, a word. */
function weakKind(rows: Row[], k: number, hasHost: boolean): ColumnKind {
  const live = rows.filter((r) => r.live);
  const share = (test: (text: string) => boolean) => live.filter((r) => { const t = r.toks[r.at + k]; return t !== undefined && test(t.text); }).length / live.length;
  if (share((t) => TIME_TOKEN.test(t)) >= 0.9) return 'time';
  if (share((t) => PID.test(t)) >= 0.95) return 'pid';
  if (!hasHost && share((t) => HOST_LIKE.test(t)) >= 0.95) return 'host';
  return 'word';
}

/**
 * Where the loop of learnHeader finds no column: the unknown columns up to the nearest level or tag that at
 * least 90% of the lines have the same number of tokens on (BGL: "R02-M1-N0-C:J12-U11 RAS KERNEL INFO ...",
 * Thunderbird: "2005.11.09 tbird-admin1 Nov 10 03:58:53 local@tbird-admin1 postfix/postdrop[10896]: ..."),
 * or nothing when there is no such column (free text).
 */
function weakRun(rows: Row[], cols: readonly ColumnKind[]): ColumnKind[] {
  for (let k = 1; k <= MAX_WEAK; k++) {
    if (rows.filter((r) => r.live && strongAt(r, k)).length / rows.length < 0.9) continue;
    const out: ColumnKind[] = [];
    let hasHost = cols.includes('host');
    for (let j = 0; j < k; j++) {
      const kind = weakKind(rows, j, hasHost);
      hasHost ||= kind === 'host';
      out.push(kind);
    }
    // a name column right before the level, with few values, is the component (BGL "RAS KERNEL INFO": the
    // kernel, app, link card ... wrote the line), as a logger name before the level is in log4j-style lines
    if (out[k - 1] === 'word' && !cols.some((c) => c === 'tag' || c === 'component' || c === 'program') && componentBefore(rows, k)) out[k - 1] = 'component';
    return out;
  }
  return [];
}

/** Whether the token before position k (a level on 90% of the lines) is a name with few distinct values. */
function componentBefore(rows: Row[], k: number): boolean {
  const live = rows.filter((r) => r.live && r.toks[r.at + k] !== undefined && LEVEL.test(r.toks[r.at + k].text));
  if (live.length < rows.length * 0.9) return false;
  const names = live.map((r) => r.toks[r.at + k - 1]?.text ?? '');
  if (names.filter((t) => NAME.test(t) && !HOST_LIKE.test(t)).length < live.length * 0.95) return false;
  return new Set(names).size <= Math.max(3, live.length * 0.2);
}

/**
 * The columns before a time that is not the line's first field ("- 1131566461 ..."): one per token, each a
 * separator, level, pid, host or plain word.
 */
export function learnPrefix(beforeTime: readonly string[], fields: number): ColumnKind[] {
  const rows: Row[] = beforeTime.map((s) => ({ s, toks: tokens(s, 0, fields + 1), at: 0, live: true })).filter((r) => r.toks.length === fields);
  if (rows.length === 0 || rows.length < beforeTime.length * 0.9) return [];
  const cols: ColumnKind[] = [];
  for (let k = 0; k < fields; k++) {
    const all = (test: (text: string) => boolean, min: number) => rows.filter((r) => test(r.toks[k].text)).length / rows.length >= min;
    if (all((t) => SEPARATORS.has(t), 0.95)) cols.push('sep');
    else if (all((t) => LEVEL.test(t), 0.9)) cols.push('level');
    // the named columns a header has after the time may come before it too: [thread], request id, tag[pid]:
    else if (all((t) => REQUEST.test(t), 0.9)) cols.push('request');
    else if (all((t) => PID.test(t) && !TIME_TOKEN.test(t), 0.95)) cols.push('pid');
    else if (all((t) => THREAD.test(t), 0.95)) cols.push('thread');
    else if (all((t) => TAG.test(t) && /\D:$/.test(t), 0.9)) cols.push('tag');
    else cols.push(weakKind(rows, k, cols.includes('host')));
  }
  return cols;
}

/** Reads prefix columns (learnPrefix) from the line's start; false when a token lacks its column's shape. */
export function readPrefix(s: string, cols: readonly ColumnKind[], ev: EventFields, end: number): boolean {
  const toks = tokens(s, 0, cols.length + 1);
  if (toks.length <= cols.length - 1 || toks[cols.length - 1].end > end) return false;
  const scratch: EventFields = {};
  for (let j = 0; j < cols.length; j++) if (take(cols[j], s, toks, j, scratch) !== 1) return false;
  Object.assign(ev, scratch);
  return true;
}

/**
 * Reads the learned columns of `s` from `from` on into the event; returns where the message starts (`from`
 * when no column was read). Reading in place (no slice of the line) keeps the hot path on the splitter's string.
 */
export function readHeader(s: string, cols: readonly ColumnKind[], ev: EventFields, from = 0): number {
  if (cols.includes('tag') || cols.includes('program')) return readSpanning(s, cols, ev, from);
  // one token per column: each token is found and tested where it stands, with no token objects
  const n = s.length;
  let at = from;
  for (const kind of cols as readonly Exclude<ColumnKind, 'tag' | 'program'>[]) {
    let i = at;
    while (i < n && (s.charCodeAt(i) === 32 || s.charCodeAt(i) === 9)) i++;
    if (i >= n) break;
    const start = i;
    while (i < n && s.charCodeAt(i) !== 32 && s.charCodeAt(i) !== 9) i++;
    if (!takeOne(kind, kind === 'word' ? '' : s.slice(start, i), ev)) break;
    at = i;
  }
  return at;
}

/** readHeader for columns that may span tokens (a syslog tag with a space, a program name up to a separator). */
function readSpanning(s: string, cols: readonly ColumnKind[], ev: EventFields, from: number): number {
  // tokens are cut as the columns need them (a tag or program looks up to MAX_SPAN tokens ahead), not the
  // whole header's worth up front: most lines' message tokens were cut for nothing
  const max = cols.length * MAX_SPAN + 1;
  const toks: Token[] = [];
  let j = 0, at = from;
  for (const kind of cols) {
    const need = Math.min(max, j + (kind === 'tag' || kind === 'program' ? MAX_SPAN + 1 : 1));
    if (toks.length < need) moreTokens(s, toks, need, from);
    const used = take(kind, s, toks, j, ev);
    if (used === 0) break;
    j += used;
    at = toks[j - 1].end;
  }
  return at;
}
