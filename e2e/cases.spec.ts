// Cases as a person uses them: make a second case, fill it, go back to the first, rename it, delete the
// second; the header, the status line and the table follow the open case.
import { test, expect } from '@playwright/test';
import { LogdropPage } from './logdrop.page.ts';
import { sshdFixture } from './fixtures.ts';

const OPENSSH = sshdFixture().file;

test('create, fill, switch, rename and delete cases', async ({ page }) => {
  const app = new LogdropPage(page);
  await app.open();
  await expect(app.caseName()).toHaveText('Case 1');
  await app.expectStatus('0 events');

  let cases = await app.openCases();
  await expect(cases).toContainText('Browser storage:');
  await expect(cases.getByRole('button', { name: 'Keep data persistent' }).or(cases.getByText('Storage is persistent'))).toBeVisible();
  await cases.getByLabel('New case name').fill('Second');
  await cases.getByRole('button', { name: 'Create case' }).click();
  await app.waitForIdle();
  await expect(app.caseName()).toHaveText('Second');
  await expect(cases.getByRole('row', { name: /Second/ })).toContainText('(open)');
  await app.closeCases();

  await app.dropFiles([OPENSSH]);
  await app.expectStatus('2,000 events');
  await expect(page.getByRole('table')).toContainText('LabSZ');

  cases = await app.openCases();
  const second = cases.getByRole('row', { name: /Second/ });
  await expect(second.getByRole('cell').nth(1)).toHaveText('2,000');
  await expect(second.getByRole('cell').nth(2)).toHaveText('1');
  await expect(second.getByRole('cell').nth(3)).toHaveText(/\d KB|MB/);
  await cases.getByRole('button', { name: 'Open Case 1' }).click();
  await app.waitForIdle();
  await expect(app.caseName()).toHaveText('Case 1');

  await cases.getByRole('button', { name: 'Rename Case 1' }).click();
  await cases.getByLabel('New name for Case 1').fill('Morning triage');
  await cases.getByRole('button', { name: 'Save name' }).click();
  await app.waitForIdle();
  await expect(app.caseName()).toHaveText('Morning triage');
  await expect(cases.getByRole('row', { name: /Morning triage/ })).toBeVisible();

  await cases.getByRole('button', { name: 'Delete Second' }).click();
  await expect(cases.getByRole('group', { name: 'Confirm deleting Second' })).toContainText('Delete 2,000 events for good?');
  await cases.getByRole('button', { name: 'Yes, delete Second' }).click();
  await app.waitForIdle();
  await expect(cases.getByRole('row', { name: /Second/ })).toHaveCount(0);
  await app.closeCases();

  await app.expectStatus('0 events');
  await expect(page.getByText('This case is empty.')).toBeVisible();

  // the choice survives a reload: the renamed case is the one reopened
  await page.reload();
  await app.waitForIdle();
  await expect(app.caseName()).toHaveText('Morning triage');
  await app.expectStatus('0 events');
});

test('a file left half-read by a closed tab is searchable, marked, and can be removed', async ({ page }) => {
  const app = new LogdropPage(page);
  await app.open();
  await app.dropFiles([OPENSSH]);
  await app.expectStatus('2,000 events');

  // what a tab closed mid-ingest leaves behind: the file's ledger row still says 'reading'
  await page.evaluate(async () => {
    const [current] = await window.__logdrop!.engine.listCases();
    await new Promise<void>((resolve, reject) => {
      const req = indexedDB.open(`logdrop-case-${current.id}`);
      req.onerror = () => reject(req.error);
      req.onsuccess = () => {
        const db = req.result;
        const files = db.transaction('files', 'readwrite').objectStore('files');
        const all = files.getAll();
        all.onsuccess = () => {
          for (const row of all.result as { state: string; events: number }[]) files.put({ ...row, state: 'reading', events: 0 });
          files.transaction.oncomplete = () => { db.close(); resolve(); };
        };
      };
    });
  });
  await page.reload();
  await app.waitForIdle();

  const files = page.getByRole('region', { name: 'Files in this case' });
  const row = files.getByRole('listitem').filter({ hasText: 'sshd_2k.log' });
  await expect(row).toContainText(/Reading was interrupted \(tab closed or reloaded\) after [\d.]+ (KiB|MiB|bytes): 2,000 of this file's events were stored/);
  await app.expectStatus('2,000 events');
  await row.getByRole('button', { name: 'Remove sshd_2k.log' }).click();
  await app.waitForIdle();
  await app.expectStatus('0 events');
  await expect(files).toBeHidden();
});
