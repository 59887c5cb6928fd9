// The export part of EngineApi over the open case (engine.ts spreads these in): checks the request, runs the
// exporter into a Blob with progress (at most ~10 reports a second) and cancel, and adds the provenance.
import type { AlertFilter, AlertItem, EngineApi, ExportOptions, ExportResult, FileLedgerEntry } from '../api.ts';
import type { CaseIndex } from '../query/caseIndex.ts';
import { isKnownZone } from '../../core/zoneTime.ts';
import { exporterById, exporterInfos } from './index.ts';
import { runExport } from './run.ts';
import { openExportSink, sweepExports, type FileSink } from './diskSink.ts';
import { DEFAULT_INDEX, indexNameProblem } from './es-index.ts';
import { exportFileName, LOGDROP_VERSION, provenance } from './provenance.ts';
import { alertRecord, alertsCsv, alertsJson } from './alerts.ts';
import { indexReader } from './run.ts';
import type { ExportSettings } from './types.ts';
import type { Redactor } from '../redact/redactor.ts';
import { redactingReader } from '../redact/reader.ts';
import { redactedAlert, shownAlertId } from '../redact/alerts.ts';
import { storedToShown, typedToStored } from '../redact/queryText.ts';
import { seedNames } from '../redact/seed.ts';
import { ticketOf, ticketsJson, ticketsMarkdown } from './tickets.ts';

export interface ExportHost {
  /** the open case, or undefined */
  current(): {
    index: CaseIndex; rows(handle: number): Uint32Array | undefined; caseName: string; ledger(): Promise<FileLedgerEntry[]>;
    /** the listed alerts once a detection run under way is done (an export is of finished results) */
    alerts(filter: AlertFilter): Promise<AlertItem[]>;
  } | undefined;
  /** the open case's redactor while redaction is on */
  redactor?(): Redactor | undefined;
}

export type ExportOps = Pick<EngineApi, 'exporters' | 'export' | 'cancelExport' | 'exportAlerts'>;

/** The options with defaults, or why they cannot be used. */
export function exportSettings(o: ExportOptions): ExportSettings | string {
  const timeZone = o.timeZone ?? 'UTC';
  if (!isKnownZone(timeZone)) return `unknown time zone "${timeZone}"`;
  const indexName = o.indexName ?? DEFAULT_INDEX;
  const problem = indexNameProblem(indexName);
  if (problem !== undefined) return problem;
  return { columns: o.columns ?? [], timeZone, neutralise: o.neutralise ?? true, indexName };
}

export function createExportOps(host: ExportHost): ExportOps {
  const running = new Map<number, { cancelled: boolean }>();
  void sweepExports().catch(() => undefined); // files of a page closed before their deletion
  return {
    async exporters() {
      return exporterInfos();
    },
    async export(handle, exporterId, options, onProgress): Promise<ExportResult> {
      const c = host.current();
      if (c === undefined) return { ok: false, message: 'No case is open.' };
      const exporter = exporterById(exporterId);
      if (exporter === undefined) return { ok: false, message: `There is no exporter "${exporterId}".` };
      const checked = exportSettings(options);
      if (typeof checked === 'string') return { ok: false, message: `Cannot export: ${checked}.` };
      const settings: ExportSettings = { ...checked, redactor: host.redactor?.() };
      const rows = c.rows(handle);
      if (rows === undefined) return { ok: false, message: 'The search behind this export is gone: search again, then export.' };
      const run = { cancelled: false };
      if (options.runId !== undefined) running.set(options.runId, run);
      let last = 0;
      let sink: FileSink | undefined;
      let blob: Blob | undefined;
      try {
        sink = await openExportSink();
        const exportedMs = Date.now();
        const r = await runExport(c.index, rows, exporter, settings, options.sort, sink, {
          cancelled: () => run.cancelled,
          progress(done, total) {
            const t = performance.now();
            if (onProgress === undefined || (t - last < 100 && done < total)) return;
            last = t;
            void onProgress({ runId: options.runId, done, total });
          },
        });
        if (r === 'cancelled') return { ok: false, cancelled: true, message: 'The export was cancelled.' };
        const prov = provenance({
          exporter, settings, caseName: c.caseName, query: options.query ?? '', range: options.range, sort: options.sort,
          rows: r.rows, paths: r.files, ledger: await c.ledger(), exportedMs,
        });
        const red = settings.redactor;
        if (red !== undefined) {
          // the sidecar as the export shows it: the query's values and the files' paths in pseudonyms
          prov.query = storedToShown(typedToStored(prov.query, red).text, red);
          seedNames(c.index, red);
          const words = red.knownWords();
          prov.files = prov.files.map((f) => ({ ...f, path: red.names(red.text(f.path), words) }));
        }
        blob = await sink.finish(exporter.mime);
        return { ok: true, blob, fileName: exportFileName(c.caseName, exporter, exportedMs), rows: r.rows, provenance: prov };
      } finally {
        if (options.runId !== undefined) running.delete(options.runId);
        if (blob === undefined) await sink?.discard(); // cancelled or failed: no partial file stays on disk
      }
    },
    async exportAlerts(format, filter, options) {
      const c = host.current();
      if (c === undefined) return { ok: false, message: 'No case is open.' };
      const timeZone = options.timeZone ?? 'UTC';
      if (!isKnownZone(timeZone)) return { ok: false, message: `Cannot export: unknown time zone "${timeZone}".` };
      const redactor = host.redactor?.();
      const read = redactor === undefined ? indexReader(c.index) : redactingReader(indexReader(c.index), redactor);
      const records = (await c.alerts(filter)).map((a) => {
        const r = alertRecord(a, read, timeZone);
        return redactor === undefined ? r : { ...redactedAlert(r, redactor), id: shownAlertId(a.id, a.group, redactor) };
      });
      const exportedMs = Date.now();
      const meta = { case: c.caseName, exportedMs, timeZone, version: LOGDROP_VERSION };
      const tickets = () => records.map((r) => ticketOf(r, options.owner ?? '', exportedMs));
      const [text, id, extension, mime] =
        format === 'json' ? [alertsJson(records, meta), 'alerts', 'json', 'application/json']
        : format === 'csv' ? [alertsCsv(records, options.neutralise ?? true), 'alerts', 'csv', 'text/csv;charset=utf-8']
        : format === 'tickets-json' ? [ticketsJson(tickets()), 'tickets', 'json', 'application/json']
        : [ticketsMarkdown(tickets(), c.caseName), 'tickets', 'md', 'text/markdown;charset=utf-8'];
      const fileName = exportFileName(c.caseName, { id, extension }, exportedMs);
      return { ok: true, blob: new Blob([text], { type: mime }), fileName, alerts: records.length };
    },
    async cancelExport(runId) {
      const run = running.get(runId);
      if (run !== undefined) run.cancelled = true;
    },
  };
}
