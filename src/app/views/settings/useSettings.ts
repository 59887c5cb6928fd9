// Settings kept in this browser (localStorage): time zone (UTC by default), theme, table density, and
// the explicit limit on how far archives may expand (none: the storage left to the site bounds it). Projector mode is in the URL (useRoute), so a trainer's link opens in it.
import { useCallback, useEffect, useState } from 'react';
import { isKnownZone } from '../../time.ts';
import type { Density } from '../search/table/EventTable.tsx';

export type Theme = 'system' | 'light' | 'dark';
export interface Settings {
  timeZone: string; theme: Theme; density: Density;
  /** decompressed bytes one ingest may expand archives to, in GiB; undefined = the storage left */
  expandLimitGiB?: number;
}

const KEY = 'logdrop.settings';
const DEFAULTS: Settings = { timeZone: 'UTC', theme: 'system', density: 'normal' };

function load(): Settings {
  try {
    const v = JSON.parse(localStorage.getItem(KEY) ?? '{}') as Partial<Settings>;
    return {
      timeZone: typeof v.timeZone === 'string' && isKnownZone(v.timeZone) ? v.timeZone : DEFAULTS.timeZone,
      theme: v.theme === 'light' || v.theme === 'dark' ? v.theme : DEFAULTS.theme,
      density: v.density === 'compact' || v.density === 'comfortable' ? v.density : DEFAULTS.density,
      ...(typeof v.expandLimitGiB === 'number' && v.expandLimitGiB > 0 && Number.isFinite(v.expandLimitGiB) ? { expandLimitGiB: v.expandLimitGiB } : {}),
    };
  } catch {
    return DEFAULTS;
  }
}

export function useSettings(projector: boolean): [Settings, (patch: Partial<Settings>) => void] {
  const [settings, setSettings] = useState(load);
  const update = useCallback((patch: Partial<Settings>) => {
    setSettings((old) => {
      const next = { ...old, ...patch };
      if (next.expandLimitGiB === undefined) delete next.expandLimitGiB; // JSON has no undefined: absent means none
      try {
        localStorage.setItem(KEY, JSON.stringify(next));
      } catch {
        // storage denied: the settings hold for this page
      }
      return next;
    });
  }, []);
  // the theme and projector mode are page-wide: attributes on <html> that the stylesheet reads
  useEffect(() => {
    const root = document.documentElement;
    if (settings.theme === 'system') root.removeAttribute('data-theme');
    else root.setAttribute('data-theme', settings.theme);
    root.toggleAttribute('data-projector', projector);
  }, [settings.theme, projector]);
  return [settings, update];
}
