// AbuseIPDB (https://docs.abuseipdb.com/#check-endpoint): crowd-sourced abuse reports per IP. One GET
// /api/v2/check per address, the key in the `Key` header. Its abuseConfidenceScore is already 0–100.
// The free tier allows 1,000 checks a day; the API does not answer cross-origin calls from web pages, so in
// the browser it works through the local relay.
import { clampScore, jsonBody, retryAfterMs, type NetworkProvider, type TiHttpResponse, type TiParsed } from './types.ts';

interface CheckData {
  ipAddress?: unknown; abuseConfidenceScore?: unknown; totalReports?: unknown; lastReportedAt?: unknown;
  isp?: unknown; usageType?: unknown; countryCode?: unknown;
}

const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);

function quotaOf(res: TiHttpResponse): number | undefined {
  const n = Number(res.headers['x-ratelimit-remaining']);
  return res.headers['x-ratelimit-remaining'] !== undefined && Number.isFinite(n) ? n : undefined;
}

function errorText(body: unknown): string | undefined {
  const errors = (body as { errors?: unknown } | undefined)?.errors;
  if (!Array.isArray(errors)) return undefined;
  const detail = (errors[0] as { detail?: unknown } | undefined)?.detail;
  return typeof detail === 'string' ? detail.slice(0, 300) : undefined;
}

const ok = (body: string): TiHttpResponse => ({ status: 200, headers: { 'content-type': 'application/json', 'x-ratelimit-remaining': '998' }, body });

export const abuseipdb: NetworkProvider = {
  kind: 'network',
  id: 'abuseipdb',
  title: 'AbuseIPDB',
  description: 'Crowd-sourced reports of abusive IP addresses (brute force, scanning, spam), with a 0–100 confidence score.',
  sends: 'the IP address (in the URL) and your AbuseIPDB API key (in the Key header), to api.abuseipdb.com',
  website: 'https://www.abuseipdb.com/account/api',
  terms: 'https://www.abuseipdb.com/legal',
  keyHeader: 'Key',
  limits: { perMinute: 60, perDay: 1000 },
  request(ip, key, base) {
    return {
      url: `${base}/api/v2/check?ipAddress=${encodeURIComponent(ip)}&maxAgeInDays=90`,
      headers: { Key: key, Accept: 'application/json' },
    };
  },
  parse(ip, res, nowMs): TiParsed {
    const body = jsonBody(res.body);
    const quotaLeft = quotaOf(res);
    if (res.status === 429) {
      return { ok: false, error: 'AbuseIPDB: rate limit or daily quota reached', retryAfterMs: retryAfterMs(res.headers, nowMs) ?? 60_000, quotaLeft, fatal: quotaLeft === 0 };
    }
    if (res.status === 401 || res.status === 403) return { ok: false, error: `AbuseIPDB refused the key (HTTP ${res.status})${errorText(body) ? `: ${errorText(body)}` : ''}`, fatal: true };
    if (res.status !== 200) return { ok: false, error: `AbuseIPDB answered HTTP ${res.status}${errorText(body) ? `: ${errorText(body)}` : ''}`, quotaLeft };
    const d = (body as { data?: CheckData } | undefined)?.data;
    if (d === undefined || typeof d.abuseConfidenceScore !== 'number') return { ok: false, error: 'AbuseIPDB: the answer has no abuseConfidenceScore', quotaLeft };
    return {
      ok: true,
      quotaLeft,
      record: {
        ip, provider: 'abuseipdb', checkedMs: nowMs,
        score: clampScore(d.abuseConfidenceScore),
        ...(typeof d.totalReports === 'number' ? { reports: d.totalReports } : {}),
        ...(str(d.lastReportedAt) !== undefined ? { lastSeen: str(d.lastReportedAt) } : {}),
        ...(str(d.isp) !== undefined ? { isp: str(d.isp) } : {}),
        ...(str(d.usageType) !== undefined ? { usage: str(d.usageType) } : {}),
        ...(str(d.countryCode) !== undefined ? { country: str(d.countryCode) } : {}),
      },
    };
  },
  pageUrl: (ip) => `https://www.abuseipdb.com/check/${encodeURIComponent(ip)}`,
  samples: [
    {
      // the documented example answer (docs.abuseipdb.com, CHECK endpoint)
      title: 'a reported address',
      ip: '118.25.6.39',
      response: ok('{"data":{"ipAddress":"118.25.6.39","isPublic":true,"ipVersion":4,"isWhitelisted":false,"abuseConfidenceScore":100,"countryCode":"CN","usageType":"Data Center/Web Hosting/Transit","isp":"Tencent Cloud Computing (Beijing) Co. Ltd","domain":"tencent.com","hostnames":[],"isTor":false,"totalReports":1,"numDistinctUsers":1,"lastReportedAt":"2018-12-20T20:55:14+00:00"}}'),
      expect: { score: 100, reports: 1, lastSeen: '2018-12-20T20:55:14+00:00', isp: 'Tencent Cloud Computing (Beijing) Co. Ltd', usage: 'Data Center/Web Hosting/Transit', country: 'CN' },
    },
    {
      title: 'never reported',
      ip: '193.0.6.139',
      response: ok('{"data":{"ipAddress":"193.0.6.139","isPublic":true,"abuseConfidenceScore":0,"countryCode":"NL","totalReports":0,"lastReportedAt":null}}'),
      expect: { score: 0, reports: 0, country: 'NL' },
    },
    {
      title: 'a wrong key',
      ip: '8.8.8.8',
      response: { status: 401, headers: {}, body: '{"errors":[{"detail":"Authentication failed. Your API key is either missing, incorrect, or revoked.","status":401}]}' },
      expect: { error: /refused the key.*Authentication failed/ },
    },
    {
      title: 'the daily quota is used up',
      ip: '8.8.8.8',
      response: { status: 429, headers: { 'retry-after': '3600', 'x-ratelimit-remaining': '0' }, body: '{"errors":[{"detail":"Daily rate limit of 1000 requests exceeded for this endpoint.","status":429}]}' },
      expect: { error: /quota/ },
    },
  ],
};
