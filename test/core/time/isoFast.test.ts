// parseIsoTime reads "YYYY-MM-DDTHH:MM:SS(.sss)Z" by character codes before trying its regex: every such text
// must give what the regex path gives. A leading space makes the same text take the regex path (it is trimmed),
// which is the oracle here.
import { describe, expect, it } from 'vitest';
import { parseIsoTime, type TimeSettings } from '../../../src/core/time.ts';

const ZONE: TimeSettings = { tzOffsetMinutes: 120, referenceMs: Date.UTC(2026, 0, 1) };

function same(text: string): void {
  expect(parseIsoTime(text, ZONE)).toEqual(parseIsoTime(` ${text}`, ZONE));
}

describe('parseIsoTime fast path', () => {
  it('gives the regex path value for every millisecond fraction and many dates', () => {
    let ms = Date.UTC(1999, 11, 31, 23, 59, 58);
    for (let i = 0; i < 5000; i++) {
      ms += 86_400_000 * 0.37 + 1013 * i;
      const iso = new Date(Math.round(ms)).toISOString();
      same(iso);
      same(iso.slice(0, 19) + 'Z');
    }
    for (let f = 0; f < 1000; f++) same(`2024-02-29T23:59:59.${String(f).padStart(3, '0')}Z`);
  });

  it('leaves other forms and impossible dates to the regex, with the same answers', () => {
    for (const t of [
      '2024-13-01T00:00:00Z', '2024-02-30T00:00:00.000Z', '2024-00-10T00:00:00Z', '2024-01-01T24:00:00.000Z', '2024-01-01T23:60:00Z',
      '2024-01-01T23:59:60Z', '2024-01-01 10:00:00.000Z', '2024-01-01T10:00:00,123Z', '2024-01-01T10:00:00.123z', '2024-01-01T10:00:00+0000',
      '2024-01-01T10:00:00.1234Z', '2024-1-01T10:00:00.123Z', '2024-01-01T1a:00:00.123Z', '20240101T100000.000000Z', 'x024-01-01T10:00:00Z',
      '2024-01-01T10:00:00.12Z', '2024-01-01T10:00:00.a23Z', '0000-01-01T00:00:00Z', '9999-12-31T23:59:59.999Z',
    ]) same(t);
    expect(parseIsoTime('2024-01-01T10:00:00.123Z', ZONE)).toEqual({ ts: Date.UTC(2024, 0, 1, 10, 0, 0, 123), guess: '' });
    expect(parseIsoTime('2024-01-01T10:00:00', ZONE)).toEqual({ ts: Date.UTC(2024, 0, 1, 8, 0, 0), guess: 'zone' });
  });
});
