// The table over one result: owns the row blocks and the current row, so rows arriving while scrolling
// re-render the table only (never the timeline or the facets beside it).
import { memo, useState } from 'react';
import type { SortSpec } from '../../../../workers/api.ts';
import type { EngineClient, IdleTracker } from '../../../../workers/client.ts';
import { useRows } from './useRows.ts';
import { EventTable, type Density } from './EventTable.tsx';

export const ResultTable = memo(function ResultTable({ engine, tracker, handle, resultKey, total, columns, sort, density, timeZone, onOpen, onSort }: {
  engine: EngineClient; tracker: IdleTracker; handle?: number; resultKey: string; total: number; columns: string[]; sort?: SortSpec;
  density: Density; timeZone: string; onOpen(row: number): void; onSort(sort: SortSpec | undefined): void;
}) {
  const rows = useRows(engine, tracker, handle, sort);
  const [current, setCurrent] = useState({ key: '', pos: -1 });
  const pos = current.key === resultKey ? current.pos : -1;
  return (
    <section className="events-region" aria-label="Events">
      {rows.error !== undefined && <p className="error-banner" role="alert">{rows.error} Scroll again or reload the page.</p>}
      <EventTable
        rows={rows} total={total} columns={columns} sort={sort} density={density} timeZone={timeZone}
        current={pos} onCurrent={(n) => setCurrent({ key: resultKey, pos: n })}
        // a row of the previous result (shown for a moment) is not opened
        onOpen={(n) => { const r = rows.at(n); if (r !== undefined && !rows.stale) onOpen(r.row); }}
        onSort={onSort}
      />
    </section>
  );
});
