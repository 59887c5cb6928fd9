// The events around the open one in time (like grep -C): in all files or only in its own file.
import { useState } from 'react';
import type { EngineClient, IdleTracker } from '../../../../workers/client.ts';
import { useTracked } from '../../../hooks/useTracked.ts';
import { formatInZone } from '../../../time.ts';
import { SafeText } from '../../../components/SafeText.tsx';

const SIZES = [5, 10, 25, 50];

export function Surrounding({ engine, tracker, row, timeZone, onOpenRow }: {
  engine: EngineClient; tracker: IdleTracker; row: number; timeZone: string; onOpenRow(row: number): void;
}) {
  const [n, setN] = useState(5);
  const [sameFile, setSameFile] = useState(true);
  const around = useTracked(tracker, JSON.stringify([row, n, sameFile]), () => engine.surrounding(row, n, sameFile));
  return (
    <section className="drawer__group" aria-label="Surrounding events">
      <h3>Surrounding events</h3>
      <div className="surrounding__controls">
        <label>± <select aria-label="Events before and after" value={n} onChange={(e) => setN(Number(e.currentTarget.value))}>
          {SIZES.map((s) => <option key={s} value={s}>{s}</option>)}
        </select> events</label>
        <label><input type="checkbox" checked={sameFile} onChange={(e) => setSameFile(e.currentTarget.checked)} /> same file only</label>
      </div>
      {around?.error !== undefined && <p>The surrounding events could not be loaded: {around.error}</p>}
      <ol className="surrounding">
        {around?.value?.map((e) => (
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
