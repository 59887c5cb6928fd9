// The timestamp layouts the finder looks for anywhere in a line (issue 12 "Timestamps anywhere"). Each is a
// global regex with named groups; layouts whose day/month order the text does not settle (10/08/2013) are
// read with the order learned for the whole file (learn.ts). Every result is epoch ms UTC; a zone the text
// does not carry comes from the file's zone setting and is flagged, a year it does not carry from the
// file's YearGuesser (flagged too).
import { MONTHS, ZONE_ABBREVIATIONS, fractionToMs, utcMs, zoneToMinutes, type TimeResult, type TimeSettings, type YearGuesser } from '../time.ts';

/** Day/month order of numeric dates: year-month-day, day-month-year, month-day-year. */
export type DateOrder = 'ymd' | 'dmy' | 'mdy';

type Groups = Record<string, string | undefined>;

export interface TimeLayout {
  id: string;
  /** words for the ledger: what the layout looks like */
  title: string;
  /** global, with named groups: the finder scans the whole line */
  re: RegExp;
  /** the orders the layout may be written in; the first is the default when the values settle nothing */
  orders?: readonly DateOrder[];
  /** epoch numbers are UTC by definition: ranked with the zoned text times when a file has both */
  epoch?: boolean;
  /** the text carries no year (it comes from the file's YearGuesser): ranked below times that carry one */
  noYear?: boolean;
  read(g: Groups, order: DateOrder | undefined, years: YearGuesser, settings: TimeSettings): TimeResult | undefined;
}

// Not inside a word, a number, a dotted version or a path: "file.2017-05-16_13:53:08" is a name, not a time.
// Checked on the character before a match (okBefore), not with a lookbehind: V8 scans a global regex that
// starts with a lookbehind about ten times slower.
const B = '';
const INSIDE = /[\w.:/\\-]/;

/** Whether a time may start at `index`: not glued to a word, number, dotted version or path before it. */
export function okBefore(line: string, index: number): boolean {
  return index === 0 || !INSIDE.test(line[index - 1]);
}

const stickies = new WeakMap<RegExp, RegExp>();

/** The layout's regex anchored at lastIndex (the learned place of a file's time is tried first). */
export function stickyOf(layout: TimeLayout): RegExp {
  let re = stickies.get(layout.re);
  if (re === undefined) {
    re = new RegExp(layout.re.source, 'y');
    stickies.set(layout.re, re);
  }
  return re;
}
const E = String.raw`(?![\w])`;
// a fraction of any length after '.' or ','; milliseconds after a third ':' (WebSphere, WindowsUpdate.log: 14:03:27:123)
const FRAC = String.raw`(?:[.,](?<f>\d{1,9})|:(?<f3>\d{3})(?!\d))?`;
const AMPM = String.raw`(?:\s?(?<ap>[AaPp][Mm])(?![A-Za-z]))?`;
// a zone: Z, an offset, or one of the abbreviations of core/time.ts (CET, EST, ...), longest first
const ZONE_NAMES = Object.keys(ZONE_ABBREVIATIONS).filter((z) => z !== 'Z').sort((a, b) => b.length - a.length).join('|');
const ZONE = String.raw`(?:\s?(?<z>Z|[+-]\d\d:?\d\d|[+-]\d\d(?![\d:])|${ZONE_NAMES})(?![A-Za-z]))?`;
// between a numeric date and its time: 'T', spaces or a tab (WindowsUpdate.log), one '-', '_' or ':', a comma
const JOIN = String.raw`(?:[T \t]+|[-_:]|,\s?)`;
const MON = String.raw`(?<mon>[A-Z][a-z]{2,8}|[A-Z]{3})`;
const DAYNAME = String.raw`(?:(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]{0,6},? )?`;
// a time of day after a date: hh:mm:ss, or hh.mm.ss as DB2 writes it; a fraction of any length
const HMS = String.raw`(?<H>\d\d?)(?<ts>[:.])(?<M>\d\d)\k<ts>(?<S>\d\d)${FRAC}`;
const HMS_COLON = String.raw`(?<H>\d\d?):(?<M>\d\d):(?<S>\d\d)${FRAC}`;

const FULL_MONTHS = new Set(['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december', 'sept']);

function monthOf(name: string | undefined): number {
  if (name === undefined) return NaN;
  const lower = name.toLowerCase();
  const m = MONTHS[lower.slice(0, 3)];
  if (m === undefined) return NaN;
  return lower.length === 3 || FULL_MONTHS.has(lower) ? m : NaN;
}

function hour(g: Groups): number {
  const h = Number(g.H);
  if (g.ap === undefined) return h;
  if (h > 12 || h === 0) return NaN;
  const pm = g.ap.toLowerCase() === 'pm';
  return pm ? (h === 12 ? 12 : h + 12) : h === 12 ? 0 : h;
}

function zoneOf(z: string | undefined): number | undefined {
  return z === undefined ? undefined : ZONE_ABBREVIATIONS[z] ?? zoneToMinutes(z);
}

function at(y: number, month0: number, d: number, g: Groups, s: TimeSettings, yearGuessed = false, ms = fractionToMs(g.f ?? g.f3)): TimeResult | undefined {
  const local = utcMs(y, month0, d, hour(g), Number(g.M), Number(g.S), ms);
  if (Number.isNaN(local) || !(d >= 1)) return undefined;
  const z = zoneOf(g.z);
  if (z === undefined) return { ts: local - s.tzOffsetMinutes * 60_000, guess: yearGuessed && s.forcedYear === undefined ? 'year,zone' : 'zone' };
  return { ts: local - z * 60_000, guess: yearGuessed && s.forcedYear === undefined ? 'year' : '' };
}

function twoDigitYear(yy: number): number {
  return yy >= 70 ? 1900 + yy : 2000 + yy;
}

/** Year, month (1-based) and day of three numeric date fields written in `order`. */
export function ymdOf(a: number, b: number, c: number, order: DateOrder): [number, number, number] {
  return order === 'ymd' ? [a, b, c] : order === 'dmy' ? [c, b, a] : [c, a, b];
}

function numericDate(g: Groups, order: DateOrder, years: YearGuesser, s: TimeSettings, twoDigit: boolean): TimeResult | undefined {
  const [y, mo, d] = ymdOf(Number(g.a), Number(g.b), Number(g.c), order);
  return at(twoDigit ? twoDigitYear(y) : y, mo - 1, d, g, s);
}

const EPOCH_MIN_S = 631_152_000; // 1990-01-01
const EPOCH_MAX_S = 4_102_444_800; // 2100-01-01

/** A bare number as epoch seconds, ms, us or ns by its digit count, when it falls in 1990..2100. */
function readEpoch(g: Groups): TimeResult | undefined {
  const int = g.n ?? '';
  const scale = int.length <= 10 ? 1 : int.length === 13 ? 1e3 : int.length === 16 ? 1e6 : 1e9;
  const seconds = Number(int) / scale;
  if (!(seconds >= EPOCH_MIN_S && seconds < EPOCH_MAX_S)) return undefined;
  const ms = scale === 1 ? Number(`${int}.${g.f ?? '0'}`) * 1000 : scale === 1e3 ? Number(`${int}.${g.f ?? '0'}`) : Number(int) / (scale / 1e3);
  return { ts: ms, guess: '' };
}

export const LAYOUTS: readonly TimeLayout[] = [
  {
    // 2024-10-17T12:00:00.123456Z | 2015-07-29 17:41:44,747 | 2005-06-03-15.42.50.675872 | 2016/9/27:20:30:31.455 | 2005.06.03 10:00:00
    id: 'ymd', title: 'year-month-day time',
    re: new RegExp(`${B}(?<a>\\d{4})(?<ds>[-/.])(?<b>\\d\\d?)\\k<ds>(?<c>\\d\\d?)${JOIN}${HMS}${AMPM}${ZONE}${E}`, 'g'),
    read: (g, _o, y, s) => numericDate(g, 'ymd', y, s, false),
  },
  {
    // 10/08/2013 20:10:29 | 03.06.2005 15:42:50 | 8/1/2013 8:10:29 PM | 17-06-2009 10:00:00
    id: 'xx-xx-yyyy', title: 'day and month, then a four-digit year, time',
    re: new RegExp(`${B}(?<a>\\d\\d?)(?<ds>[-/.])(?<b>\\d\\d?)\\k<ds>(?<c>\\d{4})${JOIN}${HMS}${AMPM}${ZONE}${E}`, 'g'),
    orders: ['mdy', 'dmy'],
    read: (g, o, y, s) => numericDate(g, o ?? (g.ds === '/' ? 'mdy' : 'dmy'), y, s, false),
  },
  {
    // 17/06/09 20:10:40 (Spark/Hadoop yy/MM/dd) | 09/06/17 20:10:40 (dd/MM/yy) | 3/12/24 14:03:27:123 UTC (WebSphere M/d/yy)
    // | 03/12/24-14:03:27.123456 (Snort -y): whether the year is first or last is learned from the file's date
    id: 'xx-xx-xx', title: 'two-digit year, month and day in some order, time',
    re: new RegExp(`${B}(?<a>\\d\\d?)(?<ds>[-/.])(?<b>\\d\\d?)\\k<ds>(?<c>\\d\\d)${JOIN}${HMS}${AMPM}${ZONE}${E}`, 'g'),
    orders: ['ymd', 'dmy', 'mdy'],
    read: (g, o, y, s) => numericDate(g, o ?? 'ymd', y, s, true),
  },
  {
    // Oct 10 2019 10:21:36 | Nov 09, 2005 12:01:01 PM | Sep 19 2008 08:26:10 UTC
    id: 'mon-d-yyyy', title: 'month name, day, year, time',
    re: new RegExp(`${B}${DAYNAME}${MON}\\.? {1,2}(?<d>\\d\\d?),? (?<y>\\d{4}),?[ T]${HMS_COLON}${AMPM}${ZONE}${E}`, 'g'),
    read: (g, _o, _y, s) => at(Number(g.y), monthOf(g.mon), Number(g.d), g, s),
  },
  {
    // Sun Dec 04 04:47:44 2005 | Wed Oct 11 14:32:52.123456 2000 (C ctime, Apache 2.x error log)
    id: 'ctime', title: 'weekday, month name, day, time, year',
    re: new RegExp(`${B}${DAYNAME}${MON} {1,2}(?<d>\\d\\d?) ${HMS_COLON}${ZONE} (?<y>\\d{4})${E}`, 'g'),
    read: (g, _o, _y, s) => at(Number(g.y), monthOf(g.mon), Number(g.d), g, s),
  },
  {
    // 09 Nov 2005 12:01:01 | Tue, 09 Nov 2005 12:01:01 +0000 (RFC 2822) | 09-Nov-2005 12:01:01 | 10/Oct/2000:13:55:36 -0700 (CLF)
    // | 12-Mar-2024::14:03:27 (Erlang/RabbitMQ reports)
    id: 'd-mon-yyyy', title: 'day, month name, year, time',
    re: new RegExp(`${B}${DAYNAME}(?<d>\\d\\d?)(?<ds>[-/ ])${MON}\\k<ds>(?<y>\\d{4})(?:[ T]|::?)${HMS_COLON}${AMPM}${ZONE}${E}`, 'g'),
    read: (g, _o, _y, s) => at(Number(g.y), monthOf(g.mon), Number(g.d), g, s),
  },
  {
    // Nov  9 12:01:01 | Dec 10 06:55:46.123 (syslog: no year, no zone)
    id: 'mon-d', title: 'month name, day, time (no year)', noYear: true,
    re: new RegExp(`${B}${MON} {1,2}(?<d>\\d\\d?) ${HMS_COLON}${ZONE}${E}`, 'g'),
    read: (g, _o, years, s) => {
      const month = monthOf(g.mon);
      return Number.isNaN(month) ? undefined : at(years.yearFor(month), month, Number(g.d), g, s, true);
    },
  },
  {
    // 12 Mar 14:03:27.119 (Redis 2.x: day, month name, time; no year)
    id: 'd-mon', title: 'day, month name, time (no year)', noYear: true,
    re: new RegExp(`${B}(?<d>\\d\\d?) ${MON} ${HMS_COLON}${ZONE}${E}`, 'g'),
    read: (g, _o, years, s) => {
      const month = monthOf(g.mon);
      return Number.isNaN(month) ? undefined : at(years.yearFor(month), month, Number(g.d), g, s, true);
    },
  },
  {
    // 20171223-22:15:29:606 (milliseconds after a colon) | 20171223 22:15:29.606 | 20171223T221529Z (ISO basic)
    id: 'yyyymmdd', title: 'compact year-month-day, time',
    re: new RegExp(`${B}(?<a>\\d{4})(?<b>\\d\\d)(?<c>\\d\\d)(?:[-T ]?(?<H>\\d\\d):(?<M>\\d\\d):(?<S>\\d\\d)(?:[:.,](?<f>\\d{1,9}))?|T(?<H2>\\d\\d)(?<M2>\\d\\d)(?<S2>\\d\\d)(?:[.,](?<f2>\\d{1,9}))?)${ZONE}${E}`, 'g'),
    read: (g, _o, y, s) => numericDate({ ...g, H: g.H ?? g.H2, M: g.M ?? g.M2, S: g.S ?? g.S2, f: g.f ?? g.f2 }, 'ymd', y, s, false),
  },
  {
    // 081109 203615 (HDFS: yyMMdd HHmmss) | 240312  9:51:25 (MySQL 5.1: yyMMdd H:mm:ss, the hour padded with a space)
    id: 'yymmdd', title: 'compact yyMMdd HHmmss',
    re: new RegExp(`${B}(?<a>\\d\\d)(?<b>\\d\\d)(?<c>\\d\\d) (?:(?<H>\\d\\d)(?<M>\\d\\d)(?<S>\\d\\d)| ?(?<H2>\\d?\\d):(?<M2>\\d\\d):(?<S2>\\d\\d)(?:[.,](?<f>\\d{1,9}))?)${E}`, 'g'),
    read: (g, _o, y, s) => numericDate({ ...g, H: g.H ?? g.H2, M: g.M ?? g.M2, S: g.S ?? g.S2 }, 'ymd', y, s, true),
  },
  {
    // 03-17 16:13:38.811 (logcat) | 10.30 16:49:06 (Proxifier) | 03/17 16:13:38 | 03/12-14:03:27.123456 (Snort): no year
    id: 'xx-xx', title: 'month and day (no year), time', noYear: true,
    re: new RegExp(`${B}(?<a>\\d\\d)(?<ds>[-./])(?<b>\\d\\d)[ -]${HMS_COLON}${ZONE}${E}`, 'g'),
    orders: ['mdy', 'dmy'],
    read: (g, o, years, s) => {
      const [mo, d] = (o ?? 'mdy') === 'dmy' ? [Number(g.b), Number(g.a)] : [Number(g.a), Number(g.b)];
      if (mo < 1 || mo > 12) return undefined;
      return at(years.yearFor(mo - 1), mo - 1, d, g, s, true);
    },
  },
  {
    // I0312 14:03:27.123456 (glog / Kubernetes klog: a level letter glued to MMdd, then the time; no year)
    id: 'glog', title: 'glog level letter, month and day, time (no year)', noYear: true,
    re: new RegExp(`${B}[IWEF](?<b>\\d\\d)(?<c>\\d\\d) ${HMS_COLON}${E}`, 'g'),
    read: (g, _o, years, s) => {
      const mo = Number(g.b);
      if (mo < 1 || mo > 12) return undefined;
      return at(years.yearFor(mo - 1), mo - 1, Number(g.c), g, s, true);
    },
  },
  {
    // 1286536308.779 | 1700000000123 | 1700000000123456 | 1700000000123456789: epoch s, ms, us, ns (UTC)
    id: 'epoch', title: 'epoch number', epoch: true,
    re: new RegExp(`${B}(?<n>\\d{9,10}|\\d{13}|\\d{16}|\\d{19})(?:\\.(?<f>\\d{1,9}))?(?![\\w.])`, 'g'),
    read: (g) => readEpoch(g),
  },
];

export function layoutById(id: string): TimeLayout | undefined {
  return LAYOUTS.find((l) => l.id === id);
}
