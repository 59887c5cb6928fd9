// `logdrop relay`: a small local relay for threat-intelligence lookups from the browser, whose providers
// refuse cross-origin calls from web pages. It listens on 127.0.0.1 only, forwards GET requests under
// /<provider>/... to that provider's API origin and nowhere else (origins.ts), passes on only the key and
// Accept headers (the key stays in the browser's request, never in a URL; a key in the query string is
// refused), answers the CORS preflight for the app's local origins, and logs one line per request without
// headers. Example: GET http://127.0.0.1:8377/abuseipdb/api/v2/check?ipAddress=8.8.8.8
//   -> GET https://api.abuseipdb.com/api/v2/check?ipAddress=8.8.8.8
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { PROVIDER_API_ORIGINS, RELAY_PORT } from '../workers/enrich/ti/origins.ts';

export interface RelayOptions {
  /** default 8377, the port the app's CSP allows; 0 picks a free one (tests) */
  port?: number;
  /** pages allowed to call it besides loopback origins (http://127.0.0.1:*, http://localhost:*) */
  allowOrigins?: readonly string[];
  /** provider id -> origin; the providers' API origins unless a test points them at a local fake */
  upstreams?: Readonly<Record<string, string>>;
  log?: (line: string) => void;
}

export interface Relay { port: number; origin: string; close(): Promise<void> }

const FORWARDED_HEADERS = ['key', 'x-apikey', 'accept'];
const EXPOSED_HEADERS = ['retry-after', 'x-ratelimit-limit', 'x-ratelimit-remaining', 'x-ratelimit-reset'];
const KEY_PARAMS = /^(key|apikey|api_key|x-apikey|token)$/i;

function isLoopbackOrigin(origin: string): boolean {
  try {
    const u = new URL(origin);
    return (u.protocol === 'http:' || u.protocol === 'https:') && ['127.0.0.1', 'localhost', '[::1]'].includes(u.hostname);
  } catch {
    return false;
  }
}

function reply(res: ServerResponse, status: number, detail: string, cors: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'application/json', ...cors });
  res.end(JSON.stringify({ errors: [{ detail, status }] }));
}

export function startRelay(options: RelayOptions = {}): Promise<Relay> {
  const upstreams = options.upstreams ?? PROVIDER_API_ORIGINS;
  const allowed = new Set(options.allowOrigins ?? []);
  const log = options.log ?? (() => {});
  const hosts = Object.values(PROVIDER_API_ORIGINS).map((o) => new URL(o).host).join(' and ');

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const origin = req.headers.origin;
    const cors: Record<string, string> = origin !== undefined && (isLoopbackOrigin(origin) || allowed.has(origin))
      ? { 'access-control-allow-origin': origin, vary: 'Origin', 'access-control-expose-headers': EXPOSED_HEADERS.join(', ') }
      : {};
    const raw = req.url ?? '/';
    if (!raw.startsWith('/')) return reply(res, 400, 'This relay is no proxy: ask it for /<provider>/<path>.');
    const url = new URL(raw, 'http://relay.invalid');
    const [, providerId, ...rest] = url.pathname.split('/');
    const upstream = Object.hasOwn(upstreams, providerId) ? upstreams[providerId] : undefined;
    const where = `${req.method ?? '?'} /${providerId ?? ''}`;
    if (upstream === undefined) {
      log(`${new Date().toISOString()} refused ${where}: not a provider`);
      return reply(res, 403, `This relay forwards only to ${hosts} (paths /${Object.keys(upstreams).join('/…, /')}/…).`, cors);
    }
    if (origin !== undefined && cors['access-control-allow-origin'] === undefined) {
      log(`${new Date().toISOString()} refused ${where}: page origin not allowed`);
      return reply(res, 403, `Pages from ${origin} may not use this relay (start it with --allow-origin ${origin}).`);
    }
    if (req.method === 'OPTIONS') {
      res.writeHead(204, { ...cors, 'access-control-allow-methods': 'GET', 'access-control-allow-headers': 'Key, x-apikey, Accept', 'access-control-max-age': '600' });
      return void res.end();
    }
    if (req.method !== 'GET') return reply(res, 405, 'Only GET is relayed.', cors);
    if ([...url.searchParams.keys()].some((k) => KEY_PARAMS.test(k))) {
      return reply(res, 400, 'Put the API key in its header, never in the URL.', cors);
    }
    const headers: Record<string, string> = {};
    for (const h of FORWARDED_HEADERS) {
      const v = req.headers[h];
      if (typeof v === 'string') headers[h] = v;
    }
    const target = `${upstream}/${rest.join('/')}${url.search}`;
    let status = 502;
    try {
      const up = await fetch(target, { headers, redirect: 'manual' });
      status = up.status;
      const out: Record<string, string> = { ...cors, 'content-type': up.headers.get('content-type') ?? 'application/json' };
      for (const h of EXPOSED_HEADERS) {
        const v = up.headers.get(h);
        if (v !== null) out[h] = v;
      }
      const body = Buffer.from(await up.arrayBuffer());
      res.writeHead(up.status, out);
      res.end(body);
    } catch (e) {
      reply(res, 502, `The relay could not reach ${new URL(upstream).host}: ${(e as Error).message}`, cors);
    }
    // the path and the address asked about; never a header (the key travels in one)
    log(`${new Date().toISOString()} ${providerId} ${url.pathname.slice(providerId.length + 1)}${url.search} -> ${status}`);
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((e: unknown) => {
      if (!res.headersSent) reply(res, 500, `relay error: ${(e as Error).message}`);
      else res.end();
    });
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    // loopback only: nothing on the network can use it
    server.listen(options.port ?? RELAY_PORT, '127.0.0.1', () => {
      const port = (server.address() as AddressInfo).port;
      resolve({
        port,
        origin: `http://127.0.0.1:${port}`,
        close: () => new Promise<void>((r) => { server.closeAllConnections(); server.close(() => r()); }),
      });
    });
  });
}
