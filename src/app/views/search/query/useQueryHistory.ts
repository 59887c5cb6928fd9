// Queries run, newest last, kept in localStorage (this browser only; nothing leaves it). Up/Down in the
// query bar walks them like a shell history.
import { useCallback, useState } from 'react';

const KEY = 'logdrop.queryHistory';
const MAX = 50;
/**
 * A longer query (a pasted list of 12,000 IPs is 150 KB) is not kept: rewriting the whole history into
 * localStorage on every later search then cost the main thread tens of milliseconds, and Up/Down would
 * put it back in the box.
 */
export const HISTORY_MAX_CHARS = 4096;

function load(): string[] {
  try {
    const v: unknown = JSON.parse(localStorage.getItem(KEY) ?? '[]');
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string' && x.length <= HISTORY_MAX_CHARS).slice(-MAX) : [];
  } catch {
    return [];
  }
}

export function useQueryHistory(): { items: string[]; remember(q: string): void } {
  const [items, setItems] = useState(load);
  const remember = useCallback((q: string) => {
    if (q.trim() === '' || q.length > HISTORY_MAX_CHARS) return;
    setItems((old) => {
      const next = [...old.filter((x) => x !== q), q].slice(-MAX);
      try {
        localStorage.setItem(KEY, JSON.stringify(next));
      } catch {
        // storage full or denied: the history lives for this page only
      }
      return next;
    });
  }, []);
  return { items, remember };
}
