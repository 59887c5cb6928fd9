// One confirmed batch of lookups for one provider: for each IP of the plan (and nothing else), skip what
// must never be sent (private and special addresses, re-checked here) and what the cache answers freshly,
// wait for the rate limit, write the audit row, send, record the status, read the answer into the cache.
// It stops early on cancel, a refused key, the daily quota, or a request the browser could not make at all
// (CORS, CSP or no network: the same TypeError in a browser), with that reason in plain words.
import { isPrivateOrReserved } from '../../../core/net/special.ts';
import type { TiProgress, TiRunResult, TiVia } from '../../api.ts';
import type { CaseAudit } from './audit.ts';
import type { TiCache } from './cache.ts';
import { withoutKey } from './keys.ts';
import { PROVIDER_API_ORIGINS, RELAY_ORIGIN } from './origins.ts';
import type { RateLimiter } from './rateLimit.ts';
import type { NetworkProvider, TiHttpResponse, TiRequest } from './providers/types.ts';

/** Sends one request; throws when no HTTP answer came back (network, CORS, CSP). */
export type TiSend = (req: TiRequest, signal: AbortSignal) => Promise<TiHttpResponse>;

export interface LookupDeps {
  now(): number;
  sleep(ms: number, signal: AbortSignal): Promise<void>;
  send: TiSend;
}

export interface LookupBatch {
  planId: number;
  provider: NetworkProvider;
  key: string;
  via: TiVia;
  base: string;
  ips: readonly string[];
  limiter: RateLimiter;
  cache: TiCache;
  audit: CaseAudit;
}

const MAX_TRIES = 3;

/** Plain words for a request that got no HTTP answer at all. */
export function unreachableMessage(provider: NetworkProvider, via: TiVia): string {
  if (via === 'relay') {
    return `The local relay (${RELAY_ORIGIN}) did not answer. Start it on this computer with \`npm run --silent logdrop -- relay\` and try again, ` +
      `or load an offline reputation list, or open the addresses on ${provider.title}'s website (links on each IP's page).`;
  }
  const host = new URL(PROVIDER_API_ORIGINS[provider.id] ?? 'https://unknown.invalid').hostname;
  return `The browser got no answer from ${host}: ` +
    `${provider.title} does not allow calls from web pages (the browser blocks them: CORS), or this computer is offline. ` +
    `What works: start the local relay with \`npm run --silent logdrop -- relay\` and choose "through the local relay"; ` +
    `load an offline reputation list; or open the addresses on ${provider.title}'s website (links on each IP's page).`;
}

export async function runLookup(b: LookupBatch, deps: LookupDeps, signal: AbortSignal, onProgress: (p: TiProgress) => void): Promise<TiRunResult> {
  const { provider, limiter, cache, audit } = b;
  const result: TiRunResult = { sent: 0, ok: 0, failed: 0, cancelled: false };
  const progress = (done: number, waitingMs?: number) =>
    onProgress({ planId: b.planId, providerId: provider.id, done, total: b.ips.length, ok: result.ok, failed: result.failed, ...(waitingMs ? { waitingMs } : {}) });
  let sinceSave = 0;
  try {
    for (let i = 0; i < b.ips.length; i++) {
      const ip = b.ips[i];
      if (isPrivateOrReserved(ip)) continue; // never sent, whatever the plan says
      if (cache.isFresh(cache.get(provider.id, ip), deps.now())) {
        result.ok++;
        continue;
      }
      for (let attempt = 1; ; attempt++) {
        if (signal.aborted) return { ...result, cancelled: true };
        if (limiter.left(deps.now()) <= 0) {
          return { ...result, error: `${provider.title}: the daily quota (${limiter.perDay} requests) is used up; ${b.ips.length - i} addresses were not sent. Try again tomorrow.` };
        }
        const wait = limiter.delay(deps.now());
        if (wait > 0) {
          progress(i, wait);
          await deps.sleep(wait, signal);
          if (signal.aborted) return { ...result, cancelled: true };
        }
        const req = provider.request(ip, b.key, b.base);
        const seq = await audit.sending(deps.now(), provider.id, ip, b.via);
        await limiter.sent(deps.now());
        result.sent++;
        let res: TiHttpResponse;
        try {
          res = await deps.send(req, signal);
        } catch (e) {
          const aborted = signal.aborted;
          await audit.answered(seq, 0, aborted ? 'cancelled' : 'no answer');
          result.failed++;
          if (aborted) return { ...result, cancelled: true };
          const detail = withoutKey(e instanceof Error ? e.message : String(e), b.key);
          return { ...result, error: `${unreachableMessage(provider, b.via)} (${detail.slice(0, 200)})` };
        }
        const parsed = provider.parse(ip, res, deps.now());
        await audit.answered(seq, res.status, parsed.ok ? undefined : withoutKey(parsed.error, b.key));
        if (parsed.ok) {
          limiter.answered(parsed.quotaLeft);
          cache.put(parsed.record);
          result.ok++;
          if (++sinceSave >= 20) {
            sinceSave = 0;
            await cache.save(provider.id);
          }
          break;
        }
        if (parsed.quotaLeft !== undefined) limiter.providerLeft = parsed.quotaLeft;
        if (parsed.fatal) {
          result.failed++;
          return { ...result, error: withoutKey(parsed.error, b.key) };
        }
        if (res.status === 429 && attempt < MAX_TRIES) {
          limiter.limited(deps.now(), parsed.retryAfterMs);
          continue;
        }
        result.failed++;
        break;
      }
      progress(i + 1);
    }
    return result;
  } finally {
    await cache.save(provider.id);
  }
}
