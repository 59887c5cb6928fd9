// Network silence that binds the workers: every response of `npm start` (the page and each worker script)
// carries the CSP header of scripts/csp.ts, and no request of the page or of any worker leaves 127.0.0.1
// while a bundle is loaded and searched.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { CSP, TI_FETCH_CSP, TI_FETCH_WORKER } from '../scripts/csp.ts';
import { LogdropPage } from './logdrop.page.ts';

const ASSETS = join(import.meta.dirname, '../dist/assets');

function isLocal(raw: string): boolean {
  const url = new URL(raw);
  return url.protocol === 'data:' || url.protocol === 'blob:' || url.hostname === '127.0.0.1';
}

test('the page and every worker script are served with the CSP header; nothing leaves 127.0.0.1', async ({ page, context }) => {
  const requests: string[] = [];
  const scriptHeaders = new Map<string, string | undefined>();
  // context level: requests made by the page and by its workers
  context.on('request', (r) => requests.push(r.url()));
  context.on('response', async (r) => {
    if (/\.js$/.test(new URL(r.url()).pathname)) scriptHeaders.set(r.url(), (await r.allHeaders())['content-security-policy']);
  });
  const workers: string[] = [];
  page.on('worker', (w) => workers.push(w.url()));

  const app = new LogdropPage(page);
  await app.open();
  await page.getByRole('button', { name: 'Load demo bundle' }).click();
  await app.waitForIdle();
  await expect(app.status()).toHaveText(/^[\d,]+ events/);
  await app.search('sshd');
  await expect(app.status()).toHaveText(/^[\d,]+ of [\d,]+ events$/);

  expect(requests.length).toBeGreaterThan(0);
  expect(requests.filter((u) => !isLocal(u))).toEqual([]);

  const pageResponse = await page.request.get('/?testing=1');
  expect(pageResponse.headers()['content-security-policy']).toBe(CSP);
  // for hosts that send no headers, the built page carries the same policy as a meta tag
  expect(await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content')).toBe(CSP);

  // the engine worker is started by the page; the ingest and hash workers by the workers below it
  expect(workers.length).toBeGreaterThan(0);
  const workerScripts = readdirSync(ASSETS).filter((f) => /worker.*\.js$/i.test(f));
  expect(workerScripts.length).toBeGreaterThanOrEqual(3);
  for (const name of workerScripts) {
    const r = await page.request.get(`/assets/${name}`);
    expect(r.ok(), name).toBe(true);
    // threat intelligence's fetch worker (started only for a confirmed batch) may reach its providers
    expect(r.headers()['content-security-policy'], name).toBe(TI_FETCH_WORKER.test(`/assets/${name}`) ? TI_FETCH_CSP : CSP);
  }
  // and as the browser fetched them
  for (const url of workers.filter((u) => u.startsWith('http'))) expect(scriptHeaders.get(url), url).toBe(CSP);
});
