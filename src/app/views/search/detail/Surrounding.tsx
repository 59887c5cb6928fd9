// The events around the open one in time (like grep -C): ± N events, or every event within ± T seconds
// (at most CAP a side), in all files or only in its own file.
import { useState } from 'react';
import type { EngineClient, IdleTracker } from '../../../../workers/client.ts';
import { useTracked } from '../../../hooks/useTracked.ts';
import { formatInZone } from '../../../time.ts';
import { SafeText } from '../../../components/SafeText.tsx';

const SIZES = [5, 10, 25, 50];
/** seconds */
const SPANS = [1, 10, 60, 300, 3600];
/** events a side by time: a busy second may hold thousands */
const CAP = 200;

function spanLabel(s: number): string {
  return s >= 3600 ? `${s / 3600} h` : s >= 60 ? `${s / 60} min` : `${s} s`;
}

export function Surrounding({ engine, tracker, row, timeZone, onOpenRow }: {
  engine: EngineClient; tracker: IdleTracker; row: number; timeZone: string; onOpenRow(row: number): void;
}) {
  const [by, setBy] = useState<'events' | 'time'>('events');
  const [n, setN] = useState(5);
  const [seconds, setSeconds] = useState(60);
  const [sameFile, setSameFile] = useState(true);
  const key = JSON.stringify([row, by, by === 'events' ? n : seconds, sameFile]);
  const around = useTracked(tracker, key, () => (by === 'events' ? engine.surrounding(row, n, sameFile) : engine.surrounding(row, CAP, sameFile, seconds * 1000)));
  const list = around?.value;
  const at = list?.findIndex((e) => e.row === row) ?? -1;
  const capped = by === 'time' && list !== undefined && (at >= CAP || list.length - at - 1 >= CAP);
  return (
    <section className="drawer__group" aria-label="Surrounding events">
      <h3>Surrounding events</h3>
      <div className="surrounding__controls">
        <label>By <select aria-label="Surrounding by" value={by} onChange={(e) => setBy(e.currentTarget.value as 'events' | 'time')}>
          <option value="events">count of events</option><option value="time">time</option>
        </select></label>
        {by === 'events' ? (
          <label>± <select aria-label="Events before and after" value={n} onChange={(e) => setN(Number(e.currentTarget.value))}>
            {SIZES.map((s) => <option key={s} value={s}>{s}</option>)}
          </select> events</label>
        ) : (
          <label>± <select aria-label="Time before and after" value={seconds} onChange={(e) => setSeconds(Number(e.currentTarget.value))}>
            {SPANS.map((s) => <option key={s} value={s}>{spanLabel(s)}</option>)}
          </select></label>
        )}
        <label><input type="checkbox" checked={sameFile} onChange={(e) => setSameFile(e.currentTarget.checked)} /> same file only</label>
      </div>
      {around?.error !== undefined && <p>The surrounding events could not be loaded: {around.error}</p>}
      {capped && <p className="muted">The nearest {CAP} events on each side are shown; narrow the time span to see them all.</p>}
      {by === 'time' && list !== undefined && list.length === 1 && <p className="muted">No other event within ± {spanLabel(seconds)}{sameFile ? ' in this file' : ''}.</p>}
      <ol className="surrounding">
        {list?.map((e) => (
          <li key={e.row} className={e.row === row ? 'surrounding__this' : undefined}>
            {e.row === row ? (
              <span><time>{formatInZone(e.fields.ts, timeZone, { offset: false })}</time> <SafeText text={String(e.fields.message ?? e.fields.raw ?? '')} max={500} /></span>
            ) : (
              <button type="button" className="surrounding__open" onClick={() => onOpenRow(e.row)}>
                <time>{formatInZone(e.fields.ts, timeZone, { offset: false })}</time> <SafeText text={String(e.fields.message ?? e.fields.raw ?? '')} max={500} />
              </button>
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}
