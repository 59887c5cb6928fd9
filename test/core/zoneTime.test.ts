// Zoned times for exports: the per-quarter-hour offset cache gives what Intl gives for every instant,
// across DST changes (Paris, New York, Lord Howe's 30-minute shift, Kathmandu's +05:45).
import { describe, expect, it } from 'vitest';
import { isoInZone, offsetMinutes, zonedPieces } from '../../src/core/zoneTime.ts';

describe('zonedPieces', () => {
  it.each(['Europe/Paris', 'America/New_York', 'Australia/Lord_Howe', 'Asia/Kathmandu', 'UTC'])('agrees with Intl around the DST changes of %s', (zone) => {
    const fmt = zone === 'UTC' ? undefined : new Intl.DateTimeFormat('sv-SE', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' });
    // every 72 minutes 13.5 seconds through 2026: crosses every transition at varying offsets within slots
    for (let ms = Date.UTC(2026, 0, 1); ms < Date.UTC(2027, 0, 1); ms += 4_333_500) {
      const z = zonedPieces(ms, zone);
      const wall = fmt === undefined ? new Date(ms).toISOString().slice(0, 19).replace('T', ' ') : fmt.format(ms);
      expect(`${z.date} ${z.time.slice(0, 8)}`).toBe(wall);
      const off = offsetMinutes(ms, zone);
      expect(z.offset).toBe(`${off < 0 ? '-' : '+'}${String(Math.floor(Math.abs(off) / 60)).padStart(2, '0')}:${String(Math.abs(off) % 60).padStart(2, '0')}`);
    }
  });

  it('writes ISO 8601 that names the same instant, whole milliseconds', () => {
    const ms = Date.UTC(2026, 2, 29, 0, 59, 59, 999) + 0.77;
    expect(isoInZone(ms, 'Europe/Paris')).toBe('2026-03-29T01:59:59.999+01:00');
    expect(isoInZone(ms + 1, 'Europe/Paris')).toBe('2026-03-29T03:00:00.000+02:00');
    expect(Date.parse(isoInZone(ms, 'Asia/Kathmandu'))).toBe(Math.floor(ms));
    expect(isoInZone(undefined, 'UTC')).toBe('');
    expect(isoInZone(Number.NaN, 'UTC')).toBe('');
  });
});
