// The log time forms added to src/core/time.ts for the line formats (one table per reader).
import { describe, expect, it } from 'vitest';
import {
  YearGuesser, parseApacheTime, parseCompactTime, parseCtime, parseEpochTime, parseLeadingTime, parseMonDdYyyyTime,
  parseMonthDayTime, parseSlashTime, parseYymmddTime, type TimeSettings,
} from '../../../src/core/time.ts';
import { UTC } from '../../harness/parsers.ts';

const PLUS2: TimeSettings = { ...UTC, tzOffsetMinutes: 120 };

describe('time forms', () => {
  const cases: { name: string; input: () => unknown; expected: unknown }[] = [
    { name: 'apache with zone', input: () => parseApacheTime('10/Oct/2000:13:55:36 -0700', PLUS2), expected: { ts: Date.UTC(2000, 9, 10, 20, 55, 36), guess: '' } },
    { name: 'apache without zone uses the file zone', input: () => parseApacheTime('10/Oct/2000:13:55:36', PLUS2), expected: { ts: Date.UTC(2000, 9, 10, 11, 55, 36), guess: 'zone' } },
    { name: 'apache bad month', input: () => parseApacheTime('10/Foo/2000:13:55:36 -0700', UTC), expected: undefined },
    { name: 'ctime', input: () => parseCtime('Sun Dec 04 04:47:44 2005', UTC), expected: { ts: Date.UTC(2005, 11, 4, 4, 47, 44), guess: 'zone' } },
    { name: 'ctime with fraction', input: () => parseCtime('Wed Oct 11 14:32:52.123456 2000', UTC), expected: { ts: Date.UTC(2000, 9, 11, 14, 32, 52, 123) + 0.456, guess: 'zone' } },
    { name: 'slash is month/day', input: () => parseSlashTime('10/08/2013 20:10:29', UTC), expected: { ts: Date.UTC(2013, 9, 8, 20, 10, 29), guess: 'zone' } },
    { name: 'slash day/month when month > 12', input: () => parseSlashTime('25/08/2013 20:10:29', UTC), expected: { ts: Date.UTC(2013, 7, 25, 20, 10, 29), guess: 'zone' } },
    { name: 'slash dmy order', input: () => parseSlashTime('10/08/2013 20:10:29', UTC, 'dmy'), expected: { ts: Date.UTC(2013, 7, 10, 20, 10, 29), guess: 'zone' } },
    { name: 'slash PM', input: () => parseSlashTime('1/8/2013 8:10:29 PM', UTC), expected: { ts: Date.UTC(2013, 0, 8, 20, 10, 29), guess: 'zone' } },
    { name: 'compact', input: () => parseCompactTime('20171223-22:15:29:606', UTC), expected: { ts: Date.UTC(2017, 11, 23, 22, 15, 29, 606), guess: 'zone' } },
    { name: 'compact 2-digit ms', input: () => parseCompactTime('20171223-22:15:29:60', UTC), expected: { ts: Date.UTC(2017, 11, 23, 22, 15, 29, 600), guess: 'zone' } },
    { name: 'month-day (logcat)', input: () => parseMonthDayTime('03-17 16:13:38.811', new YearGuesser(UTC), UTC), expected: { ts: Date.UTC(2025, 2, 17, 16, 13, 38, 811), guess: 'year,zone' } },
    { name: 'month-day (proxifier)', input: () => parseMonthDayTime('10.30 16:49:06', new YearGuesser(UTC), PLUS2), expected: { ts: Date.UTC(2025, 9, 30, 14, 49, 6), guess: 'year,zone' } },
    { name: 'month-day forced year', input: () => parseMonthDayTime('10.30 16:49:06', new YearGuesser({ ...UTC, forcedYear: 2005 }), { ...UTC, forcedYear: 2005 }), expected: { ts: Date.UTC(2005, 9, 30, 16, 49, 6), guess: 'zone' } },
    { name: 'month-day invalid month', input: () => parseMonthDayTime('13.30 16:49:06', new YearGuesser(UTC), UTC), expected: undefined },
    { name: 'yymmdd', input: () => parseYymmddTime('081109 203615', UTC), expected: { ts: Date.UTC(2008, 10, 9, 20, 36, 15), guess: 'zone' } },
    { name: 'yymmdd 19xx', input: () => parseYymmddTime('991231 235959', UTC), expected: { ts: Date.UTC(1999, 11, 31, 23, 59, 59), guess: 'zone' } },
    { name: 'epoch seconds', input: () => parseEpochTime('1157689312.049'), expected: { ts: 1157689312049, guess: '' } },
    { name: 'epoch ms', input: () => parseEpochTime('1700000000123'), expected: { ts: 1700000000123, guess: '' } },
    { name: 'MMM dd yyyy', input: () => parseMonDdYyyyTime('Sep 19 2008 08:26:10.5 +0200', UTC), expected: { ts: Date.UTC(2008, 8, 19, 6, 26, 10, 500), guess: '' } },
    { name: 'bad day', input: () => parseSlashTime('02/32/2013 20:10:29', UTC), expected: undefined },
  ];
  for (const c of cases) it(c.name, () => expect(c.input()).toEqual(c.expected));
});

describe('parseLeadingTime', () => {
  const cases: { input: string; form: string | undefined; raw?: string; end?: number }[] = [
    { input: '2015-07-29 17:41:44,747 INFO x', form: 'iso', raw: '2015-07-29 17:41:44,747' },
    { input: '2013-09-21 14:40:02 -0700|host', form: 'iso', raw: '2013-09-21 14:40:02 -0700' },
    { input: 'Sun Dec 04 04:47:44 2005 x', form: 'ctime' },
    { input: 'Dec  4 04:47:44 host x', form: 'syslog', raw: 'Dec  4 04:47:44' },
    { input: '[10/Oct/2000:13:55:36 -0700] x', form: 'apache', end: 28 },
    { input: '10/08/2013 20:10:29 x', form: 'slash' },
    { input: '20171223-22:15:29:606|x', form: 'compact' },
    { input: '03-17 16:13:38.811  1702', form: 'month-day' },
    { input: '[10.30 16:49:06] chrome.exe', form: 'month-day', end: 16 },
    { input: '081109 203615 148 INFO', form: 'yymmdd' },
    { input: '1157689312.049   5006 10.105.21.199', form: 'epoch' },
    { input: '[10.30 16:49:06 no bracket', form: undefined },
    { input: '12345 not a time', form: undefined },
    { input: 'hello', form: undefined },
  ];
  for (const c of cases) {
    it(c.input, () => {
      const t = parseLeadingTime(c.input, new YearGuesser(UTC), UTC);
      expect(t?.form).toBe(c.form);
      if (c.raw !== undefined) expect(t?.raw).toBe(c.raw);
      if (c.end !== undefined) expect(t?.end).toBe(c.end);
    });
  }
});
