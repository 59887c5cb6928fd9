// Runs one exporter over the rows of a result: batches in the export's sort (row-order.ts), the exporter
// turns each into text, the sink takes it. Between batches the event loop gets a turn, so the engine worker
// keeps answering (a cancel, the table's pages) and memory holds one batch of text at a time.
import type { SortSpec } from '../api.ts';
import { CORE_FIELDS } from '../../core/schema.ts';
import type { CaseIndex } from '../query/caseIndex.ts';
import type { Exporter, ExportSettings, RowReader } from './types.ts';
import { orderedRows } from './row-order.ts';
import { redactingReader } from '../redact/reader.ts';
import { nextTurn } from '../nextTurn.ts';

/** rows per batch: large enough that papaparse and the sink calls cost little, small enough to cancel at once */
export const BATCH = 2000;

export interface ExportSink {
  write(text: string): void | Promise<void>;
}

export interface ExportControl {
  cancelled(): boolean;
  progress?(done: number, total: number): void;
}

export interface ExportRun {
  rows: number;
  /** col.file of the exported rows (the provenance lists these files with their hashes) */
  files: Set<string>;
}

const CORE_ORDER = new Map(CORE_FIELDS.map((f, i) => [f.name, i]));

/** Core fields first (CORE_FIELDS order), then the rest by name: the canonical order of events. */
export function canonicalFieldOrder(names: readonly string[]): string[] {
  return [...names].sort((a, b) => {
    const ia = CORE_ORDER.get(a) ?? Infinity, ib = CORE_ORDER.get(b) ?? Infinity;
    return ia !== ib ? ia - ib : a < b ? -1 : a > b ? 1 : 0;
  });
}

export function indexReader(index: CaseIndex): RowReader {
  let names: string[] | undefined;
  return {
    value: (field, row) => index.valueOf(field, row),
    event: (row) => index.event(row),
    fieldNames: () => (names ??= canonicalFieldOrder(index.fieldNames().filter((f) => index.field(f) !== undefined))),
  };
}

/** rows: ascending row ids of the result. Resolves 'cancelled' when control says so (the sink then holds a partial file). */
export async function runExport(
  index: CaseIndex, rows: Uint32Array, exporter: Exporter, settings: ExportSettings, sort: SortSpec | undefined,
  sink: ExportSink, control: ExportControl,
): Promise<ExportRun | 'cancelled'> {
  const read = settings.redactor === undefined ? indexReader(index) : redactingReader(indexReader(index), settings.redactor);
  const writer = exporter.open(read, settings);
  const files = new Set<string>();
  let done = 0;
  await sink.write(writer.head);
  if (exporter.rows) {
    const total = rows.length;
    control.progress?.(0, total);
    for (const batch of orderedRows(index, rows, sort, BATCH)) {
      await sink.write(writer.page(batch));
      for (const row of batch) {
        const f = index.valueOf('col.file', row);
        if (typeof f === 'string') files.add(f);
      }
      done += batch.length;
      control.progress?.(done, total);
      await nextTurn();
      if (control.cancelled()) return 'cancelled';
    }
  }
  if (writer.tail !== undefined) await sink.write(writer.tail);
  return { rows: done, files };
}
