// EngineApi.exportCase / importCase: the case hand-over file (format.ts) written from and read into IndexedDB.
import type { CaseInfo } from '../api.ts';
import type { CaseExportFile, HandoverProgress } from '../api/handover.ts';
import { openExportSink } from '../export/diskSink.ts';
import { CaseStore } from '../store/caseStore.ts';
import { getCase, getGlobalSetting, globalSettingKeys, newCaseId, putCase, removeCase, setGlobalSetting } from '../store/catalog.ts';
import { exportCase } from './exportCase.ts';
import { HANDOVER_EXTENSION, HANDOVER_MIME } from './format.ts';
import { importCase } from './importCase.ts';

export interface HandoverDeps {
  /** refuses (throws) while an ingest or another write runs in this tab */
  requireIdle(what: string): void;
  /** runs work under the case's lock (no tab writes it meanwhile); refuses when another tab holds it */
  locked<T>(id: string, work: () => Promise<T>): Promise<T>;
}

/** A file name from the case name: letters, digits, dot, dash and underscore kept. */
export function caseFileName(name: string): string {
  const base = name.normalize('NFKC').replace(/[^\p{L}\p{N}._-]+/gu, '-').replace(/^-+|-+$/g, '').slice(0, 80);
  return (base === '' ? 'case' : base) + HANDOVER_EXTENSION;
}

export function createHandoverOps(deps: HandoverDeps) {
  /** the running export or import (cancelHandover stops it) */
  let running: AbortController | undefined;
  const run = async <T>(work: (signal: AbortSignal) => Promise<T>): Promise<T> => {
    if (running !== undefined) throw new Error('A case export or import is already running: wait for it or cancel it.');
    const abort = (running = new AbortController());
    try {
      return await work(abort.signal);
    } finally {
      running = undefined;
    }
  };
  return {
    async cancelHandover(): Promise<void> {
      running?.abort();
    },

    async exportCase(id: string, onProgress?: (p: HandoverProgress) => void): Promise<CaseExportFile> {
      deps.requireIdle('export a case');
      const info = await getCase(id);
      if (info === undefined) throw new Error('This case no longer exists (was it deleted in another tab?).');
      return run((signal) => deps.locked(id, async () => {
        const store = await CaseStore.open(id);
        const sink = await openExportSink(); // on disk where the browser offers it (diskSink.ts)
        let blob: Blob | undefined;
        try {
          const r = await exportCase(info, store, { keys: globalSettingKeys, get: getGlobalSetting }, sink, onProgress, signal);
          blob = await sink.finish(HANDOVER_MIME);
          return { blob, fileName: caseFileName(info.name), bytes: r.bytes, chunks: r.chunks, sha256: r.sha256 };
        } finally {
          store.close();
          if (blob === undefined) await sink.discard();
        }
      }));
    },

    async importCase(file: Blob, onProgress?: (p: HandoverProgress) => void): Promise<CaseInfo> {
      deps.requireIdle('import a case');
      return run((signal) => importCase(file.stream(), {
        getCase, putCase, removeCase, newCaseId, getGlobal: getGlobalSetting, setGlobal: setGlobalSetting,
      }, onProgress, signal));
    },
  };
}
