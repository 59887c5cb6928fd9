// Charts take turns to draw: each waits for its own animation frame, so a page of five charts is five
// short tasks instead of one long one that freezes the page.
import { useEffect, useState } from 'react';

const queue: (() => void)[] = [];
let scheduled = false;

function next(): void {
  scheduled = false;
  queue.shift()?.();
  if (queue.length > 0) schedule();
}

function schedule(): void {
  if (scheduled) return;
  scheduled = true;
  // setTimeout where there are no frames (hidden tabs would otherwise never draw)
  if (typeof requestAnimationFrame === 'function' && document.visibilityState === 'visible') requestAnimationFrame(() => setTimeout(next, 0));
  else setTimeout(next, 0);
}

/** false until this component's turn has come; then true for good. */
export function useTurn(): boolean {
  const [ready, setReady] = useState(false);
  useEffect(() => {
    let live = true;
    const go = () => { if (live) setReady(true); };
    queue.push(go);
    schedule();
    return () => {
      live = false;
      const i = queue.indexOf(go);
      if (i >= 0) queue.splice(i, 1);
    };
  }, []);
  return ready;
}
