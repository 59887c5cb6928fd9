// GeoIP in the browser: the demo's attacker gets a (clearly labelled, fictional) country; the built-in
// tables locate public addresses offline; the user loads their own ranges; no request leaves 127.0.0.1.
import { expect, test } from '@playwright/test';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LogdropPage } from './logdrop.page.ts';
import { writeMmdb } from '../test/harness/mmdbWriter.ts';

test('built-in and user GeoIP data locate addresses, offline', async ({ page, context }) => {
  const outside: string[] = [];
  context.on('request', (r) => {
    const url = new URL(r.url());
    if (!(url.protocol === 'data:' || url.protocol === 'blob:' || url.hostname === '127.0.0.1')) outside.push(r.url());
  });
  const app = new LogdropPage(page);
  await app.open();
  await page.getByRole('button', { name: 'Load demo bundle' }).click();
  await app.waitForIdle();
  await app.search('init.host.ip:203.0.113.45 and init.host.loc.country_short:BR and init.host.loc.label:documentation');
  await expect(app.status()).toHaveText(/^[1-9][\d,]* (of [\d,]+ )?events/);

  const dir = mkdtempSync(join(tmpdir(), 'logdrop-e2e-geo-'));
  const log = join(dir, 'auth.log');
  writeFileSync(log, [
    'Mar  4 10:00:01 web01 sshd[1]: Failed password for root from 8.8.8.8 port 4242 ssh2',
    'Mar  4 10:00:02 web01 sshd[1]: Failed password for root from 193.0.6.139 port 4242 ssh2',
    'Mar  4 10:00:03 web01 sshd[1]: Failed password for root from 172.16.9.9 port 4242 ssh2',
  ].join('\n') + '\n');
  await app.dropFiles([log]);
  await app.search('col.file:auth.log and (init.host.loc.country:"United States" or init.host.loc.country_short:NL)');
  await expect(app.status()).toHaveText(/^2 (of [\d,]+ )?events/);

  // the user's own ranges: an internal range gets a site
  const csv = join(dir, 'sites.csv');
  writeFileSync(csv, 'network,country_code,city\n172.16.0.0/12,FR,Lyon office\n');
  await page.getByRole('button', { name: 'GeoIP data' }).click();
  const dialog = page.getByRole('dialog', { name: 'GeoIP data' });
  await expect(dialog.getByRole('region', { name: 'Built-in GeoIP data' })).toContainText('CC BY 4.0');
  await expect(dialog.getByRole('table', { name: 'Your GeoIP files' })).toContainText('Demo overlay');
  await dialog.getByText('Load GeoIP file').locator('input').setInputFiles(csv);
  await app.waitForIdle();
  await expect(dialog.getByRole('table', { name: 'Your GeoIP files' })).toContainText('sites.csv');
  // a MaxMind database (GeoLite2-City shape) read in the browser: city and coordinates appear
  const mmdb = join(dir, 'city.mmdb');
  writeFileSync(mmdb, writeMmdb('GeoLite2-City', [{ cidr: '8.8.8.0/24', data: { country: { iso_code: 'US' }, city: { names: { en: 'Test City' } }, location: { latitude: 37.4, longitude: -122.1 } } }]));
  await dialog.getByText('Load GeoIP file').locator('input').setInputFiles(mmdb);
  await app.waitForIdle();
  await expect(dialog.getByRole('table', { name: 'Your GeoIP files' })).toContainText('MaxMind database GeoLite2-City');
  await dialog.getByRole('button', { name: 'Close' }).click();
  await app.search('col.file:auth.log and init.host.loc.city:"Lyon office" and init.host.loc.label:private');
  await expect(app.status()).toHaveText(/^1 (of [\d,]+ )?events/);
  await app.search('init.host.loc.city:"Test City" and init.host.loc.geo_point:"37.4,-122.1" and init.host.loc.org:"Google LLC"');
  await expect(app.status()).toHaveText(/^1 (of [\d,]+ )?events/);
  expect(outside).toEqual([]);
});
