// Reliability (issue 9 item 9): a long search shows its progress and a Cancel button; Cancel stops it, the
// previous results stay on screen (said in the status line), and the next search runs as usual; no page error
// and no main-thread task of 50 ms or more throughout.
import { test, expect } from '@playwright/test';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { LogdropPage } from './logdrop.page.ts';
import { checkLongTasks, watchMainThread } from './mainThread.ts';

const LINES = 150_000;

function writeLog(dir: string): string {
  const lines: string[] = [];
  for (let i = 0; i < LINES; i++) {
    const t = new Date(Date.UTC(2024, 9, 1) + i * 500).toISOString().slice(11, 19);
    lines.push(`Oct  1 ${t} web-01 sshd[${1000 + (i % 5000)}]: Failed password for user${i % 300} from 10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255} port ${1024 + (i % 60000)} ssh2`);
  }
  const path = join(dir, 'long-search.log');
  writeFileSync(path, lines.join('\n') + '\n');
  return path;
}

/** 100 regexes with no literal to skip rows by: each one reads every message (seconds in all, in slices). */
function slowQuery(): string {
  const terms: string[] = [];
  for (let k = 1; k <= 10; k++) for (let m = 1; m <= 10; m++) terms.push(`message:/[ae][a-z]{${k}}\\s+\\d{${m}}[xy]/`);
  return terms.join(' or ');
}

test('a long search can be cancelled: the previous results stay, the next search runs', async ({ page }, info) => {
  test.setTimeout(240_000);
  const dir = info.outputPath('inputs');
  mkdirSync(dir, { recursive: true });
  const watch = await watchMainThread(page);
  const app = new LogdropPage(page);
  await app.open();
  await watch.reset();
  await app.dropFiles([writeLog(dir)]);
  await app.expectStatus('150,000 events');
  await app.search('target.usr.name:user7');
  await app.expectStatus('500 of 150,000 events');

  const box = page.getByRole('searchbox', { name: 'Search' });
  await box.fill(slowQuery());
  await box.press('Enter');
  const cancel = page.getByRole('button', { name: 'Cancel search' });
  await expect(cancel).toBeVisible();
  await expect(page.getByRole('progressbar', { name: 'Search progress' })).toBeVisible();
  await expect(app.status()).toHaveText(/^Searching…/);
  await cancel.click();
  await app.waitForIdle();
  await app.expectStatus('Search cancelled; showing the previous results: 500 events');
  await expect(cancel).toHaveCount(0);
  // the rows of the previous search are still there
  await expect(page.getByRole('table', { name: 'Events' }).getByRole('row').nth(1)).toContainText('user7');

  await app.search('target.usr.name:(user8 user9)');
  await app.expectStatus('1,000 of 150,000 events');
  expect(watch.errors).toEqual([]);
  checkLongTasks('reliability-cancel', await watch.longTasks());
});
