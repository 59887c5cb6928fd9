// The search view's Export button: a panel that lists the exporters by group, shows the options the chosen one
// uses (formula neutralisation, index name; times follow the display zone), and exports exactly the events
// of the current query, time range and sort, with progress and Cancel.
import { useState } from 'react';
import type { ExporterInfo, SortSpec, TimeRange } from '../../../../workers/api.ts';
import type { EngineClient, IdleTracker } from '../../../../workers/client.ts';
import { useTracked } from '../../../hooks/useTracked.ts';
import { zoneLabel } from '../../../time.ts';
import { useExport } from './useExport.ts';
import './export.css';

export interface ExportMenuProps {
  engine: EngineClient;
  tracker: IdleTracker;
  /** the search's result handle (undefined while none) and its event count */
  handle?: number;
  total: number;
  query: string;
  range: TimeRange;
  sort?: SortSpec;
  columns: string[];
  timeZone: string;
}

const GROUPS: ExporterInfo['group'][] = ['CSV', 'JSON', 'Elasticsearch / OpenSearch'];

export function ExportMenu(p: ExportMenuProps) {
  const [open, setOpen] = useState(false);
  const [chosen, setChosen] = useState('csv');
  const [neutralise, setNeutralise] = useState(true);
  const [indexName, setIndexName] = useState('logdrop');
  const [sidecar, setSidecar] = useState(true);
  const exporters = useTracked(p.tracker, open ? 'exporters' : undefined, () => p.engine.exporters());
  const run = useExport(p.engine, p.tracker);
  const list = exporters?.value ?? [];
  const info = list.find((e) => e.id === chosen);
  const running = run.state.kind === 'running' ? run.state : undefined;
  const count = info?.rows === false ? undefined : p.total;

  const go = () => {
    if (p.handle === undefined || info === undefined) return;
    run.start(p.handle, info.id, {
      columns: p.columns, sort: p.sort, timeZone: p.timeZone, neutralise, indexName: indexName.trim(), query: p.query, range: p.range,
    }, sidecar);
  };

  return (
    <span className="popover">
      <button type="button" className="button" aria-expanded={open} disabled={p.handle === undefined} onClick={() => setOpen(!open)}>Export</button>
      {open && (
        <div className="popover__panel popover__panel--right export-panel" role="dialog" aria-label="Export"
          onKeyDown={(e) => { if (e.key === 'Escape') { e.stopPropagation(); setOpen(false); } }}
        >
          {GROUPS.map((g) => {
            const items = list.filter((e) => e.group === g);
            return items.length === 0 ? null : (
              <fieldset key={g} className="export-panel__group">
                <legend>{g}</legend>
                {items.map((e) => (
                  <label key={e.id} className="export-panel__choice">
                    <input type="radio" name="exporter" value={e.id} checked={chosen === e.id} onChange={() => setChosen(e.id)} />
                    {' '}<span>{e.title}</span>
                    <span className="muted export-panel__desc">{e.description}</span>
                  </label>
                ))}
              </fieldset>
            );
          })}
          <div className="export-panel__options">
            {info?.uses.neutralise === true && (
              <label><input type="checkbox" checked={neutralise} onChange={(e) => setNeutralise(e.currentTarget.checked)} />
                {' '}Neutralise formulas (CSV injection): cells starting with = + - @ get a leading '
              </label>
            )}
            {info?.uses.indexName === true && (
              <label>Index name{' '}
                <input type="text" value={indexName} spellCheck={false} onChange={(e) => setIndexName(e.currentTarget.value)} />
              </label>
            )}
            {info?.uses.timeZone === true && <p className="muted">Times in {zoneLabel(p.timeZone)}, written with their offset.</p>}
            {info?.uses.columns === true && <p className="muted">Columns: {p.columns.join(', ')}</p>}
            <label><input type="checkbox" checked={sidecar} onChange={(e) => setSidecar(e.currentTarget.checked)} />
              {' '}Save provenance beside it (.provenance.json: query, range, zone, source files with SHA-256)
            </label>
          </div>
          <div className="popover__head">
            <button type="button" className="button button--primary" disabled={running !== undefined || info === undefined || p.handle === undefined} onClick={go}>
              {count === undefined ? 'Download' : `Download ${count.toLocaleString('en-US')} events`}
            </button>
            {running !== undefined && <button type="button" className="button" onClick={run.cancel}>Cancel export</button>}
            <button type="button" className="button" onClick={() => setOpen(false)}>Close</button>
          </div>
          {running !== undefined && (
            <p className="export-panel__progress">
              <progress aria-label="Export progress" max={Math.max(1, running.total)} value={running.done} />{' '}
              {running.total > 0 ? `${running.done.toLocaleString('en-US')} of ${running.total.toLocaleString('en-US')}` : 'Starting…'}
            </p>
          )}
          {(run.state.kind === 'done' || run.state.kind === 'failed') && (
            <p className={run.state.kind === 'failed' ? 'error-banner' : 'muted'} role={run.state.kind === 'failed' ? 'alert' : undefined}>{run.state.message}</p>
          )}
        </div>
      )}
    </span>
  );
}
