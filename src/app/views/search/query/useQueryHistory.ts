// Queries run, newest last, kept in localStorage (this browser only; nothing leaves it). Up/Down in the
// query bar walks them like a shell history.
import { useCallback, useState } from 'react';

const KEY = 'logdrop.queryHistory';
const MAX = 50;

function load(): string[] {
  try {
    const v: unknown = JSON.parse(localStorage.getItem(KEY) ?? '[]');
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string').slice(-MAX) : [];
  } catch {
    return [];
  }
}

export function useQueryHistory(): { items: string[]; remember(q: string): void } {
  const [items, setItems] = useState(load);
  const remember = useCallback((q: string) => {
    if (q.trim() === '') return;
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
