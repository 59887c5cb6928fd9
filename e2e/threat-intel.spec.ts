// Threat intelligence in the browser, as a person uses it: an offline reputation list gives ti.* fields;
// a lookup with a (fake) AbuseIPDB key through the real local relay, whose upstream is a fake provider on
// 127.0.0.1: nothing is requested before the opt-in, the dialog lists exactly the public addresses, private
// ones are never requested, the audit list is complete and its CSV and the browser's storage hold no key;
// a provider refusing the browser's call (routed, never reaching the network) shows the CORS explanation.
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { startRelay } from '../src/cli/relay.ts';
import { LogdropPage } from './logdrop.page.ts';

const KEY = 'fake-abuseipdb-key-9c1e';
const isLocal = (raw: string) => {
  const url = new URL(raw);
  return url.protocol === 'data:' || url.protocol === 'blob:' || url.hostname === '127.0.0.1';
};
const VT_KEY = 'fake-vt-key-77aa';

test('offline list, opt-in lookup through the local relay, audit; nothing before opt-in, no private address, no key kept', async ({ page, context }) => {
  // the fake AbuseIPDB on 127.0.0.1, reached through the real relay on the port the fetch worker's CSP allows
  const seen: { url: string; headers: IncomingHttpHeaders }[] = [];
  const fake = createServer((req, res) => {
    seen.push({ url: req.url ?? '', headers: req.headers });
    const ip = new URL(req.url ?? '/', 'http://x').searchParams.get('ipAddress');
    res.writeHead(200, { 'content-type': 'application/json', 'x-ratelimit-remaining': '998' });
    res.end(JSON.stringify({ data: { ipAddress: ip, abuseConfidenceScore: ip === '193.0.6.139' ? 85 : 3, totalReports: 12, isp: 'Fake ISP', countryCode: 'NL' } }));
  });
  await new Promise<void>((r) => fake.listen(0, '127.0.0.1', r));
  const relay = await startRelay({ upstreams: { abuseipdb: `http://127.0.0.1:${(fake.address() as AddressInfo).port}`, virustotal: 'http://127.0.0.1:9' } });
  try {
    const requests: string[] = [];
    context.on('request', (r) => requests.push(r.url()));
    // VirusTotal refuses the browser's call: routed here (nothing reaches the network) and refused, which a
    // page sees exactly as a CORS refusal (a TypeError, no answer); route.fulfill would hand Playwright's own
    // CORS headers to the page
    await context.route('https://www.virustotal.com/**', (route) => route.abort('failed'));

    const app = new LogdropPage(page);
    await app.open();
    const dir = mkdtempSync(join(tmpdir(), 'logdrop-e2e-ti-'));
    const log = join(dir, 'auth.log');
    writeFileSync(log, [
      ...Array.from({ length: 4 }, (_, i) => `Mar  4 10:00:0${i} web01 sshd[1]: Failed password for root from 193.0.6.139 port 4242 ssh2`),
      'Mar  4 10:01:00 web01 sshd[1]: Failed password for root from 8.8.8.8 port 4242 ssh2',
      'Mar  4 10:02:00 web01 sshd[1]: Failed password for root from 10.1.2.3 port 4242 ssh2',
      'Mar  4 10:02:01 web01 sshd[1]: Failed password for root from 192.168.7.9 port 4242 ssh2',
      'Mar  4 10:02:02 web01 sshd[1]: Failed password for root from 203.0.113.9 port 4242 ssh2',
    ].join('\n') + '\n');
    await app.dropFiles([log]);

    // an offline list: ti fields without sending anything
    const list = join(dir, 'honeypot.csv');
    writeFileSync(list, 'ip,score,label,source\n203.0.113.9,90,ssh brute force,our honeypot\n');
    await page.getByRole('button', { name: 'Threat intel' }).click();
    const panel = page.getByRole('dialog', { name: 'Threat intelligence' });
    await panel.getByText('Load reputation list').locator('input').setInputFiles(list);
    await app.waitForIdle();
    await expect(panel.getByRole('table', { name: 'Your reputation lists' })).toContainText('honeypot.csv');
    await panel.getByRole('button', { name: 'Close' }).click();
    await app.search('ti.score>=50 and ti.provider:list and ti.label:"ssh brute force" and ti.source:"our honeypot"');
    await expect(app.status()).toHaveText(/^1 of 8 events/);

    // a key, held in memory only; the plan lists exactly the public addresses
    await page.getByRole('button', { name: 'Threat intel' }).click();
    const abuse = panel.getByRole('region', { name: 'AbuseIPDB' });
    await abuse.getByLabel('AbuseIPDB API key').fill(KEY);
    await abuse.getByRole('button', { name: 'Use key' }).click();
    await app.waitForIdle();
    await expect(abuse).toContainText('Key held in memory');
    await abuse.getByRole('button', { name: 'Look up with AbuseIPDB…' }).click();
    await app.waitForIdle();
    const optIn = page.getByRole('dialog', { name: 'Send 2 addresses to AbuseIPDB?' });
    await expect(optIn).toBeVisible();
    await expect(optIn.getByRole('list', { name: 'Addresses to send' }).getByRole('listitem')).toHaveText(['193.0.6.139', '8.8.8.8']);
    await expect(optIn).toContainText('3 private or special (never sent)');
    await expect(optIn).toContainText(`through the local relay at ${relay.origin}`);
    // nothing has gone anywhere yet: not to the relay, not to the provider
    expect(seen).toEqual([]);
    expect(requests.filter((u) => u.startsWith(relay.origin) || !isLocal(u))).toEqual([]);

    await optIn.getByRole('button', { name: 'Send 2 addresses' }).click();
    await app.waitForIdle();
    await expect(panel.getByLabel('Last lookup')).toContainText('2 requests sent, 2 answered, 0 failed');
    expect(seen.map((s) => s.url).sort()).toEqual([
      '/api/v2/check?ipAddress=193.0.6.139&maxAgeInDays=90', '/api/v2/check?ipAddress=8.8.8.8&maxAgeInDays=90',
    ]);
    expect(seen.every((s) => s.headers.key === KEY)).toBe(true);
    // the page's requests: the relay only (preflight and GET), never a private address, never the key in a URL
    const toRelay = requests.filter((u) => u.startsWith(relay.origin));
    expect(toRelay.length).toBeGreaterThanOrEqual(2);
    expect(toRelay.some((u) => /10\.1\.2\.3|192\.168\.7\.9|203\.0\.113\.9/.test(u))).toBe(false);
    expect(requests.some((u) => u.includes(KEY))).toBe(false);

    const audit = panel.getByRole('table', { name: 'Requests sent' });
    await expect(audit.getByRole('row')).toHaveCount(3);
    await expect(audit).toContainText('193.0.6.139');
    await expect(audit).toContainText('200');
    const download = page.waitForEvent('download');
    await panel.getByRole('button', { name: 'Export audit CSV' }).click();
    const csv = readFileSync(await (await download).path(), 'utf8');
    expect(csv.split('\r\n').filter((l) => l !== '')).toHaveLength(3);
    expect(csv).toContain('abuseipdb,193.0.6.139,relay,200');
    expect(csv).not.toContain(KEY);

    await panel.getByRole('button', { name: 'Close' }).click();
    await app.search('ti.provider:abuseipdb and ti.score>=50 and ti.isp:"Fake ISP"');
    await expect(app.status()).toHaveText(/^4 of 8 events/);

    // the key is in no database of this browser (it was not remembered)
    const stored = await page.evaluate(async () => {
      const out: string[] = [];
      for (const { name } of await indexedDB.databases()) {
        const db = await new Promise<IDBDatabase>((res, rej) => { const r = indexedDB.open(name!); r.onsuccess = () => res(r.result); r.onerror = () => rej(r.error); });
        for (const s of db.objectStoreNames) {
          const all = await new Promise<unknown[]>((res) => { const r = db.transaction(s).objectStore(s).getAll(); r.onsuccess = () => res(r.result); });
          out.push(JSON.stringify(all, (_k, v: unknown) => (v instanceof Uint8Array ? new TextDecoder().decode(v) : v)));
        }
        db.close();
      }
      return out.join('\n');
    });
    expect(stored).toContain('193.0.6.139');
    expect(stored).not.toContain(KEY);

    // VirusTotal straight from the browser: the (routed) provider sends no CORS header, so the browser refuses
    await page.getByRole('button', { name: 'Threat intel' }).click();
    const vt = panel.getByRole('region', { name: 'VirusTotal' });
    await vt.getByLabel('VirusTotal API key').fill(VT_KEY);
    await vt.getByRole('button', { name: 'Use key' }).click();
    await app.waitForIdle();
    await vt.getByLabel('directly from the browser').check();
    await vt.getByRole('button', { name: 'Look up with VirusTotal…' }).click();
    await app.waitForIdle();
    await page.getByRole('dialog', { name: 'Send 2 addresses to VirusTotal?' }).getByRole('button', { name: 'Send 2 addresses' }).click();
    await app.waitForIdle();
    await expect(panel.getByRole('alert')).toContainText('VirusTotal does not allow calls from web pages');
    await expect(panel.getByRole('alert')).toContainText('npm run --silent logdrop -- relay');
    await expect(audit.getByRole('row')).toHaveCount(4);
    await expect(audit).toContainText('no answer');
    // everything else stayed on 127.0.0.1; the one routed VirusTotal call never reached the network
    expect(requests.filter((u) => !isLocal(u) && !u.startsWith('https://www.virustotal.com/'))).toEqual([]);
  } finally {
    await relay.close();
    await new Promise<void>((r) => fake.close(() => r()));
  }
});
