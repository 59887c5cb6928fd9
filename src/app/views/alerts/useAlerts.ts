// The alerts view's data: the filtered alert list and the detectors (parameters, coverage), re-read when the
// filter or the case's data changes; parameter and status changes go to the engine, then the list is re-read.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { AlertFilter, AlertList, AlertStatus, DetectorInfo, ParamValue } from '../../../workers/api.ts';
import type { EngineClient, IdleTracker } from '../../../workers/client.ts';

export interface AlertsData {
  list?: AlertList;
  detectors: DetectorInfo[];
  error?: string;
  setParam(id: string, name: string, value: ParamValue): Promise<void>;
  setState(id: string, status: AlertStatus, note: string, owner?: string): Promise<void>;
}

export function useAlerts(engine: EngineClient, tracker: IdleTracker, filter: AlertFilter, dataVersion: number, onChanged?: () => void): AlertsData {
  const [list, setList] = useState<AlertList>();
  const [detectors, setDetectors] = useState<DetectorInfo[]>([]);
  const [error, setError] = useState<string>();
  // answers can arrive out of order (a slider moved twice): only the latest request's answer is shown
  const seq = useRef(0);
  const filterKey = JSON.stringify(filter);

  const reload = useCallback(async () => {
    const mine = ++seq.current;
    try {
      const [l, d] = await Promise.all([engine.alerts(JSON.parse(filterKey) as AlertFilter), engine.detectors()]);
      if (mine !== seq.current) return;
      setList(l);
      setDetectors(d);
      setError(undefined);
    } catch (e) {
      if (mine === seq.current) setError(e instanceof Error ? e.message : String(e));
    }
  }, [engine, filterKey]);

  useEffect(() => {
    void tracker.track((async () => {
      await reload();
    })());
  }, [tracker, reload, dataVersion]);

  const setParam = useCallback(async (id: string, name: string, value: ParamValue) => {
    await tracker.track((async () => {
      await engine.setDetectorParams(id, { [name]: value });
      await reload();
      onChanged?.();
    })());
  }, [engine, tracker, reload, onChanged]);

  const setState = useCallback(async (id: string, status: AlertStatus, note: string, owner?: string) => {
    await tracker.track((async () => {
      await engine.setAlertState(id, { status, note, ...(owner !== undefined ? { owner } : {}) });
      await reload();
      onChanged?.();
    })());
  }, [engine, tracker, reload, onChanged]);

  return { list, detectors, error, setParam, setState };
}
