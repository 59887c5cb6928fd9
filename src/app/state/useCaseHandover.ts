// "Export case" and "Import case" in the cases panel: one hand-over at a time, with progress (chunks and
// bytes) and the engine's refusal shown as it is worded (src/workers/handover).
import { useCallback, useState } from 'react';
import type { HandoverProgress } from '../../workers/api/handover.ts';
import { callback, type EngineClient, type IdleTracker } from '../../workers/client.ts';
import { saveBlob } from '../hooks/saveBlob.ts';
import { formatBytes, formatCount } from '../format.ts';

export type HandoverState =
  | { kind: 'idle' }
  | { kind: 'running'; message: string }
  | { kind: 'done'; message: string }
  | { kind: 'failed'; message: string };

export interface CaseHandover {
  state: HandoverState;
  exportCase(id: string, name: string): Promise<void>;
  importCase(file: File): Promise<void>;
  /** stops the running export (nothing saved) or import (the partial case is deleted) */
  cancel(): void;
}

function describe(p: HandoverProgress): string {
  const chunks = p.totalChunks === undefined ? formatCount(p.chunks) : `${formatCount(p.chunks)} of ${formatCount(p.totalChunks)}`;
  return `${p.phase === 'export' ? 'Exporting' : 'Importing'} the case: ${chunks} chunks, ${formatBytes(p.bytes)}…`;
}

export function useCaseHandover(engine: EngineClient, tracker: IdleTracker, afterImport: () => Promise<void>): CaseHandover {
  const [state, setState] = useState<HandoverState>({ kind: 'idle' });

  const exportCase = useCallback((id: string, name: string) => tracker.track((async () => {
    setState({ kind: 'running', message: `Exporting ${name}…` });
    try {
      const r = await engine.exportCase(id, callback((p: HandoverProgress) => setState({ kind: 'running', message: describe(p) })));
      saveBlob(r.blob, r.fileName);
      setState({ kind: 'done', message: `Saved ${r.fileName}: ${formatBytes(r.bytes)}, ${formatCount(r.chunks)} chunks. API keys and webhook addresses are never written to it.` });
    } catch (e) {
      setState({ kind: 'failed', message: `The case could not be exported: ${e instanceof Error ? e.message : String(e)}` });
    }
  })()), [engine, tracker]);

  const importCase = useCallback((file: File) => tracker.track((async () => {
    setState({ kind: 'running', message: `Importing ${file.name}…` });
    try {
      const info = await engine.importCase(file, callback((p: HandoverProgress) => setState({ kind: 'running', message: describe(p) })));
      setState({ kind: 'done', message: `Imported ${info.name}: ${formatCount(info.events)} events from ${formatCount(info.files)} files.` });
    } catch (e) {
      // the engine's HandoverError is worded for the user; comlink hands over its message
      setState({ kind: 'failed', message: e instanceof Error ? e.message : String(e) });
    }
    await afterImport();
  })()), [engine, tracker, afterImport]);

  const cancel = useCallback(() => void tracker.track(engine.cancelHandover()), [engine, tracker]);

  return { state, exportCase, importCase, cancel };
}
