// What a person does with any copy of Logdrop (the single file, a folder under a path prefix, the installed
// app): load the demo, drop a log, search it, and the built-in GeoIP tables locate its addresses. Shared by the
// distribution specs; the counts are the sshd fixture's (e2e/fixtures.ts).
import { expect, type BrowserContext } from '@playwright/test';
import { LogdropPage } from './logdrop.page.ts';
import { SSHD_2K, sshdFixture } from './fixtures.ts';

/** Loads the demo, then drops the sshd fixture; returns the case's event count. */
export async function demoAndDroppedLog(app: LogdropPage): Promise<number> {
  await app.page.getByRole('button', { name: 'Load demo bundle' }).click();
  await app.waitForIdle();
  await expect(app.status()).toHaveText(/^[1-9][\d,]* events$/);
  const demo = Number((await app.status().textContent())!.replace(/\D/g, ''));
  await app.dropFiles([sshdFixture().file]);
  const total = demo + SSHD_2K.lines;
  await app.expectStatus(`${total.toLocaleString('en-US')} events`);
  return total;
}

/** Searches the dropped log: its failed logons, and those of its attacker located by the built-in tables. */
export async function searchDroppedLog(app: LogdropPage, total: number): Promise<void> {
  const of = total.toLocaleString('en-US');
  // right after a reload the engine also reads the built-in GeoIP tables: on a loaded machine the first search
  // can take longer than the default 30 s
  const slow = { timeout: 120_000 };
  await app.search(`col.file:${SSHD_2K.name} and "Failed password"`);
  await expect(app.status()).toHaveText(`${SSHD_2K.failed} of ${of} events`, slow);
  await expect(app.page.getByRole('table')).toContainText(`Failed password for root from ${SSHD_2K.attacker}`);
  await app.search(`col.file:${SSHD_2K.name} and "Failed password" and init.host.ip:${SSHD_2K.attacker} and init.host.loc.country_short:CN`);
  await expect(app.status()).toHaveText(`${SSHD_2K.failedFromAttacker} of ${of} events`, slow);
}

/** Records every request of the page and its workers whose URL is not one of the allowed schemes or hosts. */
export function recordRequests(context: BrowserContext, allowed: (url: URL) => boolean): { all: string[]; outside: string[] } {
  const seen = { all: [] as string[], outside: [] as string[] };
  context.on('request', (r) => {
    seen.all.push(r.url());
    if (!allowed(new URL(r.url()))) seen.outside.push(r.url());
  });
  return seen;
}
