// GeoIP for the CLI: the same built-in tables as the app (built by scripts/geoip/build.ts when missing)
// plus the user's files given with --geoip, and the per-event enrichment `normalize` prints.
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import type { EventFields } from '../core/schema.ts';
import { GEO_ROLES, type GeoInfo } from '../workers/enrich/geo/geoInfo.ts';
import { GeoService } from '../workers/enrich/geoService.ts';
import { buildGeoData } from '../../scripts/geoip/build.ts';

export async function loadCliGeo(userFiles: readonly string[]): Promise<GeoService> {
  const files = await buildGeoData();
  const geo = new GeoService(async (file) => {
    const path = files.get(file);
    if (path === undefined) throw new Error(`no built-in table ${file}`);
    return new Uint8Array(await readFile(path));
  });
  await geo.ready();
  const stored = await Promise.all(userFiles.map(async (p, i) => ({ id: `cli-${i}`, name: basename(p), scope: 'case' as const, addedMs: 0, bytes: new Uint8Array(await readFile(p)) })));
  const errors = await geo.setUserData(stored);
  if (errors.length > 0) throw new Error(`--geoip: ${errors.map((e) => e.error).join('; ')}`);
  const state = geo.status().builtin;
  if (state.state === 'failed') throw new Error(state.message);
  return geo;
}

const seen = new Map<string, GeoInfo | undefined>();

/** Adds <role>.host.loc.* for each IP role the event has (what the app's index derives). */
export function enrichEvent(e: EventFields, geo: GeoService): void {
  for (const role of GEO_ROLES) {
    const ip = e[role.ip];
    if (typeof ip !== 'string') continue;
    // one lookup per distinct address, as the app's index does
    let info = seen.get(ip);
    if (info === undefined && !seen.has(ip)) {
      if (seen.size > 500_000) seen.clear();
      info = geo.resolve(ip);
      seen.set(ip, info);
    }
    if (info === undefined) continue;
    for (const [k, v] of Object.entries(info)) if (v !== undefined) e[role.loc + k] = v;
  }
}
