// The timestamp finder and the per-file learning (issue 12 "Timestamps anywhere"): a table of small files,
// each with the time it must read from its first line, the learned layout and order, and the zone flag.
import { describe, expect, it } from 'vitest';
import { YearGuesser, type TimeSettings } from '../../../src/core/time.ts';
import { learnTime, TimeReader, allChoices, describeLearned } from '../../../src/core/time/learn.ts';
import { findTimes } from '../../../src/core/time/find.ts';

const SETTINGS: TimeSettings = { tzOffsetMinutes: 0, referenceMs: Date.UTC(2026, 5, 1) };

interface Case {
  name: string;
  lines: string[];
  /** epoch ms of each line's time (undefined: no time) */
  expect: (number | undefined)[];
  layout: string;
  order?: string;
  field?: number;
  guess?: string;
}

const U = Date.UTC;
const CASES: Case[] = [
  { name: 'ISO T with zone', lines: ['2024-10-17T12:00:00.123456Z GET /', '2024-10-17T12:00:01+02:00 GET /x'], expect: [U(2024, 9, 17, 12, 0, 0, 123) + 0.456, U(2024, 9, 17, 10, 0, 1)], layout: 'ymd', guess: '' },
  { name: 'ISO space, comma fraction', lines: ['2015-07-29 17:41:44,747 - INFO - started', '2015-07-29 17:41:45,1 - INFO - ok'], expect: [U(2015, 6, 29, 17, 41, 44, 747), U(2015, 6, 29, 17, 41, 45, 100)], layout: 'ymd', guess: 'zone' },
  { name: 'ISO after a file-name prefix', lines: ['nova-api.log.1.2017-05-16_13:53:08 2017-05-16 00:00:00.008 25746 INFO nova.osapi_compute.wsgi.server [req-38101a0b] 10.11.10.1 "GET /v2/servers"', 'nova-api.log.1.2017-05-16_13:53:08 2017-05-16 00:00:00.272 25746 INFO nova.osapi_compute.wsgi.server [req-9bc36dd9] 10.11.10.1 "GET /v2/os"'], expect: [U(2017, 4, 16, 0, 0, 0, 8), U(2017, 4, 16, 0, 0, 0, 272)], layout: 'ymd', field: 1 },
  { name: 'yyyy/mm/dd', lines: ['2019/03/05 10:00:01 [error] 1234#0: *5 open() failed', '2019/03/05 10:00:02 [warn] 1234#0: x'], expect: [U(2019, 2, 5, 10, 0, 1), U(2019, 2, 5, 10, 0, 2)], layout: 'ymd' },
  { name: 'BGL: an epoch column beside a zone-less DB2 time (the epoch, UTC, wins)', lines: ['- 1117838570 2005.06.03 R02-M1-N0-C:J12-U11 2005-06-03-15.42.50.675872 R02-M1-N0-C:J12-U11 RAS KERNEL INFO instruction cache parity error corrected', '- 1117838573 2005.06.03 R02-M1-N0-C:J12-U11 2005-06-03-15.42.53.276129 R02-M1-N0-C:J12-U11 RAS KERNEL INFO instruction cache parity error corrected'], expect: [1117838570000, 1117838573000], layout: 'epoch', field: 1, guess: '' },
  { name: 'DB2 joined time alone', lines: ['2005-06-03-15.42.50.675872 RAS KERNEL INFO corrected', '2005-06-03-15.42.53.276129 RAS KERNEL INFO corrected'], expect: [U(2005, 5, 3, 15, 42, 50, 675) + 0.872, U(2005, 5, 3, 15, 42, 53, 276) + 0.129], layout: 'ymd' },
  { name: 'yyyy.mm.dd with a separate time', lines: ['2005.06.03 15:42:50 started', '2005.06.04 15:42:50 stopped'], expect: [U(2005, 5, 3, 15, 42, 50), U(2005, 5, 4, 15, 42, 50)], layout: 'ymd' },
  { name: 'yy/mm/dd (Spark)', lines: ['17/06/09 20:10:40 INFO executor.CoarseGrainedExecutorBackend: Registered signal handlers for [TERM, HUP, INT]', '17/06/09 20:10:41 INFO spark.SecurityManager: Changing view acls to: yarn,curi'], expect: [U(2017, 5, 9, 20, 10, 40), U(2017, 5, 9, 20, 10, 41)], layout: 'xx-xx-xx', order: 'ymd' },
  { name: 'dd/mm/yyyy settled by a later day > 12', lines: ['05/03/2021 10:00:00 start', '06/03/2021 10:00:00 tick', '25/03/2021 10:00:00 end'], expect: [U(2021, 2, 5, 10), U(2021, 2, 6, 10), U(2021, 2, 25, 10)], layout: 'xx-xx-yyyy', order: 'dmy' },
  { name: 'mm/dd/yyyy settled by a later second number > 12', lines: ['03/05/2021 10:00:00 AM start', '03/06/2021 1:00:00 PM tick', '03/25/2021 10:00:00 PM end'], expect: [U(2021, 2, 5, 10), U(2021, 2, 6, 13), U(2021, 2, 25, 22)], layout: 'xx-xx-yyyy', order: 'mdy' },
  { name: 'ambiguous slashes default to month first', lines: ['10/08/2013 20:10:29 a', '10/09/2013 20:10:29 b'], expect: [U(2013, 9, 8, 20, 10, 29), U(2013, 9, 9, 20, 10, 29)], layout: 'xx-xx-yyyy', order: 'mdy' },
  { name: 'dd.mm.yyyy defaults to day first', lines: ['03.06.2005 15:42:50 x', '04.06.2005 15:42:50 y'], expect: [U(2005, 5, 3, 15, 42, 50), U(2005, 5, 4, 15, 42, 50)], layout: 'xx-xx-yyyy', order: 'dmy' },
  { name: 'syslog without year', lines: ['Nov  9 12:01:01 host app: x', 'Nov 10 12:01:01 host app: y'], expect: [U(2025, 10, 9, 12, 1, 1), U(2025, 10, 10, 12, 1, 1)], layout: 'mon-d', guess: 'year,zone' },
  { name: 'day month-name year', lines: ['[09 Nov 2005 12:01:01] started', '[09 Nov 2005 12:01:02] stopped'], expect: [U(2005, 10, 9, 12, 1, 1), U(2005, 10, 9, 12, 1, 2)], layout: 'd-mon-yyyy' },
  { name: 'month-name day year (mid-line)', lines: ['WARN [main] Oct 10 2019 10:21:36 disk low', 'INFO [main] Oct 10 2019 10:21:40 ok'], expect: [U(2019, 9, 10, 10, 21, 36), U(2019, 9, 10, 10, 21, 40)], layout: 'mon-d-yyyy', field: 2 },
  { name: 'ctime (Apache error log)', lines: ['[Sun Dec 04 04:47:44 2005] [notice] workerEnv.init() ok', '[Sun Dec 04 04:51:08 2005] [notice] jk2_init() Found child'], expect: [U(2005, 11, 4, 4, 47, 44), U(2005, 11, 4, 4, 51, 8)], layout: 'ctime' },
  { name: 'CLF with zone', lines: ['1.2.3.4 - - [10/Oct/2000:13:55:36 -0700] "GET / HTTP/1.0" 200 2326'], expect: [U(2000, 9, 10, 20, 55, 36)], layout: 'd-mon-yyyy', field: 3, guess: '' },
  { name: 'compact with colon millis', lines: ['20171223-22:15:29:606|Step_LSC|30002312|onStandStepChanged 3579', '20171223-22:15:29:615|Step_LSC|30002312|onExtend:1514038530000 14 0 4'], expect: [U(2017, 11, 23, 22, 15, 29, 606), U(2017, 11, 23, 22, 15, 29, 615)], layout: 'yyyymmdd' },
  { name: 'yyMMdd HHmmss (HDFS)', lines: ['081109 203615 148 INFO dfs.DataNode$PacketResponder: PacketResponder 1 for block blk_38865049064139660 terminating'], expect: [U(2008, 10, 9, 20, 36, 15)], layout: 'yymmdd' },
  { name: 'month-day without year (Proxifier)', lines: ['[10.30 16:49:06] chrome.exe - proxy.cse.cuhk.edu.hk:5070 open through proxy'], expect: [U(2025, 9, 30, 16, 49, 6)], layout: 'xx-xx', order: 'mdy' },
  { name: 'epoch seconds with fraction', lines: ['1286536308.779 3 10.0.0.1 TCP_MISS/200 1024 GET http://example.com/ - DIRECT/1.2.3.4 text/html'], expect: [U(2010, 9, 8, 11, 11, 48, 779)], layout: 'epoch', guess: '' },
  { name: 'epoch milliseconds', lines: ['1700000000123 service started'], expect: [1700000000123], layout: 'epoch' },
  { name: 'epoch microseconds', lines: ['ts=1700000000123456 service started'], expect: [1700000000123.456], layout: 'epoch' },
  { name: 'epoch nanoseconds', lines: ['1700000000123456789 service started'], expect: [1700000000123.4568], layout: 'epoch' },
  { name: 'epoch column next to a zone-less text time: the epoch (UTC) wins', lines: ['2016-01-01 10:00:00 1451642400 user login', '2016-01-01 10:00:05 1451642405 user logout'], expect: [U(2016, 0, 1, 10), U(2016, 0, 1, 10, 0, 5)], layout: 'epoch', field: 2, guess: '' },
  { name: 'text time with a zone next to an epoch: the text wins (earlier field)', lines: ['2016-01-01T11:00:00+01:00 1451642400 login'], expect: [U(2016, 0, 1, 10)], layout: 'ymd', field: 0, guess: '' },
  { name: 'zone abbreviation after the time (PostgreSQL %t)', lines: ['2024-03-12 15:03:27 CET LOG:  ready', '2024-07-12 15:03:27 CEST LOG:  ready'], expect: [U(2024, 2, 12, 14, 3, 27), U(2024, 6, 12, 13, 3, 27)], layout: 'ymd', guess: '' },
  { name: 'milliseconds after a third colon, a tab before the time (WindowsUpdate.log)', lines: ['2024-03-12\t14:03:27:123\t 988\t1a0c\tAgent\tx'], expect: [U(2024, 2, 12, 14, 3, 27, 123)], layout: 'ymd' },
  { name: 'milliseconds after a third colon, a space before the time', lines: ['2024-03-12 14:03:27:123 [main] started', '2024-03-12 14:03:28:004 [main] ok'], expect: [U(2024, 2, 12, 14, 3, 27, 123), U(2024, 2, 12, 14, 3, 28, 4)], layout: 'ymd' },
  { name: 'day, month name, time without year (Redis 2)', lines: ['[4018] 12 Mar 14:03:27.119 * DB saved on disk'], expect: [U(2026, 2, 12, 14, 3, 27, 119)], layout: 'd-mon', field: 1, guess: 'year,zone' },
  { name: 'yyMMdd H:mm:ss, hour padded with a space (MySQL 5)', lines: ['240312  9:51:25 [Note] ready', '240312 10:02:07 [Note] ready'], expect: [U(2024, 2, 12, 9, 51, 25), U(2024, 2, 12, 10, 2, 7)], layout: 'yymmdd' },
  { name: 'glog / klog level letter glued to MMdd', lines: ['I0312 14:03:27.123456       1 server.go:199] started', 'E0312 14:03:31.000200      12 controller.go:114] failed'], expect: [U(2026, 2, 12, 14, 3, 27, 123) + 0.456, U(2026, 2, 12, 14, 3, 31) + 0.2], layout: 'glog', guess: 'year,zone' },
  { name: 'MM/dd-HH:mm:ss without year (Snort)', lines: ['03/12-14:03:27.123456  [**] [1:1000001:1] ICMP Ping [**]'], expect: [U(2026, 2, 12, 14, 3, 27, 123) + 0.456], layout: 'xx-xx', order: 'mdy' },
  { name: 'dd-Mon-yyyy::time (Erlang reports)', lines: ['=INFO REPORT==== 12-Mar-2024::14:03:27 ==='], expect: [U(2024, 2, 12, 14, 3, 27)], layout: 'd-mon-yyyy', field: 2 },
  { name: 'a number out of 1990..2100 is no epoch', lines: ['9999999999 is not a time', 'neither is 0123456789'], expect: [undefined, undefined], layout: '' },
];

describe('timestamp finder: one table case per layout', () => {
  for (const c of CASES) {
    it(c.name, () => {
      const learned = learnTime(c.lines);
      if (c.layout === '') {
        expect(learned).toBeUndefined();
        return;
      }
      expect(learned?.layout.id).toBe(c.layout);
      if (c.order !== undefined) expect(learned?.order).toBe(c.order);
      if (c.field !== undefined) expect(learned?.field).toBe(c.field);
      const reader = new TimeReader(learned!, new YearGuesser(SETTINGS), SETTINGS);
      const got = c.lines.map((l) => reader.read(l));
      expect(got.map((t) => t?.ts)).toEqual(c.expect);
      if (c.guess !== undefined) expect(got[0]?.guess).toBe(c.guess);
      expect(reader.matched).toBe(c.lines.length);
      expect(describeLearned(learned!)).toContain(learned!.example);
    });
  }
});

describe('timestamp finder details', () => {
  it('a time inside a longer time is not found twice', () => {
    expect(findTimes('[Sun Dec 04 04:47:44 2005] x').map((c) => c.layout.id)).toEqual(['ctime']);
  });
  it('a zone-less time is read in the file zone and flagged', () => {
    const east: TimeSettings = { ...SETTINGS, tzOffsetMinutes: 120 };
    const learned = learnTime(['2024-01-02 10:00:00 x'])!;
    const t = new TimeReader(learned, new YearGuesser(east), east).read('2024-01-02 10:00:00 x');
    expect(t).toMatchObject({ ts: U(2024, 0, 2, 8), guess: 'zone' });
  });
  it("a two-digit year's place (first or last) comes from the file's date: the reading nearest before it", () => {
    const ws = ['[3/12/24 14:03:27:123 UTC] 00000001 WsServerImpl A WSVR0001I: open', '[3/12/24 14:03:30:004 UTC] 0000002a SystemErr R x'];
    expect(learnTime(ws)?.order).toBe('ymd'); // no date known: the default order (2003-12-24)
    const learned = learnTime(ws, undefined, U(2024, 5, 1))!;
    expect(learned.order).toBe('mdy');
    expect(new TimeReader(learned, new YearGuesser(SETTINGS), SETTINGS).read(ws[0])?.ts).toBe(U(2024, 2, 12, 14, 3, 27, 123));
    // Spark's yy/MM/dd stays year-first: 2017 is nearer before 2024 than 2009
    expect(learnTime(['17/06/09 20:10:40 INFO x'], undefined, U(2024, 5, 1))?.order).toBe('ymd');
    // a reading that puts the year after the file's date is out: 24/03/12 in a 2023 file is 2012-03-24
    expect(learnTime(['24/03/12 10:00:00 x'], undefined, U(2023, 0, 1))?.order).toBe('dmy');
  });
  it("the user's choice overrides what the values say", () => {
    const learned = learnTime(['05/03/2021 10:00:00 a', '06/03/2021 10:00:00 b'], 'xx-xx-yyyy:dmy')!;
    expect(learned.order).toBe('dmy');
    expect(new TimeReader(learned, new YearGuesser(SETTINGS), SETTINGS).read('05/03/2021 10:00:00 a')?.ts).toBe(U(2021, 2, 5, 10));
    expect(learnTime(['05/03/2021 10:00:00 a'], 'none')).toBeUndefined();
    expect(allChoices().map((c) => c.value)).toContain('xx-xx-yyyy:dmy');
  });
  it('a line outside the learned layout still gets the time the finder sees, without counting in the share', () => {
    const learned = learnTime(['2024-01-02 10:00:00 a', '2024-01-02 10:00:01 b'])!;
    const reader = new TimeReader(learned, new YearGuesser(SETTINGS), SETTINGS);
    expect(reader.read('continued at Jan 02 2024 10:00:02 UTC')?.ts).toBe(U(2024, 0, 2, 10, 0, 2));
    expect(reader.read('    at com.example.Foo.bar(Foo.java:1234567890)')).toBeUndefined();
    expect(reader.matched).toBe(0);
  });
});
