// Peak heap (JS + typed arrays, after a forced GC) of each worker of a page, sampled while a run goes on, as
// bench/big.ts samples it: which worker holds what (the ingest worker's case dictionary, issue 15).
import type { Page } from '@playwright/test';
import { workerHeaps } from './browser.ts';

export class WorkerPeaks {
  readonly peak = new Map<string, number>();
  private stopped = false;
  private readonly loop: Promise<void>;

  constructor(private readonly page: Page, everyMs = 5000) {
    this.loop = (async () => {
      while (!this.stopped) {
        await new Promise((r) => setTimeout(r, everyMs));
        if (!this.stopped) await this.sample();
      }
    })();
  }

  /** Takes a last sample and stops: worker file name (e.g. "ingest.worker") -> peak bytes. */
  async stop(): Promise<Map<string, number>> {
    this.stopped = true;
    await this.loop;
    await this.sample();
    return this.peak;
  }

  private async sample(): Promise<void> {
    for (const h of await workerHeaps(this.page).catch(() => [])) {
      const name = h.url.split('/').pop()?.split('-')[0] ?? h.url;
      this.peak.set(name, Math.max(this.peak.get(name) ?? 0, h.usedBytes + h.backingBytes));
    }
  }
}
