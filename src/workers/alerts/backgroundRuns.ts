// Detection runs in the background of the engine worker (after an ingest, on opening a case, after GeoIP or
// threat-intel data changed): the ingest or the open answers first, so the case is searchable at once, and the
// run gives the event loop a turn between its steps (one detector, then the Sigma rules), so queries and pages
// answer while it runs. A request made while a run is under way makes that run stale: it stops at its next step
// and a new one starts (the case grew, a parameter moved); only a run that finished stores its alerts.
import { nextTurn } from '../nextTurn.ts';

export class BackgroundRuns {
  private wanted = false;
  private loop: Promise<void> | undefined;
  /** the last run's failure, in words (a run that fails keeps the previous alerts) */
  error: string | undefined;

  constructor(private readonly run: (stale: () => boolean) => Promise<void>) {}

  request(): void {
    this.wanted = true;
    this.loop ??= (async () => {
      try {
        while (this.wanted) {
          this.wanted = false;
          await nextTurn(); // whoever asked (an ingest, an open) answers first
          try {
            await this.run(() => this.wanted);
            this.error = undefined;
          } catch (e) {
            this.error = e instanceof Error ? e.message : String(e);
            console.warn('detection failed:', e);
          }
        }
      } finally {
        this.loop = undefined;
      }
    })();
  }

  get running(): boolean {
    return this.loop !== undefined;
  }

  /** Resolves when no run is pending (at once when none is). */
  settled(): Promise<void> {
    return this.loop ?? Promise.resolve();
  }
}
