// A compiled reader for the commonest learned layout, year-month-day time ("2026-03-01 00:00:01.234",
// "2024-10-17T12:00:00.123456Z", "2015-07-29 17:41:44,747 +02:00"), read with charCodeAt at the learned place
// instead of the layout's named-group regex (a groups object, a match array and several strings per line
// were a large share of the generic parser's time). It only answers when the text has the plain shape
// whose regex match is certain (two-digit month, day and hour, ':' in the time, at most 9 fraction digits,
// no AM/PM, no zone or zone abbreviation after a space, no milliseconds after a third ':', nothing word-like
// after it); anything else returns undefined and the caller reads the line with the regex as before, so every
// answer equals the regex path's.
import { ZONE_ABBREVIATIONS, fractionToMs, utcMs, type TimeSettings } from '../time.ts';

export interface FastTime {
  ts: number;
  guess: string;
  /** where the time's text ends */
  end: number;
}

/** '0'..'9' -> 0..9, else -1 */
function digit(c: number): number {
  return c >= 48 && c <= 57 ? c - 48 : -1;
}

function two(line: string, i: number): number {
  const a = digit(line.charCodeAt(i)), b = digit(line.charCodeAt(i + 1));
  return a < 0 || b < 0 ? -1 : a * 10 + b;
}

/** [A-Za-z0-9_] */
function isWord(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
}

/** After the seconds: what could start an AM/PM or a zone the regex would take ('A', 'a', 'P', 'p', 'Z', '+', '-', 'U', 'G'). */
function startsSuffix(c: number): boolean {
  return c === 65 || c === 97 || c === 80 || c === 112 || c === 90 || c === 43 || c === 45 || c === 85 || c === 71;
}

/** A zone abbreviation the regex would take after a space ("CET", "PST"): an all-capitals word in ZONE_ABBREVIATIONS. */
function zoneWordAt(line: string, i: number): boolean {
  let j = i;
  while (j < line.length && j - i < 5 && line.charCodeAt(j) >= 65 && line.charCodeAt(j) <= 90) j++;
  return j - i >= 2 && ZONE_ABBREVIATIONS[line.slice(i, j)] !== undefined;
}

// fractionToMs of one to three digits, computed once the same way (the float results must be identical)
const FRACTION_MS: number[][] = [1, 10, 100, 1000].map((n, len) => Array.from({ length: n }, (_, v) => (len === 0 ? 0 : fractionToMs(String(v).padStart(len, '0')))));

/**
 * The 'ymd' layout (layouts.ts) at `pos`, or undefined when the fast path cannot be sure (the caller then
 * uses the regex). `pos` must already be a place where a time may start (okBefore).
 */
export function readYmdAt(line: string, pos: number, settings: TimeSettings): FastTime | undefined {
  const n = line.length;
  if (pos + 19 > n) return undefined;
  const y1 = two(line, pos), y2 = two(line, pos + 2);
  if (y1 < 0 || y2 < 0) return undefined;
  const ds = line.charCodeAt(pos + 4);
  if ((ds !== 45 && ds !== 47 && ds !== 46) || line.charCodeAt(pos + 7) !== ds) return undefined;
  const mo = two(line, pos + 5), d = two(line, pos + 8);
  // one 'T' or ' ' between date and time (more, or another separator: the regex path)
  const sep = line.charCodeAt(pos + 10);
  if (mo < 0 || d < 0 || (sep !== 84 && sep !== 32)) return undefined;
  const h = two(line, pos + 11), mi = two(line, pos + 14), s = two(line, pos + 17);
  if (h < 0 || mi < 0 || s < 0 || line.charCodeAt(pos + 13) !== 58 || line.charCodeAt(pos + 16) !== 58) return undefined;
  let e = pos + 19;
  let ms = 0;
  const fc = line.charCodeAt(e);
  if ((fc === 46 || fc === 44) && digit(line.charCodeAt(e + 1)) >= 0) {
    let j = e + 1, v = 0;
    while (j < n && digit(line.charCodeAt(j)) >= 0) v = v * 10 + digit(line.charCodeAt(j++));
    const len = j - e - 1;
    if (len > 9) return undefined;
    ms = len <= 3 ? FRACTION_MS[len][v] : fractionToMs(line.slice(e + 1, j));
    e = j;
  }
  let zone: number | undefined;
  if (e < n) {
    const c = line.charCodeAt(e);
    if (c === 90) {
      // "Z" as the zone, when nothing word-like follows it
      if (e + 1 < n && (isWord(line.charCodeAt(e + 1)) || line.charCodeAt(e + 1) >= 128)) return undefined;
      zone = 0;
      e++;
    } else if (c === 43 || c === 45) {
      // "+hh:mm" or "-hhmm"
      const zh = two(line, e + 1);
      const colon = line.charCodeAt(e + 3) === 58 ? 1 : 0;
      const zm = two(line, e + 3 + colon);
      const after = e + 5 + colon;
      if (zh < 0 || zm < 0 || (after < n && (isWord(line.charCodeAt(after)) || line.charCodeAt(after) >= 128))) return undefined;
      zone = (zh * 60 + zm) * (c === 45 ? -1 : 1);
      e = after;
    } else if (c >= 128 || isWord(c) || startsSuffix(c)) return undefined;
    // milliseconds after a third ':' ("12:00:01:234"): the regex reads them
    else if (c === 58 && digit(line.charCodeAt(e + 1)) >= 0) return undefined;
    else if ((c === 32 || (c >= 9 && c <= 13)) && e + 1 < n && (startsSuffix(line.charCodeAt(e + 1)) || zoneWordAt(line, e + 1))) return undefined;
  }
  const local = utcMs(y1 * 100 + y2, mo - 1, d, h, mi, s, ms);
  if (Number.isNaN(local) || !(d >= 1)) return undefined;
  if (zone === undefined) return { ts: local - settings.tzOffsetMinutes * 60_000, guess: 'zone', end: e };
  return { ts: local - zone * 60_000, guess: '', end: e };
}
