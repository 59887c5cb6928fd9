// Live follow in the search view: "12 new events" (the view does not re-run under the user's feet: scroll and
// the open event stay until they ask), and a Follow toggle that re-runs on every update and keeps the table
// on the newest events.
import { useEffect, type RefObject } from 'react';
import type { SortSpec } from '../../../workers/api.ts';
import { formatCount } from '../../format.ts';

export interface LiveControls {
  pending: number;
  follow: boolean;
  onFollow(on: boolean): void;
  onShowNew(): void;
}

export function LiveBar({ pending, follow, onFollow, onShowNew }: LiveControls) {
  return (
    <>
      {pending > 0 && !follow && (
        <button type="button" className="button live-new" onClick={onShowNew}>
          {formatCount(pending)} new event{pending === 1 ? '' : 's'}
        </button>
      )}
      <label title="Re-run the search as events arrive and keep the table on the newest">
        <input type="checkbox" checked={follow} onChange={(e) => onFollow(e.currentTarget.checked)} /> Follow newest
      </label>
    </>
  );
}

/** With follow on: after each new result the table scrolls to the newest events (the end, or the top in descending time). */
export function usePinnedToNewest(container: RefObject<HTMLElement | null>, on: boolean, resultKey: string | undefined, sort: SortSpec | undefined): void {
  useEffect(() => {
    if (!on || resultKey === undefined) return;
    const el = container.current?.querySelector<HTMLElement>('[role="table"]');
    if (el === null || el === undefined) return;
    const newestFirst = sort !== undefined && sort.field === 'ts' && sort.dir === 'desc';
    // after the rows of the new result are laid out
    requestAnimationFrame(() => {
      el.scrollTop = newestFirst ? 0 : el.scrollHeight;
    });
  }, [container, on, resultKey, sort]);
}
