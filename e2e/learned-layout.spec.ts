// A log no specific parser knows: the ledger shows the time layout the generic parser learned, and the
// user switches its day/month order there (the file is read again and its times move).
import { test, expect } from '@playwright/test';
import { writeFileSync } from 'node:fs';
import { LogdropPage } from './logdrop.page.ts';

test('the ledger shows the learned time layout and lets the user change the day/month order', async ({ page }) => {
  const file = test.info().outputPath('backup.log');
  writeFileSync(file, [
    '03/04/2021 10:00:00 backup started on /dev/sdb1',
    '03/04/2021 10:05:00 backup copied 1024 files',
    '03/05/2021 10:00:00 backup started on /dev/sdb1',
    '03/05/2021 10:07:00 backup copied 998 files',
  ].join('\n') + '\n');
  const app = new LogdropPage(page);
  await app.open();
  await app.dropFiles([file]);
  const ledger = await app.openLedger();
  const row = () => ledger.getByRole('row').filter({ has: page.getByRole('rowheader', { name: /backup\.log/ }) });
  await expect(row().getByRole('cell').nth(2)).toContainText('generic');
  await expect(row().getByRole('cell').nth(2)).toContainText('[mdy], e.g. "03/04/2021 10:00:00", field 1 (100% of events)');
  await expect(row().getByRole('cell').nth(5)).toContainText('2021-03-04');

  await row().getByRole('combobox', { name: 'Time layout for backup.log' }).selectOption('xx-xx-yyyy:dmy');
  await row().getByRole('button', { name: 'Apply to backup.log' }).click();
  await app.waitForIdle();
  await expect(row().getByRole('cell').nth(2)).toContainText('[dmy]');
  await expect(row().getByRole('cell').nth(2)).toContainText('(chosen by you)');
  await expect(row().getByRole('cell').nth(5)).toContainText('2021-04-03');
});
