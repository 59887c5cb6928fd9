// The engine worker's side of the webhook worker: started with the webhook's origin in its script URL (the
// server derives the worker's connect-src from it), terminated when webhooks are switched off.
import { releaseProxy, wrap } from 'comlink';
import workerUrl from './webhook.worker.ts?worker&url';
import type { WebhookWorkerApi } from './webhook.worker.ts';
import type { WebhookTransport } from './webhook.ts';

export function openWebhookWorker(origin: string): WebhookTransport {
  const url = new URL(workerUrl, self.location.href);
  url.searchParams.set('origin', origin);
  const worker = new Worker(url, { type: 'module', name: 'logdrop-webhook' });
  const api = wrap<WebhookWorkerApi>(worker);
  return {
    post: (target, body) => api.post(target, body),
    close() {
      api[releaseProxy]();
      worker.terminate();
    },
  };
}
