// The ledger's zone field: what a person types -> minutes east of UTC, and back.
import { describe, expect, it } from 'vitest';
import { formatZone, parseZone } from '../../../../src/app/views/ledger/zone.ts';

describe('zone field', () => {
  it.each([
    { name: '+HH:MM', input: '+02:00', expected: 120 },
    { name: 'without colon', input: '-0530', expected: -330 },
    { name: 'hours only', input: '+02', expected: 120 },
    { name: 'spaces around', input: ' +01:00 ', expected: 60 },
    { name: 'Z', input: 'Z', expected: 0 },
    { name: 'UTC', input: 'utc', expected: 0 },
    { name: 'no sign', input: '02:00', expected: undefined },
    { name: 'minutes past 59', input: '+01:75', expected: undefined },
    { name: 'beyond 14 hours', input: '+15:00', expected: undefined },
    { name: 'a name', input: 'Europe/Paris', expected: undefined },
  ])('$name', ({ input, expected }) => {
    expect(parseZone(input)).toBe(expected);
  });

  it.each([[0, '+00:00'], [120, '+02:00'], [-330, '-05:30'], [345, '+05:45']])('formats %i as %s', (minutes, text) => {
    expect(formatZone(minutes)).toBe(text);
    expect(parseZone(text)).toBe(minutes);
  });
});
