// The test hook's idle(): waits for tracked work and for holds (the workbench holds it across the commit of a
// new data version, so the follow-up search that a view's effect starts is tracked before idle() can wake).
import { describe, expect, it } from 'vitest';
import { IdleTracker } from '../../src/workers/idleTracker.ts';

const turn = () => new Promise((r) => setTimeout(r, 5));

describe('IdleTracker', () => {
  it('a hold taken inside tracked work keeps idle() waiting after that work ended, until it is released', async () => {
    const tracker = new IdleTracker();
    let woke = false;
    let release!: () => void;
    const ingest = tracker.track((async () => {
      await Promise.resolve();
      release = tracker.hold(); // the new data version is set here; the commit comes later
    })());
    void tracker.idle().then(() => { woke = true; });
    await ingest;
    await turn();
    expect(woke).toBe(false);
    // the view's effect starts the search before the workbench's effect lets go
    let answer!: () => void;
    void tracker.track(new Promise<void>((r) => { answer = r; }));
    release();
    await turn();
    expect(woke).toBe(false);
    answer();
    await turn();
    expect(woke).toBe(true);
  });

  it('a release called twice counts once: it cannot wake waiters while other work is in flight', async () => {
    const tracker = new IdleTracker();
    const release = tracker.hold();
    let finish!: () => void;
    void tracker.track(new Promise<void>((r) => { finish = r; }));
    let woke = false;
    void tracker.idle().then(() => { woke = true; });
    release();
    release();
    await turn();
    expect(woke).toBe(false);
    finish();
    await turn();
    expect(woke).toBe(true);
  });

  it('idle() with nothing tracked or held resolves after a zero timeout', async () => {
    const tracker = new IdleTracker();
    let woke = false;
    void tracker.idle().then(() => { woke = true; });
    await turn();
    expect(woke).toBe(true);
  });
});
