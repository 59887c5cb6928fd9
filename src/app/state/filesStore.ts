// The open case's files (ledger rows) as a small store outside React state. During an ingest progress
// arrives every 250 ms; kept in the workbench's state it re-rendered the whole app each time (header
// panels, the search view, both lists) and gave main-thread tasks over 50 ms. Now only the components that
// show files subscribe (files panel, ledger, status line, the projector fold's count), and progress deltas
// are merged in one task at most every SHOW_EVERY_MS, however many arrived in between.
import { useSyncExternalStore } from 'react';
import type { FileLedgerEntry } from '../../workers/api.ts';
import { mergeProgress } from './mergeProgress.ts';

/**
 * Progress is shown at most this often. The engine reports every 250 ms; each update lays out and paints the
 * files panel, the status line and the ledger: on an archive of thousands of small members the page's own
 * rendering was about as much CPU as both workers' reading and storing (issue 9 item 11).
 */
export const SHOW_EVERY_MS = 500;

export class FilesStore {
  private files: FileLedgerEntry[] = [];
  private queued: FileLedgerEntry[][] = [];
  private scheduled = false;
  private shownAt = -Infinity;
  private readonly listeners = new Set<() => void>();

  /** the rows shown now (a new array whenever they change: React compares by identity) */
  readonly get = (): FileLedgerEntry[] => this.files;

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => { this.listeners.delete(listener); };
  };

  /** The whole list (from the store): progress still queued is older, and dropped. */
  set(files: FileLedgerEntry[]): void {
    this.queued = [];
    if (files === this.files) return;
    this.files = files;
    this.emit();
  }

  /** Rows that changed (an ingest's progress): merged by id in a task of their own, at most every SHOW_EVERY_MS. */
  merge(changed: FileLedgerEntry[]): void {
    if (changed.length === 0) return;
    this.queued.push(changed);
    if (this.scheduled) return;
    this.scheduled = true;
    const apply = () => {
      if (!this.scheduled) return;
      this.scheduled = false;
      const batches = this.queued;
      this.queued = [];
      if (batches.length === 0) return;
      this.shownAt = Date.now();
      // later batches hold newer versions of the same rows: merging in arrival order keeps the newest
      this.files = mergeProgress(this.files, batches.length === 1 ? batches[0] : batches.flat());
      this.emit();
    };
    // In a task of its own, not in an animation frame: the subscribers render and commit synchronously
    // (useSyncExternalStore), and in a frame callback that work and the browser's style, layout and paint of it
    // were one task (31-35 ms of CPU as an archive's first members arrived with the ledger open, issue 9). From a
    // task the frame that draws it comes after, as a task of its own.
    setTimeout(apply, Math.max(0, this.shownAt + SHOW_EVERY_MS - Date.now()));
  }

  private emit(): void {
    for (const l of this.listeners) l();
  }
}

/** The rows, re-rendering the caller when they change. */
export function useFiles(store: FilesStore): FileLedgerEntry[] {
  return useSyncExternalStore(store.subscribe, store.get);
}

/** How many rows there are: re-renders only when the count changes. */
export function useFileCount(store: FilesStore): number {
  return useSyncExternalStore(store.subscribe, () => store.get().length);
}
