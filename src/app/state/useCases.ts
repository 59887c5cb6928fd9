// The cases panel's state: the case list with counts and sizes, the browser's storage estimate, and the
// case actions (create, open, rename, delete). Opening goes through the workbench so the status line
// and the table follow the open case.
import { useCallback, useState } from 'react';
import type { CaseInfo, StorageInfo } from '../../workers/api.ts';
import type { EngineClient, IdleTracker } from '../../workers/client.ts';
import type { Workbench } from './useWorkbench.ts';

export interface CasesState {
  cases: CaseInfo[];
  storage?: StorageInfo;
  /** what the last action could not do, in plain words */
  error?: string;
  /** the browser refused to make storage persistent */
  persistRefused: boolean;
  refresh(): Promise<void>;
  create(name: string): Promise<void>;
  open(id: string): Promise<void>;
  rename(id: string, name: string): Promise<void>;
  remove(id: string): Promise<void>;
  keepPersistent(): Promise<void>;
}

export function useCases(engine: EngineClient, tracker: IdleTracker, wb: Workbench): CasesState {
  const [cases, setCases] = useState<CaseInfo[]>([]);
  const [storage, setStorage] = useState<StorageInfo>();
  const [error, setError] = useState<string>();
  const [persistRefused, setPersistRefused] = useState(false);
  const { caseInfo, showCase, caseChanged } = wb;

  const refresh = useCallback(async () => {
    const [list, est] = await Promise.all([engine.listCases(), engine.storage()]);
    setCases(list);
    setStorage(est);
  }, [engine]);

  /** Runs one action: tracked for the tests' idle hook, its failure shown, the list refreshed after. */
  const act = useCallback(async (what: string, work: () => Promise<void>) => {
    await tracker.track((async () => {
      setError(undefined);
      try {
        await work();
      } catch (e) {
        setError(`${what}: ${e instanceof Error ? e.message : String(e)}`);
      }
      await refresh();
    })());
  }, [tracker, refresh]);

  const create = useCallback((name: string) => act('The case could not be created', async () => {
    await showCase(await engine.createCase(name.trim() || 'Untitled case'));
  }), [act, engine, showCase]);

  const open = useCallback((id: string) => act('The case could not be opened', async () => {
    await showCase(await engine.openCase(id));
  }), [act, engine, showCase]);

  const rename = useCallback((id: string, name: string) => act('The case could not be renamed', async () => {
    const trimmed = name.trim();
    if (trimmed === '') throw new Error('a case needs a name');
    await engine.renameCase(id, trimmed);
    if (caseInfo?.id === id) caseChanged({ ...caseInfo, name: trimmed });
  }), [act, engine, caseInfo, caseChanged]);

  const remove = useCallback((id: string) => act('The case could not be deleted', async () => {
    await engine.deleteCase(id);
    if (caseInfo?.id !== id) return;
    // the open case is gone: open the most recent other one, or start an empty one
    const rest = await engine.listCases();
    await showCase(rest.length > 0 ? await engine.openCase(rest[0].id) : await engine.createCase('Case 1'));
  }), [act, engine, caseInfo, showCase]);

  // navigator.storage.persist() is a window API: asked here on the main thread, not in the engine worker
  const keepPersistent = useCallback(() => act('Persistent storage could not be requested', async () => {
    if (navigator.storage?.persist === undefined) throw new Error('this browser does not offer persistent storage');
    setPersistRefused(!(await navigator.storage.persist()));
  }), [act]);

  return { cases, storage, error, persistRefused, refresh, create, open, rename, remove, keepPersistent };
}
