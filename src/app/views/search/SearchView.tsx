// The search view: query bar, facets, timeline, status, virtual table and the event drawer, all
// driven by the route (query, time range, sort, columns, open event) so the URL restores it.
import { useCallback, useEffect, useMemo, useRef } from 'react';
import type { FilesStore } from '../../state/filesStore.ts';
import type { EngineClient, IdleTracker } from '../../../workers/client.ts';
import type { SearchRoute, ViewProps } from '../../state/route.ts';
import type { PivotActions } from '../../components/PivotMenu.tsx';
import { addClause, clauseFor } from '../../query/clauses.ts';
import { useTracked } from '../../hooks/useTracked.ts';
import { useSearch } from './useSearch.ts';
import { useValueSuggestions } from './useValueSuggestions.ts';
import { QueryBar } from './query/QueryBar.tsx';
import { FacetSidebar } from './facets/FacetSidebar.tsx';
import { Timeline } from './timeline/Timeline.tsx';
import { SearchStatus } from './SearchStatus.tsx';
import type { Density } from './table/EventTable.tsx';
import { ResultTable } from './table/ResultTable.tsx';
import { ColumnChooser } from './table/ColumnChooser.tsx';
import { DEFAULT_COLUMNS, PROJECTOR_COLUMNS } from './table/columns.ts';
import { DetailDrawer } from './detail/DetailDrawer.tsx';
import { ExportMenu } from './export/ExportMenu.tsx';
import { RedactToggle } from './export/RedactToggle.tsx';
import { LiveBar, type LiveControls, usePinnedToNewest } from './LiveBar.tsx';
import './search.css';

export interface SearchViewProps extends ViewProps {
  engine: EngineClient;
  tracker: IdleTracker;
  route: SearchRoute;
  dataVersion: number;
  ingesting: boolean;
  files: FilesStore;
  projector: boolean;
  density: Density;
  onDensity(d: Density): void;
  /** the open case went away (deleted in another tab) and none is open yet */
  noCase?: boolean;
  /** the views ask the engine again (redaction switched): App passes the workbench's dataChanged */
  onDataChanged?(): void;
  /** live follow: events stored since this view last ran, and the toggle that keeps it on the newest */
  live?: LiveControls;
}

export function SearchView(p: SearchViewProps) {
  const { engine, tracker, route, go, timeZone, projector } = p;
  const search = useSearch(engine, tracker, route, p.dataVersion);
  const result = search.result;
  // the previous result stays drawn while the next one is on its way
  const shown = search.shown;
  const values = useValueSuggestions(engine, p.dataVersion);
  const table = useRef<HTMLDivElement>(null);
  const columns = route.columns ?? (projector ? PROJECTOR_COLUMNS : DEFAULT_COLUMNS);
  const density: Density = projector ? 'projector' : p.density;
  const filtered = route.query.trim() !== '' || route.from !== undefined || route.to !== undefined;

  // the route lives in a ref for callbacks that must stay the same between renders (memoized children)
  const routeRef = useRef(route);
  useEffect(() => { routeRef.current = route; });
  const setQuery = useCallback((query: string) => go({ ...routeRef.current, query, event: undefined }), [go]);
  const actions = useMemo<PivotActions>(() => ({
    filter: (field, value, exclude) => setQuery(addClause(routeRef.current.query, clauseFor(field, value, exclude))),
    entity: (kind, value) => go({ view: 'entity', kind, value }),
  }), [go, setQuery]);
  const setSort = useCallback((sort: SearchRoute['sort']) => go({ ...routeRef.current, sort }, { replace: true }), [go]);
  const onRange = useCallback((from: number | undefined, to: number | undefined) => go({ ...routeRef.current, from, to, event: undefined }), [go]);
  const onReset = useCallback(() => go({ ...routeRef.current, from: undefined, to: undefined }), [go]);
  const openRow = useCallback((row: number) => go({ ...routeRef.current, event: row }, { replace: true }), [go]);
  const close = useCallback(() => {
    go({ ...route, event: undefined }, { replace: true });
    table.current?.querySelector<HTMLElement>('[role="table"]')?.focus();
  }, [go, route]);

  const eventKey = route.event === undefined || p.dataVersion === 0 ? undefined : `${route.event} ${p.dataVersion}`;
  const event = useTracked(tracker, eventKey, () => engine.event(route.event!)); // key is set only with an event

  // `/` focuses the query bar; Esc closes the open event, wherever the focus is
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const t = e.target as HTMLElement | null;
      const typing = t !== null && (t.tagName === 'INPUT' || t.tagName === 'TEXTAREA' || t.tagName === 'SELECT' || t.isContentEditable);
      if (e.key === '/' && !typing) {
        e.preventDefault();
        document.querySelector<HTMLElement>('[data-search-input]')?.focus();
      } else if (e.key === 'Escape' && route.event !== undefined && !typing) close();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [route.event, close]);

  usePinnedToNewest(table, p.live?.follow === true, result?.key, route.sort);

  const caseEmpty = shown !== undefined && shown.of === 0 && !p.ingesting;
  return (
    <div className={`search-view${route.event !== undefined ? ' search-view--detail' : ''}`}>
      <QueryBar query={route.query} error={result?.error} warnings={result?.warnings ?? []} catalog={search.catalog} aliases={search.aliases} values={values} onSearch={setQuery}
        running={search.running} onCancel={search.cancel}
      />
      {search.failure !== undefined && <p className="error-banner" role="alert">{search.failure}</p>}
      <FacetSidebar
        engine={engine} tracker={tracker} handle={shown?.handle} total={shown?.total ?? 0} catalog={search.catalog}
        query={route.query} onQuery={setQuery} onPick={actions.filter}
      />
      <div className="search-main" ref={table}>
        <Timeline
          engine={engine} tracker={tracker} handle={shown?.handle} from={route.from} to={route.to} timeZone={timeZone} height={projector ? 200 : 140}
          onRange={onRange} onReset={onReset}
        />
        <div className="search-toolbar">
          <SearchStatus result={result} filtered={filtered} ingesting={p.ingesting} files={p.files} running={search.running} noCase={p.noCase} />
          {/* always there (empty while searching): the toolbar keeps its elements from one search to the next */}
          <span className="muted">{result !== undefined && result.error === undefined && result.tookMs > 0 ? `in ${result.tookMs} ms` : ''}</span>
          {p.live !== undefined && <LiveBar {...p.live} />}
          <span className="search-toolbar__spacer" />
          {!projector && (
            <label>Rows{' '}
              <select value={p.density} onChange={(e) => p.onDensity(e.currentTarget.value as Density)}>
                <option value="compact">compact</option><option value="normal">normal</option><option value="comfortable">comfortable</option>
              </select>
            </label>
          )}
          {p.onDataChanged !== undefined && <RedactToggle engine={engine} tracker={tracker} onChanged={p.onDataChanged} fields={search.catalog.map((f) => f.field)} version={p.dataVersion} />}
          <ExportMenu engine={engine} tracker={tracker} handle={result?.error === undefined ? result?.handle : undefined} total={result?.total ?? 0} query={route.query}
            range={{ from: route.from, to: route.to }} sort={route.sort} columns={columns} timeZone={timeZone}
          />
          <ColumnChooser catalog={search.catalog} columns={columns} onChange={(c) => go({ ...route, columns: c }, { replace: true })} onReset={() => go({ ...route, columns: undefined }, { replace: true })} />
        </div>
        {caseEmpty ? (
          <section className="empty-case">
            <p>This case is empty. Drop log files, folders or archives anywhere on the page, pick them with the buttons above, or load the demo bundle.</p>
          </section>
        ) : shown !== undefined && shown.error === undefined && shown.total === 0 ? (
          <section className="empty-case">
            <p>No event matches {filtered ? 'this query and time range' : 'yet'}. {route.from !== undefined || route.to !== undefined ? 'Reset the time range, ' : ''}remove a filter chip, or check the warnings under the query.</p>
          </section>
        ) : (
          <ResultTable
            engine={engine} tracker={tracker} handle={shown?.handle} resultKey={shown?.key ?? ''} total={shown?.total ?? 0}
            columns={columns} sort={route.sort} density={density} timeZone={timeZone} onOpen={openRow} onSort={setSort}
          />
        )}
      </div>
      {route.event !== undefined && (
        event?.value !== undefined
          ? <DetailDrawer engine={engine} tracker={tracker} event={event.value} timeZone={timeZone} actions={actions} onOpenRow={openRow} onClose={close} />
          : event !== undefined && (
            <aside className="drawer" aria-label="Event detail">
              <p>{event.error !== undefined ? `The event could not be loaded: ${event.error}` : 'This event is not in the open case (was a file removed?).'}</p>
              <button type="button" className="button" onClick={close}>Close</button>
            </aside>
          )
      )}
    </div>
  );
}
