// Rows of the current result for the virtual table, fetched in blocks as they scroll into view and
// kept in a small cache (the table never holds the result, only the blocks near what is shown).
import { useCallback, useState } from 'react';
import type { EventRow, SortSpec } from '../../../../workers/api.ts';
import type { EngineClient, IdleTracker } from '../../../../workers/client.ts';

export const BLOCK = 100;
/** blocks kept: a few screens around the viewport at any density */
const KEEP = 24;

export interface Rows {
  /** the row at a position of the result, or undefined while its block is on its way */
  at(position: number): EventRow | undefined;
  /** asks for the blocks covering [first, first + count) */
  want(first: number, count: number): void;
  /** a block failed to load: the message, in words */
  error?: string;
  /** the rows shown are the previous result's, until the new result's first block arrives */
  stale: boolean;
}

/** One result's blocks; a new result or order gets a new cache, so old rows never show for a new query. */
class BlockCache {
  readonly blocks = new Map<number, EventRow[]>();
  readonly pending = new Set<number>();
  /** the previous result's rows, shown until this cache has a block of its own */
  previous?: BlockCache;

  keepNear(block: number): void {
    if (this.blocks.size <= KEEP) return;
    const far = [...this.blocks.keys()].sort((x, y) => Math.abs(y - block) - Math.abs(x - block));
    for (const k of far.slice(0, this.blocks.size - KEEP)) this.blocks.delete(k);
  }
}

export function useRows(engine: EngineClient, tracker: IdleTracker, handle: number | undefined, sort: SortSpec | undefined): Rows {
  const sortField = sort?.field, sortDir = sort?.dir;
  const [cache, setCache] = useState<{ handle: number; sortField?: string; sortDir?: SortSpec['dir']; blocks: BlockCache }>();
  const same = cache === undefined ? handle === undefined : cache.handle === handle && cache.sortField === sortField && cache.sortDir === sortDir;
  if (!same) {
    // a new result keeps the previous one's rows on screen until its own first block arrives: the row
    // elements are re-filled once with new text instead of being emptied ("…") and filled again
    const blocks = new BlockCache();
    if (cache !== undefined) blocks.previous = cache.blocks.blocks.size === 0 ? cache.blocks.previous : cache.blocks;
    setCache(handle === undefined ? undefined : { handle, sortField, sortDir, blocks });
  }
  const [version, setVersion] = useState(0);
  const [failed, setFailed] = useState<{ cache: unknown; message: string }>();

  const want = useCallback((first: number, count: number) => {
    if (cache === undefined || count <= 0) return;
    const c = cache.blocks;
    const lo = Math.floor(first / BLOCK), hi = Math.floor((first + count - 1) / BLOCK);
    const order = cache.sortField === undefined ? undefined : { field: cache.sortField, dir: cache.sortDir ?? 'asc' };
    for (let b = lo; b <= hi; b++) {
      if (c.blocks.has(b) || c.pending.has(b)) continue;
      c.pending.add(b);
      void tracker.track(engine.page(cache.handle, b * BLOCK, BLOCK, order).then((rows) => {
        c.pending.delete(b);
        c.blocks.set(b, rows);
        c.previous = undefined;
        c.keepNear(lo);
        setVersion((v) => v + 1);
      }, (e: unknown) => {
        c.pending.delete(b);
        c.previous = undefined;
        setFailed({ cache, message: `Rows could not be loaded: ${e instanceof Error ? e.message : String(e)}` });
      }));
    }
  }, [engine, tracker, cache]);

  // `version` makes a new `at` after each block arrives, so the table re-renders with it
  const at = useCallback((position: number) => {
    void version;
    const c = cache?.blocks;
    return (c?.previous ?? c)?.blocks.get(Math.floor(position / BLOCK))?.[position % BLOCK];
  }, [cache, version]);
  return { at, want, error: failed !== undefined && failed.cache === cache ? failed.message : undefined, stale: cache?.blocks.previous !== undefined };
}
