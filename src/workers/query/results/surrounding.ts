// Context of one event: the n events before and after it in time, across all files or only within
// the file it came from (the chunk's fileId, i.e. col.file), like `grep -C n` on the timeline.
import type { EventRow } from '../../api.ts';
import type { CaseIndex } from '../caseIndex.ts';

/** Events in ascending time: up to n before, the event itself, up to n after. */
export function surrounding(index: CaseIndex, row: number, n: number, sameFile: boolean): EventRow[] {
  if (row < 0 || row >= index.rowCount || !Number.isInteger(row)) return [];
  const order = index.timeOrder(), pos = index.timeRank()[row];
  const fileId = index.chunkOf(row).fileId;
  const keep = (r: number) => !sameFile || index.chunkOf(r).fileId === fileId;
  const before: number[] = [], after: number[] = [];
  for (let i = pos - 1; i >= 0 && before.length < n; i--) if (keep(order[i])) before.push(order[i]);
  for (let i = pos + 1; i < order.length && after.length < n; i++) if (keep(order[i])) after.push(order[i]);
  return [...before.reverse(), row, ...after].map((r) => ({ row: r, fields: index.event(r) }));
}
