// What GeoIP enrichment adds to a host's IP: the Punch loc tuple under <role>.host.loc.*.
// Example: 8.8.8.8 -> { country_short: 'US', country: 'United States', asn: '15169', org: 'Google LLC' };
// 10.1.2.3 -> { label: 'private' } (special ranges are labelled, never looked up in built-in data).
import { specialLabelV4, specialLabelV6 } from '../../../core/net/special.ts';
import type { IpKey } from './rangeTable.ts';

export const LOC_KEYS = ['label', 'country_short', 'country', 'city', 'geo_point', 'asn', 'org'] as const;
export type LocKey = (typeof LOC_KEYS)[number];
export type GeoInfo = Partial<Record<LocKey, string>>;

/** The IP fields that get a loc tuple, and the prefix of their loc fields. */
export const GEO_ROLES: readonly { ip: string; loc: string }[] = [
  { ip: 'init.host.ip', loc: 'init.host.loc.' },
  { ip: 'target.host.ip', loc: 'target.host.loc.' },
  { ip: 'obs.host.ip', loc: 'obs.host.loc.' },
];

/** One source of locations: a built-in table, a user's .mmdb, a user's range file. */
export interface GeoLayer {
  id: string;
  title: string;
  /** built-in layers never see special ranges; a user's layer may name their own internal ranges */
  builtin: boolean;
  /** the loc keys this layer can fill */
  keys: readonly LocKey[];
  lookup(key: IpKey): GeoInfo | undefined;
}

export function specialLabelOf(key: IpKey): string | undefined {
  if (key.v === 4) return specialLabelV4(key.n);
  const w = key.w;
  return specialLabelV6([w[0] >>> 16, w[0] & 0xffff, w[1] >>> 16, w[1] & 0xffff, w[2] >>> 16, w[2] & 0xffff, w[3] >>> 16, w[3] & 0xffff]);
}

let regionNames: Intl.DisplayNames | undefined | null;
// Intl lookups cost microseconds each: a case has a few hundred countries and up to millions of addresses
const names = new Map<string, string | undefined>();

/** English country name of an ISO 3166 alpha-2 code (from the runtime's own ICU data: no table to ship). */
export function countryName(code: string): string | undefined {
  if (names.has(code)) return names.get(code);
  const name = lookupName(code);
  names.set(code, name);
  return name;
}

function lookupName(code: string): string | undefined {
  if (!/^[A-Z]{2}$/.test(code)) return undefined;
  if (regionNames === undefined) {
    try {
      regionNames = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' });
    } catch {
      regionNames = null;
    }
  }
  try {
    return regionNames?.of(code) ?? undefined;
  } catch {
    return undefined;
  }
}
