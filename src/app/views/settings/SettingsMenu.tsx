// Settings in the header: display time zone (with its offset now), theme, and the archive expansion limit.
import { useState } from 'react';
import { zoneLabel } from '../../time.ts';
import type { Settings, Theme } from './useSettings.ts';

/** Zones offered: UTC, this browser's zone, then every zone Intl knows. */
function zones(): string[] {
  const local = Intl.DateTimeFormat().resolvedOptions().timeZone;
  const all = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  return [...new Set(['UTC', local, ...all])];
}

export function SettingsMenu({ settings, onChange }: { settings: Settings; onChange(patch: Partial<Settings>): void }) {
  const [open, setOpen] = useState(false);
  return (
    <span className="popover">
      <button type="button" className="button" aria-expanded={open} onClick={() => setOpen(!open)}>
        Settings <span className="muted">· {zoneLabel(settings.timeZone)}</span>
      </button>
      {open && (
        <div className="popover__panel popover__panel--right settings-panel" role="dialog" aria-label="Settings" onKeyDown={(e) => { if (e.key === 'Escape') setOpen(false); }}>
          <label>
            Time zone
            <select value={settings.timeZone} onChange={(e) => onChange({ timeZone: e.currentTarget.value })}>
              {zones().map((z) => <option key={z} value={z}>{zoneLabel(z)}</option>)}
            </select>
          </label>
          <p className="muted">Every time in the workbench is shown in this zone, with its offset.</p>
          <label>
            Theme
            <select value={settings.theme} onChange={(e) => onChange({ theme: e.currentTarget.value as Theme })}>
              <option value="system">as the system</option><option value="light">light</option><option value="dark">dark</option>
            </select>
          </label>
          <ExpandLimit value={settings.expandLimitGiB} onChange={(expandLimitGiB) => onChange({ expandLimitGiB })} />
          <button type="button" className="button" onClick={() => setOpen(false)}>Close</button>
        </div>
      )}
    </span>
  );
}

/**
 * The explicit budget for decompressing archives (zip, gzip, tar) in one ingest. Empty: the storage left
 * to the site is the budget. A member cut by the budget is marked incomplete, never done.
 */
function ExpandLimit({ value, onChange }: { value?: number; onChange(v: number | undefined): void }) {
  const [text, setText] = useState(value === undefined ? '' : String(value));
  const n = Number(text);
  const bad = text.trim() !== '' && !(n > 0 && Number.isFinite(n));
  const commit = () => { if (!bad) onChange(text.trim() === '' ? undefined : n); };
  return (
    <>
      <label>
        Archive expansion limit (GiB)
        <input
          type="text" inputMode="decimal" value={text} placeholder="storage left" aria-invalid={bad} aria-describedby="expand-limit-note"
          onChange={(e) => setText(e.currentTarget.value)} onBlur={commit} onKeyDown={(e) => { if (e.key === 'Enter') commit(); }}
        />
      </label>
      <p className="muted" id="expand-limit-note">
        {bad ? 'Write a size in GiB, like 20 or 0.5, or leave it empty.'
          : value === undefined ? 'Archives may expand to the storage left to this site. Set a limit to stop sooner; what is cut is marked incomplete.'
            : `Archives stop expanding after ${value} GiB in one drop; what is cut is marked incomplete.`}
      </p>
    </>
  );
}
