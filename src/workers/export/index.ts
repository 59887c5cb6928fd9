// Every exporter, in the Export menu's order. Add one: a file in this folder exporting an Exporter
// (types.ts), listed here, with a test in test/workers/export/.
import type { ExporterInfo } from '../api.ts';
import type { Exporter } from './types.ts';
import { csvColumns } from './csv.ts';
import { csvAnalyst } from './csv-analyst.ts';
import { csvAll } from './csv-all.ts';
import { csvTimesketch } from './csv-timesketch.ts';
import { csvTimelineExplorer } from './csv-timeline-explorer.ts';
import { ndjson } from './ndjson.ts';
import { ecsNdjson } from './ecs-ndjson.ts';
import { esBulk } from './es-bulk.ts';
import { esTemplate } from './es-template.ts';

export const EXPORTERS: readonly Exporter[] = [
  csvColumns, csvAnalyst, csvAll, csvTimesketch, csvTimelineExplorer, ndjson, ecsNdjson, esBulk, esTemplate,
];

export function exporterById(id: string): Exporter | undefined {
  return EXPORTERS.find((e) => e.id === id);
}

/** What the UI lists (no functions: it crosses the worker boundary). */
export function exporterInfos(): ExporterInfo[] {
  return EXPORTERS.map(({ id, title, description, group, extension, mime, rows, uses }) => ({ id, title, description, group, extension, mime, rows, uses }));
}
