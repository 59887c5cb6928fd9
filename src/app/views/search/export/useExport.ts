// One export at a time: runs EngineApi.export over the search's handle (query, time range and sort as the
// table shows them), reports progress, cancels, and saves the file (and its provenance sidecar).
import { useCallback, useRef, useState } from 'react';
import type { ExportOptions, ExportProgress } from '../../../../workers/api.ts';
import { callback, type EngineClient, type IdleTracker } from '../../../../workers/client.ts';
import { saveBlob } from '../../../hooks/saveBlob.ts';

export type ExportState =
  | { kind: 'idle' }
  | { kind: 'running'; runId: number; done: number; total: number }
  | { kind: 'done'; message: string }
  | { kind: 'failed'; message: string };

export interface ExportRun {
  state: ExportState;
  start(handle: number, exporterId: string, options: ExportOptions, sidecar: boolean): void;
  cancel(): void;
}

let runs = 0;

export function useExport(engine: EngineClient, tracker: IdleTracker): ExportRun {
  const [state, setState] = useState<ExportState>({ kind: 'idle' });
  const current = useRef<number | undefined>(undefined);

  const start = useCallback((handle: number, exporterId: string, options: ExportOptions, sidecar: boolean) => {
    const runId = ++runs;
    current.current = runId;
    setState({ kind: 'running', runId, done: 0, total: 0 });
    void tracker.track((async () => {
      try {
        const onProgress = callback((p: ExportProgress) => {
          if (current.current === runId) setState({ kind: 'running', runId, done: p.done, total: p.total });
        });
        const r = await engine.export(handle, exporterId, { ...options, runId }, onProgress);
        if (current.current !== runId) return;
        if (!r.ok) {
          setState(r.cancelled === true ? { kind: 'done', message: 'Export cancelled: nothing was saved.' } : { kind: 'failed', message: r.message });
          return;
        }
        saveBlob(r.blob, r.fileName);
        if (sidecar) saveBlob(new Blob([JSON.stringify(r.provenance, null, 2) + '\n'], { type: 'application/json' }), `${r.fileName}.provenance.json`);
        setState({ kind: 'done', message: `Saved ${r.fileName}: ${r.rows.toLocaleString('en-US')} events.` });
      } catch (e) {
        if (current.current === runId) setState({ kind: 'failed', message: `The export failed: ${e instanceof Error ? e.message : String(e)}` });
      } finally {
        if (current.current === runId) current.current = undefined;
      }
    })());
  }, [engine, tracker]);

  const cancel = useCallback(() => {
    if (current.current !== undefined) void engine.cancelExport(current.current);
  }, [engine]);

  return { state, start, cancel };
}
