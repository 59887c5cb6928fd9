// How one file is read: parser, zone and (for year-less formats) year, applied from its ledger row.
// Only a parser change re-reads the file; zone and year alone re-time the stored events.
import { useState } from 'react';
import type { FileLedgerEntry, ParserInfo, ReingestOptions } from '../../../workers/api.ts';
import { formatZone, parseZone } from './zone.ts';

export interface ReadAsProps {
  file: FileLedgerEntry;
  parsers: ParserInfo[];
  disabled: boolean;
  /** resolves to a message when the file must be picked again (the page was reloaded since it was dropped) */
  onApply(options: ReingestOptions, picked?: File): Promise<string | undefined>;
}

export function ReadAsControls({ file, parsers, disabled, onApply }: ReadAsProps) {
  const [parserId, setParserId] = useState(file.parserId);
  const allParsers = useAllOptions();
  const [zone, setZone] = useState(formatZone(file.tzOffsetMinutes));
  const [year, setYear] = useState(file.forcedYear === undefined ? '' : String(file.forcedYear));
  const [needsFile, setNeedsFile] = useState<string>();
  const learnedChoice = file.timeLayout ?? file.layout?.timeChoice ?? (file.layout !== undefined ? 'none' : '');
  const [timeLayout, setTimeLayout] = useState(learnedChoice);
  const layouts = parsers.find((p) => p.id === (parserId === '' ? file.parserId : parserId))?.timeLayouts;
  const yearless = file.timeGuess.split(',').includes('year') || file.forcedYear !== undefined;

  const tz = parseZone(zone);
  const zoneError = tz === undefined ? 'Write the zone as +HH:MM, e.g. +02:00 or -05:00 (at most 14 hours).' : undefined;
  const yearNum = year.trim() === '' ? undefined : Number(year);
  const yearError = yearNum !== undefined && !(Number.isInteger(yearNum) && yearNum >= 1970 && yearNum <= 2100) ? 'Write a year between 1970 and 2100.' : undefined;

  const options: ReingestOptions = {};
  if (parserId !== file.parserId && parserId !== '') options.parserId = parserId;
  if (tz !== undefined && tz !== file.tzOffsetMinutes) options.tzOffsetMinutes = tz;
  if (yearless && yearNum !== undefined && yearNum !== file.forcedYear) options.forcedYear = yearNum;
  if (layouts !== undefined && timeLayout !== learnedChoice && timeLayout !== '') options.timeLayout = timeLayout;
  const changed = Object.keys(options).length > 0;

  const apply = async (picked?: File) => {
    setNeedsFile(await onApply(options, picked));
  };

  return (
    <form
      className="read-as"
      onSubmit={(e) => { e.preventDefault(); void apply(); }}
      aria-label={`How ${file.path} is read`}
    >
      <label>
        <span>Parser</span>
        <select
          aria-label={`Parser for ${file.path}`} value={parserId} disabled={disabled} onChange={(e) => setParserId(e.currentTarget.value)}
          onFocus={allParsers.now} onPointerDown={allParsers.now}
        >
          {file.parserId === '' && <option value="">(not read)</option>}
          {(allParsers.shown ? parsers : parsers.filter((p) => p.id === parserId)).map((p) => <option key={p.id} value={p.id}>{p.title} ({p.id})</option>)}
        </select>
      </label>
      {layouts !== undefined && file.layout !== undefined && (
        <label>
          <span>Time layout</span>
          <select aria-label={`Time layout for ${file.path}`} value={timeLayout} disabled={disabled} onChange={(e) => setTimeLayout(e.currentTarget.value)}>
            <option value="none">no time</option>
            {layouts.map((l) => <option key={l.value} value={l.value}>{l.title}</option>)}
          </select>
        </label>
      )}
      <label>
        <span>Zone</span>
        <input
          type="text" size={7} value={zone} disabled={disabled} aria-label={`Time zone for ${file.path}`}
          aria-invalid={zoneError !== undefined} onChange={(e) => setZone(e.currentTarget.value)}
        />
      </label>
      {yearless && (
        <label>
          <span>Year</span>
          <input
            type="number" min={1970} max={2100} placeholder="guessed" value={year} disabled={disabled}
            aria-label={`Year for ${file.path}`} aria-invalid={yearError !== undefined} onChange={(e) => setYear(e.currentTarget.value)}
          />
        </label>
      )}
      <button type="submit" className="button" disabled={disabled || !changed || zoneError !== undefined || yearError !== undefined} aria-label={`Apply to ${file.path}`}>
        Apply
      </button>
      {(zoneError ?? yearError) !== undefined && <p className="read-as__error">{zoneError ?? yearError}</p>}
      {needsFile !== undefined && (
        <div className="read-as__needs-file" role="alert">
          <p>{needsFile}</p>
          <label className="button">
            Pick the file again
            <input
              type="file" aria-label={`Pick ${file.path} again`} disabled={disabled}
              onChange={(e) => { const f = e.currentTarget.files?.[0]; e.currentTarget.value = ''; if (f !== undefined) void apply(f); }}
            />
          </label>
        </div>
      )}
    </form>
  );
}

/**
 * Whether the parser list shows every parser. Each ledger row's list would hold every parser (about 45
 * options), and in this Chromium a select of 45 options costs 8-12 ms of layout: the ~27 rows the ledger renders
 * took 90-180 ms of CPU in one frame when they were all filled (first on each row's arrival, later when the
 * browser was idle, which is right at the end of an archive: issue 9). A row shows its own parser only and gets
 * the full list when its select is focused (keyboard, assistive technology) or pressed (mouse, touch), before
 * it opens.
 */
function useAllOptions(): { shown: boolean; now: () => void } {
  const [shown, setShown] = useState(false);
  return { shown, now: () => setShown(true) };
}
