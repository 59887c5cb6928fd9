// The time range as two editable fields in the display zone: they show the route's range (or the data's
// span when none is set), follow the brush and back/forward, and an edit applied with Enter or Apply
// becomes the route's range (a pivot in the history, so the URL carries it).
import { useState } from 'react';
import { formatInZone, parseInZone, zoneLabel } from '../../../time.ts';

const fmt = (ms: number | undefined, zone: string) => (ms === undefined ? '' : formatInZone(ms, zone, { ms: false, offset: false }));

export function RangeFields({ from, to, spanFrom, spanTo, timeZone, onRange }: {
  from?: number; to?: number;
  /** the data's first and last time, shown when no range is set */
  spanFrom?: number; spanTo?: number;
  timeZone: string;
  onRange(from: number | undefined, to: number | undefined): void;
}) {
  const shownFrom = fmt(from ?? spanFrom, timeZone), shownTo = fmt(to ?? spanTo, timeZone);
  const seed = `${shownFrom}|${shownTo}`;
  const [draft, setDraft] = useState({ seed, from: shownFrom, to: shownTo });
  const [error, setError] = useState<string>();
  if (draft.seed !== seed) {
    // the range changed elsewhere (brush, reset, back/forward, zone): the fields follow
    setDraft({ seed, from: shownFrom, to: shownTo });
    setError(undefined);
  }
  const apply = () => {
    // an untouched field keeps its exact value (the fields show whole seconds)
    const read = (text: string, shown: string, exact: number | undefined) => (text === shown ? exact : text.trim() === '' ? undefined : parseInZone(text, timeZone));
    const f = read(draft.from, shownFrom, from ?? spanFrom), t = read(draft.to, shownTo, to ?? spanTo);
    if ((draft.from.trim() !== '' && f === undefined) || (draft.to.trim() !== '' && t === undefined)) {
      setError(`Write times like ${fmt(spanFrom ?? Date.now(), timeZone)} (${zoneLabel(timeZone, spanFrom)}); a date alone means midnight.`);
      return;
    }
    if (f !== undefined && t !== undefined && t <= f) {
      setError('The end must be after the start.');
      return;
    }
    setError(undefined);
    // the whole span of the data is no narrowing: keep the route free of a range then
    onRange(f === spanFrom && from === undefined ? undefined : f, t === spanTo && to === undefined ? undefined : t);
  };
  const zone = zoneLabel(timeZone, from ?? spanFrom);
  return (
    <form className="range-fields" aria-label="Time range" onSubmit={(e) => { e.preventDefault(); apply(); }}>
      <label>From <input aria-label={`From (${zone})`} value={draft.from} size={19} spellCheck={false} aria-invalid={error !== undefined}
        onChange={(e) => setDraft({ ...draft, from: e.currentTarget.value })} /></label>
      <label>to <input aria-label={`To (${zone})`} value={draft.to} size={19} spellCheck={false} aria-invalid={error !== undefined}
        onChange={(e) => setDraft({ ...draft, to: e.currentTarget.value })} /></label>
      <span className="muted">{zone}</span>
      <button type="submit" className="button">Apply</button>
      {error !== undefined && <span className="range-fields__error" role="alert">{error}</span>}
    </form>
  );
}
