// EngineApi's GeoIP types. Only types.
export type GeoScope = 'case' | 'all';

export interface UserGeoInfo {
  id: string;
  name: string;
  /** kept with this case, or for every case of this browser */
  scope: GeoScope;
  kind: 'mmdb' | 'ranges';
  /** the mmdb database type (GeoLite2-City ...) or how many ranges were read */
  detail: string;
  /** the loc fields it can fill: country_short, country, city, geo_point, asn, org */
  keys: string[];
  addedMs: number;
  bytes: number;
  /** rows of a range file that could not be read, with why */
  skipped: { row: number; reason: string }[];
}

export interface GeoStatus {
  builtin: {
    state: 'loading' | 'ready' | 'failed' | 'absent';
    message?: string;
    sources: { title: string; licence: string; attribution: string; url: string }[];
  };
  user: UserGeoInfo[];
}

export type GeoDataResult = { ok: true; status: GeoStatus } | { ok: false; error: string };
