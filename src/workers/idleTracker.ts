// The test hook's idle(): counts the UI's work in flight (engine calls wrapped in track()) and wakes waiters
// when none is left and React has had its turn. The race it closes (issue 9): a tracked call ends and sets
// state; React renders and commits in a scheduler task, then runs the effects (which start the follow-up
// search, tracked) in the same task or, when the render took over its 5 ms slice, in the next one. A waiter
// woken in between saw an idle page with the old status line (CI hit it once in reliability-budget).
//
// React's scheduler runs its tasks as MessageChannel messages, and Chromium runs posted messages in order
// (one task queue for every port of a page). So each hop here, posted after React posted its next task, runs
// after that task: SETTLE_HOPS hops in a row with nothing tracked cover a render, a yield and the effects,
// and an effect's track() in any of them stops the wake. A hop costs a task switch (tens of microseconds),
// not a frame: the earlier try with an animation frame made every idle() ~100 ms longer in headless Chromium.

/** Runs `f` in a later task of the page's posted-message queue (setTimeout where there is no MessageChannel). */
export type Hop = (f: () => void) => void;

/** hops in a row with no tracked work before waiters are woken (each lets React's already-posted task run) */
export const SETTLE_HOPS = 3;

export function messageHop(): Hop {
  if (typeof MessageChannel !== 'function') return (f) => void setTimeout(f, 0);
  const queue: (() => void)[] = [];
  const channel = new MessageChannel();
  channel.port1.onmessage = () => queue.shift()?.();
  return (f) => {
    queue.push(f);
    channel.port2.postMessage(null);
  };
}

/** Counts work in flight; idle() resolves when none is left and React has settled (see above). */
export class IdleTracker {
  private busy = 0;
  /** bumped by every track(): a settle run that sees another number lost its quiet and stops */
  private epoch = 0;
  private settling = false;
  private waiters: (() => void)[] = [];

  constructor(private readonly hop: Hop = messageHop(), private readonly hops = SETTLE_HOPS) {}

  async track<T>(work: Promise<T>): Promise<T> {
    this.busy++;
    this.epoch++;
    try {
      return await work;
    } finally {
      this.busy--;
      if (this.busy === 0 && this.waiters.length > 0) this.settle();
    }
  }

  idle(): Promise<void> {
    return new Promise((resolve) => {
      this.waiters.push(resolve);
      if (this.busy === 0) this.settle();
    });
  }

  /** Wakes the waiters after `hops` hops in a row during which nothing was tracked. */
  private settle(): void {
    if (this.settling) return;
    this.settling = true;
    let epoch = this.epoch;
    let left = this.hops;
    const step = () => {
      if (this.busy > 0) {
        // the work's own end starts the next settle run
        this.settling = false;
        return;
      }
      if (this.epoch !== epoch) {
        // something was tracked and finished between two hops: count again from here
        epoch = this.epoch;
        left = this.hops;
      }
      if (--left > 0) {
        this.hop(step);
        return;
      }
      this.settling = false;
      this.waiters.splice(0).forEach((w) => w());
    };
    this.hop(step);
  }
}
