// Threat-intelligence state for the panel: the engine's status (lists, providers, keys held or not, quota),
// and the actions. A lookup is two steps: plan (nothing sent; the dialog shows the plan) and run (the plan
// the user confirmed). Keys go to the engine and never come back.
import { useCallback, useState } from 'react';
import type { GeoScope, TiAuditRow, TiListResult, TiPlan, TiProgress, TiRunResult, TiStatus, TiVia } from '../../../workers/api.ts';
import { callback, type EngineClient, type IdleTracker } from '../../../workers/client.ts';
import { saveBlob } from '../../hooks/saveBlob.ts';

export interface ThreatIntelState {
  status?: TiStatus;
  error?: string;
  busy: boolean;
  plan?: TiPlan;
  progress?: TiProgress;
  result?: TiRunResult;
  audit: TiAuditRow[];
  refresh(): Promise<void>;
  addList(file: File, scope: GeoScope): Promise<void>;
  removeList(id: string): Promise<void>;
  setKey(providerId: string, key: string, remember: boolean): Promise<void>;
  forgetKey(providerId: string): Promise<void>;
  setTtl(hours: number): Promise<void>;
  makePlan(providerId: string, via: TiVia, limit: number): Promise<void>;
  dropPlan(): void;
  run(): Promise<void>;
  cancel(): Promise<void>;
  exportAudit(): Promise<void>;
}

export function useThreatIntel(engine: EngineClient, tracker: IdleTracker, onChanged: () => void): ThreatIntelState {
  const [status, setStatus] = useState<TiStatus>();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [plan, setPlan] = useState<TiPlan>();
  const [progress, setProgress] = useState<TiProgress>();
  const [result, setResult] = useState<TiRunResult>();
  const [audit, setAudit] = useState<TiAuditRow[]>([]);

  const refresh = useCallback(async () => {
    const [s, a] = await tracker.track(Promise.all([engine.tiStatus(), engine.tiAudit()]));
    setStatus(s);
    setAudit(a);
  }, [engine, tracker]);

  /** Runs an action with the busy flag and its error shown in place. */
  const act = useCallback(async (work: () => Promise<void>) => {
    setBusy(true);
    setError(undefined);
    try {
      await tracker.track(work());
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  }, [tracker]);

  const addList = useCallback((file: File, scope: GeoScope) => act(async () => {
    const r: TiListResult = await engine.addTiList(file, file.name, scope);
    if (!r.ok) throw new Error(r.error);
    setStatus(r.status);
    onChanged();
  }), [act, engine, onChanged]);

  const removeList = useCallback((id: string) => act(async () => {
    setStatus(await engine.removeTiList(id));
    onChanged();
  }), [act, engine, onChanged]);

  const setKey = useCallback((providerId: string, key: string, remember: boolean) => act(async () => {
    setStatus(await engine.setTiKey(providerId, key, remember));
  }), [act, engine]);

  const forgetKey = useCallback((providerId: string) => act(async () => {
    setStatus(await engine.forgetTiKey(providerId));
  }), [act, engine]);

  const setTtl = useCallback((hours: number) => act(async () => {
    setStatus(await engine.setTiCacheTtl(hours));
  }), [act, engine]);

  const makePlan = useCallback((providerId: string, via: TiVia, limit: number) => act(async () => {
    setResult(undefined);
    const p = await engine.planTiLookup(providerId, via, limit);
    if ('error' in p) throw new Error(p.error);
    setPlan(p);
  }), [act, engine]);

  const dropPlan = useCallback(() => setPlan(undefined), []);

  const run = useCallback(async () => {
    if (plan === undefined) return;
    const id = plan.id;
    setPlan(undefined);
    await act(async () => {
      setProgress({ planId: id, providerId: plan.providerId, done: 0, total: plan.ips.length, ok: 0, failed: 0 });
      try {
        const r = await engine.runTiLookup(id, callback((p: TiProgress) => setProgress(p)));
        setResult(r);
      } finally {
        setProgress(undefined);
        onChanged();
        await refresh();
      }
    });
  }, [plan, act, engine, onChanged, refresh]);

  const cancel = useCallback(async () => {
    await engine.cancelTiLookup();
  }, [engine]);

  const exportAudit = useCallback(() => act(async () => {
    saveBlob(await engine.exportTiAudit(), 'logdrop-ti-audit.csv');
  }), [act, engine]);

  return { status, error, busy, plan, progress, result, audit, refresh, addList, removeList, setKey, forgetKey, setTtl, makePlan, dropPlan, run, cancel, exportAudit };
}
