// A case reopened after its tab was closed mid-ingest: ledger rows still 'reading' (or 'queued') are
// made 'incomplete' with the counts of what was actually stored, so the catalog matches the chunks.
// Their events stay searchable; the user removes the file and picks it again to read all of it.
// Nothing extra is stored for a resume: continuing would need the File, which only the user can give.
import type { CaseStore } from './caseStore.ts';

export async function repairInterrupted(store: CaseStore): Promise<number> {
  const open = (await store.files()).filter((f) => f.state === 'reading' || f.state === 'queued');
  if (open.length === 0) return 0;
  const stored = await store.storedByFile();
  for (const f of open) {
    const t = stored.get(f.id);
    const events = t?.events ?? 0;
    await store.putFile({
      ...f, state: 'incomplete', events, unparsed: t?.unparsed ?? 0,
      message: `Reading was interrupted (tab closed or reloaded): ${events.toLocaleString('en-US')} of this file's events were stored and can be searched. `
        + 'Remove this file, then open it again to read all of it.',
    });
  }
  return open.length;
}
