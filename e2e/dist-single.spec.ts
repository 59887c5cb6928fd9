// The single-file build (npm run build:single) opened straight from disk, no server running: the demo and a
// dropped log are read, searched and located (GeoIP tables embedded), the case survives a reload (IndexedDB
// works for file:// in Chromium), and no request of any kind leaves the page: file: and blob: URLs only.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { expect, test } from '@playwright/test';
import { LogdropPage } from './logdrop.page.ts';
import { demoAndDroppedLog, recordRequests, searchDroppedLog } from './distribution.ts';

const SINGLE_FILE = join(import.meta.dirname, '../dist-single/logdrop.html');

test('the single file runs from file://: demo, dropped log, search, GeoIP, reload; nothing but file: and blob:', async ({ page, context }) => {
  test.setTimeout(300_000);
  expect(existsSync(SINGLE_FILE), 'run `npm run build:single` first').toBe(true);
  const requests = recordRequests(context, (u) => u.protocol === 'file:' || u.protocol === 'blob:');
  const app = new LogdropPage(page);
  await app.open(`${pathToFileURL(SINGLE_FILE).href}?testing=1`);
  const total = await demoAndDroppedLog(app);
  await expect(page.getByRole('region', { name: 'Storage warning' })).toHaveCount(0);

  // the case was stored: it is there again after a reload, and is searched there
  await page.reload();
  await app.waitForIdle();
  await app.expectStatus(`${total.toLocaleString('en-US')} events`);
  await searchDroppedLog(app, total);

  // the page and its three workers, started from blob URLs
  expect(requests.all.filter((u) => u.startsWith('blob:')).length).toBeGreaterThanOrEqual(3);
  expect(requests.outside).toEqual([]);
});
