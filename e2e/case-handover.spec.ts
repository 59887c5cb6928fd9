// Case hand-over as a responder does it: load the demo, mark an alert, export the case to a file, delete the
// case, import the file, and find the same events, alerts, status, owner and note; exporting it again gives the
// same bytes.
import { test, expect } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { LogdropPage } from './logdrop.page.ts';

test('export the demo case, delete it, import the file: same counts, alert status, owner and note', async ({ page }) => {
  test.setTimeout(240_000);
  const app = new LogdropPage(page);
  await app.open();
  await page.getByRole('button', { name: 'Load demo bundle' }).click();
  await app.waitForIdle();
  await app.expectStatus('40,781 events');

  await app.tab('Alerts').click();
  await app.waitForIdle();
  await expect(app.status()).toHaveText('64 alerts: 13 critical, 26 high, 24 medium, 1 low');
  await page.getByRole('button', { name: /Successful logon from 203\.0\.113\.45 as deploy after/ }).click();
  const detail = page.getByRole('region', { name: 'Alert details' });
  await detail.getByLabel('Alert note').fill('deploy key rotated, IP blocked');
  await detail.getByRole('button', { name: 'Save note' }).click();
  await app.waitForIdle();
  await detail.getByLabel('Alert owner').fill('Dana (SOC)');
  await detail.getByRole('button', { name: 'Save owner' }).click();
  await app.waitForIdle();
  await detail.getByLabel('Alert status').selectOption('acknowledged');
  await app.waitForIdle();

  let cases = await app.openCases();
  const original = await app.caseName().textContent();
  await cases.getByRole('button', { name: `Rename ${original}` }).click();
  await cases.getByLabel(`New name for ${original}`).fill('web01 breach');
  await cases.getByRole('button', { name: 'Save name' }).click();
  await app.waitForIdle();

  const download = page.waitForEvent('download');
  await cases.getByRole('button', { name: 'Export case web01 breach' }).click();
  const file = await (await download).path();
  await app.waitForIdle();
  expect((await download).suggestedFilename()).toBe('web01-breach.logdrop-case');
  await expect(cases.getByRole('status').filter({ hasText: 'Saved web01-breach.logdrop-case' })).toBeVisible();
  const first = await readFile(file);
  expect(first.subarray(0, 39).toString()).toBe('{"format":"logdrop-case","version":1}\n{');
  expect(first.toString('utf8')).toMatch(/\{"t":"end","records":\d+,"sha256":"[0-9a-f]{64}"\}\n$/);

  await cases.getByRole('button', { name: 'Delete web01 breach' }).click();
  await cases.getByRole('button', { name: 'Yes, delete web01 breach' }).click();
  await app.waitForIdle();
  await expect(cases.getByRole('row', { name: /web01 breach/ })).toHaveCount(0);

  // a file that is not a case file is refused, and nothing appears in the list
  await cases.getByLabel('Import case').setInputFiles({ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('hello\n') });
  await app.waitForIdle();
  await expect(cases.getByRole('alert')).toContainText('This is not a Logdrop case file');
  await expect(cases.getByRole('row', { name: /web01 breach/ })).toHaveCount(0);

  await cases.getByLabel('Import case').setInputFiles(file);
  await app.waitForIdle();
  await expect(cases.getByRole('status').filter({ hasText: 'Imported web01 breach' })).toContainText('40,781 events');
  await cases.getByRole('button', { name: 'Open web01 breach' }).click();
  await app.waitForIdle();
  await app.closeCases();
  await expect(app.caseName()).toHaveText('web01 breach');

  await app.openView('Search');
  await app.expectStatus('40,781 events');
  await app.openView('Alerts');
  await expect(app.status()).toHaveText('64 alerts: 13 critical, 26 high, 24 medium, 1 low');
  await page.getByLabel('Filter by status').selectOption('acknowledged');
  await app.waitForIdle();
  await expect(app.status()).toHaveText('1 of 64 alerts: 1 critical');
  await page.getByRole('button', { name: /as deploy after/ }).click();
  await expect(page.getByRole('region', { name: 'Alert details' }).getByLabel('Alert note')).toHaveValue('deploy key rotated, IP blocked');
  await expect(page.getByRole('region', { name: 'Alert details' }).getByLabel('Alert owner')).toHaveValue('Dana (SOC)');

  // the imported case writes the same file again
  cases = await app.openCases();
  const again = page.waitForEvent('download');
  await cases.getByRole('button', { name: 'Export case web01 breach' }).click();
  const second = await readFile(await (await again).path());
  expect(second.equals(first)).toBe(true);
});
