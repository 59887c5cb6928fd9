import { describe, expect, it } from 'vitest';
import { generic } from '../../../src/parsers/formats/generic.ts';
import { makeCtx, parseFile, parseOk } from '../../harness/parsers.ts';

describe('generic cases', () => {
  const cases: { name: string; input: string; expected: Record<string, string | number> }[] = [
    { name: 'no time', input: 'just words', expected: { message: 'just words', type: 'SYS' } },
    { name: 'syslog-ish time', input: 'Dec 10 06:55:46 something from 1.2.3.4', expected: { ts: Date.UTC(2025, 11, 10, 6, 55, 46), 'init.host.ip': '1.2.3.4' } },
    { name: 'ctime', input: 'Sun Dec 04 04:47:44 2005 x', expected: { ts: Date.UTC(2005, 11, 4, 4, 47, 44), message: 'x' } },
    { name: 'slash mdy', input: '10/08/2013 20:10:29 y', expected: { ts: Date.UTC(2013, 9, 8, 20, 10, 29), message: 'y' } },
    { name: 'compact', input: '20171223-22:15:29:606|Step_LSC|30002312|onStandStepChanged 3579', expected: { ts: Date.UTC(2017, 11, 23, 22, 15, 29, 606) } },
    { name: 'logcat time', input: '03-17 16:13:38.811  1702  2395 D WindowManager: x', expected: { ts: Date.UTC(2025, 2, 17, 16, 13, 38, 811), 'ts.guess': 'year,zone' } },
    { name: 'hdfs time', input: '081109 203615 148 INFO x', expected: { ts: Date.UTC(2008, 10, 9, 20, 36, 15) } },
    { name: 'epoch', input: '1157689312.049 x', expected: { ts: 1157689312049, 'ts.guess': '' } },
    { name: 'bracketed month-day', input: '[10.30 16:49:06] chrome.exe', expected: { ts: Date.UTC(2025, 9, 30, 16, 49, 6), message: 'chrome.exe' } },
    { name: 'dst= role', input: 'deny src=10.0.0.1 dst=10.0.0.2', expected: { 'init.host.ip': '10.0.0.1', 'target.host.ip': '10.0.0.2' } },
    { name: 'no role without words', input: '10.0.0.1 10.0.0.2', expected: { 'data.ips': '10.0.0.1,10.0.0.2' } },
    { name: 'NUL and junk', input: '\u0000\u0016\u0003\ufffd', expected: { type: 'SYS' } },
    { name: '__proto__ text', input: '__proto__=1 constructor=2', expected: { message: '__proto__=1 constructor=2' } },
  ];
  for (const c of cases) it(c.name, () => expect(parseOk(generic, c.input)).toMatchObject(c.expected));
  const refused: string[] = [
    '',
    '   ',
  ];
  for (const r of refused) it(`refuses ${JSON.stringify(r.slice(0, 40))}`, () => expect(generic.parse(r, makeCtx()).ok).toBe(false));
});

describe('generic roles', () => {
  it('fills no role for bare IPs', () => {
    const ev = parseOk(generic, 'peers 10.0.0.1 10.0.0.2');
    expect(ev['init.host.ip']).toBeUndefined();
    expect(ev['target.host.ip']).toBeUndefined();
  });
  it('does not take file names for domains', () => {
    const ev = parseOk(generic, 'workerEnv.init() ok /etc/httpd/conf/workers2.properties wcp.dll');
    expect(ev['data.domains']).toBeUndefined();
    expect(ev['data.paths']).toBe('/etc/httpd/conf/workers2.properties');
  });
  it('does not take version numbers for IPs', () => {
    expect(parseOk(generic, 'WcpInitialize (wcp.dll version 0.0.0.6) called; v1.2.3.4 ok')['data.ips']).toBeUndefined();
  });
  it('empty lines are meta', () => {
    expect(generic.isMeta?.('  ', makeCtx())).toBe(true);
    expect(generic.isMeta?.('x', makeCtx())).toBe(false);
  });
});

describe('generic entities and the learned header (version 4)', () => {
  // the application layout of bench/generic-node.ts: time, pid, level, logger, message
  const lines = [
    '2026-03-01 00:00:01.234 1201 INFO sshd.bastion: Failed password for root from 203.0.113.5 port 5050 ssh2',
    '2026-03-01 00:00:02.001 1202 WARN cron.web01.example.com: job started by alice',
    '2026-03-01 00:00:03.002 1203 INFO sshd.db01: Accepted publickey for bob from 198.51.100.7 port 40022 ssh2',
    '2026-03-01 00:00:04.003 1204 ERROR sudo.web02: alice : see https://docs.example.org/x for 10.0.0.9',
  ];
  it('takes entities from the message only where the header columns were read', () => {
    const { events } = parseFile(generic, lines.join('\n'));
    expect(events.map((e) => e['app.name'])).toEqual(['sshd.bastion', 'cron.web01.example.com', 'sshd.db01', 'sudo.web02']);
    // the logger is a typed column, no domain; what the message names still is
    expect(events.map((e) => e['data.domains'])).toEqual([undefined, undefined, undefined, 'docs.example.org']);
    expect(events[0]).toMatchObject({ 'data.ips': '203.0.113.5', 'init.host.ip': '203.0.113.5', 'init.host.port': 5050 });
    expect(events[3]).toMatchObject({ 'data.urls': 'https://docs.example.org/x', 'data.ips': '10.0.0.9' });
  });
  it('keeps whole-line extraction when a header column has no field (an address column is not lost)', () => {
    const { events } = parseFile(generic, [
      '2026-03-01 00:00:01 10.0.0.5 INFO app.main: request served',
      '2026-03-01 00:00:02 10.0.0.6 WARN app.main: request slow',
      '2026-03-01 00:00:03 10.0.0.7 INFO app.main: request served',
    ].join('\n'));
    expect(events.map((e) => e['alarm.sev'])).toEqual(['INFO', 'WARN', 'INFO']);
    expect(events.map((e) => e['data.ips'])).toEqual(['10.0.0.5', '10.0.0.6', '10.0.0.7']);
  });
  it('keeps whole-line extraction where no header was read', () => {
    expect(parseOk(generic, 'host.example.com: deny from 10.0.0.1')).toMatchObject({ 'data.domains': 'host.example.com', 'init.host.ip': '10.0.0.1' });
  });
});
