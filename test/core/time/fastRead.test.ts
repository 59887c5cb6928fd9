// The compiled year-month-day reader must give exactly what the layout's regex gives wherever it answers,
// and answer for the plain shapes it exists for.
import { describe, expect, it } from 'vitest';
import { readYmdAt } from '../../../src/core/time/fastRead.ts';
import { layoutById, okBefore, stickyOf } from '../../../src/core/time/layouts.ts';
import { readCandidate } from '../../../src/core/time/find.ts';
import { YearGuesser, type TimeSettings } from '../../../src/core/time.ts';

const settings: TimeSettings = { tzOffsetMinutes: 90, referenceMs: Date.UTC(2026, 0, 1) };
const years = new YearGuesser(settings);
const ymd = layoutById('ymd')!;

/** What the regex path reads at `pos` (the TimeReader's sticky try). */
function byRegex(line: string, pos: number) {
  const re = stickyOf(ymd);
  re.lastIndex = pos;
  const m = re.exec(line);
  if (m === null || !okBefore(line, pos)) return undefined;
  return readCandidate(line, { layout: ymd, start: pos, end: pos + m[0].length, field: 0, groups: m.groups ?? {} }, undefined, years, settings);
}

const dates = ['2026-03-01', '2026/03/01', '2026.03.01', '2026-3-01', '2024-02-29', '2023-02-29', '2026-13-01', '2026-03-00', '2026-03/01'];
const seps = [' ', 'T', '  ', '-', ', '];
const times = ['00:00:01', '23:59:59', '24:00:00', '9:05:01', '12.30.45', '12:60:00'];
const fractions = ['', '.1', '.12', '.123', ',747', '.0001', '.123456', '.123456789', '.1234567890', '.', ',x', '.5e'];
const suffixes = [
  '', ' ', '\t', 'Z', 'Z ', 'Z1', 'Zx', 'z', '+02:00', '+0200', '-07:00', '-0700', '+02', '-07 x', '+02:0', '+02:00x', '+020', '+0200 ',
  ' +0000', ' Z', ' UTC', 'UTC', 'GMT', ' GMT', 'PM', ' pm', ' AM x', 'am', ' Am', 'x', ' x', ',', ']', ') x', '_', '1', 'é', '\u00a0+0100',
  '\u00a0x', ' - ', '-', ' -', '/', '.', ':', '|',
];

describe('readYmdAt', () => {
  it('agrees with the ymd regex wherever it answers', () => {
    let answered = 0, compared = 0;
    for (const date of dates) for (const sep of seps) for (const time of times) for (const frac of fractions) for (const suffix of suffixes) {
      for (const prefix of ['', '[']) {
        const line = `${prefix}${date}${sep}${time}${frac}${suffix}`;
        const pos = prefix === '[' ? 1 : prefix.length;
        if (!okBefore(line, pos)) continue;
        compared++;
        const fast = readYmdAt(line, pos, settings);
        if (fast === undefined) continue;
        answered++;
        const slow = byRegex(line, pos);
        expect(slow, line).toBeDefined();
        expect({ ts: fast.ts, guess: fast.guess, end: fast.end }, line).toEqual({ ts: slow!.ts, guess: slow!.guess, end: slow!.end });
      }
    }
    expect(compared).toBeGreaterThan(50_000);
    expect(answered).toBeGreaterThan(5_000);
  });

  it('reads the plain shapes itself', () => {
    for (const line of ['2026-03-01 00:00:01.234 1234 INFO x', '2024-10-17T12:00:00.123456Z', '2015-07-29 17:41:44,747 WARN', '2013-09-21 14:40:02-0700 boot', '2026/03/01 10:00:00']) {
      const fast = readYmdAt(line, 0, settings);
      expect(fast, line).toBeDefined();
      expect(fast!.ts, line).toBe(byRegex(line, 0)!.ts);
    }
    expect(readYmdAt('2024-10-17T12:00:00Z', 0, settings)).toEqual({ ts: Date.UTC(2024, 9, 17, 12), guess: '', end: 20 });
    expect(readYmdAt('2024-10-17 12:00:00 rest', 0, settings)).toEqual({ ts: Date.UTC(2024, 9, 17, 12) - 90 * 60_000, guess: 'zone', end: 19 });
  });
});
