// Wall-clock times of an instant in an IANA zone (or 'UTC'), DST included: the display (app/time.ts) and
// the exports (workers/export) both read them here. Pure Intl; one formatter per zone (building one costs far
// more than using it). Example: isoInZone(Date.UTC(2026, 2, 3, 14, 2, 11, 5), 'Europe/Paris')
// = '2026-03-03T15:02:11.005+01:00'.

const formatters = new Map<string, Intl.DateTimeFormat>();

/** Throws a RangeError for a zone Intl does not know. */
export function formatterFor(zone: string): Intl.DateTimeFormat {
  let f = formatters.get(zone);
  if (f === undefined) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: zone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit',
    });
    formatters.set(zone, f);
  }
  return f;
}

export interface WallClock { y: number; mo: number; d: number; h: number; mi: number; s: number }

/** Wall-clock parts of an instant in a zone. */
export function partsIn(ms: number, zone: string): WallClock {
  if (zone === 'UTC') {
    const t = new Date(ms);
    return { y: t.getUTCFullYear(), mo: t.getUTCMonth() + 1, d: t.getUTCDate(), h: t.getUTCHours(), mi: t.getUTCMinutes(), s: t.getUTCSeconds() };
  }
  const out = { y: 0, mo: 0, d: 0, h: 0, mi: 0, s: 0 };
  for (const p of formatterFor(zone).formatToParts(ms)) {
    if (p.type === 'year') out.y = Number(p.value);
    else if (p.type === 'month') out.mo = Number(p.value);
    else if (p.type === 'day') out.d = Number(p.value);
    else if (p.type === 'hour') out.h = Number(p.value);
    else if (p.type === 'minute') out.mi = Number(p.value);
    else if (p.type === 'second') out.s = Number(p.value);
  }
  return out;
}

/** Minutes east of UTC of the zone at that instant (DST included). */
export function offsetMinutes(ms: number, zone: string): number {
  if (zone === 'UTC') return 0;
  const p = partsIn(ms, zone);
  const wall = Date.UTC(p.y, p.mo - 1, p.d, p.h, p.mi, p.s);
  return Math.round((wall - Math.floor(ms / 1000) * 1000) / 60_000);
}

/** '+01:00', '-05:30', '+00:00' */
export function formatOffset(minutes: number): string {
  const abs = Math.abs(minutes);
  return `${minutes < 0 ? '-' : '+'}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/**
 * The zone's offset of an instant, asked of Intl once per 15-minute slot: every zone changes its offset on a
 * quarter hour, and formatToParts per row would cost exports more than everything else together.
 */
const slotOffsets = new Map<string, { slot: number; minutes: number }>();
const SLOT_MS = 15 * 60_000;
function slotOffset(ms: number, zone: string): number {
  if (zone === 'UTC') return 0;
  const slot = Math.floor(ms / SLOT_MS);
  const cached = slotOffsets.get(zone);
  if (cached !== undefined && cached.slot === slot) return cached.minutes;
  const minutes = offsetMinutes(slot * SLOT_MS, zone);
  slotOffsets.set(zone, { slot, minutes });
  return minutes;
}

/** 'YYYY-MM-DD', 'HH:MM:SS.mmm' and the offset of an instant in a zone: the pieces every export format joins. */
export function zonedPieces(ms: number, zone: string): { date: string; time: string; offset: string } {
  // whole milliseconds: a sub-millisecond time (nginx $msec, microsecond stamps) is a float like 124.77001953125
  ms = Math.floor(ms);
  const minutes = slotOffset(ms, zone);
  const t = new Date(ms + minutes * 60_000); // the wall clock, read with the UTC getters
  const y = t.getUTCFullYear();
  return {
    date: `${y < 0 ? '-' : ''}${pad(Math.abs(y), 4)}-${pad(t.getUTCMonth() + 1)}-${pad(t.getUTCDate())}`,
    time: `${pad(t.getUTCHours())}:${pad(t.getUTCMinutes())}:${pad(t.getUTCSeconds())}.${pad(t.getUTCMilliseconds(), 3)}`,
    offset: formatOffset(minutes),
  };
}

/** ISO 8601 with the zone's offset ('2026-03-03T15:02:11.005+01:00'); '' for a missing or non-finite time. */
export function isoInZone(ts: unknown, zone: string): string {
  if (typeof ts !== 'number' || !Number.isFinite(ts)) return '';
  const z = zonedPieces(ts, zone);
  return `${z.date}T${z.time}${z.offset}`;
}

/** True when Intl knows the zone (a stored setting from another browser may not be). */
export function isKnownZone(zone: string): boolean {
  if (zone === 'UTC') return true;
  try {
    formatterFor(zone);
    return true;
  } catch {
    return false;
  }
}
