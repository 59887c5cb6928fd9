// The alerts view's Sigma data: the coverage report of the case's rules, and the changes the user makes to them
// (load files, remove all, turn rules and levels on or off). Each change re-runs the rules in the engine; the
// view then re-reads its alert list (onChanged).
import { useCallback, useEffect, useRef, useState } from 'react';
import type { DroppedFile, SigmaEnableChange, SigmaLoadResult, SigmaStatus } from '../../../workers/api.ts';
import type { EngineClient, IdleTracker } from '../../../workers/client.ts';
import { saveBlob } from '../../hooks/saveBlob.ts';

export interface SigmaData {
  status?: SigmaStatus;
  /** the answer to the last load: files read and what was skipped */
  lastLoad?: SigmaLoadResult;
  busy: boolean;
  error?: string;
  load(files: DroppedFile[]): Promise<void>;
  removeAll(): Promise<void>;
  setEnabled(change: SigmaEnableChange): Promise<void>;
  /** downloads the built-in detectors (with the case's parameters) as Sigma rules */
  exportDetectors(): Promise<void>;
}

export function useSigma(engine: EngineClient, tracker: IdleTracker, dataVersion: number, onChanged: () => void): SigmaData {
  const [status, setStatus] = useState<SigmaStatus>();
  const [lastLoad, setLastLoad] = useState<SigmaLoadResult>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const seq = useRef(0);

  useEffect(() => {
    const mine = ++seq.current;
    void tracker.track(engine.sigmaStatus().then((s) => {
      if (mine === seq.current) setStatus(s);
    }, (e: unknown) => {
      if (mine === seq.current) setError(e instanceof Error ? e.message : String(e));
    }));
  }, [engine, tracker, dataVersion]);

  const change = useCallback(async (work: () => Promise<SigmaStatus>) => {
    const mine = ++seq.current;
    setBusy(true);
    try {
      const s = await tracker.track(work());
      if (mine === seq.current) {
        setStatus(s);
        setError(undefined);
      }
      onChanged();
    } catch (e) {
      if (mine === seq.current) setError(e instanceof Error ? e.message : String(e));
    } finally {
      if (mine === seq.current) setBusy(false);
    }
  }, [tracker, onChanged]);

  const load = useCallback((files: DroppedFile[]) => change(async () => {
    const r = await engine.addSigmaRules(files);
    setLastLoad(r);
    return r.status;
  }), [engine, change]);
  const removeAll = useCallback(() => change(() => {
    setLastLoad(undefined);
    return engine.removeSigmaRules();
  }), [engine, change]);
  const setEnabled = useCallback((c: SigmaEnableChange) => change(() => engine.setSigmaEnabled(c)), [engine, change]);

  const exportDetectors = useCallback(async () => {
    try {
      saveBlob(await tracker.track(engine.exportDetectorsSigma()), 'logdrop-detectors.sigma.yml');
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  }, [engine, tracker]);

  return { status, lastLoad, busy, error, load, removeAll, setEnabled, exportDetectors };
}
