// GeoIP as the engine uses it: the built-in tables (built from the npm data packages), a user's .mmdb
// (a GeoLite2-City-shaped fixture written by the test) and JSON/CSV ranges, layered user-first.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCliGeo } from '../../../src/cli/geo.ts';
import { GeoService, type StoredGeoData } from '../../../src/workers/enrich/geoService.ts';
import { writeMmdb } from '../../harness/mmdbWriter.ts';

const stored = (name: string, text: string | Uint8Array, id = name): StoredGeoData => ({
  id, name, scope: 'case', addedMs: 0, bytes: typeof text === 'string' ? new TextEncoder().encode(text) : text,
});

describe('built-in GeoIP data', async () => {
  const geo = await loadCliGeo([]);
  const cases: { ip: string; country?: string; label?: string }[] = [
    { ip: '8.8.8.8', country: 'US' },
    { ip: '2001:4860:4860::8888', country: 'US' },
    { ip: '193.0.6.139', country: 'NL' },
    { ip: '::ffff:193.0.6.139', country: 'NL' },
    { ip: '10.1.2.3', label: 'private' },
    { ip: '192.168.7.9', label: 'private' },
    { ip: '203.0.113.45', label: 'documentation' },
  ];
  for (const c of cases) {
    it(`${c.ip}: ${c.country ?? c.label}`, () => {
      const info = geo.resolve(c.ip);
      expect(info?.country_short).toBe(c.country);
      expect(info?.label).toBe(c.label);
    });
  }
  it('names the country and the autonomous system', () => {
    expect(geo.resolve('8.8.8.8')).toMatchObject({ country: 'United States', asn: '15169', org: 'Google LLC' });
    expect(geo.resolve('193.0.6.139')).toMatchObject({ country: 'Netherlands', asn: '3333' });
  });
  it('names its sources and licences', () => {
    const s = geo.status().builtin;
    expect(s.state).toBe('ready');
    expect(s.sources.map((x) => x.licence)).toEqual(['CC BY 4.0', 'CC BY 4.0']);
  });
});

describe("the user's own GeoIP data", () => {
  it('reads a GeoLite2-City-shaped .mmdb: country, city and coordinates', async () => {
    const mmdb = writeMmdb('GeoLite2-City', [
      { cidr: '81.2.69.0/24', data: { country: { iso_code: 'GB', names: { en: 'United Kingdom' } }, city: { names: { en: 'London' } }, location: { latitude: 51.5142, longitude: -0.0931 } } },
      { cidr: '2a02:cf40::/32', data: { country: { iso_code: 'NO', names: { en: 'Norway' } } } },
    ]);
    const geo = new GeoService();
    expect(await geo.setUserData([stored('city.mmdb', mmdb)])).toEqual([]);
    expect(geo.resolve('81.2.69.160')).toMatchObject({ country_short: 'GB', country: 'United Kingdom', city: 'London', geo_point: '51.5142,-0.0931' });
    expect(geo.resolve('2a02:cf40::1')).toMatchObject({ country_short: 'NO' });
    expect(geo.resolve('81.2.70.1')).toBeUndefined();
    expect(geo.status().user[0]).toMatchObject({ kind: 'mmdb', detail: 'GeoLite2-City' });
  });

  it('reads an ip-location-db-shaped .mmdb (country_code)', async () => {
    const mmdb = writeMmdb('iptoasn-country', [{ cidr: '1.0.0.0/24', data: { country_code: 'AU' } }]);
    const geo = new GeoService();
    await geo.setUserData([stored('c.mmdb', mmdb)]);
    expect(geo.resolve('1.0.0.1')).toMatchObject({ country_short: 'AU', country: 'Australia' });
  });

  it('reads JSON ranges in both layouts (country_code and country.iso_code), CIDR and first/last', async () => {
    const json = JSON.stringify([
      { network: '198.51.100.0/24', country_code: 'DE', city: 'Berlin', asn: 'AS64500', org: 'Example GmbH' },
      { first: '192.0.2.10', last: '192.0.2.20', country: { iso_code: 'FR' }, latitude: 48.85, longitude: 2.35 },
      { start: '2001:db8:1::', end: '2001:db8:1::ffff', country_code: 'JP' },
      { network: 'not a network', country_code: 'XX' },
    ]);
    const geo = new GeoService();
    await geo.setUserData([stored('sites.json', json)]);
    // user data may name special ranges (an analyst's own sites); the label stays
    expect(geo.resolve('198.51.100.7')).toMatchObject({ label: 'documentation', country_short: 'DE', country: 'Germany', city: 'Berlin', asn: '64500', org: 'Example GmbH' });
    expect(geo.resolve('192.0.2.20')).toMatchObject({ country_short: 'FR', geo_point: '48.85,2.35' });
    expect(geo.resolve('192.0.2.21')).toEqual(expect.objectContaining({ label: 'documentation', country_short: undefined }));
    expect(geo.resolve('2001:db8:1::42')).toMatchObject({ country_short: 'JP' });
    expect(geo.status().user[0].skipped).toEqual([{ row: 4, reason: '"not a network" is no CIDR network' }]);
  });

  it('reads CSV ranges with a header row', async () => {
    const csv = 'network,country_code,city\n10.20.0.0/16,FR,Lyon\n"10.30.0.0/16",GB,"London, City"\n';
    const geo = new GeoService();
    await geo.setUserData([stored('internal.csv', csv)]);
    expect(geo.resolve('10.20.3.4')).toMatchObject({ label: 'private', country_short: 'FR', city: 'Lyon' });
    expect(geo.resolve('10.30.0.1')).toMatchObject({ city: 'London, City' });
  });

  it('refuses a file that is neither, with a reason', async () => {
    expect(await GeoService.check(stored('x.txt', 'hello world'))).toEqual({ error: 'x.txt: no usable range in 0 rows' });
    expect(await GeoService.check(stored('x.json', '{"a": 1}'))).toEqual({ error: 'x.json: JSON GeoIP data must be an array of ranges, or an object with a "ranges" array' });
  });

  it("puts the user's data before the built-in tables (the CLI's --geoip)", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'logdrop-geo-'));
    const file = join(dir, 'mine.json');
    writeFileSync(file, JSON.stringify([{ network: '8.8.8.0/24', country_code: 'CH', city: 'Zurich' }]));
    const geo = await loadCliGeo([file]);
    expect(geo.resolve('8.8.8.8')).toMatchObject({ country_short: 'CH', city: 'Zurich', asn: '15169', org: 'Google LLC' });
    expect(geo.resolve('8.8.4.4')).toMatchObject({ country_short: 'US' });
  });
});
