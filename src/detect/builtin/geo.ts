// GeoIP fields as the enrichment writes them (DESIGN "The normalized event": init.host.loc.*), and the
// coverage of the detectors that need them: "waiting for GeoIP enrichment" until the case has them.
import type { Coverage, EventTable } from '../types.ts';
import { dictColumn, valueAt } from '../columns.ts';

export const COUNTRY = 'init.host.loc.country_short';
export const GEO_POINT = 'init.host.loc.geo_point';
export const TI_SCORE = 'ti.score';

export function geoCoverage(table: EventTable, field: string): Coverage {
  const col = dictColumn(table, field);
  if (col === undefined || col.values.length === 0) {
    return { state: 'waiting', reason: `waiting for GeoIP enrichment: no event has ${field}` };
  }
  return { state: 'active', reason: `${col.values.length} distinct values of ${field}` };
}

/** "lat,lon" (Elasticsearch's geo_point text form) or WKT "POINT (lon lat)"; undefined when unreadable. */
export function parseGeoPoint(text: string | undefined): [number, number] | undefined {
  if (text === undefined) return undefined;
  const wkt = /^\s*POINT\s*\(\s*(-?[\d.]+)\s+(-?[\d.]+)\s*\)\s*$/i.exec(text);
  const pair = wkt !== null ? [Number(wkt[2]), Number(wkt[1])] : text.split(',').map((s) => Number(s.trim()));
  if (pair.length !== 2 || !pair.every(Number.isFinite)) return undefined;
  const [lat, lon] = pair;
  return Math.abs(lat) <= 90 && Math.abs(lon) <= 180 ? [lat, lon] : undefined;
}

/** Great-circle distance in km (haversine, mean Earth radius). */
export function distanceKm(a: [number, number], b: [number, number]): number {
  const rad = Math.PI / 180;
  const dLat = (b[0] - a[0]) * rad, dLon = (b[1] - a[1]) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a[0] * rad) * Math.cos(b[0] * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** A field's text for a row (dictionary or numeric column). */
export function textOf(table: EventTable, field: string, row: number): string | undefined {
  return valueAt(table.column(field), row);
}

/**
 * Per successful logon, whether its country is new for the account: outside the account's `top` most frequent
 * countries among its earlier successful logons, once it has at least `minHistory` of them. First time per
 * (account, country) only. Shared by the new-country and the multi-signal detectors.
 */
export function newCountryLogons(
  table: EventTable, l: { rows: Uint32Array; kind: Uint8Array; user: Uint32Array }, success: number, top: number, minHistory: number,
): { pos: number; country: string }[] {
  const col = dictColumn(table, COUNTRY);
  if (col === undefined) return [];
  const history = new Map<number, Map<string, number>>();
  const seen = new Set<string>();
  const out: { pos: number; country: string }[] = [];
  for (let p = 0; p < l.rows.length; p++) {
    if (l.kind[p] !== success || l.user[p] === 0) continue;
    const id = col.ids[l.rows[p]];
    if (id === 0) continue;
    const country = col.values[id - 1];
    let h = history.get(l.user[p]);
    if (h === undefined) history.set(l.user[p], (h = new Map()));
    let total = 0;
    for (const c of h.values()) total += c;
    if (total >= minHistory) {
      const leaders = [...h.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, top).map((e) => e[0]);
      const key = `${l.user[p]}\u0000${country}`;
      if (!leaders.includes(country) && !seen.has(key)) {
        seen.add(key);
        out.push({ pos: p, country });
      }
    }
    h.set(country, (h.get(country) ?? 0) + 1);
  }
  return out;
}
