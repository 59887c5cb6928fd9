// The frame every chart shares: a titled figure, a note ("top 10 of 57"), the empty state, and the
// same data as a table behind a disclosure, so every value the chart can be clicked on is also a
// button a keyboard or a screen reader reaches.
import { useId, type ReactNode } from 'react';
import './charts.css';

export interface ChartFrameProps {
  title: string;
  note?: string;
  /** shown instead of the plot and the table when there is no data */
  empty?: string;
  isEmpty: boolean;
  plot: ReactNode;
  table: ReactNode;
}

export function ChartFrame({ title, note, empty, isEmpty, plot, table }: ChartFrameProps) {
  const id = useId();
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
          <div className="chart__plot" aria-hidden="true">{plot}</div>
          <details className="chart__data">
            <summary>Table: {title}</summary>
            {table}
          </details>
        </>
      )}
    </figure>
  );
}
