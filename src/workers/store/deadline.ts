// A bound on how long the file system may keep a promise pending. Chromium's OPFS once left a
// createSyncAccessHandle() call for a new chunk file pending for good (10M auth lines on a profile on disk, the
// 485th body file: every thread idle, the ingest stuck at "Reading…" for minutes); a stalled file system must
// fail like a refusing one (the caller falls back), never stall the ingest or a query.

/** The error a call that missed its deadline rejects with (a DOMException named TimeoutError, like the platform's). */
export function timeoutError(what: string, ms: number): DOMException {
  return new DOMException(`${what} did not finish within ${ms / 1000} s`, 'TimeoutError');
}

/**
 * `work`, or a TimeoutError after `ms`. A result that arrives after the deadline goes to `late` (close a handle,
 * remove a file nobody will record), and a late failure is dropped: the caller has moved on either way.
 */
export function within<T>(work: Promise<T>, ms: number, what: string, late?: (value: T) => unknown): Promise<T> {
  let expired = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      expired = true;
      reject(timeoutError(what, ms));
    }, ms);
  });
  void work.then((value) => {
    if (expired) void Promise.resolve(late?.(value)).catch(() => undefined);
  }, () => undefined);
  return Promise.race([work, deadline]).finally(() => clearTimeout(timer));
}
