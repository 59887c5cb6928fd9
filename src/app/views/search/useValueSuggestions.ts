// Value suggestions for the query bar: a field's most frequent values in the whole case containing
// what is typed (one facet over an all-events handle, kept until the case's data changes).
import { useCallback, useEffect, useRef } from 'react';
import type { EngineClient } from '../../../workers/client.ts';

export function useValueSuggestions(engine: EngineClient, dataVersion: number): (field: string, partial: string) => Promise<string[]> {
  const all = useRef<{ version: number; handle: Promise<number | undefined> } | undefined>(undefined);
  useEffect(() => () => {
    const h = all.current;
    all.current = undefined;
    void h?.handle.then((id) => { if (id !== undefined) void engine.release(id); });
  }, [engine, dataVersion]);
  return useCallback(async (field: string, partial: string) => {
    if (all.current?.version !== dataVersion) {
      all.current = { version: dataVersion, handle: engine.query('').then((r) => (r.ok ? r.handle.id : undefined)) };
    }
    const id = await all.current.handle;
    if (id === undefined) return [];
    const [f] = await engine.facets(id, [field], 12, { contains: partial });
    return f?.values.map((v) => v.value) ?? [];
  }, [engine, dataVersion]);
}
