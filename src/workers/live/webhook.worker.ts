// The live webhook's poster: the only context that may reach the webhook's origin. Started by the engine
// worker with ?origin=<the webhook's origin> while webhooks are switched on, terminated when they are switched
// off. The server sends this script with a CSP whose connect-src is exactly that origin (scripts/csp.ts
// cspFor); the worker also refuses any URL outside it. Nothing of the page reaches it but the post's body.
import { expose } from 'comlink';
import { webhookOrigin } from './webhookOrigin.ts';

const allowed = webhookOrigin(new URLSearchParams(self.location.search).get('origin'));

const api = {
  /** POSTs the JSON body; resolves with the HTTP status; rejects when no answer came (network, CORS, CSP) */
  async post(url: string, body: string): Promise<number> {
    let target: string;
    try {
      target = new URL(url).origin;
    } catch {
      throw new Error('refused: not a URL');
    }
    if (allowed === undefined || target !== allowed) throw new Error('refused: not the origin this poster was started for');
    // no cookies, no referrer, no cache, no redirect to elsewhere; a short wait (an alert must not hang a queue)
    const r = await fetch(url, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body, credentials: 'omit', referrerPolicy: 'no-referrer',
      cache: 'no-store', redirect: 'error', signal: AbortSignal.timeout(10_000),
    });
    return r.status;
  },
};

export type WebhookWorkerApi = typeof api;

expose(api);
