// CSV of every field of the case (core fields first, then the rest by name, as canonicalOrder sorts them):
// one column per field, empty where an event lacks it. Wide for JSON and Windows logs (one column per data.* key).
import type { Exporter } from './types.ts';
import { csvWriter, fieldColumn } from './csv-writer.ts';

export const csvAll: Exporter = {
  id: 'csv-all',
  title: 'CSV (all fields)',
  description: 'One column per field of the case, raw record included.',
  group: 'CSV',
  extension: 'csv',
  mime: 'text/csv;charset=utf-8',
  uses: { neutralise: true, timeZone: true },
  version: 1,
  rows: true,
  open(read, settings) {
    return csvWriter(read.fieldNames().map((f) => f === 'message'
      ? { header: f, cell: (row: number) => read.value(f, row) } // here raw has its own column
      : fieldColumn(read, f, settings)), settings);
  },
};
