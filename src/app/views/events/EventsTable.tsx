// The events table: one page of rows fetched from the engine; log text is rendered as text only.
import { useMemo } from 'react';
import { createColumnHelper, flexRender, getCoreRowModel, useReactTable } from '@tanstack/react-table';
import type { EventRow } from '../../../workers/api.ts';
import { PAGE_SIZE, type QueryView } from '../../state/useWorkbench.ts';
import { formatCount, formatTime } from '../../format.ts';
import { SafeText } from '../../components/SafeText.tsx';

const column = createColumnHelper<EventRow>();
/** characters of a value shown in a cell (the rest is counted, and exported in full) */
const CELL_MAX = 2000;

const text = (field: string) => (row: EventRow) => {
  const v = row.fields[field];
  return v === undefined ? '' : String(v);
};

const COLUMNS = [
  column.accessor((r) => formatTime(r.fields.ts), { id: 'ts', header: 'Time (UTC)' }),
  column.accessor(text('obs.host.name'), { id: 'host', header: 'Host' }),
  column.accessor(text('app.name'), { id: 'app', header: 'App' }),
  column.accessor(text('init.host.ip'), { id: 'source_ip', header: 'Source IP' }),
  column.accessor((r) => String(r.fields['target.usr.name'] ?? r.fields['init.usr.name'] ?? ''), { id: 'user', header: 'User' }),
  column.accessor(text('outcome'), { id: 'outcome', header: 'Outcome' }),
  column.accessor((r) => String(r.fields.message ?? r.fields.raw ?? ''), { id: 'message', header: 'Message' }),
  column.accessor((r) => `${String(r.fields['col.file'] ?? '')}:${String(r.fields['col.line'] ?? '')}`, { id: 'source', header: 'File:line' }),
];

export function EventsTable({ view, onPage }: { view?: QueryView; onPage: (offset: number) => void }) {
  const rows = useMemo(() => view?.rows ?? [], [view]);
  // TanStack's table instance is not memoizable by the React compiler; this component re-renders per page anyway
  // eslint-disable-next-line react-hooks/incompatible-library
  const table = useReactTable({ data: rows, columns: COLUMNS, getCoreRowModel: getCoreRowModel(), getRowId: (r) => String(r.row) });
  if (view === undefined) return null;
  const last = Math.min(view.offset + rows.length, view.total);
  return (
    <section className="events" aria-label="Events">
      <div className="table-scroll">
        <table className="events-table">
          <thead>
            {table.getHeaderGroups().map((g) => (
              <tr key={g.id}>{g.headers.map((h) => <th key={h.id} scope="col">{flexRender(h.column.columnDef.header, h.getContext())}</th>)}</tr>
            ))}
          </thead>
          <tbody>
            {table.getRowModel().rows.map((r) => (
              <tr key={r.id} className={r.original.fields['parser.name'] === 'unparsed' ? 'row--unparsed' : undefined}>
                {r.getVisibleCells().map((c) => <td key={c.id} className={`cell--${c.column.id}`}><SafeText text={String(c.getValue())} max={CELL_MAX} /></td>)}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <nav className="pager" aria-label="Pages">
        <button type="button" className="button" disabled={view.offset === 0} onClick={() => onPage(Math.max(0, view.offset - PAGE_SIZE))}>Previous</button>
        <span>{view.total === 0 ? 'No events' : `${formatCount(view.offset + 1)}–${formatCount(last)} of ${formatCount(view.total)}`}</span>
        <button type="button" className="button" disabled={last >= view.total} onClick={() => onPage(view.offset + PAGE_SIZE)}>Next</button>
      </nav>
    </section>
  );
}
