// Exports in tests: a query over a real ingest, one exporter run into a string (the engine's own path, minus the Blob).
import { join } from 'node:path';
import { ingestBundle } from '../../../src/workers/ingest/ingestBundle.ts';
import { createQueryEngine, type QueryEngine } from '../../../src/workers/query/engine.ts';
import type { ExportOptions } from '../../../src/workers/api.ts';
import { exporterById } from '../../../src/workers/export/index.ts';
import { exportSettings } from '../../../src/workers/export/ops.ts';
import { runExport, type ExportRun } from '../../../src/workers/export/run.ts';
import { TextSink } from '../../../src/workers/export/sinks.ts';
import { sourceFromPath, REFERENCE_MS } from '../../harness/ingest.ts';

export const HOSTILE = join(import.meta.dirname, '../../fixtures/hostile');

/** The files read as the app reads them (year-less times take the kit's reference year). */
export async function engineOf(paths: string[]): Promise<QueryEngine> {
  const engine = createQueryEngine();
  let id = 1;
  await ingestBundle(paths.map((p) => ({ ...sourceFromPath(p), lastModified: REFERENCE_MS })), {}, {
    addFile: async () => id++,
    updateFile: async () => {},
    progress: () => {},
    chunk: async (chunk) => { engine.addChunk(chunk); },
  });
  return engine;
}

export interface ExportedText { text: string; run: ExportRun; total: number }

export async function exportText(engine: QueryEngine, query: string, exporterId: string, options: ExportOptions = {}): Promise<ExportedText> {
  const r = engine.query(query, { range: options.range });
  if (!r.ok) throw new Error(r.error.message);
  const exporter = exporterById(exporterId);
  if (exporter === undefined) throw new Error(`no exporter ${exporterId}`);
  const settings = exportSettings(options);
  if (typeof settings === 'string') throw new Error(settings);
  const sink = new TextSink();
  const run = await runExport(engine.index, engine.rows(r.handle.id)!, exporter, settings, options.sort, sink, { cancelled: () => false });
  if (run === 'cancelled') throw new Error('cancelled');
  return { text: sink.text, run, total: r.handle.total };
}
