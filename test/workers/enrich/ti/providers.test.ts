// The threat-intelligence providers as units: every sample of every registered provider, request shaping
// (the key only in its header, never in the URL), and the offline list's reading.
import { describe, expect, it } from 'vitest';
import { NETWORK_PROVIDERS, OFFLINE_PROVIDER } from '../../../../src/workers/enrich/ti/providers/index.ts';
import { virusTotalScore } from '../../../../src/workers/enrich/ti/providers/virustotal.ts';
import { canonicalIp } from '../../../../src/workers/enrich/ti/canonicalIp.ts';
import { PROVIDER_API_ORIGINS, RELAY_ORIGIN, isAllowedTiUrl, requestBase } from '../../../../src/workers/enrich/ti/origins.ts';

const KEY = 'k3y-SECRET-0123456789';

describe.each(NETWORK_PROVIDERS.map((p) => [p.id, p] as const))('%s', (_id, p) => {
  it('is self-describing and has an API origin the relay and CSP know', () => {
    expect(p.title).not.toBe('');
    expect(p.sends).toMatch(/IP address/);
    expect(p.limits.perMinute).toBeGreaterThan(0);
    expect(p.limits.perDay).toBeGreaterThan(0);
    expect(PROVIDER_API_ORIGINS[p.id]).toMatch(/^https:\/\//);
    expect(p.samples.length).toBeGreaterThanOrEqual(3);
  });

  it.each(['direct', 'relay'] as const)('shapes the request (%s): the IP in the URL, the key only in its header', (via) => {
    for (const ip of ['8.8.8.8', '2001:4860:4860::8888']) {
      const base = requestBase(p.id, via);
      const req = p.request(ip, KEY, base);
      expect(req.url.startsWith(via === 'relay' ? `${RELAY_ORIGIN}/${p.id}/` : `${PROVIDER_API_ORIGINS[p.id]}/`)).toBe(true);
      expect(isAllowedTiUrl(req.url)).toBe(true);
      expect(decodeURIComponent(req.url)).toContain(ip);
      expect(req.url).not.toContain(KEY);
      expect(req.headers[p.keyHeader]).toBe(KEY);
      expect(Object.entries(req.headers).filter(([, v]) => v === KEY).map(([k]) => k)).toEqual([p.keyHeader]);
    }
  });

  it.each(p.samples.map((s) => [s.title, s] as const))('reads its answer: %s', (_t, s) => {
    const r = p.parse(s.ip, s.response, Date.UTC(2026, 0, 2));
    if ('error' in s.expect) {
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error).toMatch(s.expect.error);
    } else {
      expect(r.ok).toBe(true);
      if (r.ok) {
        expect(r.record).toMatchObject({ ip: s.ip, provider: p.id, checkedMs: Date.UTC(2026, 0, 2), ...s.expect });
        expect(r.record.score).toBeGreaterThanOrEqual(0);
        expect(r.record.score).toBeLessThanOrEqual(100);
      }
    }
  });

  it('refuses an answer that is no JSON without throwing', () => {
    const r = p.parse('8.8.8.8', { status: 200, headers: {}, body: '<html>proxy error</html>' }, 0);
    expect(r.ok).toBe(false);
  });

  it('links to its own page about an address', () => {
    expect(p.pageUrl('8.8.8.8')).toMatch(/^https:\/\/www\.[a-z]+\.com\/.*8\.8\.8\.8$/);
  });
});

describe('the origins', () => {
  it('allows only the relay on 127.0.0.1 and the API origins', () => {
    expect(isAllowedTiUrl('https://api.abuseipdb.com/api/v2/check')).toBe(true);
    expect(isAllowedTiUrl('http://127.0.0.1:8377/abuseipdb/x')).toBe(true);
    expect(isAllowedTiUrl('https://api.abuseipdb.com.evil.example/')).toBe(false);
    expect(isAllowedTiUrl('http://127.0.0.1:8378/abuseipdb/x')).toBe(false);
    expect(isAllowedTiUrl('http://api.abuseipdb.com/')).toBe(false);
    expect(isAllowedTiUrl('not a url')).toBe(false);
  });
});

describe('VirusTotal score mapping', () => {
  it('is 0 without verdicts and reaches 50 at two malicious engines', () => {
    expect(virusTotalScore(0, 0)).toBe(0);
    expect(virusTotalScore(0, 1)).toBe(25);
    expect(virusTotalScore(1, 0)).toBe(35);
    expect(virusTotalScore(2, 0)).toBe(50);
    expect(virusTotalScore(40, 3)).toBe(100);
  });
});

describe('canonical addresses', () => {
  it.each([
    ['8.8.8.8', '8.8.8.8'],
    [' 8.8.8.8 ', '8.8.8.8'],
    ['2001:DB8:0:0:0:0:0:1', '2001:db8::1'],
    ['2001:4860:4860:0:0:0:0:8888', '2001:4860:4860::8888'],
    ['2001:0:0:1:0:0:0:1', '2001:0:0:1::1'],
    ['::ffff:193.0.6.139', '193.0.6.139'],
    ['::1', '::1'],
    ['1:2:3:4:5:6:7:8', '1:2:3:4:5:6:7:8'],
  ])('%s -> %s', (a, b) => expect(canonicalIp(a)).toBe(b));
  it.each(['010.1.1.1', 'example.com', '', '1.2.3.4/24'])('%s is no address', (a) => expect(canonicalIp(a)).toBeUndefined());
});

describe('the offline reputation list', () => {
  it.each(OFFLINE_PROVIDER.samples.map((s) => [s.title, s] as const))('reads its sample: %s', (_t, s) => {
    const r = OFFLINE_PROVIDER.parse(s.text, 'list.csv', 5);
    if ('error' in r) throw new Error(r.error);
    expect(Object.fromEntries([...r.entries].map(([ip, rec]) => [ip, rec.score]))).toEqual(s.expect);
  });

  it('keeps label, source, last_seen and reports; the worse of two rows wins; bad rows are counted with why', () => {
    const csv = 'IP,Score,Label,Source,Last_Seen,Reports\n203.0.113.9,40,scanner,feed A,2026-01-01,3\n203.0.113.9,90,c2,feed B,,\nnot-an-ip,50,x,y,,\n10.0.0.0/8,50,x,y,,\n198.51.100.7,150,x,y,,\n198.51.100.8,,,,,\n';
    const r = OFFLINE_PROVIDER.parse(csv, 'mine.csv', 7);
    if ('error' in r) throw new Error(r.error);
    expect(r.entries.get('203.0.113.9')).toEqual({ ip: '203.0.113.9', provider: 'list', score: 90, label: 'c2', source: 'feed B', checkedMs: 7 });
    // no score: a blocklist entry; no source: the file name
    expect(r.entries.get('198.51.100.8')).toMatchObject({ score: 100, source: 'mine.csv' });
    expect(r.skipped.map((s) => s.row)).toEqual([3, 4, 5]);
    expect(r.skipped[1].reason).toMatch(/range/);
    expect(r.skipped[2].reason).toMatch(/0–100/);
  });

  it('refuses a file with nothing usable, in plain words', () => {
    expect(OFFLINE_PROVIDER.parse('hello\nworld\n', 'x.csv', 0)).toEqual({ error: 'no usable entries (row 1: no ip column)' });
    expect(OFFLINE_PROVIDER.parse('{"entries": 3}', 'x.json', 0)).toMatchObject({ error: expect.stringMatching(/entries/) });
    expect(OFFLINE_PROVIDER.parse('[{"ip":', 'x.json', 0)).toMatchObject({ error: expect.stringMatching(/not valid JSON/) });
  });

  it('reads the entries form of JSON and hostile keys as plain data', () => {
    const r = OFFLINE_PROVIDER.parse('{"entries":[{"ip":"192.0.2.5","score":70,"label":"=HYPERLINK(\\"x\\")","__proto__":{"polluted":1}}]}', 'x.json', 0);
    if ('error' in r) throw new Error(r.error);
    expect(r.entries.get('192.0.2.5')).toMatchObject({ score: 70, label: '=HYPERLINK("x")' });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
