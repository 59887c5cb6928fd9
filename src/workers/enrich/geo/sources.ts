// The built-in GeoIP tables: what they hold and whose data they are (shown in the About panel and the
// README). scripts/geoip/build.ts makes them from the npm packages named here; the app lazy-loads them.
export interface BuiltinGeoSource {
  /** the built table (rangeCodec's format, gzipped; named .ldgeo so no server serves it with Content-Encoding) */
  file: string;
  title: string;
  pkg: string;
  licence: string;
  attribution: string;
  url: string;
}

// Licences as the packages state them (LICENSE files and README of version 2.3.2026061719).
export const BUILTIN_GEO_SOURCES: readonly BuiltinGeoSource[] = [
  {
    file: 'country.ldgeo', title: 'Country (IPv4 and IPv6)', pkg: '@ip-location-db/geo-whois-asn-country',
    licence: 'CC BY 4.0',
    attribution: 'ip-location-db geo-whois-asn-country (sapics), built from RIR whois, geofeeds and ASN data; statistics data by the Number Resource Organization (nro.net).',
    url: 'https://github.com/sapics/ip-location-db',
  },
  {
    file: 'asn.ldgeo', title: 'ASN and organisation (IPv4 and IPv6)', pkg: '@ip-location-db/asn',
    licence: 'CC BY 4.0',
    attribution: 'ip-location-db asn (sapics), built from RouteViews (routeviews.org), the NRO (nro.net) and the DB-IP IP to ASN Lite database (db-ip.com).',
    url: 'https://db-ip.com',
  },
];
