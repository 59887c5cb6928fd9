import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './e2e/chromium.ts';

// End-to-end tests in real (Debian) Chromium against the production build served by `vite preview`.
// LOGDROP_PORT moves the preview server (default 5173), so two checkouts can run their e2e side by side.
const PORT = Number(process.env.LOGDROP_PORT ?? 5173);
export default defineConfig({
  testDir: 'e2e',
  timeout: 120_000,
  expect: { timeout: 30_000 },
  fullyParallel: false,
  workers: 1,
  // the HTML report keeps every attachment (the workbench's screenshots in light, dark and projector mode) in
  // playwright-report/, one page to look at them; test-results/ holds the same files until the next run
  reporter: [['list'], ['html', { open: 'never', outputFolder: 'playwright-report' }]],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    browserName: 'chromium',
    launchOptions: { executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS },
    acceptDownloads: true,
    // the installed app's service worker would cache every build file in every test: only e2e/offline.spec.ts allows it
    serviceWorkers: 'block',
  },
  webServer: {
    command: `npx vite preview --host 127.0.0.1 --port ${PORT} --strictPort`,
    url: `http://127.0.0.1:${PORT}`,
    reuseExistingServer: !process.env.CI,
    timeout: 60_000,
  },
});
