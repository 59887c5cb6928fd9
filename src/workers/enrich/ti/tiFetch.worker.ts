// The only script that may reach the network: started by the engine worker for one confirmed batch of
// threat-intelligence lookups and terminated after it. Its script is served with its own CSP (scripts/csp.ts
// TI_FETCH_CSP: connect-src only the providers' API origins and the local relay), while the page and the
// other workers keep connect-src 'self'. It refuses any URL outside those origins as well.
import { expose } from 'comlink';
import { isAllowedTiUrl } from './origins.ts';
import type { TiHttpResponse, TiRequest } from './providers/types.ts';

const MAX_BODY = 1_000_000;

const api = {
  async send(req: TiRequest): Promise<TiHttpResponse> {
    if (!isAllowedTiUrl(req.url)) throw new Error('refused: not a threat-intelligence provider nor the local relay');
    // no cookies, no referrer, no cache, no redirect to elsewhere
    const r = await fetch(req.url, { headers: req.headers, credentials: 'omit', referrerPolicy: 'no-referrer', cache: 'no-store', redirect: 'error' });
    const headers: Record<string, string> = {};
    r.headers.forEach((v, k) => { headers[k] = v; });
    return { status: r.status, headers, body: (await r.text()).slice(0, MAX_BODY) };
  },
};

export type TiFetchApi = typeof api;

expose(api);
