// The workbench paths of issue 10, driven through the real UI: bench/workbench.ts measures them (long tasks,
// their CPU time, Enter -> updated) and bench/profile-workbench.ts profiles them, so both see the same
// actions. Each path gets ready outside the measured window (element handles resolved, the view reset:
// Playwright's role queries walk the whole DOM on the page's main thread and showed up as the app's long
// tasks) and returns the action to measure.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ElementHandle, Page } from '@playwright/test';
import { idle, ingestThroughUi } from './browser.ts';
import { BENCH_DIR } from './generate.ts';

export interface WorkbenchPath {
  /** short name (PROFILE_PATHS=wheel,drag picks paths in the profiler) */
  key: string;
  name: string;
  /** the target, in words */
  target: string;
  /** gets the view ready; resolves to the measured action, which may return figures of its own (ms) */
  prepare(page: Page): Promise<() => Promise<number[]>>;
}

export const LONG_TASK_TARGET = 'no task over 50 ms';
export const ENTER_TARGET_MS = 150;

export const QUERIES = [
  'outcome:failure and init.host.ip:203.0.113.0/24',
  '"Failed password"',
  'target.usr.name:root',
  'not outcome:success',
  '',
];

/** The search view as a fresh visit shows it: no query, no range, no open event, the table at the top. */
export async function resetView(page: Page): Promise<void> {
  await page.evaluate(() => { if (location.hash !== '#/search') location.hash = '#/search'; });
  await page.waitForFunction(() => document.querySelector('[role="table"][aria-label="Events"]') !== null);
  await idle(page);
  await page.evaluate(() => {
    const t = document.querySelector('[role="table"][aria-label="Events"]');
    if (t !== null) t.scrollTop = 0;
  });
  await idle(page);
}

async function eventsTable(page: Page) {
  return (await page.getByRole('table', { name: 'Events' }).elementHandle())!;
}

/** One syslog line whose message is 2 MB of words (a pasted dump, a runaway log statement). */
function hugeRecordLog(): string {
  const path = join(BENCH_DIR, 'huge-record.log');
  if (!existsSync(path)) {
    mkdirSync(BENCH_DIR, { recursive: true });
    const words = Array.from({ length: 200_000 }, (_, i) => `word${i % 997}`).join(' ');
    writeFileSync(path, `Mar  1 00:00:00 web01 hugeapp[7]: ${words}\n`);
  }
  return path;
}

/**
 * Enter -> idle, timed in the page (no round trip to the test runner inside the measure). `box`: the search box
 * resolved beforehand (a role query walks the whole DOM on the page's main thread: a profile of the Enter path
 * showed Playwright's getAriaRole as its one task over 40 ms of CPU, counted as the app's).
 */
export async function enterToUpdated(page: Page, query: string, box?: ElementHandle): Promise<number> {
  await (box ?? page.getByRole('searchbox', { name: 'Search' })).fill(query);
  return page.evaluate(async () => {
    const form = document.querySelector<HTMLFormElement>('form[role="search"]')!;
    const t0 = performance.now();
    form.requestSubmit();
    await window.__logdrop!.idle();
    return performance.now() - t0;
  });
}

export const PATHS: WorkbenchPath[] = [
  {
    key: 'wheel', name: 'scrolling: 60 wheel steps', target: LONG_TASK_TARGET,
    async prepare(page) {
      const table = await eventsTable(page);
      await table.hover();
      return async () => {
        for (let i = 0; i < 60; i++) await page.mouse.wheel(0, 900);
        return [];
      };
    },
  },
  {
    key: 'pagedown', name: 'scrolling: 30 PageDown', target: LONG_TASK_TARGET,
    async prepare(page) {
      const table = await eventsTable(page);
      await table.focus();
      return async () => {
        for (let i = 0; i < 30; i++) await page.keyboard.press('PageDown');
        return [];
      };
    },
  },
  {
    // a fast drag of the scrollbar thumb: one scroll position per frame, top to the end in 40 frames and back
    key: 'drag', name: 'scrolling: scrollbar dragged to the end and back', target: LONG_TASK_TARGET,
    async prepare(page) {
      const table = await eventsTable(page);
      return async () => {
        await table.evaluate(async (el) => {
          const range = el.scrollHeight - el.clientHeight;
          for (let i = 0; i <= 80; i++) {
            el.scrollTop = range * (i <= 40 ? i / 40 : (80 - i) / 40);
            await new Promise((r) => requestAnimationFrame(r));
          }
        });
        return [];
      };
    },
  },
  {
    // anywhere in 1M rows (scroll scaling), then back to the top
    key: 'jumps', name: 'scrolling: 5 scrollbar jumps', target: LONG_TASK_TARGET,
    async prepare(page) {
      const table = await eventsTable(page);
      return async () => {
        for (const f of [0.25, 0.5, 0.999, 0.1, 0]) {
          await table.evaluate((el, frac) => { el.scrollTop = (el.scrollHeight - el.clientHeight) * frac; }, f);
          await page.waitForTimeout(50);
        }
        return [];
      };
    },
  },
  {
    key: 'typing', name: 'typing a query (autocomplete of fields and values)', target: LONG_TASK_TARGET,
    async prepare(page) {
      const box = (await page.getByRole('searchbox', { name: 'Search' }).elementHandle())!;
      await box.fill('');
      return async () => {
        await box.click();
        await page.keyboard.type('outcome:fa', { delay: 60 });
        await page.keyboard.type('ilure and init.host.ip:203', { delay: 60 });
        return [];
      };
    },
  },
  {
    // three rounds of five queries; the figures are each query's Enter -> idle
    key: 'enter', name: 'Enter -> table + facets + timeline updated', target: `median <= ${ENTER_TARGET_MS} ms`,
    async prepare(page) {
      const box = (await page.getByRole('searchbox', { name: 'Search' }).elementHandle())!;
      return async () => {
        const times: number[] = [];
        for (let round = 0; round < 3; round++) for (const q of QUERIES) times.push(await enterToUpdated(page, q, box));
        return times;
      };
    },
  },
  {
    key: 'brush', name: 'brushing the timeline (drag + re-query)', target: LONG_TASK_TARGET,
    async prepare(page) {
      await enterToUpdated(page, '');
      const b = (await page.getByTestId('timeline-chart').boundingBox())!;
      return async () => {
        await page.mouse.move(b.x + b.width * 0.2, b.y + b.height / 2);
        await page.mouse.down();
        await page.mouse.move(b.x + b.width * 0.6, b.y + b.height / 2, { steps: 20 });
        await page.mouse.up();
        return [];
      };
    },
  },
  {
    key: 'open', name: 'opening an event (detail + surrounding)', target: LONG_TASK_TARGET,
    async prepare(page) {
      const table = await eventsTable(page);
      return async () => {
        await table.focus();
        await page.keyboard.press('j');
        await page.keyboard.press('Enter');
        return [];
      };
    },
  },
  {
    // a 2 MB event opened in the detail (its file is added to the case once, on the first run)
    key: 'huge', name: 'opening a 2 MB event (detail + surrounding)', target: LONG_TASK_TARGET,
    async prepare(page) {
      const added = await page.evaluate(() => (window as unknown as { __hugeAdded?: boolean }).__hugeAdded === true);
      if (!added) {
        await ingestThroughUi(page, hugeRecordLog());
        await page.evaluate(() => { (window as unknown as { __hugeAdded?: boolean }).__hugeAdded = true; });
      }
      await resetView(page); // the brush's range would hide it
      await enterToUpdated(page, 'app.name:hugeapp');
      const table = await eventsTable(page);
      return async () => {
        await table.focus();
        await page.keyboard.press('j');
        await page.keyboard.press('Enter');
        return [];
      };
    },
  },
  {
    // from the tab click until every chart has drawn its SVG (engine aggregation included)
    key: 'dashboard', name: 'dashboard (tab click -> every chart drawn)', target: LONG_TASK_TARGET,
    async prepare(page) {
      const tab = (await page.getByRole('navigation', { name: 'Views' }).getByRole('link', { name: /^Dashboard/ }).elementHandle())!;
      return async () => [await tab.evaluate(async (link) => {
        const t0 = performance.now();
        (link as HTMLElement).click();
        // no named functions in here: tsx would wrap them in a helper the page does not have
        for (;;) {
          const plots = [...document.querySelectorAll('.chart__plot')];
          if (document.querySelector('.insight__head') !== null && plots.length > 0 && plots.every((p) => p.querySelector('svg') !== null)) break;
          await new Promise((r) => requestAnimationFrame(r));
        }
        return performance.now() - t0;
      })];
    },
  },
  {
    // the graph of every event: from the tab click until the engine's graph is drawn (its note shown)
    key: 'graph', name: 'graph (tab click -> graph drawn)', target: LONG_TASK_TARGET,
    async prepare(page) {
      const tab = (await page.getByRole('navigation', { name: 'Views' }).getByRole('link', { name: /^Graph/ }).elementHandle())!;
      return async () => [await tab.evaluate(async (link) => {
        const t0 = performance.now();
        (link as HTMLElement).click();
        while (document.querySelector('[data-testid="graph-note"]') === null || document.querySelector('svg.graph-canvas') === null) {
          await new Promise((r) => requestAnimationFrame(r));
        }
        return performance.now() - t0;
      })];
    },
  },
];

/** The paths PROFILE_PATHS / BENCH_PATHS names (comma-separated keys), or all. */
export function pickPaths(list: string | undefined): WorkbenchPath[] {
  if (list === undefined || list.trim() === '') return PATHS;
  const keys = new Set(list.split(',').map((k) => k.trim()));
  const unknown = [...keys].filter((k) => !PATHS.some((p) => p.key === k));
  if (unknown.length > 0) throw new Error(`unknown path ${unknown.join(', ')}: one of ${PATHS.map((p) => p.key).join(', ')}`);
  return PATHS.filter((p) => keys.has(p.key));
}
