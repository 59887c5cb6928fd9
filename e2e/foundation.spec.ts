// The foundation slice as a person uses it: open the app, drop files, see events, reload, stay safe.
import { test, expect } from '@playwright/test';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LogdropPage } from './logdrop.page.ts';
import { sshdFixture } from './fixtures.ts';

const SSHD = sshdFixture();
const OPENSSH = SSHD.file;

function tempFile(name: string, content: string | Uint8Array): string {
  const dir = mkdtempSync(join(tmpdir(), 'logdrop-e2e-'));
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

test('an empty case offers the demo bundle and the file inputs', async ({ page }) => {
  const app = new LogdropPage(page);
  await app.open();
  await expect(page.getByRole('button', { name: 'Load demo bundle' })).toBeVisible();
  await expect(page.getByLabel('Open log files')).toBeAttached();
  await expect(page.getByLabel('Open folder')).toBeAttached();
  await app.expectStatus('0 events');
});

test('dropping an sshd log shows its 2,000 events, which survive a reload', async ({ page }) => {
  const app = new LogdropPage(page);
  await app.open();
  await app.dropFiles([OPENSSH]);
  await app.expectStatus('2,000 events');
  await expect(page.getByRole('progressbar', { name: 'Progress of sshd_2k.log' })).toBeVisible();
  const table = page.getByRole('table');
  await expect(table.getByRole('columnheader', { name: 'Message' })).toBeVisible();
  await expect(table.getByRole('row').nth(1)).toContainText('LabSZ');
  await expect(table).toContainText('Accepted password for fztu from 119.137.62.142');

  await page.reload();
  await app.waitForIdle();
  await app.expectStatus('2,000 events');
  await expect(page.getByRole('table')).toContainText('LabSZ');
});

test('log text is shown as text: HTML and script payloads never run', async ({ page }) => {
  const dialogs: string[] = [];
  page.on('dialog', (d) => { dialogs.push(d.message()); void d.dismiss(); });
  const payloads = [
    'Mar  3 14:02:11 web01 sshd[4411]: Invalid user <img src=x onerror="window.__pwned=1;alert(1)"> from 198.51.100.7',
    'Mar  3 14:02:12 web01 sshd[4412]: Failed password for <script>window.__pwned=2;alert(2)</script> from 198.51.100.7 port 22 ssh2',
    'Mar  3 14:02:13 web01 app[1]: <svg onload=alert(3)> =cmd|\' /C calc\'!A0',
  ].join('\n');
  const app = new LogdropPage(page);
  await app.open();
  await app.dropFiles([tempFile('hostile.log', payloads + '\n')]);
  await app.expectStatus('3 events');
  await expect(page.getByRole('table')).toContainText('<img src=x onerror="window.__pwned=1;alert(1)">');
  await expect(page.getByRole('table')).toContainText('<script>window.__pwned=2;alert(2)</script>');
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  expect(await page.locator('table img, table script, table svg').count()).toBe(0);
  expect(dialogs).toEqual([]);
});

test('files that are not logs get a clear message and do not stop the others', async ({ page }) => {
  const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, ...Array.from({ length: 600 }, (_, i) => (i * 73 + 11) % 256)]);
  const random = Uint8Array.from(Array.from({ length: 4096 }, (_, i) => (i * 2654435761) % 251));
  const app = new LogdropPage(page);
  await app.open();
  await app.dropFiles([tempFile('picture.png', png), tempFile('noise.bin', random), OPENSSH]);
  await app.expectStatus('2,000 events');
  const files = page.getByRole('region', { name: 'Files in this case' });
  await expect(files.getByRole('listitem').filter({ hasText: 'picture.png' })).toContainText('binary file skipped');
  await expect(files.getByRole('listitem').filter({ hasText: 'noise.bin' })).toContainText('binary file skipped');
});

test('a picked folder is ingested with its paths, and the search box filters the events', async ({ page }) => {
  const app = new LogdropPage(page);
  await app.open();
  await page.getByLabel('Open folder').setInputFiles(SSHD.dir);
  await app.waitForIdle();
  const files = page.getByRole('region', { name: 'Files in this case' });
  await expect(files).toContainText('sshd/sshd_2k.log');
  const log = files.getByRole('listitem').filter({ has: page.getByText('sshd/sshd_2k.log', { exact: true }) });
  await expect(log).toContainText('2,000 events');
  await expect(log).toContainText('syslog3164');

  await app.search('col.file:"sshd/sshd_2k.log" and "Failed password"');
  await app.expectStatus(/^520 of [\d,]+ events$/);
  await app.search('col.file:"sshd/sshd_2k.log" and "failed password" and init.host.ip:183.62.140.253');
  await app.expectStatus(/^286 of [\d,]+ events$/);
  await expect(page.getByRole('table')).toContainText('183.62.140.253');
  await app.search('init.host.ip:(');
  await expect(page.getByRole('alert')).toBeVisible();
});
