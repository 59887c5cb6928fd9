// Which fields are columns: any field of the catalog, in the order they were added; time stays first.
// Layouts can be saved by name and applied again in any case.
import { useState } from 'react';
import type { FieldCatalogEntry } from '../../../../workers/api.ts';
import { columnLabel } from './columns.ts';
import { useColumnLayouts } from './columnLayouts.ts';

export function ColumnChooser({ catalog, columns, onChange, onReset }: {
  catalog: FieldCatalogEntry[]; columns: string[]; onChange(columns: string[]): void; onReset(): void;
}) {
  const [open, setOpen] = useState(false);
  const [find, setFind] = useState('');
  const [name, setName] = useState('');
  const saved = useColumnLayouts();
  const shown = new Set(columns);
  const fields = catalog.filter((c) => c.field !== 'ts' && c.field.toLowerCase().includes(find.toLowerCase()));
  const toggle = (field: string, on: boolean) => onChange(on ? [...columns, field] : columns.filter((c) => c !== field));
  return (
    <span className="popover">
      <button type="button" className="button" aria-expanded={open} onClick={() => setOpen(!open)}>Columns</button>
      {open && (
        <div className="popover__panel columns-panel" role="dialog" aria-label="Columns" onKeyDown={(e) => { if (e.key === 'Escape') { e.stopPropagation(); setOpen(false); } }}>
          <div className="popover__head">
            <input type="text" aria-label="Find a field" placeholder="Find a field…" value={find} onChange={(e) => setFind(e.currentTarget.value)} />
            <button type="button" className="button" onClick={onReset}>Default columns</button>
            <button type="button" className="button" onClick={() => setOpen(false)}>Close</button>
          </div>
          <section className="columns-panel__layouts" aria-label="Saved layouts">
            <form onSubmit={(e) => { e.preventDefault(); if (name.trim() !== '') { saved.save({ name, columns }); setName(''); } }}>
              <input type="text" aria-label="Layout name" placeholder="Name this layout…" value={name} maxLength={60} onChange={(e) => setName(e.currentTarget.value)} />
              <button type="submit" className="button" disabled={name.trim() === ''}>Save layout</button>
            </form>
            {saved.layouts.length > 0 && (
              <ul>
                {saved.layouts.map((l) => (
                  <li key={l.name}>
                    <button type="button" className="link-button" aria-label={`Use layout ${l.name}`} title={l.columns.join(', ')} onClick={() => onChange(l.columns)}>{l.name}</button>
                    {' '}<span className="muted">{l.columns.length} columns</span>{' '}
                    <button type="button" className="button" aria-label={`Delete layout ${l.name}`} onClick={() => saved.remove(l.name)}>Delete</button>
                  </li>
                ))}
              </ul>
            )}
          </section>
          <ul className="columns-panel__list">
            {fields.map((c) => (
              <li key={c.field}>
                <label>
                  <input type="checkbox" checked={shown.has(c.field)} onChange={(e) => toggle(c.field, e.currentTarget.checked)} />
                  {' '}{c.field}{columnLabel(c.field) !== c.field ? ` (${columnLabel(c.field)})` : ''} <span className="muted">{c.count.toLocaleString('en-US')}</span>
                </label>
              </li>
            ))}
          </ul>
        </div>
      )}
    </span>
  );
}
