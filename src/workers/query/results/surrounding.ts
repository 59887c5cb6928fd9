// Context of one event: the n events before and after it in time, across all files or only within
// the file it came from (the row's file: its chunk's, or its run's in a shared chunk; i.e. col.file), like `grep -C n` on the timeline; or the
// events within ± T of it in time.
import type { EventRow } from '../../api.ts';
import type { CaseIndex } from '../caseIndex.ts';

/**
 * Events in ascending time: up to n before, the event itself, up to n after. With withinMs, only events
 * at most that far from it in time (n then caps each side); an event without a time has no such window.
 */
export function surrounding(index: CaseIndex, row: number, n: number, sameFile: boolean, withinMs?: number): EventRow[] {
  if (row < 0 || row >= index.rowCount || !Number.isInteger(row)) return [];
  const order = index.timeOrder(), pos = index.timeRank()[row];
  const fileId = index.fileOf(row);
  const keep = (r: number) => !sameFile || index.fileOf(r) === fileId;
  const ts = index.ts, t = ts[row];
  // the time order is sorted: the first event out of the window ends the walk on that side
  const near = withinMs === undefined ? () => true : (r: number) => Math.abs(ts[r] - t) <= withinMs;
  const before: number[] = [], after: number[] = [];
  for (let i = pos - 1; i >= 0 && before.length < n && near(order[i]); i--) if (keep(order[i])) before.push(order[i]);
  for (let i = pos + 1; i < order.length && after.length < n && near(order[i]); i++) if (keep(order[i])) after.push(order[i]);
  return [...before.reverse(), row, ...after].map((r) => ({ row: r, fields: index.event(r) }));
}
