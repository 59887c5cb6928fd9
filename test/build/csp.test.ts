// The policy of scripts/csp.ts is what public/_headers and the nginx/Apache snippets of docs/hosting.md send.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CSP, SECURITY_HEADERS, TI_FETCH_CSP, TI_FETCH_WORKER, cspFor, webhookCsp } from '../../scripts/csp.ts';

const repo = join(import.meta.dirname, '../..');
const read = (rel: string) => readFileSync(join(repo, rel), 'utf8');

describe('Content-Security-Policy for static hosts', () => {
  it('public/_headers sends every security header to every path', () => {
    const text = read('public/_headers');
    expect(text).toMatch(/^\/\*$/m);
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) expect(text).toContain(`  ${name}: ${value}\n`);
  });

  it('the nginx and Apache snippets of docs/hosting.md carry the policy exactly', () => {
    const text = read('docs/hosting.md');
    expect(text).toContain(`add_header Content-Security-Policy "${CSP}" always;`);
    expect(text).toContain(`Header always set Content-Security-Policy "${CSP}"`);
  });

  it('allows connections to this origin only', () => {
    expect(CSP).toContain("connect-src 'self'");
    expect(CSP).not.toMatch(/https?:|\*/);
  });

  it("gives threat intelligence's fetch worker exactly the providers' API origins and the local relay", () => {
    expect(TI_FETCH_CSP.match(/connect-src ([^;]+)/)?.[1].split(' ')).toEqual([
      'http://127.0.0.1:8377', 'https://api.abuseipdb.com', 'https://www.virustotal.com',
    ]);
    // everything else as the general policy
    expect(TI_FETCH_CSP.replace(/connect-src [^;]+/, "connect-src 'self'")).toBe(CSP);
    expect(TI_FETCH_WORKER.test('/assets/tiFetch.worker-B3x_9a.js')).toBe(true);
    expect(TI_FETCH_WORKER.test('/assets/engine.worker-B3x_9a.js')).toBe(false);
    expect(TI_FETCH_WORKER.test('/assets/tiFetch.worker-B3x_9a.js.map')).toBe(false);
  });

  it('docs/hosting.md gives static hosts the fetch worker policy', () => {
    expect(read('docs/hosting.md')).toContain(TI_FETCH_CSP);
  });
});

describe('cspFor: the policy per served path (npm start and logdrop serve)', () => {
  it('the general policy for the page and the other scripts', () => {
    expect(cspFor('/index.html')).toBe(CSP);
    expect(cspFor('/assets/engine.worker-B3x_9a.js?origin=https://evil.example')).toBe(CSP);
  });

  it('the threat-intel fetch worker gets the providers', () => {
    expect(cspFor('/assets/tiFetch.worker-B3x_9a.js')).toBe(TI_FETCH_CSP);
  });

  it("the webhook worker gets exactly its origin parameter as connect-src, checked strictly", () => {
    const csp = cspFor('/sub/assets/webhook.worker-Ab_1.js?origin=' + encodeURIComponent('http://127.0.0.1:9123'));
    expect(csp.match(/connect-src ([^;]+)/)?.[1]).toBe('http://127.0.0.1:9123');
    expect(csp.replace(/connect-src [^;]+/, "connect-src 'self'")).toBe(CSP);
    expect(cspFor('/assets/webhook.worker-Ab_1.js?origin=https://hooks.example.org')).toContain('connect-src https://hooks.example.org;');
    // anything but a plain origin keeps connect-src 'self' (no directive or source can be injected)
    for (const bad of ['https://a.org; script-src *', 'https://a.org https://b.org', '*', "'unsafe-inline'", 'https://a.org/path',
      'https://A.org', 'javascript:alert(1)', 'https://a;b.org', 'https://user@a.org', '']) {
      expect(cspFor(`/assets/webhook.worker-Ab_1.js?origin=${encodeURIComponent(bad)}`)).toBe(CSP);
    }
    expect(cspFor('/assets/webhook.worker-Ab_1.js')).toBe(CSP);
    expect(webhookCsp('http://[::1]:8080')).toContain('connect-src http://[::1]:8080;');
  });
});
