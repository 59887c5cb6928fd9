// The files store: ingest progress (row deltas) merged in one task, however many reports came in between, at
// most every SHOW_EVERY_MS; a whole list from the store replaces what is shown and drops older progress still queued.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FilesStore, SHOW_EVERY_MS } from '../../../src/app/state/filesStore.ts';
import type { FileLedgerEntry } from '../../../src/workers/api.ts';

const row = (id: number, events: number, state: FileLedgerEntry['state'] = 'reading'): FileLedgerEntry => ({
  id, path: `logs/host-${id}/auth.log`, size: 100, sha256: '', parserId: 'syslog3164', confidence: 1, state, bytesRead: 50,
  events, unparsed: 0, meta: 0, tzOffsetMinutes: 0, timeGuess: '', issues: [],
});

describe('FilesStore', () => {
  beforeEach(() => { vi.useFakeTimers(); });
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  it('merges every report before its task in one update, newest version of a row winning, new rows appended in order', () => {
    const store = new FilesStore();
    store.set([row(1, 0, 'done')]);
    let updates = 0;
    store.subscribe(() => updates++);
    store.merge([row(2, 1)]);
    store.merge([row(2, 2), row(3, 0)]);
    store.merge([row(3, 7), row(4, 1)]);
    expect(updates).toBe(0); // nothing in the caller's task
    expect(vi.getTimerCount()).toBe(1); // one task asked for, however many reports
    vi.advanceTimersByTime(0);
    expect(updates).toBe(1);
    expect(store.get().map((f) => [f.id, f.events])).toEqual([[1, 0], [2, 2], [3, 7], [4, 1]]);
  });

  it('applies progress in a task, never in an animation frame (there the commit and the frame\'s layout were one task)', () => {
    const frame = vi.fn();
    vi.stubGlobal('requestAnimationFrame', frame);
    const store = new FilesStore();
    store.merge([row(1, 3)]);
    vi.advanceTimersByTime(0);
    expect(frame).not.toHaveBeenCalled();
    expect(store.get().map((f) => f.events)).toEqual([3]);
  });

  it('a whole list set meanwhile wins over progress still queued (the final ledger after an ingest)', () => {
    const store = new FilesStore();
    store.merge([row(1, 5)]);
    const final = [row(1, 9, 'done'), row(2, 4, 'done')];
    store.set(final);
    vi.advanceTimersByTime(SHOW_EVERY_MS);
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
    vi.advanceTimersByTime(SHOW_EVERY_MS);
    expect(updates).toBe(0);
    expect(store.get()).toBe(list);
  });

  it('shows progress at most every SHOW_EVERY_MS: a report soon after an update waits its turn, then all come at once', () => {
    const store = new FilesStore();
    let updates = 0;
    store.subscribe(() => updates++);
    store.merge([row(1, 1)]);
    vi.advanceTimersByTime(0);
    expect(store.get().map((f) => f.events)).toEqual([1]);
    store.merge([row(1, 2)]);
    store.merge([row(1, 3)]);
    vi.advanceTimersByTime(SHOW_EVERY_MS - 1);
    expect(store.get().map((f) => f.events)).toEqual([1]); // too soon after the last update
    vi.advanceTimersByTime(1);
    expect(store.get().map((f) => f.events)).toEqual([3]);
    expect(updates).toBe(2);
  });
});
