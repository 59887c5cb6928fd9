// `npm run bench:workbench`: the search view at 1M events in headless Chromium through the real UI —
// main-thread long tasks while scrolling the table, typing a query and brushing the timeline, and the
// time from Enter to an updated table, facets and timeline (the app's idle hook: every engine answer
// the view asked for has arrived and React has committed it).
import { accessLog, authLog } from './generate.ts';
import { idle, ingestThroughUi, launch, longTasks, median, openApp, resetLongTasks, startServer } from './browser.ts';
import type { Page } from '@playwright/test';

const LINES = Number(process.env.BENCH_LINES ?? 1_000_000);
const fmt = (n: number, digits = 0) => n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
const QUERIES = [
  'outcome:failure and init.host.ip:203.0.113.0/24',
  '"Failed password"',
  'target.usr.name:root',
  'not outcome:success',
  '',
];

async function tasksDuring(page: Page, work: () => Promise<void>): Promise<{ count: number; max: number; over50: number }> {
  await resetLongTasks(page);
  await work();
  await idle(page);
  const t = await longTasks(page);
  return { count: t.length, max: Math.max(0, ...t), over50: t.filter((d) => d > 50).length };
}

/** Enter -> idle, timed in the page (no round trip to the test runner inside the measure). */
async function enterToUpdated(page: Page, query: string): Promise<number> {
  await page.getByRole('searchbox', { name: 'Search' }).fill(query);
  return page.evaluate(async () => {
    const form = document.querySelector<HTMLFormElement>('form[role="search"]')!;
    const t0 = performance.now();
    form.requestSubmit();
    await window.__logdrop!.idle();
    return performance.now() - t0;
  });
}

async function main(): Promise<void> {
  const path = process.env.BENCH_INPUT === 'access' ? await accessLog(LINES) : await authLog(LINES);
  console.log(`input: ${path} — ${fmt(LINES)} lines (the machine is shared: compare within one run)`);
  const server = await startServer();
  const browser = await launch();
  try {
    const page = await openApp(browser);
    await page.setViewportSize({ width: 1400, height: 900 });
    const ingestMs = await ingestThroughUi(page, path);
    console.log(`ingest through the UI: ${fmt(ingestMs)} ms; status: ${await page.getByRole('status').textContent()}`);
    const rows: [string, string][] = [];
    const describe = (t: { count: number; max: number; over50: number }) => `${t.count} long tasks, longest ${fmt(t.max)} ms, ${t.over50} over 50 ms`;

    // element handles resolved outside the measured windows: Playwright's role queries run on the page's
    // main thread (walking the whole DOM for ARIA roles) and showed up as the app's long tasks
    const table = (await page.getByRole('table', { name: 'Events' }).elementHandle())!;
    const scroll = await tasksDuring(page, async () => {
      await table.hover();
      for (let i = 0; i < 60; i++) await page.mouse.wheel(0, 900);
      // scrollbar jumps: anywhere in 1M rows (scroll scaling), then back to the top
      for (const f of [0.25, 0.5, 0.999, 0.1, 0]) {
        await table.evaluate((el, frac) => { el.scrollTop = (el.scrollHeight - el.clientHeight) * frac; }, f);
        await page.waitForTimeout(50);
      }
    });
    rows.push(['scrolling the table (60 wheel steps + 5 jumps)', describe(scroll)]);

    const box = page.getByRole('searchbox', { name: 'Search' });
    await box.fill('');
    const typing = await tasksDuring(page, async () => {
      await box.click();
      await box.pressSequentially('outcome:fa', { delay: 60 });
      await box.pressSequentially('ilure and init.host.ip:203', { delay: 60 });
    });
    rows.push(['typing a query (autocomplete of fields and values)', describe(typing)]);

    const times: number[] = [];
    for (let round = 0; round < 3; round++) for (const q of QUERIES) times.push(await enterToUpdated(page, q));
    rows.push(['Enter -> table + facets + timeline updated', `median ${fmt(median(times))} ms, max ${fmt(Math.max(...times))} ms over ${times.length} queries (target <= 150 ms)`]);

    await enterToUpdated(page, '');
    const b = (await page.getByTestId('timeline-chart').boundingBox())!;
    const brush = await tasksDuring(page, async () => {
      await page.mouse.move(b.x + b.width * 0.2, b.y + b.height / 2);
      await page.mouse.down();
      await page.mouse.move(b.x + b.width * 0.6, b.y + b.height / 2, { steps: 20 });
      await page.mouse.up();
    });
    rows.push(['brushing the timeline (drag + re-query)', describe(brush)]);
    const eventTable = (await page.getByRole('table', { name: 'Events' }).elementHandle())!;
    const openDetail = await tasksDuring(page, async () => {
      await eventTable.focus();
      await page.keyboard.press('j');
      await page.keyboard.press('Enter');
    });
    rows.push(['opening an event (detail + surrounding)', describe(openDetail)]);

    // the dashboard: from the tab click until every chart has drawn its SVG (engine aggregation included)
    const tab = (await page.getByRole('navigation', { name: 'Views' }).getByRole('link', { name: /^Dashboard/ }).elementHandle())!;
    let drawnMs = 0;
    const dash = await tasksDuring(page, async () => {
      drawnMs = await tab.evaluate(async (link) => {
        const t0 = performance.now();
        (link as HTMLElement).click();
        // no named functions in here: tsx would wrap them in a helper the page does not have
        for (;;) {
          const plots = [...document.querySelectorAll('.chart__plot')];
          if (document.querySelector('.insight__head') !== null && plots.length > 0 && plots.every((p) => p.querySelector('svg') !== null)) break;
          await new Promise((r) => requestAnimationFrame(r));
        }
        return performance.now() - t0;
      });
    });
    rows.push(['dashboard (tab click -> every chart drawn)', `${fmt(drawnMs)} ms; ${describe(dash)}`]);

    const width = Math.max(...rows.map((r) => r[0].length));
    console.log(`\n${'measure'.padEnd(width)} | result`);
    console.log(`${'-'.repeat(width)}-|-${'-'.repeat(50)}`);
    for (const [k, v] of rows) console.log(`${k.padEnd(width)} | ${v}`);
    console.log(`\nEnter -> updated, every query (ms): ${times.map((x) => fmt(x)).join(', ')}`);
  } finally {
    await browser.close();
    server.kill();
  }
}

await main();
