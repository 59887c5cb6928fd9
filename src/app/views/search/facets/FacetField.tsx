// One field of the facet sidebar: its top values in the current result with exact counts and their
// share as a bar; include (click the value) or exclude (−); show more; search inside the values;
// case-folded grouping for user names.
import { useState } from 'react';
import type { EngineClient, IdleTracker } from '../../../../workers/client.ts';
import { useTracked } from '../../../hooks/useTracked.ts';
import { formatCount } from '../../../format.ts';
import { SafeText, safeLabel } from '../../../components/SafeText.tsx';

const FEW = 5, MORE = 30;

/** user names differ in case across sources (Administrator / administrator): those fields can fold */
const foldable = (field: string) => /usr\.name$|UserName$/.test(field);

export function FacetField({ engine, tracker, handle, total, field, onPick, onRemove }: {
  engine: EngineClient; tracker: IdleTracker; handle: number; total: number; field: string;
  onPick(field: string, value: string, exclude: boolean): void;
  /** fields the user added can be taken off again */
  onRemove?: () => void;
}) {
  const [more, setMore] = useState(false);
  const [contains, setContains] = useState('');
  const [fold, setFold] = useState(false);
  const topN = more || contains !== '' ? MORE : FEW;
  const key = JSON.stringify([handle, field, topN, fold, contains]);
  // the last counts stay until the new ones come (keep): values keyed by text update in place
  const facet = useTracked(tracker, key, async () => (await engine.facets(handle, [field], topN, { fold, contains }))[0], true);
  const f = facet?.value;
  const searchId = `facet-search-${field}`;

  return (
    <section className="facet" aria-label={`Field ${field}`}>
      <header className="facet__head">
        <h3 className="facet__name">{field}</h3>
        {f !== undefined && <span className="facet__distinct">{formatCount(f.distinct)} value{f.distinct === 1 ? '' : 's'}</span>}
        {onRemove !== undefined && <button type="button" className="facet__icon" aria-label={`Remove field ${field} from the sidebar`} onClick={onRemove}>×</button>}
      </header>
      {(more || contains !== '' || (f !== undefined && f.distinct > FEW)) && (
        <input
          id={searchId} className="facet__search" type="text" value={contains} placeholder="Find a value…"
          aria-label={`Find a value of ${field}`} onChange={(e) => setContains(e.currentTarget.value)}
        />
      )}
      {foldable(field) && (
        <label className="facet__fold">
          <input type="checkbox" checked={fold} onChange={(e) => setFold(e.currentTarget.checked)} /> Ignore case (group Admin = admin)
        </label>
      )}
      {facet?.error !== undefined && <p className="facet__error">Counts could not be loaded: {facet.error}</p>}
      {f !== undefined && f.values.length === 0 && (
        <p className="facet__empty">{contains !== '' ? `No value of ${field} contains “${contains}” here.` : `No event here has ${field}.`}</p>
      )}
      <ul className="facet__values">
        {f?.values.map((v) => {
          const share = total > 0 ? v.count / total : 0;
          return (
            <li key={v.value} className="facet__value">
              <button type="button" className="facet__pick" aria-label={`Include ${field}: ${safeLabel(v.value)}`} title={safeLabel(v.value)} onClick={() => onPick(field, v.value, false)}>
                <span className="facet__label">{v.value === '' ? '(empty)' : <SafeText text={v.value} max={500} />}</span>
                <span className="facet__count">{formatCount(v.count)}</span>
                <span className="facet__bar" aria-hidden="true"><span style={{ width: `${Math.max(share * 100, 0.5)}%` }} /></span>
              </button>
              <button type="button" className="facet__icon" aria-label={`Exclude ${field}: ${safeLabel(v.value)}`} title="Exclude" onClick={() => onPick(field, v.value, true)}>−</button>
            </li>
          );
        })}
      </ul>
      {f !== undefined && f.distinct > FEW && contains === '' && (
        <button type="button" className="facet__more" aria-expanded={more} aria-label={`${more ? 'Show fewer' : 'Show more'} values of ${field}`} onClick={() => setMore(!more)}>
          {more ? 'Show fewer' : `Show more (${formatCount(Math.min(f.distinct, MORE))} of ${formatCount(f.distinct)})`}
        </button>
      )}
      {f !== undefined && f.missing > 0 && f.missing < total && <p className="facet__missing">{formatCount(f.missing)} events without {field}</p>}
    </section>
  );
}
