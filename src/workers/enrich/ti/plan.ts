// What a lookup would send, before anything is sent: the distinct addresses of the open case's IP fields,
// most frequent first, without the private and special ones (never sent), without those the cache answers
// freshly, at most `limit` and at most what is left of the daily quota.
import { isPrivateOrReserved } from '../../../core/net/special.ts';
import type { CaseIndex } from '../../query/caseIndex.ts';
import type { TiCache } from './cache.ts';
import { canonicalIp } from './canonicalIp.ts';
import { TI_SOURCES } from './tiService.ts';

export interface PlannedIps { ips: string[]; distinct: number; special: number; cached: number; later: number }

export function planIps(index: CaseIndex, providerId: string, cache: TiCache, nowMs: number, limit: number): PlannedIps {
  const events = new Map<string, number>();
  for (const name of TI_SOURCES) {
    const f = index.field(name);
    if (f === undefined || f.kind !== 'dict') continue;
    for (let id = 1; id <= f.values.length; id++) {
      const n = f.counts[id];
      if (n === 0) continue;
      const ip = canonicalIp(f.values[id - 1]);
      if (ip !== undefined) events.set(ip, (events.get(ip) ?? 0) + n);
    }
  }
  let special = 0, cached = 0;
  const candidates: [string, number][] = [];
  for (const [ip, n] of events) {
    if (isPrivateOrReserved(ip)) special++;
    else if (cache.isFresh(cache.get(providerId, ip), nowMs)) cached++;
    else candidates.push([ip, n]);
  }
  candidates.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  const take = Math.max(0, Math.min(limit, candidates.length));
  return { ips: candidates.slice(0, take).map(([ip]) => ip), distinct: events.size, special, cached, later: candidates.length - take };
}
