// The test hook's idle() against the race CI hit once in reliability-budget: a tracked call ends and sets state,
// React commits in one scheduler task and runs the effects (which start the follow-up search) in the next one
// when the render used up its slice. The page's posted-message queue is simulated: React's tasks and the
// tracker's hops share one FIFO queue, as MessageChannel messages do in Chromium.
import { describe, expect, it } from 'vitest';
import { IdleTracker, SETTLE_HOPS } from '../../src/workers/idleTracker.ts';

/** One FIFO task queue; microtasks (promise reactions) run to the end after each task, as in a browser. */
class PageQueue {
  private readonly tasks: (() => void)[] = [];
  ran = 0;
  readonly post = (f: () => void): void => void this.tasks.push(f);
  async runAll(): Promise<void> {
    for (let guard = 0; this.tasks.length > 0 && guard < 1000; guard++) {
      this.tasks.shift()!();
      this.ran++;
      await new Promise((r) => setImmediate(r));
    }
  }
}

/**
 * An ingest ends (tracked) and sets state; React renders and commits in task R1, yields, and runs the effects in
 * task R2; an effect starts the search (tracked), whose answer comes in a later task and is committed in another.
 */
function ingestThenSearch(q: PageQueue, tracker: IdleTracker, log: string[]): Promise<void> {
  return tracker.track((async () => {
    await Promise.resolve();
    log.push('ingest done');
    // setState: React posts its render task
    q.post(() => {
      log.push('commit');
      // the render used its 5 ms slice: the effects go in the next scheduler task
      q.post(() => {
        log.push('effects');
        void tracker.track(new Promise<void>((answer) => q.post(() => answer()))).then(() => q.post(() => log.push('search shown')));
      });
    });
  })());
}

describe('IdleTracker', () => {
  it(`waits ${SETTLE_HOPS} quiet hops: an effect's follow-up search, started in the task after the commit, is waited for`, async () => {
    const q = new PageQueue();
    const tracker = new IdleTracker(q.post);
    const log: string[] = [];
    const woke = tracker.idle().then(() => log.push('idle'));
    void ingestThenSearch(q, tracker, log);
    await q.runAll();
    await woke;
    expect(log).toEqual(['ingest done', 'commit', 'effects', 'search shown', 'idle']);
  });

  it('with one hop (what a zero timeout gave) the waiter wakes between the commit and the effects: the race is real', async () => {
    const q = new PageQueue();
    const tracker = new IdleTracker(q.post, 1);
    const log: string[] = [];
    const woke = tracker.idle().then(() => log.push('idle'));
    void ingestThenSearch(q, tracker, log);
    await q.runAll();
    await woke;
    expect(log.indexOf('idle')).toBe(log.indexOf('commit') + 1);
  });

  it('idle() with nothing tracked resolves after the hops, and work tracked between two hops starts the count again', async () => {
    const q = new PageQueue();
    const tracker = new IdleTracker(q.post);
    let woke = false;
    void tracker.idle().then(() => { woke = true; });
    // a short tracked call that starts and ends between the first two hops
    q.post(() => void tracker.track(Promise.resolve()));
    await q.runAll();
    expect(woke).toBe(true);
    // the first hop, the call's task, then SETTLE_HOPS hops counted from the call's end
    expect(q.ran).toBe(1 + 1 + SETTLE_HOPS);
  });

  it('a waiter is not woken while work is in flight, however many hops pass', async () => {
    const q = new PageQueue();
    const tracker = new IdleTracker(q.post);
    let finish!: () => void;
    void tracker.track(new Promise<void>((r) => { finish = r; }));
    let woke = false;
    void tracker.idle().then(() => { woke = true; });
    await q.runAll();
    expect(woke).toBe(false);
    finish();
    await new Promise((r) => setImmediate(r));
    await q.runAll();
    expect(woke).toBe(true);
  });
});
