// The timestamp finder: every layout of layouts.ts, anywhere in a line. Used on a file's first lines to
// learn where its time is (learn.ts), and on a line where the learned layout is missing.
import type { TimeResult, TimeSettings, YearGuesser } from '../time.ts';
import { LAYOUTS, okBefore, type DateOrder, type TimeLayout } from './layouts.ts';

export interface TimeCandidate {
  layout: TimeLayout;
  start: number;
  end: number;
  /** index of the whitespace-separated field the time starts in (0 = the line starts with it) */
  field: number;
  groups: Record<string, string | undefined>;
}

export interface FoundTime extends TimeResult {
  raw: string;
  start: number;
  end: number;
  layout: TimeLayout;
}

/** Index of the whitespace-separated field that holds position `pos` (a "[" before the time is part of it). */
export function fieldIndex(line: string, pos: number): number {
  let n = 0, inField = false;
  for (let i = 0; i < pos; i++) {
    const c = line.charCodeAt(i);
    if (c === 32 || c === 9) inField = false;
    else if (!inField) {
      n++;
      inField = true;
    }
  }
  return inField ? n - 1 : n;
}

/** Where whitespace-separated field `field` starts (the line's length when it has fewer fields). */
export function fieldStart(line: string, field: number): number {
  let n = -1, inField = false;
  for (let i = 0; i < line.length; i++) {
    const c = line.charCodeAt(i);
    if (c === 32 || c === 9) inField = false;
    else if (!inField) {
      if (++n === field) return i;
      inField = true;
    }
  }
  return line.length;
}

/**
 * Every timestamp-looking text of the line, in order; a match inside a longer one of another layout is left
 * out ("Dec 04 04:47:44" inside "Sun Dec 04 04:47:44 2005").
 */
export function findTimes(line: string): TimeCandidate[] {
  const all: TimeCandidate[] = [];
  for (const layout of LAYOUTS) {
    const re = layout.re;
    re.lastIndex = 0;
    for (let m = re.exec(line); m !== null; m = re.exec(line)) {
      if (m[0].length === 0 || !okBefore(line, m.index)) {
        re.lastIndex = m.index + 1;
        continue;
      }
      all.push({ layout, start: m.index, end: m.index + m[0].length, field: 0, groups: m.groups ?? {} });
    }
  }
  const kept = all.filter((c) => !all.some((o) => o !== c && o.start <= c.start && o.end >= c.end && o.end - o.start > c.end - c.start));
  kept.sort((a, b) => a.start - b.start);
  for (const c of kept) c.field = fieldIndex(line, c.start);
  return kept;
}

/** Reads a candidate; an ambiguous numeric date with no order given tries the layout's orders in turn. */
export function readCandidate(line: string, c: TimeCandidate, order: DateOrder | undefined, years: YearGuesser, settings: TimeSettings): FoundTime | undefined {
  if (order !== undefined || c.layout.orders === undefined) return found(line, c, c.layout.read(c.groups, order, years, settings));
  for (const o of defaultOrders(c.layout, c.groups)) {
    const t = c.layout.read(c.groups, o, years, settings);
    if (t !== undefined) return found(line, c, t);
  }
  return undefined;
}

function found(line: string, c: TimeCandidate, t: TimeResult | undefined): FoundTime | undefined {
  if (t === undefined) return undefined;
  return { ts: t.ts, guess: t.guess, raw: line.slice(c.start, c.end), start: c.start, end: c.end, layout: c.layout };
}

/** A layout's orders, the most likely first: slashes are month-first (US), dots and dashes day-first. */
export function defaultOrders(layout: TimeLayout, groups: Record<string, string | undefined>): readonly DateOrder[] {
  const orders = layout.orders ?? [];
  if (layout.id === 'xx-xx-yyyy' && groups.ds !== '/') return ['dmy', 'mdy'];
  if (layout.id === 'xx-xx-xx' && groups.ds === '/') return ['ymd', 'mdy', 'dmy'];
  return orders;
}
