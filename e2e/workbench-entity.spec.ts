// The entity pages, the dashboard and the graph as an investigator uses them on the demo bundle
// (scripts/make-demo.ts: 203.0.113.45 tries 3,200 passwords on web01, then gets in as deploy).
// Screenshots of each view are saved with the test results.
import { test, expect, type Page, type TestInfo } from '@playwright/test';
import { LogdropPage } from './logdrop.page.ts';

const ATTACKER = '203.0.113.45';

/** Collects Content-Security-Policy violations: charts and the graph must draw under the strict policy. */
async function watchCsp(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const w = window as unknown as { __csp: string[] };
    w.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) => w.__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
}

async function cspViolations(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as unknown as { __csp: string[] }).__csp);
}

async function openDemo(page: Page): Promise<LogdropPage> {
  await watchCsp(page);
  const app = new LogdropPage(page);
  await app.open();
  await page.getByRole('button', { name: 'Load demo bundle' }).click();
  await app.waitForIdle();
  await app.expectStatus('40,781 events');
  return app;
}

async function screenshot(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  const path = testInfo.outputPath(`${name}.png`);
  await page.screenshot({ path, fullPage: true });
  await testInfo.attach(name, { path, contentType: 'image/png' });
}

test('dashboard: the attack shows without typing, and clicking a chart filters the search', async ({ page }, testInfo) => {
  const app = await openDemo(page);
  await app.openView('Dashboard');
  await expect(page.getByRole('heading', { name: 'Dashboard' })).toBeVisible();
  const sources = page.getByRole('figure', { name: 'Top source IPs (init.host.ip)' });
  await expect(sources).toBeVisible();
  await expect(page.getByRole('figure', { name: /Failed and successful logons over time \(UTC\+00:00\)/ })).toBeVisible();
  // the demo's detections, by severity on the same hours
  const alerts = page.getByRole('figure', { name: /Alerts over time by severity/ });
  await alerts.getByText('Table: Alerts over time').click();
  await expect(alerts.getByRole('columnheader', { name: /^(critical|high|medium)$/ }).first()).toBeVisible();
  await screenshot(page, testInfo, 'dashboard');

  // a click on the chart itself: the first bar is the attacker
  await sources.locator('.svgchart__bar').first().click();
  await app.waitForIdle();
  await expect(page.getByRole('searchbox', { name: 'Search' })).toHaveValue(`init.host.ip:${ATTACKER}`);
  await app.expectStatus('6,629 of 40,781 events');

  // the same through the chart's table: a time bucket of logons
  await app.openView('Dashboard');
  const logons = page.getByRole('figure', { name: /Failed and successful logons over time/ });
  await logons.getByText('Table: Failed and successful logons').click();
  await logons.getByRole('button', { name: /^Show events from 2026-03-03 \d\d:\d\d:00 UTC\+00:00 to 2026-03-03 / }).first().click();
  await app.waitForIdle();
  // the bucket becomes the search's time range (in the URL), the query selects the logons
  await expect(page.getByRole('searchbox', { name: 'Search' })).toHaveValue('action:logon');
  expect(page.url()).toMatch(/[?&]from=[^&]+&to=/);
  await expect(page.getByRole('button', { name: 'Reset time range' })).toBeVisible();
  await expect(app.status()).toHaveText(/^[\d,]+ of 40,781 events$/);
  expect(await cspViolations(page)).toEqual([]);
});

test('graph: logons drawn from the query, the top N of M noted, a node opens its entity page', async ({ page }, testInfo) => {
  const app = await openDemo(page);
  await app.openView('Graph');
  await page.getByLabel('Graph query').fill('action:logon');
  await page.getByRole('button', { name: 'Draw' }).click();
  await app.waitForIdle();
  await expect(page.getByTestId('graph-note')).toHaveText(/^Showing all \d+ nodes and \d+ of \d+ links, from 4,958 events\.$/);
  await page.getByLabel('Nodes').selectOption('50');
  await app.waitForIdle();
  const attacker = page.getByRole('button', { name: new RegExp(`^Open ip ${ATTACKER.replaceAll('.', '\\.')} \\(3,322 events, 3,320 failed, [\\d,]+ alerts?, highest (critical|high|medium)\\)$`) });
  await expect(attacker).toBeVisible();
  await screenshot(page, testInfo, 'graph');
  await attacker.click();
  await app.waitForIdle();
  await expect(page.getByRole('heading', { name: ATTACKER })).toBeVisible();
  expect(await cspViolations(page)).toEqual([]);
});

test('IP entity page: first and last seen, logon summary, accounts tried, and "show these events"', async ({ page }, testInfo) => {
  const app = await openDemo(page);
  await app.openView('Graph');
  await page.getByRole('button', { name: new RegExp(`^Open ip ${ATTACKER.replaceAll('.', '\\.')} `) }).click();
  await app.waitForIdle();
  await expect(page.getByRole('heading', { name: ATTACKER })).toBeVisible();
  // in the multi-source demo the address is first seen at 01:50 UTC on day 2 and last at 03:16
  await expect(page.getByTestId('first-seen')).toHaveText('2026-03-03 01:50:00 UTC+00:00');
  await expect(page.getByTestId('last-seen')).toHaveText('2026-03-03 03:16:06 UTC+00:00');
  await expect(page.getByTestId('entity-events')).toHaveText('6,630');
  const logons = page.getByRole('region', { name: 'Logon summary' });
  await expect(logons.getByRole('button', { name: 'Show 3,320 failed logons' })).toBeVisible();
  await expect(logons.getByRole('button', { name: 'Show 2 successful logons' })).toBeVisible();
  const tried = page.getByRole('region', { name: 'Accounts it tried' });
  await expect(tried).toContainText('(12 of 15: the busiest, and any that succeeded)');
  // the account that got in is listed although fewer tries aimed at it
  const deploy = tried.getByRole('row', { name: /^Open user deploy / });
  await expect(deploy.getByRole('cell').nth(2)).toHaveText('1'); // succeeded
  await expect(page.getByRole('figure', { name: /^Activity over time by outcome/ })).toBeVisible();
  // the detections about this address, each opening in the alerts view
  const related = page.getByRole('region', { name: 'Related alerts' });
  await expect(related).toContainText(/^Related alerts[\d,]+ alerts?: /);
  await screenshot(page, testInfo, 'entity-ip');

  // a counterpart opens its own page; its host table leads on
  await page.getByRole('region', { name: 'Hosts that logged it' }).getByRole('button', { name: 'Open host web01' }).click();
  await app.waitForIdle();
  await expect(page.getByRole('heading', { name: 'web01' })).toBeVisible();
  await screenshot(page, testInfo, 'entity-host');
  await page.getByRole('region', { name: 'Accounts' }).getByRole('button', { name: 'Open user deploy' }).click();
  await app.waitForIdle();
  await expect(page.getByRole('heading', { name: 'deploy' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Source IPs it came from' })).toContainText(ATTACKER);
  await screenshot(page, testInfo, 'entity-user');

  await page.getByRole('button', { name: 'Show these events' }).click();
  await app.waitForIdle();
  await expect(page.getByRole('searchbox', { name: 'Search' })).toHaveValue('init.usr.name:deploy or target.usr.name:deploy');
  await expect(app.status()).toHaveText(/^[\d,]+ of 40,781 events$/);
  expect(await cspViolations(page)).toEqual([]);
});
