// The exporter contract: one self-describing exporter per file in this folder, registered in index.ts.
// An exporter never sees the dataset: run.ts hands it the rows of a result page by page (in the export's sort)
// and it returns the text of that page; what it writes first (a header) and last comes from open().
import type { EventFields } from '../../core/schema.ts';
import type { ExporterInfo } from '../api.ts';
import type { Redactor } from '../redact/redactor.ts';

/** How an exporter reads the rows of the open case (the query index: derived GeoIP fields included). */
export interface RowReader {
  /** one field of one row; undefined when the event has no such field */
  value(field: string, row: number): string | number | undefined;
  /** the whole event */
  event(row: number): EventFields;
  /** every field name of the case (all-fields exports), in the canonical order */
  fieldNames(): string[];
}

/** The options in force, defaults filled in. */
export interface ExportSettings {
  /** the visible columns, in order */
  columns: readonly string[];
  /** IANA zone or 'UTC' */
  timeZone: string;
  /** OWASP CSV-injection neutralisation */
  neutralise: boolean;
  indexName: string;
  /** set while redaction is on: every value is read through it (run.ts) */
  redactor?: Redactor;
}

export interface ExportWriter {
  /** written before the first row: a header line, a byte-order mark, a whole document */
  head: string;
  /** the text of one page of rows, in the order given */
  page(rows: readonly number[]): string;
  /** written after the last row */
  tail?: string;
}

export interface Exporter extends ExporterInfo {
  /** bump when the output changes (the provenance names it) */
  version: number;
  open(read: RowReader, settings: ExportSettings): ExportWriter;
}
