// What a view shows while its data loads or when the engine failed: plain words and what to do next.
import type { EngineData } from './useEngineData.ts';

export function EngineState({ data, what }: { data: EngineData<unknown>; what: string }) {
  if (data.state === 'loading') return <p className="insight-state" aria-busy="true">Loading {what}…</p>;
  if (data.state === 'failed') {
    return <p className="insight-state insight-state--error" role="alert">The {what} could not be computed: {data.message}. Reload the page; if it persists, reopen the case from Cases.</p>;
  }
  return null;
}
