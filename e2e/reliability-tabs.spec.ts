// Issue 9, as a person meets it: two tabs (two pages of one browser context) on one case, a file opened twice,
// a damaged file. Inputs are written to a temporary folder; nothing is read from outside the repository.
import { test, expect, type Page } from '@playwright/test';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { LogdropPage } from './logdrop.page.ts';

const DIR = mkdtempSync(join(tmpdir(), 'logdrop-reliability-'));
const HOSTILE = resolve(import.meta.dirname, '../test/fixtures/hostile');

function syslog(name: string, n: number): string {
  const lines: string[] = [];
  for (let i = 0; i < n; i++) lines.push(`Jan 15 10:30:${String(i % 60).padStart(2, '0')} web01 app[${i}]: request ${i} done`);
  const path = join(DIR, name);
  writeFileSync(path, lines.join('\n') + '\n');
  return path;
}

/** Page errors and console errors, e.g. "The database connection is closing". */
function errorsOf(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.stack ?? e.message));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  return errors;
}

const BIG_LINES = 300_000;

test('a second tab on a case being written is read-only and refreshes when the writer is done', async ({ context }) => {
  const big = syslog('big.log', BIG_LINES);
  const a = new LogdropPage(await context.newPage());
  const b = new LogdropPage(await context.newPage());
  const errors = [...errorsOf(a.page), ...errorsOf(b.page)];
  await a.open();
  await b.open();
  await expect(b.caseName()).toHaveText('Case 1');

  // tab A starts a long ingest; it is not waited for
  await a.page.getByLabel('Open log files').setInputFiles([big]);
  const banner = b.page.getByRole('region', { name: 'Read-only' });
  await expect(banner).toContainText('This case is being written in another tab');
  await expect(b.page.getByLabel('Open log files')).toBeDisabled();

  // reloading tab B meanwhile: still read-only, and the file being read is not offered for removal
  await b.page.reload();
  await b.page.waitForFunction(() => window.__logdrop !== undefined);
  await expect(banner).toBeVisible();
  await expect(b.page.getByRole('listitem').filter({ hasText: 'big.log' })).toBeVisible();
  await expect(b.page.getByRole('button', { name: /^Remove / })).toHaveCount(0);

  await a.waitForIdle();
  await a.expectStatus('300,000 events');
  // tab B hears that A is done: no banner, all events, the file read
  await expect(banner).toBeHidden();
  await b.waitForIdle();
  await b.expectStatus('300,000 events');
  await expect(b.page.getByLabel('Open log files')).toBeEnabled();
  expect(errors).toEqual([]);
});

test('deleting a case another tab has open sends that tab back to the case list, and it keeps working', async ({ context }) => {
  const small = syslog('small.log', 30);
  const a = new LogdropPage(await context.newPage());
  const errors = errorsOf(a.page);
  await a.open();
  await a.dropFiles([small]);
  await a.expectStatus('30 events');

  const b = new LogdropPage(await context.newPage());
  await b.open();
  const cases = await b.openCases();
  await cases.getByRole('button', { name: 'Delete Case 1' }).click();
  await cases.getByRole('button', { name: 'Yes, delete Case 1' }).click();
  await b.waitForIdle();

  await expect(a.page.getByRole('alert')).toHaveText('This case was deleted in another tab. Open or create a case to go on.');
  await a.expectStatus('No case open');
  const list = a.page.getByRole('dialog', { name: 'Cases' });
  await expect(list).toBeVisible();
  await expect(list.getByRole('row', { name: /Case 1/ })).toHaveCount(1); // the one tab B started after deleting
  await list.getByRole('button', { name: 'Open Case 1' }).click();
  await a.waitForIdle();
  await a.closeCases();
  // before: "The database connection is closing" on every drop until a reload
  await a.dropFiles([small]);
  await a.expectStatus('30 events');
  await expect(a.page.getByRole('alert')).toHaveCount(0);
  expect(errors).toEqual([]);
});

test('the same file opened twice asks skip, replace or keep both; a damaged file says so', async ({ page }) => {
  const log = syslog('twice.log', 300);
  const app = new LogdropPage(page);
  await app.open();
  await app.dropFiles([log]);
  await app.expectStatus('300 events');

  // the ingest waits on the question: no idle wait until it is answered
  await page.getByLabel('Open log files').setInputFiles([log]);
  const dialog = page.getByRole('dialog', { name: 'This file is already in the case' });
  await expect(dialog).toContainText('twice.log has the same path and size as twice.log');
  await expect(dialog.getByRole('button', { name: 'Replace' })).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Keep both' })).toBeVisible();
  await dialog.getByRole('button', { name: 'Skip' }).click();
  await app.waitForIdle();
  await expect(dialog).toBeHidden();
  await app.expectStatus('300 events');

  await page.getByLabel('Open log files').setInputFiles([log]);
  await dialog.getByRole('button', { name: 'Keep both' }).click();
  await app.waitForIdle();
  await app.expectStatus('600 events');

  await app.dropFiles([join(HOSTILE, 'truncated.gz')]);
  const row = page.getByRole('region', { name: 'Files in this case' }).getByRole('listitem').filter({ hasText: 'truncated.gz/truncated' });
  await expect(row).toContainText('damaged');
  await expect(row).toContainText('gzip data truncated');
});
