// Reliability (issue 9 item 11): an archive with many members is read without quadratic slow-down and
// without freezing the page: progress arrives as deltas, the files panel and the ledger render only the
// rows in view, and progress re-renders only what shows it (state/filesStore.ts). The ledger opens while the
// archive is being read, and no main-thread task reaches 50 ms of CPU (mainThread.ts).
// LOGDROP_MEMBERS sets the member count (default 1,000 keeps the suite under 3 minutes).
import { test, expect } from '@playwright/test';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { LogdropPage } from './logdrop.page.ts';
import { checkLongTasks, watchMainThread } from './mainThread.ts';

const MEMBERS = Number(process.env.LOGDROP_MEMBERS ?? 1000);

function writeZip(dir: string): string {
  const files: Record<string, Uint8Array> = {};
  for (let i = 0; i < MEMBERS; i++) {
    const host = `host-${String(i).padStart(5, '0')}`;
    files[`logs/${host}/auth.log`] = strToU8(
      `Oct  1 10:00:00 ${host} sshd[1]: Failed password for root from 10.0.0.1 port 22 ssh2\n` +
      `Oct  1 10:00:01 ${host} sshd[1]: Accepted password for admin from 10.0.0.2 port 22 ssh2\n`);
  }
  files['logs/\u202Egol.exe'] = strToU8('Oct  1 10:00:02 spoof sshd[1]: Failed password for x from 10.0.0.3 port 22 ssh2\n');
  const path = join(dir, `members-${MEMBERS}.zip`);
  writeFileSync(path, zipSync(files, { level: 1 }));
  return path;
}

test(`a zip of ${MEMBERS} members: read whole, the ledger opens meanwhile, a spoofed member name marked, no page error or long task`, async ({ page }, info) => {
  test.setTimeout(Math.max(120_000, MEMBERS * 60));
  const dir = info.outputPath('inputs');
  mkdirSync(dir, { recursive: true });
  const zip = writeZip(dir);
  const watch = await watchMainThread(page);
  const app = new LogdropPage(page);
  await app.open();
  await watch.reset();
  const t0 = Date.now();
  await page.getByLabel('Open log files').setInputFiles([zip]);
  // while the members are read: progress shows, and the ledger opens at once
  await app.expectStatus(/^Reading [\d,]+ files… [\d,]+ events so far$/);
  await page.getByRole('region', { name: 'Ledger' }).getByRole('button', { name: 'Show ledger' }).click();
  await expect(page.getByRole('table', { name: 'Ledger' })).toBeVisible();
  // on a fast machine the archive may be read by now; the long tasks below cover the whole read either way
  const openedWhileReading = /^Reading /.test((await app.status().textContent()) ?? '');
  await app.waitForIdle();
  const seconds = (Date.now() - t0) / 1000;
  await app.expectStatus(`${(MEMBERS * 2 + 1).toLocaleString('en')} events`);
  const files = page.getByRole('region', { name: 'Files in this case' });
  await expect(files.getByRole('heading', { name: `Files (${MEMBERS + 1})` })).toBeVisible();
  // the member named with a right-to-left override shows it marked, not obeyed
  const ledger = page.getByRole('region', { name: 'Ledger' });
  // scrolled to the end as a person does, again if the list's row height estimate was corrected meanwhile
  // (useVirtualWindow measures the rendered rows on scroll: the first jump to the end may land short of it)
  await expect(async () => {
    await ledger.getByRole('table', { name: 'Ledger' }).evaluate((t) => { t.parentElement!.scrollTop = t.parentElement!.scrollHeight; });
    await expect(ledger.getByText('⟨U+202E⟩')).toBeVisible({ timeout: 2000 });
  }).toPass();
  const tasks = await watch.longTasks();
  info.annotations.push({ type: 'measure', description: `${MEMBERS} members in ${seconds.toFixed(1)} s; ledger opened while reading: ${openedWhileReading}; long tasks by wall time: ${JSON.stringify(tasks.wall)}, over 50 ms of CPU: ${JSON.stringify(tasks.cpu)}` });
  console.log(`[reliability-archive] ${MEMBERS} members: ${seconds.toFixed(1)} s, ledger opened while reading: ${openedWhileReading}`);
  expect(watch.errors).toEqual([]);
  // Asserted like the other reliability specs. It was only printed while tasks of 38-57 ms of CPU came and went
  // between CI runs; what they were and what now keeps them apart: the click on Show ledger mounted the table in its
  // own task, and Chromium's hover update after the mouse release laid it out there (29-46 ms of CPU): the table
  // now mounts in a deferred render, and lays out in the next frame. Progress was committed inside an animation
  // frame, with that frame's style, layout and paint: it is now a task of its own. The files panel rendered its
  // first 50 rows whole and removed them at the 51st. The end of the ingest re-rendered the app in one update: now
  // one transition, rendered in slices. Playwright's role queries over the open ledger (DevTools session messages,
  // 73 ms of CPU once) are its own work, left out like its evaluations (bench/trace.ts pageTasks). The page's
  // largest task was 23-42 ms of CPU (median 27) in six runs at load 17-25 on 2 cores; main's build 30-40 (median
  // 38) in three. The largest left is the frame that lays out and paints the search view after the ingest.
  checkLongTasks('reliability-archive', tasks);
});
