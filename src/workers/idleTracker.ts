// The test hook's idle(): counts the UI's work in flight (engine calls wrapped in track()) and wakes waiters a
// zero timeout after none is left. hold() keeps it busy across a React commit: the race CI hit once in
// reliability-budget (issue 9) was an ingest ending, the new data version set, and idle() waking before React
// committed it and ran the effect that starts the follow-up search. The workbench now holds the tracker when it
// sets a new data version and lets go in its own effect for that version, which React runs after the effects
// of the views below it (the search view's track() comes first), so busy never reaches 0 in between and idle()
// is no longer than before (a frame or hop wait made every idle() longer: bench:workbench's Enter median went
// from 45 to 536 ms with three MessageChannel hops, load ~20, and from 52 to 157 ms with a frame).

/** Counts work in flight; idle() resolves when none is left. */
export class IdleTracker {
  private busy = 0;
  private waiters: (() => void)[] = [];

  async track<T>(work: Promise<T>): Promise<T> {
    this.busy++;
    try {
      return await work;
    } finally {
      this.done();
    }
  }

  /** Busy until the returned function is called (once; later calls do nothing). */
  hold(): () => void {
    this.busy++;
    let held = true;
    return () => {
      if (!held) return;
      held = false;
      this.done();
    };
  }

  idle(): Promise<void> {
    if (this.busy === 0) return new Promise((r) => setTimeout(r, 0));
    return new Promise((r) => this.waiters.push(r));
  }

  private done(): void {
    this.busy--;
    if (this.busy === 0) {
      // let React commit what the finished work set before waking the waiters
      setTimeout(() => {
        if (this.busy === 0) this.waiters.splice(0).forEach((w) => w());
      }, 0);
    }
  }
}
