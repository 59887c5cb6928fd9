// The browser's loader of the built-in GeoIP tables: the app's own assets, fetched from this origin
// (connect-src 'self') the first time the engine worker needs them; the single-file build carries them inside
// (embed.ts) and its geoip plugin lists no URLs.
import urls from 'virtual:logdrop-geoip';
import type { GeoBytesLoader } from './geoService.ts';
import { embeddedGeoTable, isSingleFile } from '../embed.ts';

export const fetchGeoAsset: GeoBytesLoader = async (file) => {
  const embedded = embeddedGeoTable(file);
  if (embedded !== undefined) return embedded;
  if (isSingleFile()) throw new Error('this single-file copy was built without the GeoIP tables');
  const url = (urls as Record<string, string>)[file];
  if (url === undefined) throw new Error(`no built-in table ${file}`);
  const res = await fetch(new URL(url, self.location.href));
  if (!res.ok) throw new Error(`${file}: HTTP ${res.status}`);
  return new Uint8Array(await res.arrayBuffer());
};
