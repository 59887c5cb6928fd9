// Settings in the header: display time zone (with its offset now), theme, and projector mode.
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
          <button type="button" className="button" onClick={() => setOpen(false)}>Close</button>
        </div>
      )}
    </span>
  );
}
