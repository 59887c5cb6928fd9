// The background detection runner: the caller answers before the run starts, a request during a run makes
// it stale (it stops and one more run follows), settled() waits for the last one, a failure is kept in words.
import { describe, expect, it } from 'vitest';
import { BackgroundRuns } from '../../../src/workers/alerts/backgroundRuns.ts';
import { nextTurn } from '../../../src/workers/nextTurn.ts';

describe('BackgroundRuns', () => {
  it('starts after the caller answered and settles when the run is done', async () => {
    const log: string[] = [];
    const runs = new BackgroundRuns(async () => {
      log.push('run');
    });
    runs.request();
    log.push('caller answered');
    expect(runs.running).toBe(true);
    await runs.settled();
    expect(log).toEqual(['caller answered', 'run']);
    expect(runs.running).toBe(false);
    await runs.settled(); // nothing pending: at once
  });

  it('a request during a run makes it stale: it stops at its next step and one more run follows', async () => {
    const finished: number[] = [];
    let started = 0;
    const runs = new BackgroundRuns(async (stale) => {
      const mine = ++started;
      for (let step = 0; step < 5; step++) {
        await nextTurn();
        if (stale()) return;
      }
      finished.push(mine);
    });
    runs.request();
    await nextTurn();
    await nextTurn();
    runs.request(); // the data changed while run 1 was under way
    runs.request(); // twice: still one more run, not two
    await runs.settled();
    expect(started).toBe(2);
    expect(finished).toEqual([2]);
  });

  it('keeps a failure in words and clears it after a run that succeeds', async () => {
    let fail = true;
    const runs = new BackgroundRuns(async () => {
      if (fail) throw new Error('index gone');
    });
    const warn = console.warn;
    console.warn = () => {};
    try {
      runs.request();
      await runs.settled();
      expect(runs.error).toBe('index gone');
      fail = false;
      runs.request();
      await runs.settled();
      expect(runs.error).toBeUndefined();
    } finally {
      console.warn = warn;
    }
  });
});
