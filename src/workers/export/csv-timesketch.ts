// CSV for Timesketch's importer (https://timesketch.org/guides/user/import-from-json-csv/): its mandatory
// columns message, datetime (ISO 8601 with offset) and timestamp_desc, plus timestamp (epoch microseconds),
// then the analyst fields and the visible columns. Field names get underscores for dots: Timesketch indexes
// into OpenSearch, where "ts" beside "ts.raw" would be a mapping conflict.
// Example: "message,datetime,timestamp_desc,timestamp,host,…\r\nFailed password …,2025-12-10T06:55:46.000+00:00,Event Recorded,1765349746000000,LabSZ,…"
import { isoInZone } from '../../core/zoneTime.ts';
import type { Exporter } from './types.ts';
import { csvWriter, fieldColumn, firstOf, type CsvColumn } from './csv-writer.ts';

/** what the time is: the moment the observer recorded the event */
export const TIMESTAMP_DESC = 'Event Recorded';

const ANALYST: readonly [string, string][] = [
  ['obs.host.name', 'host'], ['col.file', 'source'], ['app.name', 'app'], ['init.host.ip', 'source_ip'], ['outcome', 'outcome'],
];

export const csvTimesketch: Exporter = {
  id: 'timesketch',
  title: 'Timesketch CSV',
  description: 'message, datetime, timestamp_desc, timestamp + fields: ready for Timesketch import.',
  group: 'CSV',
  extension: 'csv',
  mime: 'text/csv;charset=utf-8',
  uses: { columns: true, neutralise: true, timeZone: true },
  version: 1,
  rows: true,
  open(read, settings) {
    const columns: CsvColumn[] = [
      fieldColumn(read, 'message', settings),
      { header: 'datetime', cell: (row) => isoInZone(read.value('ts', row), settings.timeZone) },
      { header: 'timestamp_desc', cell: () => TIMESTAMP_DESC },
      { header: 'timestamp', cell: (row) => { const t = read.value('ts', row); return typeof t === 'number' ? t * 1000 : undefined; } },
    ];
    const taken = new Set(['ts', 'message']);
    for (const [field, header] of ANALYST) {
      columns.push(fieldColumn(read, field, settings, header));
      taken.add(field);
    }
    columns.push(firstOf(read, ['target.usr.name', 'init.usr.name'], 'username'));
    for (const field of settings.columns) {
      if (taken.has(field)) continue;
      taken.add(field);
      columns.push(fieldColumn(read, field, settings, field.replace(/\./g, '_')));
    }
    return csvWriter(columns, settings);
  },
};
