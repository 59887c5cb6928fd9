// The ledger's part of EngineApi: the parser list, re-reading or re-timing one file, and the manifest exports.
// Kept beside the engine (not in engine.ts) so the engine file stays about cases, ingest and queries.
import type { CaseInfo, EngineApi, FileLedgerEntry, ReingestResult } from '../api.ts';
import type { CaseStore } from '../store/caseStore.ts';
import type { IngestRunner } from '../ingest/runner.ts';
import { PARSERS, parserById } from '../../parsers/index.ts';
import { ledgerCsv } from '../export/ledger-csv.ts';
import { ledgerJson } from '../export/ledger-json.ts';
import type { FileSources } from './fileSources.ts';
import { reparseFile, retimeFile } from './reingest.ts';

export interface LedgerCase { info: CaseInfo; store: CaseStore }

export interface LedgerDeps {
  runIngest: IngestRunner;
  sources: FileSources;
  requireCase(): LedgerCase;
  /** runs work that writes the case, never beside an ingest; cancelIngest aborts its signal */
  exclusive<T>(what: string, work: (signal: AbortSignal) => Promise<T>): Promise<T>;
  /** rebuilds the query index and the case's counts after a file's events changed */
  reindex(c: LedgerCase): Promise<CaseInfo>;
}

export type LedgerOps = Pick<EngineApi, 'parsers' | 'reingestFile' | 'exportLedger'>;

export function createLedgerOps(deps: LedgerDeps): LedgerOps {
  return {
    async parsers() {
      return PARSERS.map((p) => (p.kind === 'text' && p.timeLayouts !== undefined ? { id: p.id, title: p.title, timeLayouts: p.timeLayouts() } : { id: p.id, title: p.title }));
    },

    async reingestFile(fileId, options, file): Promise<ReingestResult> {
      const c = deps.requireCase();
      const caseId = c.info.id;
      const row = (await c.store.files()).find((f) => f.id === fileId);
      if (row === undefined) throw new Error('This file is no longer in the case.');
      if (options.parserId !== undefined && parserById(options.parserId) === undefined) throw new Error(`unknown parser '${options.parserId}'`);
      const reparse = (options.parserId !== undefined && options.parserId !== row.parserId) || file !== undefined
        || (options.timeLayout !== undefined && options.timeLayout !== (row.timeLayout ?? row.layout?.timeChoice));
      if (!reparse) {
        const updated = await deps.exclusive('change the time zone', () => retimeFile(c.store, row, options));
        return { ok: true, info: await deps.reindex(c), file: updated };
      }
      const source = file !== undefined ? deps.sources.adopt(caseId, row, file) : deps.sources.get(caseId, fileId);
      if (source === undefined) return { ok: false, needsFile: true, message: needsFileMessage(row, file) };
      const updated = await deps.exclusive('re-ingest a file', (signal) => reparseFile(c.store, deps.runIngest, row, source, options, signal));
      return { ok: true, info: await deps.reindex(c), file: updated };
    },

    async exportLedger(format) {
      const c = deps.requireCase();
      const files = await c.store.files();
      return format === 'csv'
        ? new Blob([ledgerCsv(files)], { type: 'text/csv;charset=utf-8' })
        : new Blob([ledgerJson(c.info.name, files, Date.now())], { type: 'application/json' });
    },
  };
}

function needsFileMessage(row: FileLedgerEntry, picked: File | undefined): string {
  const names = row.path.split('/');
  const outer = names[0];
  if (picked !== undefined) return `${picked.name} is not ${row.path} nor an archive holding it: pick ${names[names.length - 1]} or ${outer}.`;
  return `To read ${row.path} again, drop it again: files are kept only until the page is reloaded. `
    + `Pick ${outer === row.path ? row.path : `${outer} (the archive that holds it)`}.`;
}
