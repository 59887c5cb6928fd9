// The engine worker's side of the webhook worker: started with the webhook's origin in its script URL (the
// server derives the worker's connect-src from it), terminated when webhooks are switched off. The script's URL
// is imported when first needed: resolved at load time it would throw in the single file's blob workers.
import { releaseProxy, wrap } from 'comlink';
import type { WebhookWorkerApi } from './webhook.worker.ts';
import type { WebhookTransport } from './webhook.ts';

export function openWebhookWorker(origin: string): WebhookTransport {
  const started = import('./webhook.worker.ts?worker&url').then(({ default: workerUrl }) => {
    const url = new URL(workerUrl, self.location.href);
    url.searchParams.set('origin', origin);
    const worker = new Worker(url, { type: 'module', name: 'logdrop-webhook' });
    return { worker, api: wrap<WebhookWorkerApi>(worker) };
  });
  return {
    post: async (target, body) => (await started).api.post(target, body),
    close() {
      void started.then(({ worker, api }) => {
        api[releaseProxy]();
        worker.terminate();
      });
    },
  };
}
