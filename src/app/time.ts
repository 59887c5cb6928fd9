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
