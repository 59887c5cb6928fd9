// CSV of the columns the table shows, in their order, headed by their field names. Times in the chosen zone
// with their offset; the message column falls back to the raw record (unparsed lines), as in the table.
// Example (columns ts, init.host.ip, outcome): "ts,init.host.ip,outcome\r\n2025-12-10T06:55:46.000+00:00,183.62.140.253,failure\r\n"
import type { Exporter } from './types.ts';
import { csvWriter, fieldColumn } from './csv-writer.ts';

export const csvColumns: Exporter = {
  id: 'csv',
  title: 'CSV (visible columns)',
  description: 'The columns of the table, in their order; opens in any spreadsheet.',
  group: 'CSV',
  extension: 'csv',
  mime: 'text/csv;charset=utf-8',
  uses: { columns: true, neutralise: true, timeZone: true },
  version: 1,
  rows: true,
  open(read, settings) {
    const columns = settings.columns.length > 0 ? settings.columns : ['ts', 'message'];
    return csvWriter(columns.map((f) => fieldColumn(read, f, settings)), settings);
  },
};
