// A user's own GeoIP ranges as JSON or CSV (schema in the README, "Your own GeoIP data"). Each row is a
// range (`network` / `cidr` "203.0.113.0/24", or `first`/`start` and `last`/`end` addresses) and location
// columns: country_short | country_code | country.iso_code, country, city, latitude + longitude or geo_point,
// asn, org, label. Both the ip-location-db (country_code) and MaxMind (country.iso_code) names are read.
// Example CSV: network,country_code,city,label \n 10.20.0.0/16,FR,Lyon,Lyon office
import Papa from 'papaparse';
import type { Span } from './flatten.ts';
import { LOC_KEYS, type GeoInfo, type GeoLayer } from './geoInfo.ts';
import { tableLayer } from './tableLayer.ts';
import { cidrBounds, ipBig, spanTable } from './spanTable.ts';

export interface ParsedUserRanges { layer: GeoLayer; ranges: number; skipped: { row: number; reason: string }[] }

type Row = Record<string, unknown>;

/** Reads JSON (an array of rows, or { ranges: [...] }) or CSV with a header row. */
export function parseUserRanges(id: string, title: string, text: string): ParsedUserRanges | { error: string } {
  const trimmed = text.trimStart();
  let rows: Row[];
  if (trimmed.startsWith('[') || trimmed.startsWith('{')) {
    let doc: unknown;
    try {
      doc = JSON.parse(trimmed);
    } catch (e) {
      return { error: `not valid JSON: ${(e as Error).message}` };
    }
    const list = Array.isArray(doc) ? doc : (doc as { ranges?: unknown }).ranges;
    if (!Array.isArray(list)) return { error: 'JSON GeoIP data must be an array of ranges, or an object with a "ranges" array' };
    rows = list.filter((r): r is Row => typeof r === 'object' && r !== null);
  } else {
    const parsed = Papa.parse<Row>(trimmed, { header: true, skipEmptyLines: true });
    rows = parsed.data;
  }
  const records: string[][] = [];
  const recordIds = new Map<string, number>();
  const v4: Span[] = [], v6: Span[] = [];
  const skipped: { row: number; reason: string }[] = [];
  rows.forEach((row, i) => {
    const bounds = rangeOf(row);
    if (typeof bounds === 'string') {
      if (skipped.length < 20) skipped.push({ row: i + 1, reason: bounds });
      return;
    }
    const info = locOf(row);
    const values = LOC_KEYS.map((k) => info[k] ?? '');
    const key = values.join('\u0000');
    let record = recordIds.get(key);
    if (record === undefined) {
      record = records.length;
      records.push(values);
      recordIds.set(key, record);
    }
    (bounds.v === 4 ? v4 : v6).push({ first: bounds.first, last: bounds.last, record });
  });
  if (v4.length + v6.length === 0) return { error: `no usable range in ${rows.length} rows${skipped[0] ? ` (row ${skipped[0].row}: ${skipped[0].reason})` : ''}` };
  const table = spanTable([...LOC_KEYS], records, v4, v6);
  return { layer: tableLayer(id, title, table, false), ranges: v4.length + v6.length, skipped };
}

/** A nested MaxMind-style key (country.iso_code) or a flat column of that name. */
function pick(row: Row, ...names: string[]): string | undefined {
  for (const name of names) {
    let v: unknown = Object.prototype.hasOwnProperty.call(row, name) ? row[name] : undefined;
    if (v === undefined && name.includes('.')) {
      v = name.split('.').reduce<unknown>((o, k) => (typeof o === 'object' && o !== null && Object.prototype.hasOwnProperty.call(o, k) ? (o as Row)[k] : undefined), row);
    }
    if (typeof v === 'number' && Number.isFinite(v)) return String(v);
    if (typeof v === 'string' && v.trim() !== '') return v.trim();
  }
  return undefined;
}

function rangeOf(row: Row): { v: 4 | 6; first: bigint; last: bigint } | string {
  const net = pick(row, 'network', 'cidr', 'prefix');
  if (net !== undefined) return cidrBounds(net) ?? `"${net}" is no CIDR network`;
  const a = pick(row, 'first', 'start', 'ip_range_start', 'start_ip', 'from');
  const b = pick(row, 'last', 'end', 'ip_range_end', 'end_ip', 'to') ?? a;
  if (a === undefined || b === undefined) return 'no network, first or start column';
  const first = /^\d+$/.test(a) ? { v: 4 as const, n: BigInt(a) } : ipBig(a);
  const last = /^\d+$/.test(b) ? { v: 4 as const, n: BigInt(b) } : ipBig(b);
  if (first === undefined || last === undefined) return `"${a}" - "${b}" is no address range`;
  if (first.v !== last.v || last.n < first.n || (first.v === 4 && last.n > 0xffffffffn)) return `"${a}" - "${b}" is no address range`;
  return { v: first.v, first: first.n, last: last.n };
}

function locOf(row: Row): GeoInfo {
  const out: GeoInfo = {};
  const cc = pick(row, 'country_short', 'country_code', 'country.iso_code', 'countryCode', 'iso_code');
  if (cc !== undefined && /^[A-Za-z]{2}$/.test(cc)) out.country_short = cc.toUpperCase();
  const name = pick(row, 'country_name', 'country.names.en', 'country');
  if (name !== undefined && typeof name === 'string' && !/^[A-Za-z]{2}$/.test(name)) out.country = name;
  else if (name !== undefined && out.country_short === undefined) out.country_short = name.toUpperCase();
  const city = pick(row, 'city', 'city_name', 'city.names.en');
  if (city !== undefined) out.city = city;
  const lat = pick(row, 'latitude', 'lat', 'location.latitude');
  const lon = pick(row, 'longitude', 'lon', 'lng', 'location.longitude');
  const point = pick(row, 'geo_point');
  if (point !== undefined) out.geo_point = point;
  else if (lat !== undefined && lon !== undefined && Number.isFinite(Number(lat)) && Number.isFinite(Number(lon))) out.geo_point = `${Number(lat)},${Number(lon)}`;
  const asn = pick(row, 'asn', 'autonomous_system_number', 'as_number');
  if (asn !== undefined) out.asn = asn.replace(/^AS/i, '');
  const org = pick(row, 'org', 'as_organization', 'autonomous_system_organization', 'organization', 'as_name');
  if (org !== undefined) out.org = org;
  const label = pick(row, 'label', 'site');
  if (label !== undefined) out.label = label;
  return out;
}
