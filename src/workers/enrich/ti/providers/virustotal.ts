// VirusTotal (https://docs.virustotal.com/reference/ip-info): GET /api/v3/ip_addresses/{ip}, the key in the
// `x-apikey` header. It has no 0–100 score, so Logdrop maps the engines' verdicts of last_analysis_stats:
// score = 0 when no engine flags the address, else min(100, 20 + 15 × malicious + 5 × suspicious) — two
// engines calling it malicious reach 50, the multi-signal detector's default. The public API allows 4
// requests a minute and 500 a day, and is reported to refuse cross-origin calls from web pages.
import { clampScore, jsonBody, retryAfterMs, type NetworkProvider, type TiHttpResponse, type TiParsed } from './types.ts';

interface Stats { malicious?: unknown; suspicious?: unknown; harmless?: unknown; undetected?: unknown }
interface Attributes { last_analysis_stats?: Stats; reputation?: unknown; as_owner?: unknown; country?: unknown; last_analysis_date?: unknown }

const count = (v: unknown): number => (typeof v === 'number' && Number.isFinite(v) && v > 0 ? v : 0);

/** The mapped 0–100 score of VirusTotal's engine verdicts. */
export function virusTotalScore(malicious: number, suspicious: number): number {
  return malicious === 0 && suspicious === 0 ? 0 : clampScore(20 + 15 * malicious + 5 * suspicious);
}

function errorOf(body: unknown): { code?: string; message?: string } {
  const e = (body as { error?: { code?: unknown; message?: unknown } } | undefined)?.error;
  return { code: typeof e?.code === 'string' ? e.code : undefined, message: typeof e?.message === 'string' ? e.message.slice(0, 300) : undefined };
}

const ok = (body: string): TiHttpResponse => ({ status: 200, headers: { 'content-type': 'application/json' }, body });

export const virustotal: NetworkProvider = {
  kind: 'network',
  id: 'virustotal',
  title: 'VirusTotal',
  description: "Verdicts of dozens of security vendors' engines on the address, its community reputation and its network owner.",
  sends: 'the IP address (in the URL) and your VirusTotal API key (in the x-apikey header), to www.virustotal.com',
  website: 'https://www.virustotal.com/gui/my-apikey',
  terms: 'https://docs.virustotal.com/docs/terms-of-service',
  keyHeader: 'x-apikey',
  limits: { perMinute: 4, perDay: 500 },
  request(ip, key, base) {
    return { url: `${base}/api/v3/ip_addresses/${encodeURIComponent(ip)}`, headers: { 'x-apikey': key, Accept: 'application/json' } };
  },
  parse(ip, res: TiHttpResponse, nowMs): TiParsed {
    const body = jsonBody(res.body);
    const err = errorOf(body);
    const why = err.message !== undefined ? `: ${[err.code, err.message].filter((x) => x !== undefined).join(' ')}` : '';
    if (res.status === 429) {
      const daily = err.code === 'QuotaExceededError' && /daily|day/i.test(err.message ?? '');
      return { ok: false, error: `VirusTotal: quota or rate limit reached${why}`, retryAfterMs: retryAfterMs(res.headers, nowMs) ?? 60_000, fatal: daily };
    }
    if (res.status === 401 || res.status === 403) return { ok: false, error: `VirusTotal refused the key (HTTP ${res.status})${why}`, fatal: true };
    if (res.status === 404) return { ok: true, record: { ip, provider: 'virustotal', score: 0, reports: 0, label: 'not in VirusTotal', checkedMs: nowMs } };
    if (res.status !== 200) return { ok: false, error: `VirusTotal answered HTTP ${res.status}${why}` };
    const a = (body as { data?: { attributes?: Attributes } } | undefined)?.data?.attributes;
    if (a?.last_analysis_stats === undefined) return { ok: false, error: 'VirusTotal: the answer has no last_analysis_stats' };
    const s = a.last_analysis_stats;
    const malicious = count(s.malicious), suspicious = count(s.suspicious);
    const engines = malicious + suspicious + count(s.harmless) + count(s.undetected);
    const when = typeof a.last_analysis_date === 'number' ? new Date(a.last_analysis_date * 1000).toISOString() : undefined;
    return {
      ok: true,
      record: {
        ip, provider: 'virustotal', checkedMs: nowMs,
        score: virusTotalScore(malicious, suspicious),
        reports: malicious + suspicious,
        label: `${malicious} malicious, ${suspicious} suspicious of ${engines} engines; reputation ${typeof a.reputation === 'number' ? a.reputation : 0}`,
        ...(when !== undefined ? { lastSeen: when } : {}),
        ...(typeof a.as_owner === 'string' && a.as_owner !== '' ? { isp: a.as_owner } : {}),
        ...(typeof a.country === 'string' && a.country !== '' ? { country: a.country } : {}),
      },
    };
  },
  pageUrl: (ip) => `https://www.virustotal.com/gui/ip-address/${encodeURIComponent(ip)}`,
  samples: [
    {
      title: 'flagged by three engines',
      ip: '185.220.101.1',
      response: ok('{"data":{"id":"185.220.101.1","type":"ip_address","attributes":{"as_owner":"Example Hosting","country":"DE","reputation":-12,"last_analysis_date":1767225600,"last_analysis_stats":{"harmless":60,"malicious":3,"suspicious":1,"undetected":30,"timeout":0}}}}'),
      expect: { score: 70, reports: 4, isp: 'Example Hosting', country: 'DE', lastSeen: '2026-01-01T00:00:00.000Z', label: '3 malicious, 1 suspicious of 94 engines; reputation -12' },
    },
    {
      title: 'clean',
      ip: '8.8.8.8',
      response: ok('{"data":{"attributes":{"as_owner":"GOOGLE","last_analysis_stats":{"harmless":66,"malicious":0,"suspicious":0,"undetected":28}}}}'),
      expect: { score: 0, reports: 0, isp: 'GOOGLE' },
    },
    {
      title: 'a wrong key',
      ip: '8.8.8.8',
      response: { status: 401, headers: {}, body: '{"error":{"code":"WrongCredentialsError","message":"Wrong API key"}}' },
      expect: { error: /refused the key.*WrongCredentialsError/ },
    },
    {
      title: 'over the per-minute rate',
      ip: '8.8.8.8',
      response: { status: 429, headers: {}, body: '{"error":{"code":"QuotaExceededError","message":"Quota exceeded"}}' },
      expect: { error: /quota or rate limit/ },
    },
  ],
};
