// Every workbench view on the demo bundle in light, dark and projector mode, saved as screenshots with
// the test results (looked at by people, never compared pixel by pixel). Each screen is also checked for
// what breaks a demo on a projector: a page wider than the screen, and type too small to read from the
// back of a room.
import { test, expect, type Page, type TestInfo } from '@playwright/test';
import { LogdropPage } from './logdrop.page.ts';

const ATTACKER = '203.0.113.45';

interface Mode { name: string; theme: 'light' | 'dark'; projector: boolean; viewport: { width: number; height: number } }
const MODES: Mode[] = [
  { name: 'light', theme: 'light', projector: false, viewport: { width: 1440, height: 900 } },
  { name: 'dark', theme: 'dark', projector: false, viewport: { width: 1440, height: 900 } },
  // a classroom projector is often 1280 x 720
  { name: 'projector', theme: 'light', projector: true, viewport: { width: 1280, height: 720 } },
  { name: 'projector-dark', theme: 'dark', projector: true, viewport: { width: 1280, height: 720 } },
];

async function shot(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  const path = testInfo.outputPath(`${name}.png`);
  await page.screenshot({ path, fullPage: true });
  await testInfo.attach(name, { path, contentType: 'image/png' });
}

/** The page does not scroll sideways: every view fits the screen's width (wide tables scroll inside). */
async function expectFitsWidth(page: Page, view: string): Promise<void> {
  const { scroll, width } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, width: window.innerWidth }));
  expect(scroll, `${view}: the page is ${scroll}px wide on a ${width}px screen`).toBeLessThanOrEqual(width);
}

/** The smallest text on screen, in CSS px as drawn. */
async function smallestText(page: Page): Promise<{ px: number; text: string }> {
  return page.evaluate(() => {
    let best = { px: Infinity, text: '' };
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n !== null; n = walker.nextNode()) {
      const el = n.parentElement;
      if (el === null || (n.textContent ?? '').trim() === '' || el.closest('[aria-hidden="true"]:not(.graph-labels), .sr-only, option, script, style') !== null) continue;
      const r = el.getBoundingClientRect();
      if (r.width === 0 || r.height === 0 || r.bottom < 0 || r.top > window.innerHeight) continue;
      // (the graph's labels are hidden from screen readers, the nodes carry the names, but they are read on screen)
      // SVG text is drawn at its font size times the drawing's scale (the graph's fitted view box)
      const m = el instanceof SVGGraphicsElement ? el.getScreenCTM() : null;
      const px = parseFloat(getComputedStyle(el).fontSize) * (m === null ? 1 : Math.hypot(m.a, m.b));
      if (px < best.px) best = { px, text: (n.textContent ?? '').trim().slice(0, 40) };
    }
    return best;
  });
}

async function expectReadable(page: Page, mode: Mode, view: string): Promise<void> {
  await expectFitsWidth(page, view);
  if (!mode.projector) return;
  // 16 px on a 1280 px wide projection is about what 12 pt is on paper: the floor for the back row
  // polled: the graph sizes its labels once its box is measured, a frame after it is drawn
  // (a quarter pixel of slack: SVG text is measured through the drawing's scale, in whole-pixel boxes)
  let small = { px: 0, text: '' };
  await expect.poll(async () => (small = await smallestText(page)).px, { message: `${view}: "${small.text}" too small in projector mode` }).toBeGreaterThanOrEqual(15.75);
}

// six views in each test: minutes on a loaded machine
test.describe.configure({ timeout: 360_000 });

for (const mode of MODES) {
  test(`every view in ${mode.name} mode`, async ({ page }, testInfo) => {
    await page.setViewportSize(mode.viewport);
    const app = new LogdropPage(page);
    await app.open();
    await page.getByRole('button', { name: 'Load demo bundle' }).click();
    await app.waitForIdle();
    await app.expectStatus('40,781 events');
    await page.getByRole('button', { name: /^Settings/ }).click();
    const settings = page.getByRole('dialog', { name: 'Settings' });
    await settings.getByLabel('Theme').selectOption(mode.theme);
    await settings.getByRole('button', { name: 'Close' }).click();
    await expect(page.locator('html')).toHaveAttribute('data-theme', mode.theme);
    if (mode.projector) {
      await page.getByRole('button', { name: 'Projector mode' }).click();
      await expect(page).toHaveURL(/pj=1/);
      await expect(page.locator('html')).toHaveAttribute('data-projector', '');
    }

    await app.search('outcome:failure and init.host.ip:203.0.113.0/24');
    await expect(app.status()).toHaveText(/^[\d,]+ of 40,781 events$/);
    await expectReadable(page, mode, 'search');
    await shot(page, testInfo, `search-${mode.name}`);

    await page.getByRole('table', { name: 'Events' }).getByRole('row').nth(1).getByRole('cell').first().click();
    await app.waitForIdle();
    await expect(page.getByRole('complementary', { name: 'Event detail' })).toBeVisible();
    await expectReadable(page, mode, 'event detail');
    await shot(page, testInfo, `detail-${mode.name}`);
    await page.keyboard.press('Escape');

    await app.openView('Dashboard');
    await expect(page.getByRole('figure', { name: 'Top source IPs (init.host.ip)' }).locator('svg').first()).toBeVisible();
    await expectReadable(page, mode, 'dashboard');
    await shot(page, testInfo, `dashboard-${mode.name}`);

    await app.openView('Graph');
    await page.getByLabel('Graph query').fill('action:logon');
    await page.getByRole('button', { name: 'Draw' }).click();
    await app.waitForIdle();
    const attacker = page.getByRole('button', { name: new RegExp(`^Open ip ${ATTACKER.replaceAll('.', '\\.')} `) });
    await expect(attacker.first()).toBeVisible();
    await expectReadable(page, mode, 'graph');
    await shot(page, testInfo, `graph-${mode.name}`);

    await attacker.first().click();
    await app.waitForIdle();
    await expect(page.getByRole('heading', { name: ATTACKER })).toBeVisible();
    await expect(page.getByRole('figure', { name: /^Activity over time by outcome/ }).locator('svg').first()).toBeVisible();
    await expectReadable(page, mode, 'IP page');
    await shot(page, testInfo, `entity-ip-${mode.name}`);

    await app.openView('Alerts');
    await expect(page.getByRole('region', { name: 'Alerts' })).toBeVisible();
    await expectReadable(page, mode, 'alerts');
    await shot(page, testInfo, `alerts-${mode.name}`);
  });
}
