// The engine worker's side of the fetch worker: started for one batch, terminated after it (so outside a
// confirmed batch no context of the app may connect anywhere but its own origin).
import { releaseProxy, wrap } from 'comlink';
import type { TiFetcher } from './tiOps.ts';
import type { TiFetchApi } from './tiFetch.worker.ts';

export function openFetchWorker(): TiFetcher {
  const worker = new Worker(new URL('./tiFetch.worker.ts', import.meta.url), { type: 'module', name: 'logdrop-ti-fetch' });
  const api = wrap<TiFetchApi>(worker);
  return {
    send: (req) => api.send(req),
    close() {
      api[releaseProxy]();
      worker.terminate();
    },
  };
}
