// The contract of a threat-intelligence provider: a self-describing unit (one file each, registered in
// providers/index.ts). A network provider shapes its request and reads its response; it never sends anything
// itself (the engine's lookup queue does, after the user's opt-in, through the fetch worker). An offline
// provider reads a file the user loads.

/** What one provider says about one IP; becomes the ti.* fields of the events with that IP. */
export interface TiRecord {
  ip: string;
  /** provider id (abuseipdb, virustotal, list) */
  provider: string;
  /** 0–100: how likely the address is malicious, as this provider scores it (VirusTotal's is mapped, see there) */
  score: number;
  reports?: number;
  /** ISO 8601 time of the last report, when the provider gives one */
  lastSeen?: string;
  label?: string;
  /** where the verdict comes from (the list's source column or file name) */
  source?: string;
  isp?: string;
  usage?: string;
  country?: string;
  /** when Logdrop received it (the cache's TTL counts from here) */
  checkedMs: number;
}

export interface TiRequest {
  url: string;
  /** the API key travels here, never in the URL */
  headers: Record<string, string>;
}

export interface TiHttpResponse {
  status: number;
  /** lower-case names */
  headers: Record<string, string>;
  body: string;
}

export type TiParsed =
  | { ok: true; record: TiRecord; quotaLeft?: number }
  | { ok: false; error: string; retryAfterMs?: number; quotaLeft?: number; /** no point asking again today */ fatal?: boolean };

export interface TiSample {
  title: string;
  ip: string;
  response: TiHttpResponse;
  expect: Partial<TiRecord> | { error: RegExp };
}

export interface NetworkProvider {
  kind: 'network';
  id: string;
  title: string;
  /** one sentence: what it knows */
  description: string;
  /** what leaves the browser for one lookup, in plain words (shown in the opt-in dialog) */
  sends: string;
  /** where to get a key, and its terms */
  website: string;
  terms: string;
  /** the request header that carries the key */
  keyHeader: string;
  /** free-tier limits; the queue spaces requests and stops at the daily quota */
  limits: { perMinute: number; perDay: number };
  /** the request for one IP; base = the API origin or the relay's path for this provider */
  request(ip: string, key: string, base: string): TiRequest;
  parse(ip: string, res: TiHttpResponse, nowMs: number): TiParsed;
  /** the provider's own page about the IP, for the user to open (a link, never fetched by Logdrop) */
  pageUrl(ip: string): string;
  samples: readonly TiSample[];
}

/** A number of seconds from Retry-After (delta-seconds or an HTTP date), in ms. */
export function retryAfterMs(headers: Record<string, string>, nowMs: number): number | undefined {
  const v = headers['retry-after'];
  if (v === undefined) return undefined;
  const secs = Number(v);
  if (Number.isFinite(secs)) return Math.max(0, secs * 1000);
  const at = Date.parse(v);
  return Number.isFinite(at) ? Math.max(0, at - nowMs) : undefined;
}

/** The JSON body, or undefined when it is none (a proxy's HTML error page). */
export function jsonBody(body: string): unknown {
  try {
    return JSON.parse(body) as unknown;
  } catch {
    return undefined;
  }
}

export const clampScore = (n: number): number => Math.max(0, Math.min(100, Math.round(n)));
