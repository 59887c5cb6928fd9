// EngineApi's threat-intelligence types. Only types. Keys never cross back to the UI: the status says
// only whether a key is held and whether it is remembered on this device.
import type { GeoScope } from './geo.ts';

/** how a provider is reached: straight from the browser, or through `logdrop relay` on 127.0.0.1 */
export type TiVia = 'direct' | 'relay';

export interface TiListInfo {
  id: string;
  name: string;
  scope: GeoScope;
  entries: number;
  addedMs: number;
  bytes: number;
  skipped: { row: number; reason: string }[];
}

export interface TiProviderInfo {
  id: string;
  title: string;
  description: string;
  /** what one lookup sends, in plain words */
  sends: string;
  website: string;
  terms: string;
  limits: { perMinute: number; perDay: number };
  hasKey: boolean;
  /** the key is kept in this browser's IndexedDB ("remember on this device"); else in memory only */
  remembered: boolean;
  /** requests sent today (UTC) from this browser, and what the provider said is left (when it says) */
  usedToday: number;
  quotaLeft: number;
  /** addresses with a cached answer */
  cached: number;
}

export interface TiStatus {
  lists: TiListInfo[];
  providers: TiProviderInfo[];
  /** the cache's time to live; older answers are shown but asked again */
  ttlHours: number;
  relayOrigin: string;
  /** requests in the open case's audit list */
  audited: number;
  running?: TiProgress;
}

export type TiListResult = { ok: true; status: TiStatus } | { ok: false; error: string };

/** A batch the user is asked to confirm: exactly these IPs go to this service. */
export interface TiPlan {
  id: number;
  providerId: string;
  providerTitle: string;
  via: TiVia;
  /** the origin the requests go to (the provider's API, or the relay) */
  endpoint: string;
  sends: string;
  ips: string[];
  /** distinct addresses in the case; of them never sent (private and special), fresh in the cache, left for later (limit or quota) */
  distinct: number;
  special: number;
  cached: number;
  later: number;
  quotaLeft: number;
}

export interface TiProgress {
  planId: number;
  providerId: string;
  done: number;
  total: number;
  ok: number;
  failed: number;
  /** waiting for the rate limit (ms) */
  waitingMs?: number;
}

export interface TiRunResult {
  sent: number;
  ok: number;
  failed: number;
  cancelled: boolean;
  /** why the batch stopped early, in plain words (a refused key, the quota, the browser blocking the call) */
  error?: string;
}

export interface TiAuditRow {
  seq: number;
  /** when the request was sent (epoch ms) */
  ts: number;
  service: string;
  ip: string;
  via: TiVia;
  /** HTTP status; 0 = no answer (network, CORS or CSP refusal); undefined while in flight */
  status?: number;
  note?: string;
}

export interface TiIpVerdict {
  provider: string;
  score: number;
  reports?: number;
  lastSeen?: string;
  label?: string;
  source?: string;
  isp?: string;
  usage?: string;
  country?: string;
  checkedMs: number;
  stale: boolean;
}

export interface TiIpInfo {
  ip: string;
  /** a special-range label: never sent to any service */
  special?: string;
  verdicts: TiIpVerdict[];
  /** the providers' own pages about it, for the user to open */
  links: { title: string; url: string }[];
}
