// Reliability (issue 9 item 6): the archive expansion limit set in Settings bounds a drop. A gzip that
// expands past it is read up to the limit, marked incomplete with the limit named, never "done".
import { test, expect } from '@playwright/test';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync, strToU8 } from 'fflate';
import { LogdropPage } from './logdrop.page.ts';

const LINES = 20_000;

test('the archive expansion limit from Settings stops a gzip visibly', async ({ page }, info) => {
  const dir = info.outputPath('inputs');
  mkdirSync(dir, { recursive: true });
  let text = '';
  for (let i = 0; i < LINES; i++) text += `Oct  1 10:${String(Math.floor(i / 60) % 60).padStart(2, '0')}:${String(i % 60).padStart(2, '0')} web01 sshd[${1000 + i}]: Failed password for root from 203.0.113.${i % 250} port ${40000 + i} ssh2\n`;
  const path = join(dir, 'auth.log.gz');
  writeFileSync(path, gzipSync(strToU8(text)));
  expect(text.length).toBeGreaterThan(1024 * 1024);

  const app = new LogdropPage(page);
  await app.open();
  await page.getByRole('button', { name: /^Settings/ }).click();
  const settings = page.getByRole('dialog', { name: 'Settings' });
  const limit = settings.getByRole('textbox', { name: 'Archive expansion limit (GiB)' });
  await limit.fill('lots');
  await expect(settings.getByText('Write a size in GiB')).toBeVisible();
  await limit.fill('0.0005'); // about 524 KiB
  await limit.press('Enter');
  await expect(settings.getByText('Archives stop expanding after 0.0005 GiB in one drop')).toBeVisible();
  await settings.getByRole('button', { name: 'Close' }).click();

  await app.dropFiles([path]);
  await expect(page.getByText(/expansion budget of [\d.]+ KiB \(the limit set for this ingest\)/).first()).toBeVisible();
  // the count shows once the search after the ingest has answered (the idle hook can wake between the two)
  await expect(app.status()).toHaveText(/^[\d,]+ events/);
  const status = (await app.status().textContent()) ?? '';
  const events = Number(/^([\d,]+) events/.exec(status)?.[1].replace(/,/g, ''));
  expect(events).toBeGreaterThan(0);
  expect(events).toBeLessThan(LINES);

  // the setting stays for the next visit
  await page.reload();
  await app.waitForIdle();
  await page.getByRole('button', { name: /^Settings/ }).click();
  await expect(page.getByRole('dialog', { name: 'Settings' }).getByRole('textbox', { name: 'Archive expansion limit (GiB)' })).toHaveValue('0.0005');
});
