// The analyst CSV: the normalized columns log-analysis courses teach (timestamp, host, source, app, message,
// source_ip, username, outcome), whatever the table shows. source is the file the event was read from;
// username the target account, else the initiating one.
// Example: "2025-12-10T06:55:46.000+00:00,LabSZ,sshd_2k.log,sshd,Failed password for root from …,183.62.140.253,root,failure"
import type { Exporter } from './types.ts';
import { csvWriter, fieldColumn, firstOf } from './csv-writer.ts';

export const csvAnalyst: Exporter = {
  id: 'csv-analyst',
  title: 'Analyst CSV',
  description: 'timestamp, host, source, app, message, source_ip, username, outcome',
  group: 'CSV',
  extension: 'csv',
  mime: 'text/csv;charset=utf-8',
  uses: { neutralise: true, timeZone: true },
  version: 1,
  rows: true,
  open(read, settings) {
    return csvWriter([
      fieldColumn(read, 'ts', settings, 'timestamp'),
      fieldColumn(read, 'obs.host.name', settings, 'host'),
      fieldColumn(read, 'col.file', settings, 'source'),
      fieldColumn(read, 'app.name', settings, 'app'),
      fieldColumn(read, 'message', settings, 'message'),
      fieldColumn(read, 'init.host.ip', settings, 'source_ip'),
      firstOf(read, ['target.usr.name', 'init.usr.name'], 'username'),
      fieldColumn(read, 'outcome', settings, 'outcome'),
    ], settings);
  },
};
