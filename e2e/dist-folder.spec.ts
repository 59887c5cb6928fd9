// The static folder (npm run build) under a path prefix on a plain static server (`logdrop serve` of a folder
// that holds it at tools/logdrop/), and the installed app: after one visit its service worker keeps it working
// offline, and a new deployment is offered, not forced.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { LogdropPage } from './logdrop.page.ts';
import { demoAndDroppedLog, recordRequests, searchDroppedLog } from './distribution.ts';
import { servePrefixedCopy, type PrefixedCopy } from './staticServer.ts';

let site: PrefixedCopy;
test.beforeAll(async () => { site = await servePrefixedCopy(); });
test.afterAll(() => site?.stop());

test('under a path prefix: demo, dropped log, search, GeoIP; every request stays under the prefix', async ({ page, context }) => {
  const requests = recordRequests(context, (u) => u.protocol === 'blob:' || u.protocol === 'data:' || u.href.startsWith(site.url));
  const app = new LogdropPage(page);
  await app.open(`${site.url}?testing=1`);
  const total = await demoAndDroppedLog(app);
  await searchDroppedLog(app, total);
  expect(requests.all.some((u) => /\/tools\/logdrop\/assets\/engine\.worker-[\w-]+\.js$/.test(u))).toBe(true);

  // About names the running build: its version, date and the SHA-256 the build wrote beside it
  const build = JSON.parse(readFileSync(join(site.app, 'build.json'), 'utf8')) as { version: string; built: string; sha256: string };
  await page.getByRole('button', { name: 'About' }).click();
  const about = page.getByRole('region', { name: 'This build' });
  await expect(about).toContainText(build.version);
  await expect(about).toContainText(build.built);
  await expect(about).toContainText(build.sha256);
  expect(build.sha256).toMatch(/^[0-9a-f]{64}$/);
  expect(requests.outside).toEqual([]);
});

test.describe('installed', () => {
  test.use({ serviceWorkers: 'allow' });

  test('after one visit the app works offline: reload, demo, dropped log, search', async ({ page, context }) => {
    const app = new LogdropPage(page);
    await app.open(`${site.url}?testing=1`);
    // installed (every file cached) and in control of the page
    await page.evaluate(async () => { await navigator.serviceWorker.ready; });
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null);

    await context.setOffline(true);
    await page.reload();
    await app.waitForIdle();
    const total = await demoAndDroppedLog(app);
    await searchDroppedLog(app, total);
    await expect(page.getByRole('region', { name: 'Update available' })).toHaveCount(0);
  });

  test('a new deployment is offered, and taken on the user\'s word', async ({ page }) => {
    const app = new LogdropPage(page);
    await app.open(`${site.url}?testing=1`);
    await page.evaluate(async () => { await navigator.serviceWorker.ready; });
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
    const cacheOf = () => page.evaluate(async () => (await caches.keys()).filter((k) => k.startsWith('logdrop-')));
    const [before] = await cacheOf();

    // deploy a new version: the build writes a new cache name into sw.js
    const swPath = join(site.app, 'sw.js');
    writeFileSync(swPath, readFileSync(swPath, 'utf8').replace(before, `${before}-next`));
    await page.reload();
    await app.waitForIdle();
    const prompt = page.getByRole('region', { name: 'Update available' });
    await expect(prompt).toContainText('A new version of Logdrop is ready');
    expect(await cacheOf()).toContain(before); // the running version is untouched until the user says so

    // the new version takes over and the page reloads into it
    await Promise.all([page.waitForEvent('load'), prompt.getByRole('button', { name: 'Reload to update' }).click()]);
    await app.waitForIdle();
    await expect(prompt).toHaveCount(0);
    expect(await cacheOf()).toEqual([`${before}-next`]);
  });
});
