// Reliability (issue 9 items 4-6) through the page, as the suite's crafted archive cases: members whose paths
// clean to one name, a member named '..' that holds data, and a legitimately repetitive gzip.
// Every line dropped is an event (lines in = events + unparsed, all lines here parse), each member has its own
// row, and there is no page error or main-thread task of 50 ms or more. The engine-level checks of the same cases are in test/reliability/archives.test.ts.
import { test, expect } from '@playwright/test';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync, strToU8, zipSync } from 'fflate';
import { LogdropPage } from './logdrop.page.ts';
import { checkLongTasks, watchMainThread } from './mainThread.ts';

const syslog = (n: number, tag: string) => Array.from({ length: n }, (_, i) =>
  `Oct  1 10:00:${String(i % 60).padStart(2, '0')} ${tag} sshd[1]: Failed password for root from 10.0.0.1 port 22 ssh2\n`).join('');

test('crafted archive members and a repetitive gzip: every line an event, every member a row, no page error or long task', async ({ page }, info) => {
  const dir = info.outputPath('inputs');
  mkdirSync(dir, { recursive: true });
  const zip = join(dir, 'crafted.zip');
  writeFileSync(zip, zipSync({
    '../../x.log': strToU8(syslog(3, 'one')), 'a/../../../x.log': strToU8(syslog(4, 'two')), 'x.log': strToU8(syslog(5, 'three')),
    '..': strToU8(syslog(31, 'dots')),
  }));
  const gz = join(dir, 'repetitive.log.gz');
  // one line repeated: about 290:1, whatever the count past a few KiB (the bomb guard cut real logs past
  // 200:1); 50,000 lines prove it as well as the 200,000 this had, in a quarter of the suite's time
  const repeated = 50_000;
  const plain = strToU8(syslog(1, 'same').repeat(repeated));
  const packed = gzipSync(plain, { level: 6 });
  expect(plain.length / packed.length).toBeGreaterThan(200);
  writeFileSync(gz, packed);

  const watch = await watchMainThread(page);
  const app = new LogdropPage(page);
  await app.open();
  await watch.reset();
  await app.dropFiles([zip, gz]);
  await app.expectStatus(`${(3 + 4 + 5 + 31 + repeated).toLocaleString('en-US')} events`);
  const files = page.getByRole('region', { name: 'Files in this case' });
  await expect(files.getByRole('heading', { name: 'Files (5)' })).toBeVisible();
  // the three members named x.log keep their own counts; the one named '..' has a row of its own
  for (const n of [3, 4, 5, 31]) await expect(files.getByText(new RegExp(` · ${n} events`))).toHaveCount(1);
  await expect(files.getByText(`${repeated.toLocaleString('en-US')} events`)).toBeVisible();
  await expect(files.getByText('unparsed')).toHaveCount(0);
  await expect(files.getByText(/incomplete|damaged/)).toHaveCount(0);
  expect(watch.errors).toEqual([]);
  checkLongTasks('reliability-members', await watch.longTasks());
});
