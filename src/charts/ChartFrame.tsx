// The frame every chart shares: a titled figure, a note ("top 10 of 57"), the empty state, and the
// same data as a table behind a disclosure, so every value the chart can be clicked on is also a
// button a keyboard or a screen reader reaches.
import { useId, useState, type ReactNode } from 'react';
import { useTurn } from './useTurn.ts';
import './charts.css';

export interface ChartFrameProps {
  title: string;
  note?: string;
  /** shown instead of the plot and the table when there is no data */
  empty?: string;
  isEmpty: boolean;
  plot: ReactNode;
  /** built only when the table is opened (a long table is costly to build on every draw) */
  table: () => ReactNode;
}

export function ChartFrame({ title, note, empty, isEmpty, plot, table }: ChartFrameProps) {
  const id = useId();
  const [open, setOpen] = useState(false);
  const turn = useTurn();
  return (
    <figure className="chart" aria-labelledby={id}>
      <figcaption className="chart__head">
        <span id={id} className="chart__title">{title}</span>
        {note !== undefined && <span className="chart__note">{note}</span>}
      </figcaption>
      {isEmpty ? (
        <p className="chart__empty">{empty ?? 'Nothing to show for this case yet.'}</p>
      ) : (
        <>
          {/* the picture is for eyes and mice; the table below carries the same data for everyone */}
          <div className="chart__plot" aria-hidden="true">{turn ? plot : <div className="chart__pending" />}</div>
          <details className="chart__data" onToggle={(e) => setOpen(e.currentTarget.open)}>
            <summary>Table: {title}</summary>
            {open && table()}
          </details>
        </>
      )}
    </figure>
  );
}
