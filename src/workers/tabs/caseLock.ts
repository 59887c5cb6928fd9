// One writer per case across tabs: an exclusive Web Lock named after the case, held by the tab that writes it
// for as long as it may write (ingest, remove, re-read, delete, the interrupted-ingest repair).
// Reference: https://developer.mozilla.org/en-US/docs/Web/API/Web_Locks_API
// Example: const lock = await tryLockCase(id); if (lock === undefined) -> another tab is writing; else ... lock.release().
//
// Why locks and not a flag in IndexedDB: a flag outlives a closed or crashed tab (the repair could then never
// tell a dead writer from a live one); the browser releases a lock when its holder's tab goes away.
// Node (CLI, tests) has no navigator.locks: a process-wide set stands in, with the same single-holder rule.

export interface CaseLock {
  release(): void;
}

const heldHere = new Set<string>();
/** Node: who waits for a lock, woken when it is released */
const waiters = new Map<string, (() => void)[]>();

function releaseHere(name: string): void {
  heldHere.delete(name);
  const queue = waiters.get(name) ?? [];
  waiters.delete(name);
  queue.forEach((wake) => wake());
}

function lockName(caseId: string): string {
  return `logdrop-case-${caseId}`;
}

function webLocks(): LockManager | undefined {
  return typeof navigator !== 'undefined' && navigator.locks !== undefined ? navigator.locks : undefined;
}

/** Takes the case's write lock if no one holds it; undefined when another tab (or this one) is writing. */
export async function tryLockCase(caseId: string): Promise<CaseLock | undefined> {
  const name = lockName(caseId);
  const locks = webLocks();
  if (locks === undefined) {
    if (heldHere.has(name)) return undefined;
    heldHere.add(name);
    return { release: () => releaseHere(name) };
  }
  return new Promise<CaseLock | undefined>((resolve) => {
    void locks.request(name, { mode: 'exclusive', ifAvailable: true }, (lock) => {
      if (lock === null) {
        resolve(undefined);
        return undefined;
      }
      // the lock is held until the promise the callback returns settles
      return new Promise<void>((release) => resolve({ release: () => release() }));
    });
  });
}

/**
 * Waits until the case's write lock is free and takes it: the writer finished, or its tab went away (then no
 * notice ever comes; the lock is what tells). The caller releases it as soon as it has looked.
 */
export async function waitForCaseLock(caseId: string): Promise<CaseLock> {
  const name = lockName(caseId);
  const locks = webLocks();
  if (locks === undefined) {
    for (;;) {
      const lock = await tryLockCase(caseId);
      if (lock !== undefined) return lock;
      await new Promise<void>((wake) => waiters.set(name, [...(waiters.get(name) ?? []), wake]));
    }
  }
  return new Promise<CaseLock>((resolve) => {
    void locks.request(name, { mode: 'exclusive' }, () => new Promise<void>((release) => resolve({ release: () => release() })));
  });
}

/** Someone holds the case's write lock (a tab is writing it). */
export async function isCaseLocked(caseId: string): Promise<boolean> {
  const name = lockName(caseId);
  const locks = webLocks();
  if (locks === undefined) return heldHere.has(name);
  const state = await locks.query();
  return (state.held ?? []).some((l) => l.name === name);
}
