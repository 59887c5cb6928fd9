// The facet sidebar: the clauses clicked so far as removable chips, the most useful fields first
// (those the case has), any other field of the catalog on request.
import { memo, useState } from 'react';
import type { FieldCatalogEntry } from '../../../../workers/api.ts';
import type { EngineClient, IdleTracker } from '../../../../workers/client.ts';
import { chipsOf, removeChip } from '../../../query/clauses.ts';
import { FacetField } from './FacetField.tsx';
import { SafeText, safeLabel } from '../../../components/SafeText.tsx';

/** What an investigator looks at first: kind of event, result, who, from where, which rule/parser. */
export const USEFUL_FIELDS = [
  'type', 'outcome', 'action', 'app.name', 'obs.host.name', 'init.host.ip', 'target.usr.name', 'data.EventID', 'parser.name',
  'init.host.loc.country_short',
];

export const FacetSidebar = memo(function FacetSidebar({ engine, tracker, handle, total, catalog, query, onQuery, onPick }: {
  engine: EngineClient; tracker: IdleTracker; handle?: number; total: number; catalog: FieldCatalogEntry[];
  query: string; onQuery(q: string): void; onPick(field: string, value: string, exclude: boolean): void;
}) {
  const [added, setAdded] = useState<string[]>([]);
  const present = new Set(catalog.map((c) => c.field));
  const useful = USEFUL_FIELDS.filter((f) => present.has(f));
  const extra = added.filter((f) => !useful.includes(f));
  const others = catalog.filter((c) => c.kind !== 'text' && !useful.includes(c.field) && !extra.includes(c.field));
  const chips = chipsOf(query);

  return (
    <aside className="facets" aria-label="Fields">
      {chips.length > 0 && (
        <ul className="chips" aria-label="Active filters">
          {chips.map((c) => (
            <li key={`${c.start}`} className={c.exclude ? 'chip chip--exclude' : 'chip'}>
              <span className="chip__text">{c.exclude ? 'not ' : ''}{c.field}: <SafeText text={c.value} max={200} /></span>
              <button type="button" className="chip__remove" aria-label={`Remove filter ${c.exclude ? 'not ' : ''}${c.field}: ${safeLabel(c.value)}`} onClick={() => onQuery(removeChip(query, c))}>×</button>
            </li>
          ))}
        </ul>
      )}
      {handle === undefined ? null : (
        <>
          {useful.map((f) => <FacetField key={f} engine={engine} tracker={tracker} handle={handle} total={total} field={f} onPick={onPick} />)}
          {extra.map((f) => (
            <FacetField key={f} engine={engine} tracker={tracker} handle={handle} total={total} field={f} onPick={onPick} onRemove={() => setAdded(added.filter((x) => x !== f))} />
          ))}
        </>
      )}
      {others.length > 0 && (
        <label className="facets__add">
          Add a field
          <select value="" onChange={(e) => { const f = e.currentTarget.value; if (f !== '') setAdded([...added, f]); }}>
            <option value="">Choose a field…</option>
            {others.map((c) => <option key={c.field} value={c.field}>{c.field} ({c.count.toLocaleString('en-US')})</option>)}
          </select>
        </label>
      )}
    </aside>
  );
});
