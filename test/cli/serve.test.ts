// `logdrop serve`: files inside the folder only, with the security headers of scripts/csp.ts on every answer.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fileFor, serveStatic } from '../../src/cli/serve.ts';
import { CSP, SECURITY_HEADERS, TI_FETCH_CSP } from '../../scripts/csp.ts';

const parent = mkdtempSync(join(tmpdir(), 'logdrop-serve-'));
const root = join(parent, 'site');
mkdirSync(join(root, 'assets'), { recursive: true });
writeFileSync(join(root, 'index.html'), '<!doctype html><title>t</title>');
writeFileSync(join(root, 'assets', 'app-abc.js'), 'console.log(1)');
writeFileSync(join(root, 'assets', 'tiFetch.worker-x1Y_2.js'), 'self.onmessage = null');
writeFileSync(join(parent, 'secret.txt'), 'outside');

describe('logdrop serve', () => {
  it('maps URL paths to files inside the folder only', () => {
    expect(fileFor(root, '/')).toBe(join(root, 'index.html'));
    expect(fileFor(root, '/assets/app-abc.js?v=1')).toBe(join(root, 'assets', 'app-abc.js'));
    for (const bad of ['/../secret.txt', '/%2e%2e/secret.txt', '/assets/..%2f..%2fsecret.txt', '/%E0%A4%A', '/missing.js', '/index.html%00.js']) {
      expect(fileFor(root, bad), bad).toBeUndefined();
    }
  });

  let base = '';
  let close: () => void = () => {};
  beforeAll(async () => {
    const server = await serveStatic(root, 0);
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    close = () => server.close();
  });
  afterAll(() => close());

  it('sends every security header with pages, scripts and errors', async () => {
    for (const [path, status, type] of [['/', 200, 'text/html'], ['/assets/app-abc.js', 200, 'text/javascript'], ['/nope', 404, 'text/plain']] as const) {
      const res = await fetch(base + path);
      expect(res.status, path).toBe(status);
      expect(res.headers.get('content-type'), path).toContain(type);
      for (const [name, value] of Object.entries(SECURITY_HEADERS)) expect(res.headers.get(name), `${path} ${name}`).toBe(value);
    }
    expect((await fetch(base + '/', { method: 'POST' })).status).toBe(405);
  });

  it('gives the threat-intel fetch worker its own policy, and only it', async () => {
    const worker = await fetch(base + '/assets/tiFetch.worker-x1Y_2.js');
    expect(worker.headers.get('content-security-policy')).toBe(TI_FETCH_CSP);
    expect(TI_FETCH_CSP).not.toBe(CSP);
    expect((await fetch(base + '/assets/app-abc.js')).headers.get('content-security-policy')).toBe(CSP);
  });

  it('refuses a folder that was not built', async () => {
    await expect(serveStatic(parent, 0)).rejects.toThrow(/no index.html/);
  });
});
