// Times in the display zone the user chose (UTC by default), always with their offset, e.g.
// formatInZone(Date.UTC(2026, 2, 3, 14, 2, 11, 5), 'Europe/Paris') = '2026-03-03 15:02:11.005 +01:00'.
// Pure Intl: formatters are cached per zone (building one costs far more than using it).

import { formatOffset, isKnownZone, offsetMinutes, partsIn } from '../core/zoneTime.ts';

export { formatOffset, isKnownZone, offsetMinutes };

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

export interface TimeFormat {
  /** milliseconds (tables, detail); off for axis labels */
  ms?: boolean;
  /** the offset after the time; off where a header already says it */
  offset?: boolean;
  seconds?: boolean;
}

/** '' for a missing or non-finite time. */
export function formatInZone(ts: unknown, zone: string, f: TimeFormat = {}): string {
  if (typeof ts !== 'number' || !Number.isFinite(ts)) return '';
  const p = partsIn(ts, zone);
  let s = `${p.y}-${pad(p.mo)}-${pad(p.d)} ${pad(p.h)}:${pad(p.mi)}`;
  if (f.seconds !== false) s += `:${pad(p.s)}`;
  if (f.ms !== false && f.seconds !== false) s += `.${pad(((Math.floor(ts) % 1000) + 1000) % 1000, 3)}`; // whole ms: sub-ms times are floats
  if (f.offset !== false) s += ` ${formatOffset(offsetMinutes(ts, zone))}`;
  return s;
}

/** The zone as a header says it: 'UTC' or 'Europe/Paris (UTC+01:00)', offset taken at `atMs`. */
export function zoneLabel(zone: string, atMs: number = Date.now()): string {
  return zone === 'UTC' ? 'UTC+00:00' : `${zone} (UTC${formatOffset(offsetMinutes(atMs, zone))})`;
}

const WALL = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?)?\s*(Z|UTC|[+-]\d{2}:?\d{2})?$/i;

/**
 * A time written by the user, read in the display zone: '2026-03-03 14:05', '2026-03-03T14:05:09.250',
 * '2026-03-03' (midnight); an explicit 'Z' or '+01:00' wins over the zone. undefined when it is not one.
 */
export function parseInZone(text: string, zone: string): number | undefined {
  const m = WALL.exec(text.trim());
  if (m === null) return undefined;
  const [y, mo, d, h, mi, s] = [1, 2, 3, 4, 5, 6].map((i) => Number(m[i] ?? 0));
  const ms = Number((m[7] ?? '0').padEnd(3, '0'));
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || s > 59) return undefined;
  const wall = Date.UTC(y, mo - 1, d, h, mi, s, ms);
  if (new Date(wall).getUTCDate() !== d) return undefined; // 2026-02-30
  const z = m[8]?.toUpperCase();
  if (z === 'Z' || z === 'UTC') return wall;
  if (z !== undefined) {
    const sign = z.startsWith('-') ? -1 : 1, digits = z.slice(1).replace(':', '');
    return wall - sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2))) * 60_000;
  }
  // the offset at the instant itself: two steps settle it across a DST change
  let t = wall - offsetMinutes(wall, zone) * 60_000;
  t = wall - offsetMinutes(t, zone) * 60_000;
  return t;
}
