// The executive summary as a responder hands it over: load the demo, open the alerts, open the report, print it
// to PDF (headless Chromium's page.pdf uses the print stylesheet) and read the PDF's text: every section is there,
// the manifest carries the files' SHA-256 from the ledger, and nothing of the workbench around it was printed.
// Then redaction: with the Redact switch on, the printed report carries pseudonyms, not the demo's addresses.
import { test, expect } from '@playwright/test';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { LogdropPage } from './logdrop.page.ts';

async function pdfText(pdf: Buffer): Promise<{ pages: number; text: string }> {
  const doc = await getDocument({ data: new Uint8Array(pdf), useSystemFonts: false }).promise;
  let text = '';
  for (let i = 1; i <= doc.numPages; i++) {
    const content = await (await doc.getPage(i)).getTextContent();
    text += content.items.map((it) => ('str' in it ? it.str + (it.hasEOL ? '\n' : '') : '')).join('') + '\n';
  }
  return { pages: doc.numPages, text };
}

test('the demo\'s executive summary prints to PDF with every section and the evidence manifest', async ({ page }) => {
  test.setTimeout(300_000); // the demo loaded, two reports and two PDFs: minutes on a loaded machine
  const app = new LogdropPage(page);
  await app.open();
  await page.getByRole('button', { name: 'Load demo bundle' }).click();
  await app.waitForIdle();
  const ledger = await page.evaluate(async () => {
    const w = window as unknown as { __logdrop: { engine: { ledger(): Promise<{ path: string; sha256: string }[]> } } };
    return (await w.__logdrop.engine.ledger()).map((f) => ({ path: f.path, sha256: f.sha256 }));
  });
  await app.openView('Alerts');
  await page.getByRole('button', { name: 'Executive report' }).click();
  const sheet = page.getByRole('dialog', { name: 'Executive summary' });
  await app.waitForIdle();
  await expect(sheet.getByRole('heading', { name: 'Evidence manifest' })).toBeVisible();
  await expect(sheet.getByRole('button', { name: 'Print or save as PDF' })).toBeEnabled();

  const { text, pages } = await pdfText(await page.pdf({ format: 'A4' }));
  const flat = text.replace(/\s+/g, ' ');
  for (const section of ['Executive summary', 'Scope', 'Events by type and outcome', 'Alerts by severity', 'Alerts by hour',
    'Top sources and targeted accounts', 'Key findings', 'Recommended next steps', 'Evidence manifest']) expect(flat).toContain(section);
  expect(flat).toMatch(/\[(critical|high|medium|low)\] /);
  expect(flat).not.toContain('Load demo bundle'); // the workbench behind the sheet is not printed
  expect(ledger.length).toBeGreaterThan(1);
  const compact = flat.replace(/ /g, '');
  expect(ledger.filter((f) => !compact.includes(f.sha256)).map((f) => f.path)).toEqual([]);
  expect(pages).toBeGreaterThan(0);

  // redaction: switched on in the search toolbar, the report shows pseudonyms instead of the top source address
  const top = await page.evaluate(async () => {
    const w = window as unknown as { __logdrop: { engine: { dashboard(n: number): Promise<{ sourceIps: { values: { value: string }[] } }> } } };
    return (await w.__logdrop.engine.dashboard(10)).sourceIps.values[0].value;
  });
  await sheet.getByRole('button', { name: 'Close report' }).click();
  await app.openView('Search');
  await page.getByRole('checkbox', { name: 'Redact' }).check();
  await app.waitForIdle();
  await app.openView('Alerts');
  await page.getByRole('button', { name: 'Executive report' }).click();
  await app.waitForIdle();
  await expect(sheet.getByRole('heading', { name: 'Evidence manifest' })).toBeVisible();
  const redacted = (await pdfText(await page.pdf({ format: 'A4' }))).text.replace(/\s+/g, ' ');
  expect(redacted).toContain('Source IPs');
  expect(redacted).not.toContain(top);
  expect(redacted).toMatch(/\b10\.0\.\d+\.\d+\b/);
});
