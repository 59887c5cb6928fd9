// The search view as an investigator uses it on the demo bundle: query, facets, timeline brush, event
// detail and pivots, time zone, the URL restoring the view, back/forward through pivots, and screenshots
// of the view in light, dark and projector mode (artifacts, not compared).
import { test, expect, type Page, type TestInfo } from '@playwright/test';
import { LogdropPage } from './logdrop.page.ts';

async function loadDemo(page: Page): Promise<LogdropPage> {
  const app = new LogdropPage(page);
  await app.open();
  await page.getByRole('button', { name: 'Load demo bundle' }).click();
  await app.waitForIdle();
  await expect(app.status()).toHaveText(/^[\d,]+ events/);
  return app;
}

const count = async (app: LogdropPage): Promise<{ shown: number; of?: number }> => {
  const text = (await app.status().textContent()) ?? '';
  const m = /^([\d,]+)(?: of ([\d,]+))? events/.exec(text);
  if (m === null) throw new Error(`status says "${text}"`);
  return { shown: Number(m[1].replace(/,/g, '')), of: m[2] === undefined ? undefined : Number(m[2].replace(/,/g, '')) };
};

/** A screenshot kept as a test artifact (test-results/...), for people to look at; never compared. */
async function shot(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  const path = testInfo.outputPath(`${name}.png`);
  await page.screenshot({ path, fullPage: true });
  await testInfo.attach(name, { path, contentType: 'image/png' });
}

const firstCell = (page: Page) => page.getByRole('table', { name: 'Events' }).getByRole('row').nth(1).getByRole('cell').first();

test('search, facets, timeline brush, event detail and pivots on the demo', async ({ page }, testInfo) => {
  const app = await loadDemo(page);
  const all = (await count(app)).shown;
  expect(all).toBeGreaterThan(1000);
  // one screen tells the story: the facets already show the attacking range at the top
  await expect(page.getByRole('region', { name: 'Field init.host.ip' }).getByRole('button', { name: /^Include init\.host\.ip: 203\.0\.113\./ }).first()).toBeVisible();
  await shot(page, testInfo, 'search-light');

  await app.search('outcome:failure and init.host.ip:203.0.113.0/24');
  const failures = await count(app);
  expect(failures.of).toBe(all);
  expect(failures.shown).toBeGreaterThan(0);
  expect(failures.shown).toBeLessThan(all);
  await expect(page.getByRole('table', { name: 'Events' })).toContainText('203.0.113.');

  // include then exclude from facets: the query gains the clauses, shown as chips
  const users = page.getByRole('region', { name: 'Field target.usr.name' });
  const topUser = users.getByRole('button', { name: /^Include target\.usr\.name: / }).first();
  const userName = ((await topUser.getAttribute('aria-label')) ?? '').replace('Include target.usr.name: ', '');
  await topUser.click();
  await app.waitForIdle();
  const included = await count(app);
  expect(included.shown).toBeLessThanOrEqual(failures.shown);
  await expect(page.getByRole('list', { name: 'Active filters' })).toContainText(`target.usr.name: ${userName}`);
  await expect(page.getByRole('searchbox', { name: 'Search' })).toHaveValue(new RegExp(`target\\.usr\\.name:"?${userName}`));

  await page.getByRole('button', { name: `Remove filter target.usr.name: ${userName}` }).click();
  await app.waitForIdle();
  expect((await count(app)).shown).toBe(failures.shown);
  await users.getByRole('button', { name: `Exclude target.usr.name: ${userName}` }).click();
  await app.waitForIdle();
  expect((await count(app)).shown).toBe(failures.shown - included.shown);
  await page.getByRole('button', { name: `Remove filter not target.usr.name: ${userName}` }).click();
  await app.waitForIdle();

  // brush the timeline: drag over the middle of the bars
  const chart = page.getByTestId('timeline-chart');
  const box = (await chart.boundingBox())!;
  await page.mouse.move(box.x + box.width * 0.3, box.y + box.height * 0.5);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width * 0.5, box.y + box.height * 0.5, { steps: 8 });
  await page.mouse.move(box.x + box.width * 0.7, box.y + box.height * 0.5, { steps: 8 });
  await page.mouse.up();
  await app.waitForIdle();
  await expect(page.getByRole('button', { name: 'Reset time range' })).toBeVisible();
  // the range fields follow the brush (the URL's from, in the display zone)
  const from = Number(/[?&]from=(\d+)/.exec(page.url())?.[1]);
  await expect(page.getByRole('textbox', { name: /^From \(UTC/ })).toHaveValue(new Date(from).toISOString().slice(0, 19).replace('T', ' '));
  const brushed = await count(app);
  expect(brushed.shown).toBeLessThan(failures.shown);
  await page.getByRole('button', { name: 'Reset time range' }).click();
  await app.waitForIdle();
  expect((await count(app)).shown).toBe(failures.shown);

  // open an event with the keyboard, see its fields by role and its raw record, pivot on its IP
  const table = page.getByRole('table', { name: 'Events' });
  await table.focus();
  await page.keyboard.press('j');
  await page.keyboard.press('Enter');
  await app.waitForIdle();
  const drawer = page.getByRole('complementary', { name: 'Event detail' });
  await expect(drawer).toBeVisible();
  await expect(drawer.getByRole('region', { name: 'Initiator (init)' })).toContainText('203.0.113.');
  await expect(drawer.getByRole('region', { name: 'Raw record' })).toBeVisible();
  await expect(drawer.getByRole('region', { name: 'Surrounding events' }).getByRole('listitem')).not.toHaveCount(0);
  await page.keyboard.press('Escape');
  await expect(drawer).toBeHidden();
  // Esc gave the focus back to the table: j j k leaves the second row current; `/` then focuses the query bar
  await expect(table).toBeFocused();
  for (const key of ['j', 'j', 'k']) await page.keyboard.press(key);
  await expect(table.locator('[role="row"][aria-current="true"]')).toHaveAttribute('aria-rowindex', '3');
  await page.keyboard.press('/');
  await expect(page.getByRole('searchbox', { name: 'Search' })).toBeFocused();
  await firstCell(page).click();
  await app.waitForIdle();
  await drawer.getByRole('button', { name: /^203\.0\.113\.\d+ — actions for init\.host\.ip$/ }).click();
  await page.getByRole('menuitem', { name: 'Open ip page' }).click();
  await app.waitForIdle();
  await expect(page).toHaveURL(/#\/entity\?kind=ip&value=203\.0\.113\./);
  await expect(page.getByRole('heading', { name: /203\.0\.113\.\d+/ })).toBeVisible();
  await page.goBack();
  await app.waitForIdle();
  await expect(drawer).toBeVisible();
  expect((await count(app)).shown).toBe(failures.shown);
});

test('the time zone setting changes every time shown', async ({ page }) => {
  const app = await loadDemo(page);
  await expect(firstCell(page)).toHaveText(/^\d{4}-\d\d-\d\d /);
  const before = await firstCell(page).textContent();
  await expect(page.getByRole('columnheader', { name: /Time \(UTC\+00:00\)/ })).toBeVisible();
  await page.getByRole('button', { name: /^Settings/ }).click();
  await page.getByRole('dialog', { name: 'Settings' }).getByLabel('Time zone').selectOption('Asia/Tokyo');
  await expect(page.getByRole('columnheader', { name: /Time \(Asia\/Tokyo \(UTC\+09:00\)\)/ })).toBeVisible();
  await expect(firstCell(page)).not.toHaveText(before!);
  const after = await firstCell(page).textContent();
  expect(Date.parse(`${after!.replace(' ', 'T')}Z`) - Date.parse(`${before!.replace(' ', 'T')}Z`)).toBe(9 * 3600_000);
  await expect(page.getByRole('region', { name: 'Timeline' })).toContainText('UTC+09:00');
  await app.waitForIdle();

  // the range typed in the chosen zone: 11:00-12:00 in Tokyo is 02:00-03:00 UTC, in the URL as epoch ms
  const all = (await count(app)).shown;
  const fromField = page.getByRole('textbox', { name: /^From \(Asia\/Tokyo/ });
  await expect(fromField).toHaveValue(/^2026-03-0\d \d\d:\d\d:\d\d$/);
  await fromField.fill('2026-03-03 11:00');
  await page.getByRole('textbox', { name: /^To \(Asia\/Tokyo/ }).fill('2026-03-03 12:00');
  await page.getByRole('textbox', { name: /^To \(Asia\/Tokyo/ }).press('Enter');
  await app.waitForIdle();
  expect(page.url()).toContain(`from=${Date.UTC(2026, 2, 3, 2)}&to=${Date.UTC(2026, 2, 3, 3)}`);
  const ranged = await count(app);
  expect(ranged.of).toBe(all);
  expect(ranged.shown).toBeLessThan(all);
  await expect(fromField).toHaveValue('2026-03-03 11:00:00');
  // a time that is not one says how to write it, and changes nothing
  await fromField.fill('yesterday');
  await fromField.press('Enter');
  await expect(page.getByRole('alert').filter({ hasText: 'Write times like' })).toBeVisible();
  expect((await count(app)).shown).toBe(ranged.shown);
  await page.getByRole('button', { name: 'Reset time range' }).click();
  await app.waitForIdle();
  expect((await count(app)).shown).toBe(all);
});

test('column layouts: saved by name, applied again after the default columns and a reload', async ({ page }) => {
  const app = await loadDemo(page);
  const table = page.getByRole('table', { name: 'Events' });
  await page.getByRole('button', { name: 'Columns' }).click();
  const panel = page.getByRole('dialog', { name: 'Columns' });
  await panel.getByLabel('Find a field').fill('action');
  await panel.getByRole('checkbox', { name: /^action\b/ }).check();
  await expect(table.getByRole('columnheader', { name: 'Action' })).toBeVisible();
  await panel.getByLabel('Layout name').fill('triage');
  await panel.getByRole('button', { name: 'Save layout' }).click();
  await panel.getByRole('button', { name: 'Default columns' }).click();
  await expect(table.getByRole('columnheader', { name: 'Action' })).toHaveCount(0);
  await page.reload();
  await app.waitForIdle();
  await page.getByRole('button', { name: 'Columns' }).click();
  await page.getByRole('dialog', { name: 'Columns' }).getByRole('button', { name: 'Use layout triage' }).click();
  await expect(table.getByRole('columnheader', { name: 'Action' })).toBeVisible();
  expect(page.url()).toMatch(/cols=[^&]*action/);
});

test('reload restores the view from the URL; back and forward walk the pivots', async ({ page }, testInfo) => {
  const app = await loadDemo(page);
  const all = (await count(app)).shown;
  await app.search('outcome:failure');
  const failures = (await count(app)).shown;
  // pivot 1: include a value; pivot 2: exclude another
  const ips = page.getByRole('region', { name: 'Field init.host.ip' });
  await ips.getByRole('button', { name: /^Include init\.host\.ip: / }).first().click();
  await app.waitForIdle();
  const one = (await count(app)).shown;
  const users = page.getByRole('region', { name: 'Field target.usr.name' });
  await users.getByRole('button', { name: /^Exclude target\.usr\.name: / }).first().click();
  await app.waitForIdle();
  const two = (await count(app)).shown;
  expect(two).toBeLessThan(one);
  await firstCell(page).click();
  await app.waitForIdle();
  const query = await page.getByRole('searchbox', { name: 'Search' }).inputValue();

  await page.reload();
  await app.waitForIdle();
  expect((await count(app)).shown).toBe(two);
  await expect(page.getByRole('searchbox', { name: 'Search' })).toHaveValue(query);
  await expect(page.getByRole('complementary', { name: 'Event detail' })).toBeVisible();

  await page.goBack();
  await app.waitForIdle();
  expect((await count(app)).shown).toBe(one);
  await page.goBack();
  await app.waitForIdle();
  expect((await count(app)).shown).toBe(failures);
  await page.goForward();
  await app.waitForIdle();
  expect((await count(app)).shown).toBe(one);
  await page.goForward();
  await app.waitForIdle();
  expect((await count(app)).shown).toBe(two);
  expect(all).toBeGreaterThan(failures);

  // dark theme and projector mode (one button, kept in the URL)
  await page.getByRole('button', { name: /^Settings/ }).click();
  await page.getByRole('dialog', { name: 'Settings' }).getByLabel('Theme').selectOption('dark');
  await page.getByRole('dialog', { name: 'Settings' }).getByRole('button', { name: 'Close' }).click();
  await shot(page, testInfo, 'search-dark');
  await page.getByRole('button', { name: 'Projector mode' }).click();
  await expect(page).toHaveURL(/pj=1/);
  await expect(page.getByRole('button', { name: 'Projector mode' })).toHaveAttribute('aria-pressed', 'true');
  await page.getByRole('dialog', { name: 'Settings' }).or(page.getByRole('button', { name: /^Settings/ })).first().isVisible();
  await shot(page, testInfo, 'search-projector-dark');
  await page.reload();
  await app.waitForIdle();
  await expect(page.getByRole('button', { name: 'Projector mode' })).toHaveAttribute('aria-pressed', 'true');
  await page.getByRole('button', { name: /^Settings/ }).click();
  await page.getByRole('dialog', { name: 'Settings' }).getByLabel('Theme').selectOption('light');
  await page.getByRole('dialog', { name: 'Settings' }).getByRole('button', { name: 'Close' }).click();
  await shot(page, testInfo, 'search-projector-light');
});
