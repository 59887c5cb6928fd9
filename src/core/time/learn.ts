// Learning a file's timestamp, not a line's (issue 12): from the first lines, the layout and field that
// explain the most lines; the day/month order from the values (a first number above 12 anywhere settles
// it for the whole file); then every line is read the same way. A line where the learned layout is missing
// still gets any time the finder sees (and is not counted in the layout's share).
import type { TimeSettings, YearGuesser } from '../time.ts';
import { YearGuesser as Years } from '../time.ts';
import { fieldIndex, fieldStart, findTimes, readCandidate, type FoundTime, type TimeCandidate } from './find.ts';
import { LAYOUTS, okBefore, stickyOf, ymdOf, type DateOrder, type TimeLayout } from './layouts.ts';
import { defaultOrders } from './find.ts';
import { readYmdAt } from './fastRead.ts';

export interface LearnedTime {
  layout: TimeLayout;
  order?: DateOrder;
  /** the whitespace-separated field the time starts in */
  field: number;
  /** one time as written in the file */
  example: string;
  /** share (0..1) of the sample lines the layout explains */
  sampleShare: number;
}

/** A user's choice in the ledger: a layout id, optionally with its order ("xx-xx-yyyy:dmy"), or "none". */
export type TimeLayoutChoice = string;

const THROWAWAY: TimeSettings = { tzOffsetMinutes: 0, referenceMs: Date.UTC(2000, 0, 1) };

/** How sure a time is of its instant: an explicit zone or an epoch beats a zone-less text, which beats a year-less one. */
function certainty(c: TimeCandidate): number {
  if (c.layout.epoch === true || c.groups.z !== undefined) return 2;
  return c.layout.noYear === true ? 0 : 1;
}

/**
 * The learned time of a file from its first lines; undefined when no layout explains a fifth of them.
 * `referenceMs` (the file's date) settles whether a two-digit year is written first or last.
 */
export function learnTime(lines: readonly string[], choice?: TimeLayoutChoice, referenceMs?: number): LearnedTime | undefined {
  if (choice === 'none') return undefined;
  const [forcedId, forcedOrder] = choice === undefined ? [undefined, undefined] : choice.split(':') as [string, DateOrder | undefined];
  const sample = lines.filter((l) => l.trim() !== '');
  if (sample.length === 0) return undefined;
  const years = new Years(THROWAWAY);
  const keys = new Map<string, { layout: TimeLayout; field: number; lines: number; certainty: number; length: number; cands: TimeCandidate[]; example: string }>();
  for (const line of sample) {
    const seen = new Set<string>();
    for (const c of findTimes(line)) {
      if (forcedId !== undefined && c.layout.id !== forcedId) continue;
      if (readCandidate(line, c, forcedOrder, years, THROWAWAY) === undefined) continue;
      const key = `${c.layout.id}@${c.field}`;
      if (seen.has(key)) continue;
      seen.add(key);
      let k = keys.get(key);
      if (k === undefined) {
        k = { layout: c.layout, field: c.field, lines: 0, certainty: 0, length: c.end - c.start, cands: [], example: line.slice(c.start, c.end) };
        keys.set(key, k);
      }
      k.lines++;
      k.certainty += certainty(c);
      k.cands.push(c);
    }
  }
  let best = 0;
  for (const k of keys.values()) best = Math.max(best, k.lines);
  if (best === 0 || best < sample.length / 5) return undefined;
  // the near-best keys: the most certain (zone or epoch) first, then the earliest field, then the longest text
  const ranked = [...keys.values()].filter((k) => k.lines >= best * 0.9).sort((a, b) =>
    b.certainty / b.lines - a.certainty / a.lines || a.field - b.field || b.length - a.length);
  const k = ranked[0];
  const order = forcedOrder ?? learnOrder(k.layout, k.cands, referenceMs);
  return { layout: k.layout, order, field: k.field, example: k.example, sampleShare: k.lines / sample.length };
}

/**
 * The first order of the layout under which every sampled date is a real date (month <= 12, day <= 31). A
 * two-digit year may be first (yy/MM/dd) or last (M/d/yy, dd/MM/yy): with the file's date known, the year
 * position whose years come nearest before it wins ("3/12/24" in a 2024 file is 2024, not 2003; "17/06/09" is
 * 2017, not 2009); day and month order among the year-last readings stay as the defaults rank them.
 */
function learnOrder(layout: TimeLayout, cands: TimeCandidate[], referenceMs?: number): DateOrder | undefined {
  if (layout.orders === undefined || cands.length === 0) return undefined;
  const orders = defaultOrders(layout, cands[0].groups);
  const valid = (o: DateOrder) => cands.every((c) => {
    const a = Number(c.groups.a), b = Number(c.groups.b);
    if (layout.id === 'xx-xx') return (o === 'dmy' ? b : a) <= 12 && (o === 'dmy' ? a : b) <= 31;
    const [, mo, d] = ymdOf(a, b, Number(c.groups.c), o);
    return mo >= 1 && mo <= 12 && d >= 1 && d <= 31;
  });
  const ok = orders.filter(valid);
  if (ok.length === 0) return orders[0];
  if (layout.id !== 'xx-xx-xx' || referenceMs === undefined || ok.length === 1) return ok[0];
  const refYear = new Date(referenceMs).getUTCFullYear();
  // years before the file's date, at most: a reading that puts a date in a later year is out
  const distance = (o: DateOrder) => Math.max(...cands.map((c) => {
    const [yy] = ymdOf(Number(c.groups.a), Number(c.groups.b), Number(c.groups.c), o);
    const year = yy >= 70 ? 1900 + yy : 2000 + yy;
    return year > refYear ? Infinity : refYear - year;
  }));
  let best = ok[0];
  for (const o of ok) if (distance(o) < distance(best)) best = o;
  return best;
}

/** Words for the ledger and the CLI: "day/month/year time (dmy), e.g. 10/08/2013 20:10:29, field 1". */
export function describeLearned(l: LearnedTime): string {
  const order = l.order !== undefined ? ` [${l.order}]` : '';
  return `${l.layout.title}${order}, e.g. "${l.example}", field ${l.field + 1}`;
}

/** The choice string that reproduces a learned layout (what the ledger offers and re-ingest takes). */
export function choiceOf(l: LearnedTime): TimeLayoutChoice {
  return l.order === undefined ? l.layout.id : `${l.layout.id}:${l.order}`;
}

/** Every choice the ledger can offer: each layout, with each of its orders. */
export function allChoices(): { value: TimeLayoutChoice; title: string }[] {
  const out: { value: TimeLayoutChoice; title: string }[] = [];
  for (const l of LAYOUTS) {
    if (l.orders === undefined) out.push({ value: l.id, title: l.title });
    else for (const o of l.orders) out.push({ value: `${l.id}:${o}`, title: `${l.title} [${o}]` });
  }
  return out;
}

/** Reads the learned time of each line of a file and counts how many lines the learned layout explained. */
export class TimeReader {
  lines = 0;
  matched = 0;
  /** the layout has a compiled reader (fastRead.ts): tried before the regex at the learned place */
  private readonly ymd: boolean;
  constructor(readonly learned: LearnedTime, private readonly years: YearGuesser, private readonly settings: TimeSettings) {
    this.ymd = learned.layout.id === 'ymd';
  }

  read(line: string): FoundTime | undefined {
    this.lines++;
    const { layout, field, order } = this.learned;
    // the fast path: the layout right where the file keeps its time (after a '[' or '(' if one opens the field)
    const sticky = stickyOf(layout);
    let pos = fieldStart(line, field);
    for (let tries = 0; tries < 2; tries++, pos++) {
      if (this.ymd && okBefore(line, pos)) {
        const f = readYmdAt(line, pos, this.settings);
        if (f !== undefined) {
          this.matched++;
          return { ts: f.ts, guess: f.guess, raw: line.slice(pos, f.end), start: pos, end: f.end, layout };
        }
      }
      sticky.lastIndex = pos;
      const m = sticky.exec(line);
      if (m !== null && okBefore(line, pos)) {
        const t = readCandidate(line, { layout, start: pos, end: pos + m[0].length, field, groups: m.groups ?? {} }, order, this.years, this.settings);
        if (t !== undefined) {
          this.matched++;
          return t;
        }
      }
      const c = line.charCodeAt(pos);
      if (c !== 91 && c !== 40) break; // '[' or '('
    }
    const re = layout.re;
    re.lastIndex = 0;
    let other: FoundTime | undefined;
    for (let i = 0, m = re.exec(line); m !== null && i < 8; i++, m = re.exec(line)) {
      if (!okBefore(line, m.index)) {
        re.lastIndex = m.index + 1;
        continue;
      }
      const c: TimeCandidate = { layout, start: m.index, end: m.index + m[0].length, field: 0, groups: m.groups ?? {} };
      const atField = fieldIndex(line, m.index) === field;
      if (!atField && other !== undefined) continue;
      const t = readCandidate(line, c, order, this.years, this.settings);
      if (t === undefined) continue;
      if (atField) {
        this.matched++;
        return t;
      }
      other = t;
    }
    if (other !== undefined) return other;
    // not in the learned layout (a stack trace line, another writer): any time the finder sees
    for (const c of findTimes(line)) {
      // a stray 10-digit number in a continuation line is no time unless the file's time is an epoch
      if (c.layout.epoch === true && layout.epoch !== true) continue;
      const t = readCandidate(line, c, undefined, this.years, this.settings);
      if (t !== undefined) return t;
    }
    return undefined;
  }
}
