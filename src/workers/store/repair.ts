// A case reopened after its tab was closed mid-ingest: ledger rows still 'reading' (or 'queued') are
// made 'incomplete' with the counts of what was actually stored, so the catalog matches the chunks, and an
// archive left half-read gets a row of its own saying what of it was never read (units.ts).
// Their events stay searchable; opening the same file again resumes or replaces it.
// Body files no chunk row names are removed here too (the same reason: nobody can be writing them now).
// Only the holder of the case's write lock may run this: a row 'reading' in a case another tab is writing
// is being read right now (caseLock.ts).
import type { CaseStore } from './caseStore.ts';
import { interruptUnits } from './units.ts';
import { formatBytes } from '../../parsers/containers/guard.ts';

export async function repairInterrupted(store: CaseStore): Promise<number> {
  // body files written by a tab that died before their transaction committed (case schema 8, caseBodies.ts)
  await store.removeOrphanBodies();
  const open = (await store.files()).filter((f) => f.state === 'reading' || f.state === 'queued');
  const stored = open.length === 0 ? new Map() : await store.storedByFile();
  for (const f of open) {
    const t = stored.get(f.id);
    const events = t?.events ?? 0;
    await store.putFile({
      ...f, state: 'incomplete', events, unparsed: t?.unparsed ?? 0,
      message: `Reading was interrupted (tab closed or reloaded) after ${formatBytes(f.bytesRead)}: `
        + `${events.toLocaleString('en-US')} of this file's events were stored and can be searched. Open it again to read all of it.`,
    });
  }
  return open.length + (await interruptUnits(store, 'Reading of this archive was interrupted (tab closed or reloaded)'));
}
