// What every CSV exporter shares: columns (a header and how a row gives its cell), one papaparse unparse per
// page (RFC 4180 quoting, CRLF line ends), times in the chosen zone with their offset, and the OWASP
// formula neutralisation of every text cell, the header included (field names come from the logs too).
import Papa from 'papaparse';
import { isoInZone } from '../../core/zoneTime.ts';
import type { ExportSettings, ExportWriter, RowReader } from './types.ts';
import { neutralise } from './neutralise.ts';

export interface CsvColumn {
  header: string;
  /** the cell of one row: a number is written as it is, undefined as an empty cell */
  cell(row: number): string | number | undefined;
}

export interface CsvWriterOptions {
  /** a UTF-8 byte-order mark first (Excel and Timeline Explorer then read UTF-8, not the ANSI code page) */
  bom?: boolean;
}

const UNPARSE = { header: false, newline: '\r\n', quotes: false, escapeFormulae: false } as const;

export function csvWriter(columns: readonly CsvColumn[], settings: ExportSettings, options: CsvWriterOptions = {}): ExportWriter {
  const guard = settings.neutralise;
  const text = (v: string | number | undefined): string => {
    if (v === undefined) return '';
    if (typeof v === 'number') return Number.isFinite(v) ? String(v) : '';
    return guard ? neutralise(v) : v;
  };
  return {
    head: (options.bom === true ? '\uFEFF' : '') + Papa.unparse([columns.map((c) => text(c.header))], UNPARSE) + '\r\n',
    page(rows) {
      if (rows.length === 0) return '';
      const data = new Array<string[]>(rows.length);
      for (let i = 0; i < rows.length; i++) data[i] = columns.map((c) => text(c.cell(rows[i])));
      return Papa.unparse(data, UNPARSE) + '\r\n';
    },
  };
}

/** A field's cell as the table shows it: times in the zone (ISO 8601 with offset), message falling back to raw. */
export function fieldColumn(read: RowReader, field: string, settings: ExportSettings, header = field): CsvColumn {
  if (field === 'ts') return { header, cell: (row) => isoInZone(read.value('ts', row), settings.timeZone) };
  if (field === 'message') return { header, cell: (row) => read.value('message', row) ?? read.value('raw', row) };
  return { header, cell: (row) => read.value(field, row) };
}

/** The first of several fields that the row has (e.g. the target account, else the initiating one). */
export function firstOf(read: RowReader, fields: readonly string[], header: string): CsvColumn {
  return {
    header,
    cell(row) {
      for (const f of fields) {
        const v = read.value(f, row);
        if (v !== undefined && v !== '') return v;
      }
      return undefined;
    },
  };
}
