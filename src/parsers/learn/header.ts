// Learning the fixed header columns of an unknown line log (issue 12 "Learned layouts"): after the learned
// timestamp, the columns that every line repeats before its free text — level, component/logger or
// syslog tag[pid], pid, thread, host, request id — recognised by their shape and by how consistently each
// position holds that shape across the file's first lines. Applied per line: columns are read in order
// while each token still has its column's shape; the rest of the line is the message.
import type { EventFields } from '../../core/schema.ts';

export type ColumnKind = 'level' | 'tag' | 'component' | 'pid' | 'thread' | 'request' | 'host' | 'sep';

const LEVEL = /^[[(<]?(TRACE|DEBUG|INFO|NOTICE|WARN(?:ING)?|ERROR|ERR|CRIT(?:ICAL)?|FATAL|ALERT|EMERG(?:ENCY)?|SEVERE|VERBOSE|FINE|FINER|FINEST|CONFIG)[\])>]?[:,]?$/i;
// "sshd[2201]:", "sshd(pam_unix)[19939]:", "kernel:", "dfs.DataNode$PacketResponder:"
const TAG = /^([^\s[\]:]{1,128}?)(?:\[(\d{1,10})\])?:$/;
const PID = /^\[?(\d{1,10})\]?:?$/;
const REQUEST = /^\[?((?:req|request|trace|txn)[-_][\w-]{6,}|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\]?:?$/i;
const THREAD = /^\[([^\]\s]{1,64})\]:?$/;
const NAME = /^[A-Za-z_][\w.$/-]{0,127}$/;
const SEPARATORS = new Set(['-', '|', ':', '--', '::', '>']);

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

const MAX_COLUMNS = 6;

function share(rows: Token[][], j: number, test: (t: Token, row: Token[]) => boolean): number {
  let n = 0;
  for (const r of rows) if (r[j] !== undefined && test(r[j], r)) n++;
  return n / rows.length;
}

function distinct(rows: Token[][], j: number): number {
  return new Set(rows.map((r) => r[j]?.text)).size;
}

/**
 * The header columns of a file, from the text after each sample line's timestamp. A position becomes a column
 * when (nearly) every line has that shape there; the first position that fits none ends the header.
 */
export function learnHeader(afterTime: readonly string[]): ColumnKind[] {
  const rows = afterTime.map((s) => tokens(s, 0, MAX_COLUMNS + 1));
  if (rows.length === 0) return [];
  const cols: ColumnKind[] = [];
  for (let j = 0; j < MAX_COLUMNS; j++) {
    const has = (re: RegExp) => share(rows, j, (t) => re.test(t.text));
    const next = (re: RegExp) => share(rows, j + 1, (t) => re.test(t.text));
    let kind: ColumnKind | undefined;
    if (share(rows, j, (t) => SEPARATORS.has(t.text)) >= 0.95) kind = 'sep';
    else if (has(LEVEL) >= 0.9) kind = 'level';
    else if (has(REQUEST) >= 0.9) kind = 'request';
    else if (has(PID) >= 0.95) kind = 'pid';
    else if (has(TAG) >= 0.9 && share(rows, j, (t) => /\D:$/.test(t.text)) >= 0.9) kind = 'tag';
    else if (has(THREAD) >= 0.95) kind = 'thread';
    else if (has(NAME) >= 0.95 && next(TAG) >= 0.85 && !cols.includes('tag') && distinct(rows, j) <= Math.max(3, rows.length * 0.2)) kind = 'host';
    else if (has(NAME) >= 0.95 && !cols.some((c) => c === 'tag' || c === 'component')) {
      // a name column without a colon: padded (fixed width), followed by a separator, or a dotted logger after the level
      const padded = share(rows, j, (t, r) => t.wide || SEPARATORS.has(r[j + 1]?.text ?? '')) >= 0.9;
      const logger = cols[cols.length - 1] === 'level' && share(rows, j, (t) => /[.$]/.test(t.text)) >= 0.5;
      if (padded || logger) kind = 'component';
    }
    if (kind === undefined) break;
    cols.push(kind);
  }
  return cols;
}

/** Reads the learned columns at the start of `s` into the event; returns where the message starts. */
export function readHeader(s: string, cols: readonly ColumnKind[], ev: EventFields): number {
  const toks = tokens(s, 0, cols.length);
  let at = 0;
  for (let j = 0; j < cols.length; j++) {
    const t = toks[j];
    if (t === undefined || !readColumn(cols[j], t.text, ev)) break;
    at = t.end;
  }
  return at;
}

function readColumn(kind: ColumnKind, text: string, ev: EventFields): boolean {
  let m: RegExpExecArray | null;
  switch (kind) {
    case 'sep': return SEPARATORS.has(text);
    case 'level':
      m = LEVEL.exec(text);
      if (m !== null) ev['alarm.sev'] = m[1];
      return m !== null;
    case 'request':
      m = REQUEST.exec(text);
      if (m !== null) ev['session.id'] = m[1];
      return m !== null;
    case 'pid':
      m = PID.exec(text);
      if (m !== null) ev['obs.process.id'] = m[1];
      return m !== null;
    case 'thread':
      m = THREAD.exec(text);
      if (m !== null) ev['data.thread'] = m[1];
      return m !== null;
    case 'tag': {
      m = TAG.exec(text);
      if (m === null) return false;
      const tag = m[1];
      const paren = tag.indexOf('(');
      ev['app.name'] = tag;
      ev['obs.process.name'] = paren > 0 ? tag.slice(0, paren) : tag;
      if (m[2] !== undefined) ev['obs.process.id'] = m[2];
      return true;
    }
    case 'host':
      if (!NAME.test(text)) return false;
      ev['obs.host.name'] = text;
      return true;
    case 'component':
      if (!NAME.test(text)) return false;
      ev['app.name'] = text;
      return true;
  }
}
