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
 * countries among its earlier successful logons (ties: the country code first in text order), once it has at
 * least `minHistory` of them. First time per (account, country) only. Shared by the new-country and the
 * multi-signal detectors. Counts are kept per account by dictionary id and a country's rank is counted, not
 * sorted: this runs once per successful logon (a million-event case has hundreds of thousands).
 */
export function newCountryLogons(
  table: EventTable, l: { rows: Uint32Array; kind: Uint8Array; user: Uint32Array }, success: number, top: number, minHistory: number,
): { pos: number; country: string }[] {
  const col = dictColumn(table, COUNTRY);
  if (col === undefined) return [];
  const { ids, values } = col;
  // per account: its countries' counts (by dictionary id) and their total
  const history = new Map<number, { counts: Map<number, number>; total: number }>();
  // (account, country) pairs already reported: account * stride + country id
  const stride = values.length + 1;
  const seen = new Set<number>();
  const out: { pos: number; country: string }[] = [];
  for (let p = 0; p < l.rows.length; p++) {
    const user = l.user[p];
    if (l.kind[p] !== success || user === 0) continue;
    const id = ids[l.rows[p]];
    if (id === 0) continue;
    let h = history.get(user);
    if (h === undefined) history.set(user, (h = { counts: new Map(), total: 0 }));
    const mine = h.counts.get(id) ?? 0;
    if (h.total >= minHistory && !seen.has(user * stride + id) && !isLeader(h.counts, id, mine, values, top)) {
      seen.add(user * stride + id);
      out.push({ pos: p, country: values[id - 1] });
    }
    h.counts.set(id, mine + 1);
    h.total++;
  }
  return out;
}

/**
 * Whether a country is among an account's `top` most frequent (more logons first, then text order): it has
 * logons and fewer than `top` countries rank before it.
 */
function isLeader(counts: ReadonlyMap<number, number>, id: number, mine: number, values: readonly string[], top: number): boolean {
  if (mine === 0) return false;
  const name = values[id - 1];
  let ahead = 0;
  for (const [other, n] of counts) {
    if (n > mine || (n === mine && other !== id && values[other - 1] < name)) {
      if (++ahead >= top) return false;
    }
  }
  return true;
}
