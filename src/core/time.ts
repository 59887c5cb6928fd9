// Timestamp reading shared by all parsers. Every result is epoch ms UTC; what was inferred
// (a year the record did not carry, a zone it did not name) is reported so the event is flagged.

export const MONTHS: Readonly<Record<string, number>> = {
  jan: 0, feb: 1, mar: 2, apr: 3, may: 4, jun: 5, jul: 6, aug: 7, sep: 8, oct: 9, nov: 10, dec: 11,
};

const MONTH_OF = new Map(Object.entries(MONTHS).map(([k, v]) => [k[0].toUpperCase() + k.slice(1), v]));

/** The number written by the two digits at `at` ("06:55:46", 3 -> 55); NaN when they are not digits. */
function twoDigits(s: string, at: number): number {
  const a = s.charCodeAt(at) - 48, b = s.charCodeAt(at + 1) - 48;
  return a >= 0 && a <= 9 && b >= 0 && b <= 9 ? a * 10 + b : NaN;
}

/** Per-file time settings: the zone the user set for the file and the reference date for missing years. */
export interface TimeSettings {
  /** minutes east of UTC applied to zone-less times (default 0 = UTC, still flagged as a guess) */
  tzOffsetMinutes: number;
  /** epoch ms of the file's modification date (or archive entry date); missing years are inferred from it */
  referenceMs: number;
  /** a year forced by the user for zone/year-less files; overrides inference */
  forcedYear?: number;
}

export interface TimeResult {
  ts: number;
  /** '' when nothing was inferred, else 'year', 'zone' or 'year,zone' */
  guess: string;
}

/**
 * Infers the year of year-less (RFC 3164) timestamps: the newest year that does not put the first record
 * after the reference date, then follows the file forward so December -> January rolls over.
 */
export class YearGuesser {
  private year = NaN;
  private lastMonth = -1;
  constructor(private readonly settings: TimeSettings) {}

  yearFor(month: number): number {
    if (this.settings.forcedYear !== undefined) return this.settings.forcedYear;
    if (Number.isNaN(this.year)) {
      const ref = new Date(this.settings.referenceMs);
      this.year = month > ref.getUTCMonth() ? ref.getUTCFullYear() - 1 : ref.getUTCFullYear();
    } else if (month < this.lastMonth - 6) {
      this.year += 1; // Dec -> Jan: a new year started inside the file
    } else if (month > this.lastMonth + 6) {
      // an out-of-order line from the previous year (Jan file with a late Dec line): not a rollover
      return this.year - 1;
    }
    this.lastMonth = month;
    return this.year;
  }
}

const DAYS_BEFORE_MONTH = [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334];

/** Date.UTC without the Date object overhead (hot path: one call per line). Month is 0-based. */
export function utcMs(y: number, mo: number, d: number, h: number, mi: number, s: number, ms: number): number {
  if (mo < 0 || mo > 11 || d < 1 || d > 31 || h > 23 || mi > 59 || s > 60) return NaN;
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  let days = DAYS_BEFORE_MONTH[mo] + d - 1 + (leap && mo > 1 ? 1 : 0);
  const yy = y - 1970;
  // days from 1970-01-01 to Jan 1 of y
  days += yy * 365 + Math.floor((y - 1969) / 4) - Math.floor((y - 1901) / 100) + Math.floor((y - 1601) / 400);
  return (((days * 24 + h) * 60 + mi) * 60 + s) * 1000 + ms;
}

/** Fractional-second text ("747", "123456", "1234567") to milliseconds, keeping sub-ms as a fraction. */
export function fractionToMs(frac: string | undefined): number {
  if (!frac) return 0;
  return Number(`0.${frac}`) * 1000;
}

/**
 * Zone abbreviations written after a time (journalctl, PostgreSQL %t, PHP, WebSphere): minutes east of UTC.
 * One meaning each, the commonest: CST is US Central, BST British Summer Time; IST (India, Ireland, Israel) is
 * left out. Keys are log text: a null-prototype object.
 */
export const ZONE_ABBREVIATIONS: Readonly<Record<string, number>> = Object.assign(Object.create(null) as Record<string, number>, {
  UTC: 0, GMT: 0, Z: 0, WET: 0, WEST: 60, BST: 60, CET: 60, CEST: 120, EET: 120, EEST: 180, MSK: 180,
  EST: -300, EDT: -240, CST: -360, CDT: -300, MST: -420, MDT: -360, PST: -480, PDT: -420, AKST: -540, AKDT: -480, HST: -600,
  JST: 540, KST: 540, AEST: 600, AEDT: 660, NZST: 720, NZDT: 780,
});

/** "+02:00", "-0700", "Z", "+02" -> minutes east of UTC; undefined when no zone is written. */
export function zoneToMinutes(zone: string | undefined): number | undefined {
  if (!zone) return undefined;
  if (zone === 'Z' || zone === 'z' || zone === 'UTC' || zone === 'GMT') return 0;
  const m = /^([+-])(\d\d):?(\d\d)?$/.exec(zone);
  if (!m) return undefined;
  const mins = Number(m[2]) * 60 + Number(m[3] ?? 0);
  return m[1] === '-' ? -mins : mins;
}

// 2024-10-17T12:00:00.123456Z | 2015-07-29 17:41:44,747 | 2013-09-21 14:40:02 -0700 | 2024-10-17T12:00
const ISO = /^(\d{4})-(\d\d)-(\d\d)[T ](\d\d):(\d\d)(?::(\d\d)(?:[.,](\d{1,9}))?)?\s?(Z|z|[+-]\d\d:?\d\d|[+-]\d\d)?$/;

/** fractionToMs of every 3-digit fraction ("000".."999"), so the fast path below gives the regex path's value */
const MS3 = Float64Array.from({ length: 1000 }, (_, k) => fractionToMs(String(k).padStart(3, '0')));

/** Digits of text[at, at + n) as a number, or -1 when one is not a digit. */
function digitsAt(text: string, at: number, n: number): number {
  let v = 0;
  for (let i = at; i < at + n; i++) {
    const d = text.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return -1;
    v = v * 10 + d;
  }
  return v;
}

/**
 * "2024-10-17T12:00:00Z" and "2024-10-17T12:00:00.123Z" (Date.toISOString, most JSON logs' @timestamp) read by
 * character codes: the regex below, its match array and substrings were a tenth of a JSON-lines ingest. Any
 * other form (or a digit out of place) gives undefined and takes the regex.
 */
function parseIsoUtcFast(text: string): TimeResult | undefined {
  const n = text.length;
  if ((n !== 20 && n !== 24) || text.charCodeAt(n - 1) !== 90 /* Z */ || text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45
    || text.charCodeAt(10) !== 84 /* T */ || text.charCodeAt(13) !== 58 || text.charCodeAt(16) !== 58) return undefined;
  let ms = 0;
  if (n === 24) {
    if (text.charCodeAt(19) !== 46 /* . */) return undefined;
    const f = digitsAt(text, 20, 3);
    if (f < 0) return undefined;
    ms = MS3[f];
  }
  const y = digitsAt(text, 0, 4), mo = digitsAt(text, 5, 2), d = digitsAt(text, 8, 2);
  const h = digitsAt(text, 11, 2), mi = digitsAt(text, 14, 2), sec = digitsAt(text, 17, 2);
  if (y < 0 || mo < 0 || d < 0 || h < 0 || mi < 0 || sec < 0) return undefined;
  const local = utcMs(y, mo - 1, d, h, mi, sec, ms);
  return Number.isNaN(local) ? undefined : { ts: local, guess: '' };
}

/** ISO 8601 and its common log variants. Zone-less times use the file's zone and are flagged. */
export function parseIsoTime(text: string, settings: TimeSettings): TimeResult | undefined {
  if (text.length === 24 || text.length === 20) {
    const fast = parseIsoUtcFast(text);
    if (fast !== undefined) return fast;
  }
  const m = ISO.exec(text.trim());
  if (!m) return undefined;
  const local = utcMs(+m[1], +m[2] - 1, +m[3], +m[4], +m[5], m[6] ? +m[6] : 0, fractionToMs(m[7]));
  if (Number.isNaN(local)) return undefined;
  const zone = zoneToMinutes(m[8]);
  if (zone === undefined) return { ts: local - settings.tzOffsetMinutes * 60_000, guess: 'zone' };
  return { ts: local - zone * 60_000, guess: '' };
}

/**
 * RFC 3164 "Oct 11 22:14:15" (single-digit days are space padded): no zone, and no year unless the
 * writer appended one (`explicitYear`); else the year comes from the file's YearGuesser and is flagged.
 */
export function parseSyslogTime(
  mon: string, day: string, hms: string, frac: string | undefined, years: YearGuesser, settings: TimeSettings,
  explicitYear?: number,
): TimeResult | undefined {
  // hot path (one call per line): the usual capitalised name first, no lower-cased copy
  const month = MONTH_OF.get(mon) ?? MONTHS[mon.toLowerCase()];
  if (month === undefined) return undefined;
  const year = explicitYear ?? years.yearFor(month);
  const local = utcMs(year, month, +day, twoDigits(hms, 0), twoDigits(hms, 3), twoDigits(hms, 6), fractionToMs(frac));
  if (Number.isNaN(local)) return undefined;
  return {
    ts: local - settings.tzOffsetMinutes * 60_000,
    guess: explicitYear === undefined && settings.forcedYear === undefined ? 'year,zone' : 'zone',
  };
}

/** Epoch seconds or milliseconds, with fractions ("1286536308.779", "1700000000123"). */
export function parseEpoch(text: string): number | undefined {
  if (!/^\d{9,13}(\.\d+)?$/.test(text)) return undefined;
  const n = Number(text);
  const intDigits = text.split('.')[0].length;
  return intDigits >= 12 ? n : n * 1000;
}

/** ISO text of an epoch ms value, keeping sub-millisecond digits out (display and export). */
export function formatTs(ts: number): string {
  return Number.isFinite(ts) ? new Date(ts).toISOString() : '';
}

// ---- Log time forms beyond ISO and RFC 3164 (line-oriented formats issue). Each reads one form, with
// anchored regexes and utcMs (no Date objects per line). Zone-less results are read in the file's zone and
// flagged 'zone'; year-less ones get their year from the file's YearGuesser and are flagged 'year,zone'.

function zoned(local: number, zone: number | undefined, settings: TimeSettings): TimeResult | undefined {
  if (Number.isNaN(local)) return undefined;
  if (zone === undefined) return { ts: local - settings.tzOffsetMinutes * 60_000, guess: 'zone' };
  return { ts: local - zone * 60_000, guess: '' };
}

function yearless(month: number, d: number, h: number, mi: number, s: number, ms: number, years: YearGuesser, settings: TimeSettings): TimeResult | undefined {
  if (month < 0 || month > 11) return undefined;
  const local = utcMs(years.yearFor(month), month, d, h, mi, s, ms);
  if (Number.isNaN(local)) return undefined;
  return { ts: local - settings.tzOffsetMinutes * 60_000, guess: settings.forcedYear === undefined ? 'year,zone' : 'zone' };
}

// 10/Oct/2000:13:55:36 -0700 (brackets stripped by the caller); Tomcat may add .SSS
const APACHE = /^(\d\d?)\/([A-Za-z]{3})\/(\d{4}):(\d\d):(\d\d):(\d\d)(?:[.,](\d{1,9}))?(?: ?([+-]\d\d:?\d\d|Z))?$/;

/** Apache/Nginx common log time "10/Oct/2000:13:55:36 -0700" (without the brackets). */
export function parseApacheTime(text: string, settings: TimeSettings): TimeResult | undefined {
  const m = APACHE.exec(text);
  if (m === null) return undefined;
  const month = MONTHS[m[2].toLowerCase()];
  if (month === undefined) return undefined;
  return zoned(utcMs(+m[3], month, +m[1], +m[4], +m[5], +m[6], fractionToMs(m[7])), zoneToMinutes(m[8]), settings);
}

// Sun Dec 04 04:47:44 2005 | Wed Oct 11 14:32:52.123456 2000 (Apache 2.4 error log) | Fri Jun 17 07:07:00 2005
const CTIME = /^(?:[A-Z][a-z]{2} )?([A-Z][a-z]{2}) {1,2}(\d\d?) (\d\d):(\d\d):(\d\d)(?:\.(\d{1,9}))? (\d{4})$/;

/** C asctime/ctime "Sun Dec 04 04:47:44 2005", optional fraction; never carries a zone. */
export function parseCtime(text: string, settings: TimeSettings): TimeResult | undefined {
  const m = CTIME.exec(text);
  if (m === null) return undefined;
  const month = MONTHS[m[1].toLowerCase()];
  if (month === undefined) return undefined;
  return zoned(utcMs(+m[7], month, +m[2], +m[3], +m[4], +m[5], fractionToMs(m[6])), undefined, settings);
}

// 10/08/2013 20:10:29 | 10/08/2013 20:10:29.123 | 1/8/2013 8:10:29 PM
const SLASH = /^(\d\d?)\/(\d\d?)\/(\d{4})[ T,]\s*(\d\d?):(\d\d):(\d\d)(?:[.,](\d{1,9}))?(?: ?([AaPp][Mm]))?(?: ?([+-]\d\d:?\d\d|Z))?$/;

/**
 * Slash dates "10/08/2013 20:10:29": month/day/year (US order, what Windows and most US tools write) unless
 * `order` is 'dmy'. An impossible month in the first field (13..31) falls back to day/month.
 */
export function parseSlashTime(text: string, settings: TimeSettings, order: 'mdy' | 'dmy' = 'mdy'): TimeResult | undefined {
  const m = SLASH.exec(text);
  if (m === null) return undefined;
  let mo = order === 'mdy' ? +m[1] : +m[2];
  let d = order === 'mdy' ? +m[2] : +m[1];
  if (mo > 12 && d <= 12) [mo, d] = [d, mo];
  let h = +m[4];
  const ampm = m[8]?.toLowerCase();
  if (ampm === 'pm' && h < 12) h += 12;
  else if (ampm === 'am' && h === 12) h = 0;
  return zoned(utcMs(+m[3], mo - 1, d, h, +m[5], +m[6], fractionToMs(m[7])), zoneToMinutes(m[9]), settings);
}

// 20171223-22:15:29:606 (Android/health app logs: milliseconds after a colon) | 20171223-22:15:29.606
const COMPACT = /^(\d{4})(\d\d)(\d\d)-(\d\d):(\d\d):(\d\d)(?:[:.](\d{1,3}))?$/;

/** Compact "20171223-22:15:29:606" (the last field is milliseconds). No zone. */
export function parseCompactTime(text: string, settings: TimeSettings): TimeResult | undefined {
  const m = COMPACT.exec(text);
  if (m === null) return undefined;
  return zoned(utcMs(+m[1], +m[2] - 1, +m[3], +m[4], +m[5], +m[6], m[7] ? +m[7].padEnd(3, '0') : 0), undefined, settings);
}

// 03-17 16:13:38.811 (logcat) | 10.30 16:49:06 (Proxifier) | 03/17 16:13:38
const MONTH_DAY = /^(\d\d)[-./](\d\d) (\d\d):(\d\d):(\d\d)(?:[.,](\d{1,9}))?$/;

/** Year-less month-day times "03-17 16:13:38.811" and "10.30 16:49:06": year inferred, zone guessed. */
export function parseMonthDayTime(text: string, years: YearGuesser, settings: TimeSettings): TimeResult | undefined {
  const m = MONTH_DAY.exec(text);
  if (m === null) return undefined;
  return yearless(+m[1] - 1, +m[2], +m[3], +m[4], +m[5], fractionToMs(m[6]), years, settings);
}

// 081109 203615 (HDFS: yyMMdd HHmmss)
const YYMMDD = /^(\d\d)(\d\d)(\d\d) (\d\d)(\d\d)(\d\d)$/;

/** HDFS "081109 203615" = 2008-11-09 20:36:15; two-digit years 70..99 are 19xx. No zone. */
export function parseYymmddTime(text: string, settings: TimeSettings): TimeResult | undefined {
  const m = YYMMDD.exec(text);
  if (m === null) return undefined;
  const yy = +m[1];
  return zoned(utcMs(yy >= 70 ? 1900 + yy : 2000 + yy, +m[2] - 1, +m[3], +m[4], +m[5], +m[6], 0), undefined, settings);
}

/** Epoch seconds or milliseconds with fractions as a TimeResult: epochs are UTC by definition (no guess). */
export function parseEpochTime(text: string): TimeResult | undefined {
  const ts = parseEpoch(text);
  return ts === undefined ? undefined : { ts, guess: '' };
}

/** A timestamp found at the start of a line: what it read, how long the text was, and its form. */
export interface LeadingTime extends TimeResult {
  raw: string;
  /** index just past the timestamp (and a closing bracket, if it was bracketed) */
  end: number;
  form: 'iso' | 'syslog' | 'apache' | 'ctime' | 'slash' | 'compact' | 'month-day' | 'yymmdd' | 'epoch';
}

// One alternation per form, anchored; tried in order on the first characters of a line. The groups are only
// used to cut the text; the per-form functions above do the reading (and validation).
const LEADING: readonly [LeadingTime['form'], RegExp][] = [
  ['iso', /^\d{4}-\d\d-\d\d[T ]\d\d:\d\d(?::\d\d(?:[.,]\d{1,9})?)?(?: ?(?:Z|[+-]\d\d:?\d\d))?/],
  ['ctime', /^(?:[A-Z][a-z]{2} )?[A-Z][a-z]{2} {1,2}\d\d? \d\d:\d\d:\d\d(?:\.\d{1,9})? \d{4}/],
  ['syslog', /^[A-Z][a-z]{2} [ \d]?\d \d\d:\d\d:\d\d(?:\.\d{1,6})?/],
  ['apache', /^\d\d?\/[A-Za-z]{3}\/\d{4}:\d\d:\d\d:\d\d(?:[.,]\d{1,9})?(?: [+-]\d{4})?/],
  ['slash', /^\d\d?\/\d\d?\/\d{4}[ T,]\s*\d\d?:\d\d:\d\d(?:[.,]\d{1,9})?(?: ?[AaPp][Mm])?/],
  ['compact', /^\d{8}-\d\d:\d\d:\d\d(?:[:.]\d{1,3})?/],
  ['month-day', /^\d\d[-.]\d\d \d\d:\d\d:\d\d(?:[.,]\d{1,9})?/],
  ['yymmdd', /^\d{6} \d{6}(?= )/],
  ['epoch', /^\d{10}(?:\.\d{1,9})?(?=\s|$)|^\d{13}(?=\s|$)/],
];

/**
 * A timestamp at the start of `line` in any known form (optionally in [brackets]), or undefined.
 * ctime is tried before syslog: "Sun Dec 04 04:47:44 2005" must not be read as a syslog date.
 */
export function parseLeadingTime(line: string, years: YearGuesser, settings: TimeSettings): LeadingTime | undefined {
  const bracket = line.charCodeAt(0) === 91; // '['
  const text = bracket ? line.slice(1, 64) : line.slice(0, 64);
  const c = text.charCodeAt(0);
  const digit = c >= 48 && c <= 57;
  for (const [form, re] of LEADING) {
    if (digit !== (form !== 'syslog' && form !== 'ctime')) continue;
    const m = re.exec(text);
    if (m === null) continue;
    const raw = m[0];
    let t: TimeResult | undefined;
    switch (form) {
      case 'iso': t = parseIsoTime(raw, settings); break;
      case 'syslog':
        t = parseSyslogTime(raw.slice(0, 3), raw.slice(4, 6).trim(), raw.slice(7, 15), raw.length > 16 ? raw.slice(16) : undefined, years, settings);
        break;
      case 'apache': t = parseApacheTime(raw, settings); break;
      case 'ctime': t = parseCtime(raw, settings); break;
      case 'slash': t = parseSlashTime(raw, settings); break;
      case 'compact': t = parseCompactTime(raw, settings); break;
      case 'month-day': t = parseMonthDayTime(raw, years, settings); break;
      case 'yymmdd': t = parseYymmddTime(raw, settings); break;
      case 'epoch': t = parseEpochTime(raw); break;
    }
    if (t !== undefined) return finish(line, raw, t, form, bracket);
  }
  return undefined;
}

function finish(line: string, raw: string, t: TimeResult, form: LeadingTime['form'], bracket: boolean): LeadingTime | undefined {
  let end = raw.length + (bracket ? 1 : 0);
  if (bracket) {
    if (line.charCodeAt(end) !== 93) return undefined; // '[' without its ']': not a bracketed time
    end += 1;
  }
  return { ts: t.ts, guess: t.guess, raw, end, form };
}

// Sep 19 2008 08:26:10 | Sep 19 2008 08:26:10.123 +0200 | Sep 19 2008 08:26:10 UTC (CEF rt=, LEEF devTime default)
const MON_DD_YYYY = /^([A-Z][a-z]{2}) (\d\d?) (\d{4}) (\d\d):(\d\d):(\d\d)(?:\.(\d{1,9}))?(?: ?(Z|UTC|GMT|[+-]\d\d:?\d\d))?$/;

/** "MMM dd yyyy HH:mm:ss[.SSS] [zone]" (ArcSight CEF rt/start/end, IBM LEEF devTime default format). */
export function parseMonDdYyyyTime(text: string, settings: TimeSettings): TimeResult | undefined {
  const m = MON_DD_YYYY.exec(text);
  if (m === null) return undefined;
  const month = MONTHS[m[1].toLowerCase()];
  if (month === undefined) return undefined;
  return zoned(utcMs(+m[3], month, +m[2], +m[4], +m[5], +m[6], fractionToMs(m[7])), zoneToMinutes(m[8]), settings);
}

/** Minutes east of UTC -> "+02:00" / "-05:30" (the ledger's zone column and the zone input). */
export function formatZone(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}
