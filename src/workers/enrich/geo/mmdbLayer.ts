// A user's MaxMind-format database (.mmdb: GeoLite2-Country/City/ASN, DB-IP lite, ip-location-db's mmdb
// builds) read with mmdb-lib, a well-kept reader, loaded only when a user brings a .mmdb. mmdb-lib uses a
// global Node Buffer from its first line: the `buffer` package provides one in the worker (Node has its own).
import type { Reader } from 'mmdb-lib';
import type { GeoInfo, GeoLayer, LocKey } from './geoInfo.ts';
import type { IpKey } from './rangeTable.ts';

type Rec = Record<string, unknown>;

const MMDB_MARKER = [0xab, 0xcd, 0xef, 0x4d, 0x61, 0x78, 0x4d, 0x69, 0x6e, 0x64, 0x2e, 0x63, 0x6f, 0x6d]; // \xAB\xCD\xEFMaxMind.com

/** The metadata marker sits in the last 128 KiB of every .mmdb file. */
export function looksLikeMmdb(bytes: Uint8Array): boolean {
  const from = Math.max(0, bytes.length - 128 * 1024);
  outer: for (let i = bytes.length - MMDB_MARKER.length; i >= from; i--) {
    for (let k = 0; k < MMDB_MARKER.length; k++) if (bytes[i + k] !== MMDB_MARKER[k]) continue outer;
    return true;
  }
  return false;
}

export interface MmdbLayer { layer: GeoLayer; databaseType: string }

async function mmdbLib() {
  const g = globalThis as { Buffer?: unknown };
  if (g.Buffer === undefined) g.Buffer = (await import('buffer')).Buffer;
  return { lib: await import('mmdb-lib'), Buffer: g.Buffer as typeof import('buffer').Buffer };
}

export async function mmdbLayer(id: string, title: string, bytes: Uint8Array): Promise<MmdbLayer | { error: string }> {
  let reader: Reader<Rec>;
  try {
    const { lib, Buffer } = await mmdbLib();
    reader = new lib.Reader<Rec>(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  } catch (e) {
    return { error: `not a readable MaxMind database: ${(e as Error).message}` };
  }
  const type = String(reader.metadata.databaseType ?? 'unknown');
  const keys: LocKey[] = /asn/i.test(type) ? ['asn', 'org'] : /city/i.test(type) ? ['country_short', 'country', 'city', 'geo_point'] : ['country_short', 'country', 'asn', 'org', 'city', 'geo_point'];
  return {
    databaseType: type,
    layer: {
      id, title, builtin: false, keys,
      lookup(key: IpKey): GeoInfo | undefined {
        let rec: Rec | null;
        try {
          rec = reader.get(keyText(key));
        } catch {
          return undefined; // an IPv6 address in an IPv4-only database, or a damaged tree
        }
        return rec === null ? undefined : locOfRecord(rec);
      },
    },
  };
}

function keyText(key: IpKey): string {
  if (key.v === 4) return `${key.n >>> 24}.${(key.n >>> 16) & 255}.${(key.n >>> 8) & 255}.${key.n & 255}`;
  const g: string[] = [];
  for (let i = 0; i < 4; i++) g.push((key.w[i] >>> 16).toString(16), (key.w[i] & 0xffff).toString(16));
  return g.join(':');
}

function get(rec: unknown, path: string): unknown {
  let o = rec;
  for (const k of path.split('.')) {
    if (typeof o !== 'object' || o === null || !Object.prototype.hasOwnProperty.call(o, k)) return undefined;
    o = (o as Rec)[k];
  }
  return o;
}

function text(v: unknown): string | undefined {
  return typeof v === 'string' && v !== '' ? v : typeof v === 'number' && Number.isFinite(v) ? String(v) : undefined;
}

/** GeoLite2 (country.iso_code, names.en, location) and ip-location-db (country_code, city, latitude) layouts. */
export function locOfRecord(rec: Rec): GeoInfo {
  const out: GeoInfo = {};
  const cc = text(get(rec, 'country.iso_code')) ?? text(get(rec, 'registered_country.iso_code')) ?? text(rec.country_code);
  if (cc !== undefined) out.country_short = cc.toUpperCase();
  const name = text(get(rec, 'country.names.en'));
  if (name !== undefined) out.country = name;
  const city = text(get(rec, 'city.names.en')) ?? text(rec.city);
  if (city !== undefined) out.city = city;
  const lat = get(rec, 'location.latitude') ?? rec.latitude;
  const lon = get(rec, 'location.longitude') ?? rec.longitude;
  if (typeof lat === 'number' && typeof lon === 'number') out.geo_point = `${lat},${lon}`;
  const asn = text(rec.autonomous_system_number) ?? text(rec.asn);
  if (asn !== undefined) out.asn = asn.replace(/^AS/i, '');
  const org = text(rec.autonomous_system_organization) ?? text(rec.as_organization) ?? text(rec.org);
  if (org !== undefined) out.org = org;
  return out;
}
