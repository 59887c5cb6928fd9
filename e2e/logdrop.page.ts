// The one page object (DESIGN practice 10): what a person does, found by role and name.
import { expect, type Page, type Download, type Locator } from '@playwright/test';

export class LogdropPage {
  constructor(readonly page: Page) {}

  /** url: another copy of the app (the single file, a prefixed folder); it must carry ?testing=1 */
  async open(url = '/?testing=1'): Promise<void> {
    await this.page.goto(url);
    await this.waitForIdle();
  }

  /** Waits on the app's own idle hook: the engine has no work in flight. */
  async waitForIdle(): Promise<void> {
    await this.page.waitForFunction(() => window.__logdrop !== undefined);
    await this.page.evaluate(() => window.__logdrop!.idle());
  }

  async dropFiles(paths: string[]): Promise<void> {
    // the ingest starts on change, synchronously registered with the idle hook; idle waits for the
    // ingest to finish and the query to re-run
    await this.page.getByLabel('Open log files').setInputFiles(paths);
    await this.waitForIdle();
  }

  async search(query: string): Promise<void> {
    const box = this.page.getByRole('searchbox', { name: 'Search' });
    await box.fill(query);
    await box.press('Enter');
    await this.waitForIdle();
  }

  /** A view tab (Search, Alerts, Dashboard, Graph, Ledger); the Alerts tab's name carries its badge ("Alerts 59 new"). */
  tab(name: 'Search' | 'Alerts' | 'Dashboard' | 'Graph' | 'Ledger'): Locator {
    return this.page.getByRole('navigation', { name: 'Views' }).getByRole('link', { name: new RegExp(`^${name}`) });
  }

  async openView(name: 'Search' | 'Alerts' | 'Dashboard' | 'Graph' | 'Ledger'): Promise<void> {
    await this.tab(name).click();
    await this.waitForIdle();
  }

  status() {
    return this.page.getByRole('status');
  }

  async expectStatus(text: string | RegExp): Promise<void> {
    await expect(this.status()).toHaveText(text);
  }

  /** The header's name of the open case. */
  caseName(): Locator {
    return this.page.getByLabel('Open case', { exact: true });
  }

  /** Opens the cases dialog (its list and storage estimate loaded) and returns it. */
  async openCases(): Promise<Locator> {
    await this.page.getByRole('button', { name: 'Cases', exact: true }).click();
    await this.waitForIdle();
    const dialog = this.page.getByRole('dialog', { name: 'Cases' });
    await expect(dialog).toBeVisible();
    return dialog;
  }

  async closeCases(): Promise<void> {
    await this.page.getByRole('dialog', { name: 'Cases' }).getByRole('button', { name: 'Close' }).click();
    await expect(this.page.getByRole('dialog', { name: 'Cases' })).toBeHidden();
  }

  /** Shows the ledger (evidence manifest) and returns its region. */
  async openLedger(): Promise<Locator> {
    const ledger = this.page.getByRole('region', { name: 'Ledger' });
    await ledger.getByRole('button', { name: 'Show ledger' }).click();
    await this.waitForIdle();
    return ledger;
  }

  async exportLedger(format: 'CSV' | 'JSON'): Promise<Download> {
    const download = this.page.waitForEvent('download');
    await this.page.getByRole('button', { name: `Export ledger ${format}` }).click();
    return download;
  }

  /**
   * Search view: Export -> pick a format -> Download. Resolves with the file and, when the provenance box is
   * ticked (the default), its .provenance.json sidecar.
   */
  async exportEvents(format: string | RegExp, options: { neutralise?: boolean; indexName?: string; provenance?: boolean } = {}): Promise<Download[]> {
    const panel = this.page.getByRole('dialog', { name: 'Export' });
    if (!(await panel.isVisible())) await this.page.getByRole('button', { name: 'Export', exact: true }).click();
    await panel.getByRole('radio', { name: format }).check();
    const toggle = panel.getByRole('checkbox', { name: /Neutralise formulas/ });
    if (options.neutralise !== undefined) await toggle.setChecked(options.neutralise);
    if (options.indexName !== undefined) await panel.getByRole('textbox', { name: 'Index name' }).fill(options.indexName);
    const sidecar = options.provenance ?? true;
    await panel.getByRole('checkbox', { name: /Save provenance/ }).setChecked(sidecar);
    const downloads: Download[] = [];
    const wanted = sidecar ? 2 : 1;
    const all = new Promise<Download[]>((resolve) => {
      const on = (d: Download) => {
        downloads.push(d);
        if (downloads.length === wanted) {
          this.page.off('download', on);
          resolve(downloads);
        }
      };
      this.page.on('download', on);
    });
    await panel.getByRole('button', { name: /^Download/ }).click();
    // the small sidecar may arrive first: the export, then its provenance
    return (await all).sort((a, b) => Number(a.suggestedFilename().endsWith('.provenance.json')) - Number(b.suggestedFilename().endsWith('.provenance.json')));
  }
}
