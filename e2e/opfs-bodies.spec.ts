// Case schema 8 in real Chromium: a big file's chunks are stored as files in the Origin Private File System
// (store/caseBodies.ts). What a person does: drop a file, reload, search, cancel and remove a second file,
// delete the case; and two tabs, the second reading the case while the first writes it. The spec looks into
// OPFS (page.evaluate) only to check where the bytes went and that they go away with the file and the case.
import { test, expect, type Page } from '@playwright/test';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LogdropPage } from './logdrop.page.ts';

const DIR = mkdtempSync(join(tmpdir(), 'logdrop-opfs-'));

/** n syslog lines and, last, one line holding the word `marker` (searched for). */
function syslog(name: string, n: number, marker: string): string {
  const lines: string[] = [];
  for (let i = 0; i < n - 1; i++) lines.push(`Jan 15 10:${String(Math.floor(i / 60) % 60).padStart(2, '0')}:${String(i % 60).padStart(2, '0')} web01 app[${i}]: request ${i} done`);
  lines.push(`Jan 15 11:00:00 web01 app[1]: marker ${marker}`);
  const path = join(DIR, name);
  writeFileSync(path, lines.join('\n') + '\n');
  return path;
}

/** Body files per case folder of this origin's OPFS (folder name -> file count). */
async function bodies(page: Page): Promise<Record<string, number>> {
  return page.evaluate(async () => {
    type Dir = FileSystemDirectoryHandle & { entries(): AsyncIterable<[string, FileSystemHandle]>; keys(): AsyncIterable<string> };
    const root = (await navigator.storage.getDirectory()) as Dir;
    const out: Record<string, number> = {};
    for await (const [name, h] of root.entries()) {
      if (!name.startsWith('logdrop-case-') || h.kind !== 'directory') continue;
      let n = 0;
      for await (const _file of (h as Dir).keys()) n++;
      out[name] = n;
    }
    return out;
  });
}
const total = (b: Record<string, number>) => Object.values(b).reduce((s, n) => s + n, 0);

function errorsOf(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  return errors;
}

test('chunks live in OPFS: reload, search, cancel and remove a file, delete the case', async ({ page }) => {
  test.setTimeout(240_000);
  const app = new LogdropPage(page);
  const errors = errorsOf(page);
  await app.open();
  await app.dropFiles([syslog('first.log', 60_000, 'zqxfirst')]);
  await app.expectStatus('60,000 events');
  expect(total(await bodies(page))).toBe(6); // six chunks of 10,000 events, each over the 256 KiB kept in IndexedDB

  await page.reload();
  await app.waitForIdle();
  await app.expectStatus('60,000 events');
  await app.search('zqxfirst');
  await app.expectStatus('1 of 60,000 events');
  await expect(page.getByRole('table', { name: 'Events' }).getByRole('row').nth(1)).toContainText('marker zqxfirst');
  await app.search('');

  // a second, big file: cancelled once some of its chunks are stored, then removed
  await page.getByLabel('Open log files').setInputFiles([syslog('second.log', 400_000, 'zqxsecond')]);
  await expect.poll(async () => total(await bodies(page)), { timeout: 120_000 }).toBeGreaterThan(8);
  await page.getByRole('button', { name: 'Cancel ingest' }).click();
  await app.waitForIdle();
  const files = page.getByRole('region', { name: 'Files in this case' });
  const row = files.getByRole('listitem').filter({ hasText: 'second.log' });
  await expect(row).toContainText(/incomplete|cancelled/);
  await row.getByRole('button', { name: 'Remove second.log' }).click();
  await app.waitForIdle();
  await app.expectStatus('60,000 events');
  expect(total(await bodies(page))).toBe(6);
  await page.reload();
  await app.waitForIdle();
  await app.search('zqxfirst');
  await app.expectStatus('1 of 60,000 events');

  const cases = await app.openCases();
  await cases.getByRole('button', { name: 'Delete Case 1' }).click();
  await cases.getByRole('button', { name: 'Yes, delete Case 1' }).click();
  await app.waitForIdle();
  expect(await bodies(page)).toEqual({});
  expect(errors).toEqual([]);
});

test('a second tab reads the case from OPFS while the first writes it, then sees everything', async ({ context }) => {
  test.setTimeout(240_000);
  const a = new LogdropPage(await context.newPage());
  const b = new LogdropPage(await context.newPage());
  const errors = [...errorsOf(a.page), ...errorsOf(b.page)];
  await a.open();
  await b.open();
  await a.page.getByLabel('Open log files').setInputFiles([syslog('big.log', 300_000, 'zqxbig')]);
  // tab B opens the case again while some chunks are stored and more are being written
  await expect.poll(async () => total(await bodies(a.page)), { timeout: 120_000 }).toBeGreaterThan(2);
  await b.page.reload();
  await b.page.waitForFunction(() => window.__logdrop !== undefined);
  await expect(b.page.getByRole('region', { name: 'Read-only' })).toBeVisible();

  await a.waitForIdle();
  await a.expectStatus('300,000 events');
  await expect(b.page.getByRole('region', { name: 'Read-only' })).toBeHidden();
  await b.waitForIdle();
  await b.expectStatus('300,000 events');
  await b.search('zqxbig');
  await b.expectStatus('1 of 300,000 events');
  expect(total(await bodies(b.page))).toBe(30);
  expect(errors).toEqual([]);
});
