// Times in the display zone always carry their offset.
import { describe, expect, it } from 'vitest';
import { formatInZone, offsetAt, zoneOffset } from '../../../../src/app/views/insight/zonedTime.ts';

const T = Date.UTC(2026, 2, 3, 2, 10, 0); // 2026-03-03T02:10:00Z

describe('formatInZone', () => {
  it.each([
    ['UTC', 'full', '2026-03-03 02:10:00 UTC+00:00'],
    ['Europe/Paris', 'full', '2026-03-03 03:10:00 UTC+01:00'],
    ['America/New_York', 'full', '2026-03-02 21:10:00 UTC-05:00'],
    ['Asia/Kolkata', 'minute', '2026-03-03 07:40 UTC+05:30'],
    ['UTC', 'tick', '03-03 02:10'],
  ] as const)('%s %s', (zone, style, expected) => {
    expect(formatInZone(T, zone, style)).toBe(expected);
  });

  it('follows daylight saving time', () => {
    expect(offsetAt(Date.UTC(2026, 6, 1), 'Europe/Paris')).toBe('UTC+02:00');
    expect(offsetAt(Date.UTC(2026, 0, 1), 'Europe/Paris')).toBe('UTC+01:00');
  });

  it('an unknown zone falls back to UTC; no time is an empty string', () => {
    expect(formatInZone(T, 'Not/AZone')).toBe('2026-03-03 02:10:00 UTC+00:00');
    expect(formatInZone(Number.NaN, 'UTC')).toBe('');
  });

  it('offset names', () => {
    expect(zoneOffset('GMT')).toBe('UTC+00:00');
    expect(zoneOffset('GMT-03:30')).toBe('UTC-03:30');
  });
});
