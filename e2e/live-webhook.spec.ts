// Live alerts posted to a webhook from the browser. A receiver on 127.0.0.1 started by the test (answering
// CORS preflights, as a self-hosted receiver would) records every request. While the webhook is off an alert
// fires and nothing reaches it; switched on, the next alert change arrives as one JSON POST through the poster
// worker, whose script's CSP allows exactly the receiver's origin (the page keeps connect-src 'self');
// switched off again, nothing more is sent.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test } from '@playwright/test';
import { LogdropPage } from './logdrop.page.ts';
import { liveFolder } from './liveFolder.ts';

const folder = liveFolder('live-webhook-e2e');

interface Received { method: string; path: string; contentType?: string; body: string }

function receiver(): Promise<{ server: Server; url: string; got: Received[] }> {
  const got: Received[] = [];
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => { body += c.toString('utf8'); });
    req.on('end', () => {
      got.push({ method: req.method ?? '', path: req.url ?? '', contentType: req.headers['content-type'], body });
      res.writeHead(req.method === 'OPTIONS' ? 204 : 200, {
        'Access-Control-Allow-Origin': '*', 'Access-Control-Allow-Methods': 'POST', 'Access-Control-Allow-Headers': 'content-type',
      }).end();
    });
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => {
    resolve({ server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks/s3cr3t-token`, got });
  }));
}

test('webhook: nothing is sent while off; switched on, an alert arrives as a JSON POST; switched off, nothing more', async ({ page }) => {
  const hook = await receiver();
  try {
    const app = new LogdropPage(page);
    await app.open();
    await folder.clear(page);
    await folder.append(page, 'auth.log', folder.lines(2));
    await folder.standInPicker(page);
    const panel = page.getByRole('region', { name: 'Live follow' });
    await panel.getByRole('button', { name: 'Follow a folder' }).click();
    await panel.getByLabel('Poll interval in seconds').fill('0.5');
    await panel.getByLabel('Poll interval in seconds').blur();
    const log = panel.getByRole('list', { name: 'What happened while following' });

    // off: the alert fires, nothing leaves the page
    await expect(panel).toContainText('Webhook off: nothing is sent.');
    await folder.append(page, 'auth.log', folder.lines(6));
    await expect(log).toContainText('alert fired: high Brute force from one address', { timeout: 10_000 });
    expect(hook.got).toEqual([]);

    // on: the next change of the alert is posted to the receiver
    await panel.getByLabel('Webhook URL').fill(hook.url);
    await panel.getByLabel('Webhook body format').selectOption('json');
    await panel.getByRole('button', { name: 'Switch webhook on' }).click();
    const origin = new URL(hook.url).origin;
    await expect(panel).toContainText(`Posting alerts at or above high to ${origin}`);
    // the URL is not shown back (its path is the secret): the field is empty and only the origin is named
    await expect(panel.getByLabel('Webhook URL')).toHaveValue('');
    await expect(panel).not.toContainText('s3cr3t');
    const t0 = Date.now();
    await folder.append(page, 'auth.log', folder.lines(6));
    const posts = () => hook.got.filter((r) => r.method === 'POST');
    const bodies = () => posts().map((r) => JSON.parse(r.body) as { ruleId: string; ruleName: string });
    await expect.poll(() => bodies().map((b) => b.ruleName), { timeout: 10_000 }).toContain('Brute force from one address');
    console.log(`live webhook: append -> alert POST received in ${Date.now() - t0} ms (poll 0.5 s)`);
    for (const post of posts()) {
      expect(post.path).toBe('/hooks/s3cr3t-token');
      expect(post.contentType).toBe('application/json');
    }
    expect(bodies().find((b) => b.ruleName === 'Brute force from one address')).toMatchObject({ source: 'logdrop', severity: 'high', suppressed: 0 });
    // the panel counts what arrived; one post per rule (at most one per rule per minute)
    await expect.poll(async () => {
      const m = /(\d+) posted, 0 failed/.exec((await panel.textContent()) ?? '');
      return m !== null && Number(m[1]) === posts().length;
    }, { timeout: 10_000 }).toBe(true);
    expect(new Set(bodies().map((b) => b.ruleId)).size).toBe(posts().length);

    // off again: the poster is terminated; the alert grows, nothing is sent
    await panel.getByRole('button', { name: 'Switch webhook off' }).click();
    await expect(panel).toContainText('Webhook off: nothing is sent.');
    const before = hook.got.length;
    await folder.append(page, 'auth.log', folder.lines(6));
    await expect(log.getByText('alert grew: high Brute force from one address')).toHaveCount(2, { timeout: 10_000 });
    expect(hook.got.length).toBe(before);
    await folder.clear(page);
  } finally {
    hook.server.close();
  }
});
