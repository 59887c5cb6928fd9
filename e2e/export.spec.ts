// Export as an analyst does it: load the demo, search, click Export, pick a format, download; then read the
// downloaded file: its header, as many rows as the status line counts, no live spreadsheet formula, and the
// provenance sidecar naming the query and the source files with their SHA-256. The export is written to an OPFS
// file on disk (export/diskSink.ts) and downloaded from there.
import { test, expect } from '@playwright/test';
import { readFileSync, statSync } from 'node:fs';
import Papa from 'papaparse';
import { LogdropPage } from './logdrop.page.ts';
import { sshdFixture, SSHD_2K } from './fixtures.ts';

/** "3,842 of 40,781 events" -> 3842 */
async function statusCount(app: LogdropPage): Promise<number> {
  const text = (await app.status().textContent()) ?? '';
  const m = /^([\d,]+) (?:of [\d,]+ )?events/.exec(text);
  expect(m, text).not.toBeNull();
  return Number(m![1].replace(/,/g, ''));
}

const FORMULA = /^[=+\-@\t\r]/;
const READABLE = /^(?:[+-]?\d+(?:\.\d+)?|[+-]\d\d:\d\d|-)$/;

test('the demo\'s failures export as CSV: visible columns, every row the status counts, no live formula, provenance', async ({ page }) => {
  const app = new LogdropPage(page);
  await app.open();
  await page.getByRole('button', { name: 'Load demo bundle' }).click();
  await app.waitForIdle();
  await app.search('outcome:failure');
  const count = await statusCount(app);
  expect(count).toBeGreaterThan(3000);

  const [csvFile, sidecar] = await app.exportEvents('CSV (visible columns)');
  expect(csvFile.suggestedFilename()).toMatch(/-csv-\d{8}T\d{6}Z\.csv$/);
  expect(sidecar.suggestedFilename()).toBe(`${csvFile.suggestedFilename()}.provenance.json`);
  const panel = page.getByRole('dialog', { name: 'Export' });
  await expect(panel.getByRole('checkbox', { name: /Neutralise formulas/ })).toBeChecked();
  await expect(panel).toContainText(`${count.toLocaleString('en-US')} events`);

  // the file was written to disk (an Origin Private File System file the download read), not kept in memory
  const onDisk = await page.evaluate(async () => {
    const dir = await (await navigator.storage.getDirectory()).getDirectoryHandle('logdrop-exports');
    const sizes: number[] = [];
    for await (const h of (dir as unknown as { values(): AsyncIterable<FileSystemFileHandle> }).values()) sizes.push((await h.getFile()).size);
    return sizes;
  });
  expect(onDisk).toContain(statSync(await csvFile.path()).size);

  const rows = Papa.parse<string[]>(readFileSync(await csvFile.path(), 'utf8'), { skipEmptyLines: true, delimiter: ',' }).data;
  expect(rows[0]).toEqual(['ts', 'obs.host.name', 'app.name', 'init.host.ip', 'target.usr.name', 'outcome', 'message']);
  expect(rows.length - 1).toBe(count);
  // one assertion for all cells: Playwright records every expect() as a step, and 27,000 steps stall the worker
  expect(rows.flat().filter((cell) => FORMULA.test(cell) && !READABLE.test(cell))).toEqual([]);
  expect(rows.slice(1).every((r) => r[5] === 'failure')).toBe(true);
  expect(rows[1][0]).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}\+00:00$/);

  const prov = JSON.parse(readFileSync(await sidecar.path(), 'utf8')) as { query: string; rows: number; timeZone: string; files: { path: string; sha256: string }[] };
  expect(prov).toMatchObject({ query: 'outcome:failure', rows: count, timeZone: 'UTC' });
  expect(prov.files.length).toBeGreaterThan(1);
  expect(prov.files.filter((f) => !/^[0-9a-f]{64}$/.test(f.sha256))).toEqual([]);
});

test('the sshd fixture goes to Elasticsearch: _bulk lines for the chosen index and the matching template', async ({ page }) => {
  const app = new LogdropPage(page);
  await app.open();
  await app.dropFiles([sshdFixture().file]);
  await app.search(`init.host.ip:${SSHD_2K.attacker}`);
  const count = await statusCount(app);
  expect(count).toBe(SSHD_2K.failedFromAttacker);

  const [bulk] = await app.exportEvents('Elasticsearch / OpenSearch _bulk', { indexName: 'case-sshd', provenance: false });
  const lines = readFileSync(await bulk.path(), 'utf8').split('\n');
  expect(lines.pop()).toBe('');
  expect(lines.length).toBe(2 * count);
  expect(JSON.parse(lines[0])).toEqual({ index: { _index: 'case-sshd' } });
  const doc = JSON.parse(lines[1]) as { source: { ip: string; port: number }; event: { outcome: string }; host: { name: string } };
  expect(doc.source.ip).toBe(SSHD_2K.attacker);
  expect(typeof doc.source.port).toBe('number');
  expect(doc.event.outcome).toBe('failure');
  expect(doc.host.name).toBe('LabSZ');

  const [template] = await app.exportEvents('Index template (ECS types)', { provenance: false });
  const t = JSON.parse(readFileSync(await template.path(), 'utf8')) as { index_patterns: string[] };
  expect(t.index_patterns).toEqual(['case-sshd*']);
});
