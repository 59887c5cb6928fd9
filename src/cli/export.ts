// `logdrop export --format F [--query Q] FILE...`: the app's exporters in Node. The files go through the
// browser's ingest into the same query engine; the matching events stream to stdout (time order, or --sort)
// written by one exporter, with the formula neutralisation on unless --no-neutralise. --provenance FILE writes
// the sidecar the app saves beside an export (query, zone, source files with SHA-256).
// Example: logdrop export --format bulk --index case-42 --query 'outcome:failure' auth.log > failures.bulk.ndjson
import { writeFileSync } from 'node:fs';
import type { Writable } from 'node:stream';
import type { ExportOptions, FileLedgerEntry, IngestOptions, SortSpec } from '../workers/api.ts';
import { exporterById, EXPORTERS } from '../workers/export/index.ts';
import { exportSettings } from '../workers/export/ops.ts';
import type { ExportSettings } from '../workers/export/types.ts';
import { Redactor } from '../workers/redact/redactor.ts';
import { mappingCsv } from '../workers/redact/ops.ts';
import { provenance } from '../workers/export/provenance.ts';
import { runExport } from '../workers/export/run.ts';
import type { GeoService } from '../workers/enrich/geoService.ts';
import { queryEngineFromPaths } from './ingestPaths.ts';
import { summaryLine, write } from './normalize.ts';
import { formatQueryError } from './query.ts';

/** the short names of the CLI, then every exporter id */
export const FORMATS: Readonly<Record<string, string>> = {
  csv: 'csv', analyst: 'csv-analyst', all: 'csv-all', timesketch: 'timesketch', 'timeline-explorer': 'csv-timeline-explorer',
  ndjson: 'ndjson', ecs: 'ecs', bulk: 'es-bulk', template: 'es-template',
  ...Object.fromEntries(EXPORTERS.map((e) => [e.id, e.id])),
};

/** the columns `--format csv` writes without --columns: the table's default columns */
export const DEFAULT_CSV_COLUMNS = ['ts', 'obs.host.name', 'app.name', 'init.host.ip', 'target.usr.name', 'outcome', 'message'];

export interface ExportCommandOptions extends IngestOptions {
  format: string;
  query?: string;
  columns?: string[];
  sort?: SortSpec;
  /** the zone written times are in (IANA or UTC) */
  zone?: string;
  neutralise?: boolean;
  indexName?: string;
  /** where to write the provenance JSON */
  provenancePath?: string;
  /** pseudonymise (as the app's Redact switch); redactMapPath: where to write the mapping table (analyst only) */
  redact?: boolean;
  redactMapPath?: string;
  now?: () => number;
  geo?: GeoService;
}

export interface ExportCommandRun { code: number; ledger: FileLedgerEntry[]; rows: number }

export async function exportCommand(paths: string[], options: ExportCommandOptions, out: Writable, err: Writable): Promise<ExportCommandRun> {
  const { format, query = '', columns, sort, zone, neutralise, indexName, provenancePath, redact, redactMapPath, now, geo, ...ingest } = options;
  const id = FORMATS[format];
  const exporter = id === undefined ? undefined : exporterById(id);
  if (exporter === undefined) {
    err.write(`export: unknown format "${format}"; one of: ${Object.keys(FORMATS).join(', ')}\n`);
    return { code: 2, ledger: [], rows: 0 };
  }
  const request: ExportOptions = { columns: columns ?? DEFAULT_CSV_COLUMNS, timeZone: zone, neutralise, indexName, sort, query };
  const checked = exportSettings(request);
  if (typeof checked === 'string') {
    err.write(`export: ${checked}\n`);
    return { code: 2, ledger: [], rows: 0 };
  }
  const redactor = redact === true || redactMapPath !== undefined ? new Redactor() : undefined;
  const settings: ExportSettings = { ...checked, redactor };
  const { engine, ledger } = await queryEngineFromPaths(paths, ingest, now, geo?.derivations());
  for (const f of ledger) err.write(summaryLine(f) + '\n');
  const r = engine.query(query);
  if (!r.ok) {
    err.write(formatQueryError(query, r.error, 'query error') + '\n');
    return { code: 2, ledger, rows: 0 };
  }
  const exportedMs = Date.now();
  const run = await runExport(engine.index, engine.rows(r.handle.id)!, exporter, settings, sort, { write: (text) => write(out, text) }, { cancelled: () => false });
  const rows = run === 'cancelled' ? 0 : run.rows;
  if (provenancePath !== undefined && run !== 'cancelled') {
    const p = provenance({ exporter, settings, caseName: paths.join(' '), query, sort, rows, paths: run.files, ledger, exportedMs });
    writeFileSync(provenancePath, JSON.stringify(p, null, 2) + '\n');
  }
  if (redactor !== undefined && redactMapPath !== undefined) writeFileSync(redactMapPath, mappingCsv(redactor.mapping()));
  err.write(`exported ${rows} events as ${exporter.title}${redactor !== undefined ? ', redacted' : ''}\n`);
  return { code: 0, ledger, rows };
}
