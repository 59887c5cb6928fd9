// One numbering per case across tabs. Each tab's engine numbers values as it meets them (redaction is
// synchronous: a page, an export batch), so two tabs could give user-3 to two accounts. The case setting
// `redact.mapping` is the shared truth: a save is a merge under a Web Lock named per case (read what is saved,
// take it in with Redactor.merge: the saved pseudonyms win and this tab's clashing values are numbered anew,
// then write the union), and every save is announced on a BroadcastChannel, so the other tabs take it in
// at once (and save what they alone had). Node (tests, CLI): one process-wide queue per name stands in for the
// lock; BroadcastChannel links engines in one process as between tabs.
import type { Redactor, RedactorSnapshot } from './redactor.ts';

const CHANNEL = 'logdrop-redact';
const queues = new Map<string, Promise<unknown>>();

/** Runs work holding the case's numbering lock (across tabs where Web Locks exist). */
export function withNumberingLock<T>(caseId: string, work: () => Promise<T>): Promise<T> {
  const name = `logdrop-redact-${caseId}`;
  const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
  if (locks !== undefined) return locks.request(name, { mode: 'exclusive' }, work) as Promise<T>;
  const before = queues.get(name) ?? Promise.resolve();
  const run = before.then(work, work);
  const tail = run.catch(() => undefined);
  queues.set(name, tail);
  void tail.then(() => { if (queues.get(name) === tail) queues.delete(name); });
  return run;
}

export interface NumberingStore {
  getSetting<T>(key: string): Promise<T | undefined>;
  setSetting(key: string, value: unknown): Promise<void>;
}

/** Merges the saved numbering into `red` and saves the union when this tab had values it lacks (or `force`). */
export async function syncNumbering(caseId: string, store: NumberingStore, key: string, red: Redactor, force: boolean): Promise<boolean> {
  return withNumberingLock(caseId, async () => {
    const saved = await store.getSetting<RedactorSnapshot>(key);
    const { localOnly } = saved === undefined ? { localOnly: 1 } : red.merge(saved);
    if (localOnly === 0 && !force) return false;
    await store.setSetting(key, red.snapshot());
    return true;
  });
}

/** The announcements between tabs: "case X's numbering was saved". */
export class NumberingChannel {
  private readonly channel: BroadcastChannel | undefined;

  constructor(onSaved: (caseId: string) => void) {
    if (typeof BroadcastChannel === 'undefined') return;
    this.channel = new BroadcastChannel(CHANNEL);
    this.channel.onmessage = (e: MessageEvent<unknown>) => {
      const d = e.data as { caseId?: unknown } | null;
      if (typeof d === 'object' && d !== null && typeof d.caseId === 'string') onSaved(d.caseId);
    };
    // Node: a listening channel must not keep the process (the CLI, a test run) alive
    (this.channel as { unref?: () => void }).unref?.();
  }

  saved(caseId: string): void {
    this.channel?.postMessage({ caseId });
  }
}
