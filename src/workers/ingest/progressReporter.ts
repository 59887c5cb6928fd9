// Ingest progress for the UI, throttled and as deltas. Sending the whole ledger on every change made a
// 10,000-member archive quadratic: 20,000 reports x 10,000 rows copied through two workers into React
// (798 s in the browser). Now at most one report per interval, holding only the rows that changed since
// the previous one. Rows change only while they are the last (being read) or when they are new, so the
// delta is the previously last row plus every row added since. The engine's final report ({done: true})
// carries the whole ledger.
import type { FileLedgerEntry } from '../api.ts';

export const PROGRESS_EVERY_MS = 250;

export interface ProgressReporter {
  /** the ledger changed: send the changed rows if the last report is older than the interval */
  report(): void;
  /** send whatever changed now */
  flush(): void;
}

export function throttledReporter(
  ledger: readonly FileLedgerEntry[], send: (changed: FileLedgerEntry[]) => void, everyMs = PROGRESS_EVERY_MS, now: () => number = Date.now,
): ProgressReporter {
  let last = -Infinity, sentUpTo = 0;
  const flush = () => {
    last = now();
    const from = Math.max(0, sentUpTo - 1);
    sentUpTo = ledger.length;
    if (from < ledger.length) send(ledger.slice(from).map((e) => ({ ...e })));
  };
  return {
    report() {
      if (now() - last >= everyMs) flush();
    },
    flush,
  };
}
