// The Content-Security-Policy: nothing leaves the page or its workers; only this origin is allowed. The one
// exception is threat intelligence's fetch worker (started only for a batch the user confirmed): its script
// gets TI_FETCH_CSP, whose connect-src is exactly the providers' API origins and the local relay.
// One definition for the build's meta tag, the `npm start` server's header (vite.config.ts), public/_headers and docs/hosting.md (test/build/csp.test.ts
// checks those two carry exactly this).
import { TI_ORIGINS } from '../src/workers/enrich/ti/origins.ts';
import { webhookOrigin } from '../src/workers/live/webhookOrigin.ts';

export const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "worker-src 'self' blob:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

/**
 * Sent with every response by `npm start` (vite preview) and by the static hosts of docs/hosting.md. A meta tag
 * binds only the page: a worker's policy comes from the HTTP header of its own script.
 */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': CSP,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
};

/**
 * The single-file build's policy, carried by a meta tag (a page opened from file:// gets no headers): the
 * same directives, except that the page's one inline script and one inline style are allowed by their
 * SHA-256 instead of 'self' (they are not loaded from anywhere). Its blob workers inherit it.
 */
export function singleFileCsp(hashes: { script: string; style: string }): string {
  return CSP.split('; ').map((directive) => {
    if (directive.startsWith('script-src ')) return `script-src 'sha256-${hashes.script}'`;
    if (directive.startsWith('style-src ')) return `style-src 'sha256-${hashes.style}'`;
    return directive;
  }).join('; ');
}
/** The fetch worker's script (vite names it assets/tiFetch.worker-<hash>.js). */
export const TI_FETCH_WORKER = /\/assets\/tiFetch\.worker-[\w-]+\.js$/;

/** Its policy: the general one, with connect-src exactly the providers' API origins and the local relay. */
export const TI_FETCH_CSP = CSP.replace("connect-src 'self'", `connect-src ${TI_ORIGINS.join(' ')}`);

/** The live webhook worker's script (vite names it assets/webhook.worker-<hash>.js), started with ?origin=... */
export const WEBHOOK_WORKER = /\/assets\/webhook\.worker-[\w-]+\.js$/;

/**
 * Its policy: the general one with connect-src exactly the webhook's origin, taken from the script URL's
 * `origin` parameter after a strict check (src/workers/live/webhookOrigin.ts); anything else keeps
 * connect-src 'self', so the worker can reach nothing.
 */
export function webhookCsp(origin: string | null | undefined): string {
  const o = webhookOrigin(origin);
  return o === undefined ? CSP : CSP.replace("connect-src 'self'", `connect-src ${o}`);
}

/**
 * The policy for a request URL (path and query) of the served app: the threat-intel fetch worker's, the
 * webhook worker's, or the general one. One test for `npm start` (vite.config.ts) and `logdrop serve`.
 */
export function cspFor(url: string): string {
  const u = new URL(url, 'http://x');
  if (TI_FETCH_WORKER.test(u.pathname)) return TI_FETCH_CSP;
  if (WEBHOOK_WORKER.test(u.pathname)) return webhookCsp(u.searchParams.get('origin'));
  return CSP;
}
