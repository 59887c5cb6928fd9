// Display times in the chosen zone, with the offset that holds at that instant (DST included).
import { describe, expect, it } from 'vitest';
import { formatInZone, formatOffset, isKnownZone, offsetMinutes, parseInZone, zoneLabel } from '../../src/app/time.ts';

const T = Date.UTC(2026, 2, 3, 14, 2, 11, 5); // winter
const SUMMER = Date.UTC(2026, 6, 1, 23, 30, 0, 0);

describe('formatInZone', () => {
  it.each([
    { zone: 'UTC', ts: T, expected: '2026-03-03 14:02:11.005 +00:00' },
    { zone: 'Europe/Paris', ts: T, expected: '2026-03-03 15:02:11.005 +01:00' },
    { zone: 'Europe/Paris', ts: SUMMER, expected: '2026-07-02 01:30:00.000 +02:00' },
    { zone: 'America/New_York', ts: T, expected: '2026-03-03 09:02:11.005 -05:00' },
    { zone: 'Asia/Kolkata', ts: T, expected: '2026-03-03 19:32:11.005 +05:30' },
    { zone: 'UTC', ts: Date.UTC(1960, 0, 1, 0, 0, 0, 250), expected: '1960-01-01 00:00:00.250 +00:00' },
  ])('$zone $expected', ({ zone, ts, expected }) => {
    expect(formatInZone(ts, zone)).toBe(expected);
  });

  it('leaves out parts on request and prints nothing for a missing time', () => {
    expect(formatInZone(T, 'UTC', { ms: false, offset: false })).toBe('2026-03-03 14:02:11');
    expect(formatInZone(T, 'UTC', { seconds: false, offset: false })).toBe('2026-03-03 14:02');
    expect(formatInZone(undefined, 'UTC')).toBe('');
    expect(formatInZone(NaN, 'UTC')).toBe('');
  });
});

describe('offsets and labels', () => {
  it('offsets follow DST', () => {
    expect(offsetMinutes(T, 'Europe/Paris')).toBe(60);
    expect(offsetMinutes(SUMMER, 'Europe/Paris')).toBe(120);
    expect(formatOffset(-330)).toBe('-05:30');
  });

  it('labels and unknown zones', () => {
    expect(zoneLabel('UTC')).toBe('UTC+00:00');
    expect(zoneLabel('Europe/Paris', T)).toBe('Europe/Paris (UTC+01:00)');
    expect(isKnownZone('Europe/Paris')).toBe(true);
    expect(isKnownZone('Mars/Olympus')).toBe(false);
  });
});

describe('parseInZone', () => {
  it.each([
    { text: '2026-03-03 14:02:11', zone: 'UTC', expected: Date.UTC(2026, 2, 3, 14, 2, 11) },
    { text: '2026-03-03T14:02:11.5', zone: 'UTC', expected: Date.UTC(2026, 2, 3, 14, 2, 11, 500) },
    { text: '2026-03-03 14:02', zone: 'Europe/Paris', expected: Date.UTC(2026, 2, 3, 13, 2) },
    { text: '2026-07-03 14:02', zone: 'Europe/Paris', expected: Date.UTC(2026, 6, 3, 12, 2) },
    { text: '2026-03-03', zone: 'America/New_York', expected: Date.UTC(2026, 2, 3, 5) },
    { text: '2026-03-03 14:02 +01:00', zone: 'America/New_York', expected: Date.UTC(2026, 2, 3, 13, 2) },
    { text: '2026-03-03 14:02Z', zone: 'Europe/Paris', expected: Date.UTC(2026, 2, 3, 14, 2) },
    // the spring-forward day in Paris: 01:30 is before the change, 03:30 after it
    { text: '2026-03-29 01:30', zone: 'Europe/Paris', expected: Date.UTC(2026, 2, 29, 0, 30) },
    { text: '2026-03-29 03:30', zone: 'Europe/Paris', expected: Date.UTC(2026, 2, 29, 1, 30) },
  ])('$text in $zone', ({ text, zone, expected }) => {
    expect(parseInZone(text, zone)).toBe(expected);
  });

  it('reads back what formatInZone writes', () => {
    const t = Date.UTC(2026, 10, 29, 17, 5, 42);
    for (const zone of ['UTC', 'Asia/Kolkata', 'America/Los_Angeles']) expect(parseInZone(formatInZone(t, zone, { ms: false, offset: false }), zone)).toBe(t);
  });

  it.each(['', 'yesterday', '2026-02-30 10:00', '2026-13-01', '2026-03-03 24:00', '03/03/2026'])('not a time: %j', (text) => {
    expect(parseInZone(text, 'UTC')).toBeUndefined();
  });
});
