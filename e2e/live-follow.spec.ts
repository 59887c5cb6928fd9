// Live follow in Chromium. A headless browser cannot click through showDirectoryPicker, so the test stands in
// for the picker only (?testing=1: window.__logdrop.pick hands over a folder of the origin-private file system,
// which the test writes to). Everything after the picker is the product's path: the handle goes to the engine
// worker and is kept with the case in IndexedDB, the engine polls it, reads only the appended bytes, stores,
// indexes and detects; the page shows "N new events", the count and the alert. What this cannot cover: the real
// picker dialog and the permission prompt after a reload (an OPFS handle is always granted, so the re-grant
// click is exercised but the browser asks nothing).
import { expect, test } from '@playwright/test';
import { LogdropPage } from './logdrop.page.ts';
import { liveFolder } from './liveFolder.ts';

const DIR = 'live-e2e';
const { lines, append, standInPicker } = liveFolder(DIR);

test('follow a folder: appended failed logins show as new events and a brute-force alert within 5 s; a reload resumes from the offsets', async ({ page }) => {
  const app = new LogdropPage(page);
  await app.open();
  await page.evaluate(async (dirName) => (await navigator.storage.getDirectory()).removeEntry(dirName, { recursive: true }).catch(() => {}), DIR);
  await append(page, 'auth.log', lines(2));
  await standInPicker(page);
  const panel = page.getByRole('region', { name: 'Live follow' });
  await panel.getByRole('button', { name: 'Follow a folder' }).click();
  await panel.getByLabel('Poll interval in seconds').fill('0.5');
  await panel.getByLabel('Poll interval in seconds').blur();

  await page.getByRole('button', { name: '2 new events' }).click();
  await app.waitForIdle();
  await app.expectStatus('2 events');
  await expect(panel.getByRole('list', { name: 'Followed files' })).toContainText(`${DIR}/auth.log: 2 lines, following`);

  // four more failures: the count and the alert appear without a reload, within 5 s of the append
  const t0 = Date.now();
  await append(page, 'auth.log', lines(4));
  await expect(page.getByRole('button', { name: '4 new events' })).toBeVisible({ timeout: 5000 });
  await expect(app.tab('Alerts')).toHaveAccessibleName(/Alerts\s*\d+ new/, { timeout: 5000 });
  const ms = Date.now() - t0;
  console.log(`live follow: append -> "4 new events" and the alert badge in ${ms} ms (poll 0.5 s)`);
  await expect(panel.getByRole('list', { name: 'What happened while following' })).toContainText('alert fired: high Brute force from one address');
  // the view did not re-run by itself: still the two events until asked
  await app.expectStatus('2 events');
  await page.getByRole('button', { name: '4 new events' }).click();
  await app.waitForIdle();
  await app.expectStatus('6 events');

  // Follow newest: the view re-runs as events arrive
  await page.getByLabel('Follow newest').check();
  await append(page, 'auth.log', lines(1));
  await app.expectStatus('7 events');

  await app.openView('Alerts');
  await expect(page.getByText('Brute force from one address').first()).toBeVisible();

  // a reload: the folder is kept with the case; one click grants it again and the follow resumes from its offsets
  await append(page, 'auth.log', lines(1, () => 'Accepted password for deploy from 203.0.113.45 port 41000 ssh2'));
  await page.reload();
  await app.waitForIdle();
  const again = page.getByRole('region', { name: 'Live follow' });
  await expect(again).toContainText('Following is paused until you grant access again');
  await again.getByRole('button', { name: 'Grant access and resume following' }).click();
  await app.openView('Search');
  await page.getByRole('button', { name: '1 new event' }).click();
  await app.waitForIdle();
  await app.expectStatus('8 events');
  // nothing read twice: each line once, in its own line number
  await app.search('col.line:8');
  await app.expectStatus('1 of 8 events');
  await expect(app.tab('Alerts')).toHaveAccessibleName(/Alerts\s*\d+ new/);
  await page.evaluate(async (dirName) => (await navigator.storage.getDirectory()).removeEntry(dirName, { recursive: true }), DIR);
});

test('without the File System Access API the Follow buttons are absent and the panel says why', async ({ page }) => {
  await page.addInitScript(() => {
    // as in Firefox and Safari: no pickers (own properties shadow Chromium's)
    Object.defineProperty(window, 'showDirectoryPicker', { value: undefined });
    Object.defineProperty(window, 'showOpenFilePicker', { value: undefined });
  });
  await page.goto('/');
  const panel = page.getByRole('region', { name: 'Live follow' });
  await expect(panel).toContainText('needs the File System Access API');
  await expect(panel.getByRole('button', { name: 'Follow a folder' })).toHaveCount(0);
  await expect(panel.getByRole('button', { name: 'Follow files' })).toHaveCount(0);
});
