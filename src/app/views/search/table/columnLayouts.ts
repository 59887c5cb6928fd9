// Column layouts the user saved by name ("triage", "web"), kept in this browser (localStorage) for every
// case. A list, not an object keyed by name: names are the user's text.
import { useCallback, useState } from 'react';

export interface ColumnLayout { name: string; columns: string[] }

const KEY = 'logdrop.columnLayouts';
export const MAX_LAYOUTS = 20;

/** Stored text -> layouts; anything malformed is dropped rather than trusted. */
export function parseLayouts(text: string | null): ColumnLayout[] {
  try {
    const v: unknown = JSON.parse(text ?? '[]');
    if (!Array.isArray(v)) return [];
    return v.flatMap((x: unknown) => {
      const l = x as Partial<ColumnLayout> | null;
      if (l === null || typeof l !== 'object' || typeof l.name !== 'string' || l.name.trim() === '' || !Array.isArray(l.columns)) return [];
      const columns = l.columns.filter((c): c is string => typeof c === 'string' && c !== '');
      return columns.length === 0 ? [] : [{ name: l.name, columns }];
    }).slice(0, MAX_LAYOUTS);
  } catch {
    return [];
  }
}

/** Saves (or replaces, same name) a layout: the newest first, at most MAX_LAYOUTS. */
export function withLayout(layouts: readonly ColumnLayout[], layout: ColumnLayout): ColumnLayout[] {
  const name = layout.name.trim();
  return [{ name, columns: [...layout.columns] }, ...layouts.filter((l) => l.name !== name)].slice(0, MAX_LAYOUTS);
}

export function useColumnLayouts(): { layouts: ColumnLayout[]; save(l: ColumnLayout): void; remove(name: string): void } {
  const [layouts, setLayouts] = useState(() => parseLayouts(readStored()));
  const store = useCallback((next: ColumnLayout[]) => {
    setLayouts(next);
    try {
      localStorage.setItem(KEY, JSON.stringify(next));
    } catch {
      // storage denied: the layouts hold for this page
    }
  }, []);
  const save = useCallback((l: ColumnLayout) => store(withLayout(parseLayouts(readStored()), l)), [store]);
  const remove = useCallback((name: string) => store(parseLayouts(readStored()).filter((l) => l.name !== name)), [store]);
  return { layouts, save, remove };
}

function readStored(): string | null {
  try {
    return localStorage.getItem(KEY);
  } catch {
    return null;
  }
}
