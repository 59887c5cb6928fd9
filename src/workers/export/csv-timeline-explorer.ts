// CSV shaped for Eric Zimmerman's Timeline Explorer (and Excel): a UTF-8 byte-order mark, the time as
// "yyyy-MM-dd HH:mm:ss.fff" (a text both read as a date and sort) in the chosen zone with the offset in its
// own column, then the usual triage columns.
// Example: "Timestamp,UtcOffset,Computer,Source,Line,App,EventId,User,SourceIp,Outcome,Message"
import { zonedPieces } from '../../core/zoneTime.ts';
import type { Exporter } from './types.ts';
import { csvWriter, fieldColumn, firstOf } from './csv-writer.ts';

export const csvTimelineExplorer: Exporter = {
  id: 'csv-timeline-explorer',
  title: 'Timeline Explorer CSV',
  description: 'Date-time column without "T", offset apart, byte-order mark: opens cleanly in Timeline Explorer and Excel.',
  group: 'CSV',
  extension: 'csv',
  mime: 'text/csv;charset=utf-8',
  uses: { neutralise: true, timeZone: true },
  version: 1,
  rows: true,
  open(read, settings) {
    const zoned = (row: number) => {
      const ts = read.value('ts', row);
      return typeof ts === 'number' && Number.isFinite(ts) ? zonedPieces(ts, settings.timeZone) : undefined;
    };
    return csvWriter([
      { header: 'Timestamp', cell: (row) => { const z = zoned(row); return z && `${z.date} ${z.time}`; } },
      { header: 'UtcOffset', cell: (row) => zoned(row)?.offset },
      fieldColumn(read, 'obs.host.name', settings, 'Computer'),
      fieldColumn(read, 'col.file', settings, 'Source'),
      fieldColumn(read, 'col.line', settings, 'Line'),
      fieldColumn(read, 'app.name', settings, 'App'),
      fieldColumn(read, 'alarm.id', settings, 'EventId'),
      firstOf(read, ['target.usr.name', 'init.usr.name'], 'User'),
      fieldColumn(read, 'init.host.ip', settings, 'SourceIp'),
      fieldColumn(read, 'outcome', settings, 'Outcome'),
      fieldColumn(read, 'message', settings, 'Message'),
    ], settings, { bom: true });
  },
};
