// GeoIP state for the panel: the engine's status (built-in tables, the user's files) and the actions.
import { useCallback, useState } from 'react';
import type { GeoDataResult, GeoScope, GeoStatus } from '../../../workers/api.ts';
import type { EngineClient, IdleTracker } from '../../../workers/client.ts';

export interface GeoIpState {
  status?: GeoStatus;
  error?: string;
  busy: boolean;
  refresh(): Promise<void>;
  add(file: File, scope: GeoScope): Promise<boolean>;
  remove(id: string): Promise<void>;
}

export function useGeoIp(engine: EngineClient, tracker: IdleTracker, onChanged: () => void): GeoIpState {
  const [status, setStatus] = useState<GeoStatus>();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);

  const refresh = useCallback(async () => {
    setStatus(await tracker.track(engine.geoStatus()));
  }, [engine, tracker]);

  const add = useCallback(async (file: File, scope: GeoScope) => {
    setBusy(true);
    setError(undefined);
    try {
      const r: GeoDataResult = await tracker.track<GeoDataResult>(engine.addGeoData(file, file.name, scope));
      if (!r.ok) {
        setError(r.error);
        return false;
      }
      setStatus(r.status);
      onChanged();
      return true;
    } finally {
      setBusy(false);
    }
  }, [engine, tracker, onChanged]);

  const remove = useCallback(async (id: string) => {
    setBusy(true);
    try {
      setStatus(await tracker.track(engine.removeGeoData(id)));
      onChanged();
    } finally {
      setBusy(false);
    }
  }, [engine, tracker, onChanged]);

  return { status, error, busy, refresh, add, remove };
}
