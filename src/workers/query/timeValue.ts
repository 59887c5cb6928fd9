// Time values in queries: `2024-10-17` (a whole UTC day), `2024-10-17T12:00[:ss[.fff]][Z|+02:00]`
// (zone-less = UTC), `now`, `now-15m`, `now-1h`, `now-7d`, `now+30s`, or epoch milliseconds.
import { parseIsoTime, utcMs } from '../../core/time.ts';

export interface TimeSpan {
  from: number;
  /** exclusive end when the text names a span (a day); undefined for an instant */
  to?: number;
}

const UNIT_MS: Readonly<Record<string, number>> = { s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 };

export function parseTimeValue(text: string, nowMs: number): TimeSpan | undefined {
  const t = text.trim();
  const rel = /^now(?:([+-])(\d+)([smhdw]))?$/i.exec(t);
  if (rel) {
    if (rel[1] === undefined) return { from: nowMs };
    const delta = Number(rel[2]) * UNIT_MS[rel[3].toLowerCase()];
    return { from: rel[1] === '-' ? nowMs - delta : nowMs + delta };
  }
  const day = /^(\d{4})-(\d\d)-(\d\d)$/.exec(t);
  if (day) {
    const from = utcMs(+day[1], +day[2] - 1, +day[3], 0, 0, 0, 0);
    return Number.isNaN(from) ? undefined : { from, to: from + UNIT_MS.d };
  }
  if (/^-?\d+(\.\d+)?$/.test(t)) return { from: Number(t) };
  const iso = parseIsoTime(t, { tzOffsetMinutes: 0, referenceMs: nowMs });
  return iso === undefined ? undefined : { from: iso.ts };
}
