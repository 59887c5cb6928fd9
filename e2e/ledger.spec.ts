// The ledger as a person uses it: drop a log, open the ledger, check its SHA-256, export the manifest,
// and change the file's zone so its events are re-timed without dropping it again.
import { test, expect } from '@playwright/test';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { LogdropPage } from './logdrop.page.ts';
import { sshdFixture } from './fixtures.ts';

const OPENSSH = sshdFixture().file;

test('the ledger shows the file hash, exports as CSV, and a new zone re-times the events', async ({ page }) => {
  const bytes = readFileSync(OPENSSH);
  const sha = createHash('sha256').update(bytes).digest('hex');
  const app = new LogdropPage(page);
  await app.open();
  await app.dropFiles([OPENSSH]);
  await app.expectStatus('2,000 events');

  const ledger = await app.openLedger();
  const row = ledger.getByRole('row').filter({ has: page.getByRole('rowheader', { name: /sshd_2k\.log/ }) });
  await expect(row).toContainText(sha);
  await expect(row).toContainText('syslog3164');
  await expect(row).toContainText('2,000');

  const download = await app.exportLedger('CSV');
  expect(download.suggestedFilename()).toMatch(/-ledger\.csv$/);
  const csv = readFileSync(await download.path(), 'utf8');
  const [header, line] = csv.split('\r\n');
  expect(header.startsWith('path,size_bytes,sha256,parser,')).toBe(true);
  expect(line.startsWith(`sshd_2k.log,${bytes.length},${sha},syslog3164,`)).toBe(true);

  const firstTime = async () => {
    const cell = page.getByRole('region', { name: 'Events' }).getByRole('row').nth(1).getByRole('cell').first();
    return Date.parse(`${(await cell.textContent())?.replace(' ', 'T')}Z`);
  };
  const before = await firstTime();
  expect(Number.isNaN(before)).toBe(false);
  await row.getByRole('textbox', { name: 'Time zone for sshd_2k.log' }).fill('+02:00');
  await row.getByRole('button', { name: 'Apply to sshd_2k.log' }).click();
  await app.waitForIdle();
  await app.expectStatus('2,000 events');
  // the table re-renders its rows after the status line updates: wait for the re-timed first row
  await expect.poll(firstTime).toBe(before - 2 * 3600_000);
  await expect(row.getByRole('textbox', { name: 'Time zone for sshd_2k.log' })).toHaveValue('+02:00');
  await page.screenshot({ path: process.env.LEDGER_SHOT ?? test.info().outputPath('ledger.png'), fullPage: true });
});

test('another parser re-reads the file; after a reload the ledger asks for the file again', async ({ page }) => {
  const app = new LogdropPage(page);
  await app.open();
  await app.dropFiles([OPENSSH]);
  let ledger = await app.openLedger();
  const row = () => ledger.getByRole('row').filter({ has: page.getByRole('rowheader', { name: /sshd_2k\.log/ }) });
  // the list holds every parser once it is focused or pressed, as a person does before choosing (ReadAsControls.tsx)
  await row().getByRole('combobox', { name: 'Parser for sshd_2k.log' }).focus();
  await row().getByRole('combobox', { name: 'Parser for sshd_2k.log' }).selectOption('generic');
  await row().getByRole('button', { name: 'Apply to sshd_2k.log' }).click();
  await app.waitForIdle();
  await expect(row().getByRole('cell').nth(2)).toContainText('generic');
  await app.search('parser.name:generic');
  await app.expectStatus('2,000 events');

  await page.reload();
  await app.waitForIdle();
  ledger = await app.openLedger();
  await row().getByRole('combobox', { name: 'Parser for sshd_2k.log' }).focus();
  await row().getByRole('combobox', { name: 'Parser for sshd_2k.log' }).selectOption('syslog3164');
  await row().getByRole('button', { name: 'Apply to sshd_2k.log' }).click();
  await app.waitForIdle();
  await expect(row().getByRole('alert')).toContainText('drop it again');
  await row().getByLabel('Pick sshd_2k.log again').setInputFiles(OPENSSH);
  await app.waitForIdle();
  await expect(row().getByRole('cell').nth(2)).toContainText('syslog3164');
  await expect(row().getByRole('alert')).toHaveCount(0);
  await app.search('parser.name:syslog3164');
  await app.expectStatus('2,000 events');
});
