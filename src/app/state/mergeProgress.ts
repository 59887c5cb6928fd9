// Ingest progress arrives as deltas (the rows that changed since the previous report, see the engine's
// IngestProgress): the files panel's list is updated by id, new rows appended in order.
import type { FileLedgerEntry } from '../../workers/api.ts';

export function mergeProgress(shown: readonly FileLedgerEntry[], changed: readonly FileLedgerEntry[]): FileLedgerEntry[] {
  if (changed.length === 0) return shown as FileLedgerEntry[];
  const at = new Map<number, number>();
  for (let i = 0; i < shown.length; i++) at.set(shown[i].id, i);
  const out = shown.slice();
  for (const e of changed) {
    const i = at.get(e.id);
    if (i === undefined) {
      at.set(e.id, out.length);
      out.push(e);
    } else out[i] = e;
  }
  return out;
}
