// Redaction as a trainer uses it: load the demo, switch Redact on, and walk every view (search with an event
// open, facets, alerts with one opened, dashboard, graph, an IP's and a user's entity page, the ledger): no
// original address, account or host name of the demo appears in the page's text, labels or chart text. Then
// search for a pseudonym: it finds the original's events and the query box keeps the pseudonym; switching hosts
// off in the redaction settings shows their names again.
import { test, expect, type Page } from '@playwright/test';
import { LogdropPage } from './logdrop.page.ts';

/** The demo's addresses, accounts and host names, read with Redact off (the oracle, through the test hook). */
async function originals(page: Page): Promise<string[]> {
  return page.evaluate(async () => {
    const engine = window.__logdrop!.engine;
    const all = await engine.query('');
    if (!all.ok) throw new Error(all.error.message);
    const fields = ['init.host.ip', 'target.host.ip', 'obs.host.ip', 'init.usr.name', 'target.usr.name', 'obs.host.name', 'init.host.name', 'target.host.name'];
    const facets = await engine.facets(all.handle.id, fields, 500);
    await engine.release(all.handle.id);
    return [...new Set(facets.flatMap((f) => f.values.map((v) => v.value)))];
  });
}

/** Everything a person can read on the page: text, accessible names and titles, chart text. */
async function pageText(page: Page): Promise<string> {
  return page.evaluate(() => {
    const parts = [document.body.innerText];
    for (const el of document.querySelectorAll('[aria-label], [title], [placeholder]')) {
      parts.push(el.getAttribute('aria-label') ?? '', el.getAttribute('title') ?? '', el.getAttribute('placeholder') ?? '');
    }
    for (const el of document.querySelectorAll('svg text, svg title, input, textarea')) parts.push(el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement ? el.value : el.textContent ?? '');
    return parts.join('\n');
  });
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The originals that appear as whole words in the text (as written: the demo's account "user" is also a word of
 * the interface, "Open user page", and is left out; so are the interface's own examples, which are no log data).
 */
const UI_WORDS = new Set(['user']);
const UI_TEXTS = ['Ignore case (group Admin = admin)', 'e.g. web01 breach, March', 'sudo to root'];
const wordRe = (v: string) => new RegExp(`(?<![\\w.:@-])${escapeRe(v)}(?![\\w@-]|[.:]\\w)`);
const withoutUi = (text: string) => UI_TEXTS.reduce((x, ui) => x.replaceAll(ui, ''), text);
function leaked(text: string, values: readonly string[]): string[] {
  const t = withoutUi(text);
  return values.filter((v) => !UI_WORDS.has(v) && wordRe(v).test(t));
}

test('with Redact on, no original address, account or host of the demo appears on any view; pseudonyms search', async ({ page }) => {
  test.setTimeout(300_000);
  const app = new LogdropPage(page);
  await app.open();
  await page.getByRole('button', { name: 'Load demo bundle' }).click();
  await app.waitForIdle();
  const values = await originals(page);
  expect(values.length).toBeGreaterThan(20);
  expect(values).toContain('203.0.113.45');

  await page.getByRole('checkbox', { name: 'Redact' }).check();
  await app.waitForIdle();
  const seen: string[] = [];
  const check = async (where: string) => {
    await app.waitForIdle();
    const text = await pageText(page);
    // where it leaked: 60 characters around each original found
    const t = withoutUi(text);
    const around = leaked(text, values).map((v) => { const i = t.search(wordRe(v)); return t.slice(Math.max(0, i - 60), i + v.length + 60); });
    expect(around, where).toEqual([]);
    seen.push(where);
  };

  // search: the table, the facets, an event open in the detail
  await check('search');
  await page.getByRole('table', { name: 'Events' }).getByRole('row').nth(1).getByRole('cell').first().click();
  await check('search with an event open');
  await expect(page.getByRole('button', { name: /^10\.\d+\.\d+\.\d+ — actions for init\.host\.ip$/ }).first()).toBeVisible();

  // alerts, one opened
  await app.openView('Alerts');
  await check('alerts');
  await page.locator('button.alert-open').first().click();
  await check('alert opened');

  await app.openView('Dashboard');
  await check('dashboard');

  await app.openView('Graph');
  await page.getByLabel('Graph query').fill('action:logon');
  await page.getByRole('button', { name: 'Draw' }).click();
  await check('graph');

  // an address's entity page from the graph, then a user it tried
  const node = page.getByRole('button', { name: /^Open ip 10\.\d+\.\d+\.\d+ / }).first();
  const ip = (await node.getAttribute('aria-label'))!.split(' ')[2];
  await node.click();
  await expect(page.getByRole('heading', { name: ip })).toBeVisible();
  await check('ip entity page');
  const user = page.getByRole('button', { name: /^Open user user-\d+/ }).first();
  await user.click();
  await expect(page.getByRole('heading', { name: /^user-\d+$/ })).toBeVisible();
  await check('user entity page');

  await app.openView('Ledger');
  await check('ledger');
  expect(seen).toHaveLength(9);

  // a pseudonym typed in the search finds the original's events; the box keeps what was typed
  await app.openView('Search');
  await app.search(`init.host.ip:${ip}`);
  await expect(page.getByRole('searchbox', { name: 'Search' })).toHaveValue(`init.host.ip:${ip}`);
  await expect(app.status()).toHaveText(/^[1-9][\d,]* of 40,781 events$/);
  await check('search for a pseudonym');

  // Redaction settings: hosts kept as they are show their names; replaced again, they are gone
  await page.getByText('Redaction settings').click();
  await page.getByRole('checkbox', { name: 'Hosts', exact: true }).uncheck();
  await app.waitForIdle();
  expect(leaked(await pageText(page), values).length).toBeGreaterThan(0);
  await page.getByRole('checkbox', { name: 'Hosts', exact: true }).check();
  await check('hosts replaced again');
});
