// The files store: ingest progress (row deltas) merged once per animation frame, however many reports came in
// between; a whole list from the store replaces what is shown and drops older progress still queued.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { FilesStore, SHOW_EVERY_MS } from '../../../src/app/state/filesStore.ts';
import type { FileLedgerEntry } from '../../../src/workers/api.ts';

const row = (id: number, events: number, state: FileLedgerEntry['state'] = 'reading'): FileLedgerEntry => ({
  id, path: `logs/host-${id}/auth.log`, size: 100, sha256: '', parserId: 'syslog3164', confidence: 1, state, bytesRead: 50,
  events, unparsed: 0, meta: 0, tzOffsetMinutes: 0, timeGuess: '', issues: [],
});

describe('FilesStore', () => {
  const frames: FrameRequestCallback[] = [];
  afterEach(() => {
    vi.unstubAllGlobals();
    frames.length = 0;
  });
  const stubFrames = () => vi.stubGlobal('requestAnimationFrame', (cb: FrameRequestCallback) => frames.push(cb));
  const runFrame = () => { for (const cb of frames.splice(0)) cb(0); };

  it('merges every report of a frame in one update, newest version of a row winning, new rows appended in order', () => {
    stubFrames();
    const store = new FilesStore();
    store.set([row(1, 0, 'done')]);
    let updates = 0;
    store.subscribe(() => updates++);
    store.merge([row(2, 1)]);
    store.merge([row(2, 2), row(3, 0)]);
    store.merge([row(3, 7), row(4, 1)]);
    expect(updates).toBe(0); // nothing until the frame
    expect(frames).toHaveLength(1); // one frame asked for, however many reports
    runFrame();
    expect(updates).toBe(1);
    expect(store.get().map((f) => [f.id, f.events])).toEqual([[1, 0], [2, 2], [3, 7], [4, 1]]);
  });

  it('a whole list set meanwhile wins over progress still queued (the final ledger after an ingest)', () => {
    stubFrames();
    const store = new FilesStore();
    store.merge([row(1, 5)]);
    const final = [row(1, 9, 'done'), row(2, 4, 'done')];
    store.set(final);
    runFrame();
    expect(store.get()).toBe(final);
  });

  it('keeps the same list (identity) when nothing changed, so subscribers do not re-render', () => {
    const store = new FilesStore();
    const list = [row(1, 1)];
    store.set(list);
    let updates = 0;
    store.subscribe(() => updates++);
    store.set(list);
    store.merge([]);
    expect(updates).toBe(0);
    expect(store.get()).toBe(list);
  });

  it('without animation frames (a hidden tab, or no DOM), progress is still applied on a timer', () => {
    vi.useFakeTimers();
    try {
      const store = new FilesStore();
      store.merge([row(1, 3)]);
      expect(store.get()).toEqual([]);
      vi.advanceTimersByTime(1000);
      expect(store.get().map((f) => f.events)).toEqual([3]);
    } finally {
      vi.useRealTimers();
    }
  });

  it('shows progress at most every SHOW_EVERY_MS: a report soon after an update waits, then comes in a frame', () => {
    vi.useFakeTimers();
    try {
      stubFrames();
      const store = new FilesStore();
      store.merge([row(1, 1)]);
      runFrame();
      expect(store.get().map((f) => f.events)).toEqual([1]);
      store.merge([row(1, 2)]);
      store.merge([row(1, 3)]);
      expect(frames).toHaveLength(0); // too soon after the last update: no frame asked for yet
      vi.advanceTimersByTime(SHOW_EVERY_MS);
      expect(frames).toHaveLength(1);
      runFrame();
      expect(store.get().map((f) => f.events)).toEqual([3]);
    } finally {
      vi.useRealTimers();
    }
  });
});
