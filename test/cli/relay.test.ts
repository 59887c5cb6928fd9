// The local relay (`logdrop relay`) against a fake provider on 127.0.0.1: it forwards only to the providers'
// API origins, only GET, only the key and Accept headers; answers the CORS preflight of local pages and
// refuses other pages; refuses a key in the URL; logs no header. Nothing here touches the network.
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRelay, type Relay } from '../../src/cli/relay.ts';

const KEY = 'relay-KEY-5d0c1b';
const seen: { url: string; headers: IncomingHttpHeaders }[] = [];
let upstream: Server;
let relay: Relay;
const logged: string[] = [];

beforeAll(async () => {
  upstream = createServer((req, res) => {
    seen.push({ url: req.url ?? '', headers: req.headers });
    res.writeHead(200, { 'content-type': 'application/json', 'x-ratelimit-remaining': '41', 'set-cookie': 'tracker=1' });
    res.end('{"data":{"abuseConfidenceScore":12}}');
  });
  await new Promise<void>((r) => upstream.listen(0, '127.0.0.1', r));
  const fake = `http://127.0.0.1:${(upstream.address() as AddressInfo).port}`;
  relay = await startRelay({ port: 0, upstreams: { abuseipdb: fake, virustotal: fake }, allowOrigins: ['https://logdrop.example.org'], log: (l) => logged.push(l) });
});

afterAll(async () => {
  await relay.close();
  await new Promise<void>((r) => upstream.close(() => r()));
});

describe('logdrop relay', () => {
  it('listens on 127.0.0.1 only', () => {
    expect(relay.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });

  it('forwards a lookup with only the key and Accept headers, and adds CORS for a local page', async () => {
    seen.length = 0;
    const r = await fetch(`${relay.origin}/abuseipdb/api/v2/check?ipAddress=8.8.8.8&maxAgeInDays=90`, {
      headers: { Key: KEY, Accept: 'application/json', Origin: 'http://127.0.0.1:4173', Cookie: 'session=secret', 'X-Other': 'no' },
    });
    expect(r.status).toBe(200);
    expect(await r.json()).toEqual({ data: { abuseConfidenceScore: 12 } });
    expect(r.headers.get('access-control-allow-origin')).toBe('http://127.0.0.1:4173');
    expect(r.headers.get('access-control-expose-headers')).toContain('x-ratelimit-remaining');
    expect(r.headers.get('x-ratelimit-remaining')).toBe('41');
    expect(r.headers.get('set-cookie')).toBeNull();
    expect(seen).toHaveLength(1);
    expect(seen[0].url).toBe('/api/v2/check?ipAddress=8.8.8.8&maxAgeInDays=90');
    expect(seen[0].headers.key).toBe(KEY);
    expect(seen[0].headers.cookie).toBeUndefined();
    expect(seen[0].headers['x-other']).toBeUndefined();
    expect(seen[0].headers.origin).toBeUndefined();
    expect(logged.join('\n')).toContain('abuseipdb /api/v2/check?ipAddress=8.8.8.8&maxAgeInDays=90 -> 200');
    expect(logged.join('\n')).not.toContain(KEY);
  });

  it('answers the preflight of the app and of an origin it was told to allow', async () => {
    for (const origin of ['http://localhost:5173', 'https://logdrop.example.org']) {
      const r = await fetch(`${relay.origin}/virustotal/api/v3/ip_addresses/8.8.8.8`, { method: 'OPTIONS', headers: { Origin: origin, 'Access-Control-Request-Headers': 'x-apikey' } });
      expect(r.status).toBe(204);
      expect(r.headers.get('access-control-allow-origin')).toBe(origin);
      expect(r.headers.get('access-control-allow-headers')).toMatch(/x-apikey/);
    }
  });

  it.each([
    ['/evil.example.com/steal', 403, /forwards only to api\.abuseipdb\.com and www\.virustotal\.com/],
    ['/https:/evil.example.com/x', 403, /forwards only/],
    ['/__proto__/x', 403, /forwards only/],
    ['/', 403, /forwards only/],
    ['/abuseipdb/api/v2/check?ipAddress=8.8.8.8&key=abc', 400, /header, never in the URL/],
  ])('refuses %s', async (path, status, why) => {
    seen.length = 0;
    const r = await fetch(`${relay.origin}${path}`, { headers: { Origin: 'http://127.0.0.1:4173' } });
    expect(r.status).toBe(status);
    expect(JSON.stringify(await r.json())).toMatch(why);
    expect(seen).toEqual([]);
  });

  it('refuses other methods, and pages from other origins', async () => {
    seen.length = 0;
    const post = await fetch(`${relay.origin}/abuseipdb/api/v2/report`, { method: 'POST', body: 'x' });
    expect(post.status).toBe(405);
    const foreign = await fetch(`${relay.origin}/abuseipdb/api/v2/check?ipAddress=8.8.8.8`, { headers: { Origin: 'https://evil.example.com' } });
    expect(foreign.status).toBe(403);
    expect(foreign.headers.get('access-control-allow-origin')).toBeNull();
    expect(seen).toEqual([]);
  });

  it('refuses a request in proxy form (an absolute URL)', async () => {
    const { request } = await import('node:http');
    const status = await new Promise<number>((resolve, reject) => {
      const req = request({ host: '127.0.0.1', port: relay.port, path: 'http://evil.example.com/x', method: 'GET' }, (res) => { res.resume(); resolve(res.statusCode ?? 0); });
      req.on('error', reject);
      req.end();
    });
    expect(status).toBe(400);
  });
});
