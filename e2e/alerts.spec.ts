// Alerts as a trainer walks the class through them: load the demo, open the alerts, see the brute force and
// the success after failures, open one, jump to its evidence in the search, mark it, tune a threshold live.
import { test, expect } from '@playwright/test';
import { LogdropPage } from './logdrop.page.ts';

test('the demo raises alerts; one opens to why it fired and jumps to its evidence; a threshold change updates the list', async ({ page }) => {
  const app = new LogdropPage(page);
  await app.open();
  await page.getByRole('button', { name: 'Load demo bundle' }).click();
  await app.waitForIdle();
  const alertsButton = app.tab('Alerts');
  await expect(alertsButton).toHaveAccessibleName('Alerts 64 new');
  await alertsButton.click();
  await app.waitForIdle();
  await expect(app.status()).toHaveText('64 alerts: 13 critical, 26 high, 24 medium, 1 low');

  const brute = page.getByRole('region', { name: 'Brute force against an account' });
  await expect(brute.getByRole('heading', { level: 3 })).toContainText('15 alerts');
  await expect(brute.getByRole('button', { name: /failed logons for root/ })).toBeVisible();
  const success = page.getByRole('region', { name: 'Success after failed logons' });
  await expect(success.getByRole('heading', { level: 3 })).toContainText('12 alerts');
  // the demo bundle's GeoIP overlay places the break-in's logons: the travel detector fires for deploy
  await expect(page.getByRole('region', { name: 'Impossible travel' })).toContainText('deploy logged on 10253 km apart');

  // open the SSH break-in: why it fired, what to do
  await success.getByRole('button', { name: /Successful logon from 203\.0\.113\.45 as deploy after 2,?691 failed logons/ }).click();
  const detail = page.getByRole('region', { name: 'Alert details' });
  await expect(detail).toContainText('init.host.ip = 203.0.113.45');
  await expect(detail).toContainText('Failures before = 5 events');
  await expect(detail).toContainText('Look back = 30 minutes');
  await expect(detail.getByRole('listitem').first()).toContainText('Open the evidence');

  // status and note stay with the alert
  await detail.getByLabel('Alert note').fill('deploy key rotated, IP blocked');
  await detail.getByRole('button', { name: 'Save note' }).click();
  await app.waitForIdle();
  await detail.getByLabel('Alert status').selectOption('acknowledged');
  await app.waitForIdle();
  await expect(app.status()).toHaveText('64 alerts: 13 critical, 26 high, 24 medium, 1 low');
  await expect(alertsButton).toHaveAccessibleName('Alerts 63 new');

  // jump to the evidence: the search shows exactly the failures and the success
  await detail.getByRole('button', { name: 'Show the 2,692 evidence events in search' }).click();
  await app.waitForIdle();
  await expect(page.getByRole('searchbox', { name: 'Search' })).toHaveValue(/^init\.host\.ip:"203\.0\.113\.45" and outcome:\(failure success\)/);
  await app.expectStatus('2,692 of 40,781 events');
  await expect(page.getByRole('table')).toContainText('Failed password');

  // back to the alerts: tune the account brute force up, and the list follows
  await alertsButton.click();
  await app.waitForIdle();
  await page.getByLabel('Brute force against an account: Failed logons').fill('100');
  await app.waitForIdle();
  await expect(brute.getByRole('heading', { level: 3 })).toContainText(/^(?!.*15 alerts).*\d+ alerts?/);
  const tuned = await brute.getByRole('heading', { level: 3 }).textContent();
  expect(Number(/(\d+) alerts?/.exec(tuned ?? '')?.[1])).toBeLessThan(15);
  await expect(app.status()).not.toHaveText('64 alerts: 13 critical, 26 high, 24 medium, 1 low');
  await page.getByLabel('Brute force against an account: Failed logons').fill('10');
  await app.waitForIdle();
  await expect(brute.getByRole('heading', { level: 3 })).toContainText('15 alerts');

  // the acknowledged alert and its note survive the re-runs and a reload
  await page.reload();
  await app.waitForIdle();
  await app.openView('Alerts');
  await page.getByLabel('Filter by status').selectOption('acknowledged');
  await app.waitForIdle();
  await expect(app.status()).toHaveText('1 of 64 alerts: 1 critical');
  await expect(page.getByRole('button', { name: /as deploy after/ })).toContainText('note');
});
