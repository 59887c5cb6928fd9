// Impossible travel: two successful logons of one account from places too far apart for the time between
// them (faster than an airliner). Needs GeoIP enrichment (init.host.loc.geo_point). Short hops (a city's
// providers, GeoIP imprecision) are ignored below a minimum distance.
import type { Alert } from '../types.ts';
import { makeAlert, q } from './alerts.ts';
import { MINUTE, num, type Detector } from './detector.ts';
import { GEO_POINT, distanceKm, geoCoverage, parseGeoPoint } from './geo.ts';
import { SUCCESS, logons } from './logons.ts';
import { dictColumn } from '../columns.ts';

const T0 = Date.UTC(2026, 2, 3, 8, 0);
const ok = (min: number, point: string) => ({
  ts: T0 + min * MINUTE, type: 'AUTH', action: 'logon', outcome: 'success', 'target.usr.name': 'alice', 'init.host.ip': '192.0.2.1', [GEO_POINT]: point,
});
const PARIS = '48.8566,2.3522', SYDNEY = '-33.8688,151.2093', LYON = '45.764,4.8357';

export const impossibleTravel: Detector = {
  id: 'builtin.impossible-travel',
  title: 'Impossible travel',
  description: 'Two successful logons of one account from places too far apart for the time between them.',
  severity: 'high',
  params: [
    { name: 'maxKmh', label: 'Max speed', kind: 'number', default: 1000, min: 100, max: 20_000, step: 50, unit: 'km/h', description: 'faster than this between two logons is impossible' },
    { name: 'minKm', label: 'Min distance', kind: 'number', default: 500, min: 0, max: 20_000, step: 50, unit: 'km', description: 'shorter hops are ignored (GeoIP is imprecise)' },
  ],
  remediation: 'One of the two sessions is likely not the user: find which (device, user agent, VPN), reset credentials and revoke sessions.',
  playbook: [
    'Compare the two logons: source addresses, devices, VPN or proxy ranges.',
    'Ask the user which one was theirs.',
    'Reset credentials and revoke tokens; block the foreign source.',
  ],
  samples: [
    { title: 'Paris then Sydney an hour later', events: [ok(0, PARIS), ok(60, SYDNEY)], expect: { count: 1, groups: [{ 'target.usr.name': 'alice' }] } },
    { title: 'Paris then Lyon an hour later (390 km: under the minimum distance)', events: [ok(0, PARIS), ok(60, LYON)], expect: { count: 0 } },
  ],
  coverage: (table) => geoCoverage(table, GEO_POINT),
  run(table, params) {
    const col = dictColumn(table, GEO_POINT);
    if (col === undefined) return [];
    const l = logons(table);
    const maxKmh = num(params, 'maxKmh'), minKm = num(params, 'minKm');
    const points = col.values.map(parseGeoPoint);
    const last = new Map<number, number>(); // user -> position of its previous located success
    const out: Alert[] = [];
    for (let p = 0; p < l.rows.length; p++) {
      if (l.kind[p] !== SUCCESS || l.user[p] === 0) continue;
      const id = col.ids[l.rows[p]];
      const here = id === 0 ? undefined : points[id - 1];
      if (here === undefined) continue;
      const prev = last.get(l.user[p]);
      last.set(l.user[p], p);
      if (prev === undefined) continue;
      const there = points[col.ids[l.rows[prev]] - 1]!;
      const km = distanceKm(there, here);
      const hours = (l.ts[p] - l.ts[prev]) / 3_600_000;
      if (km < minKm || (hours > 0 && km / hours <= maxKmh)) continue;
      const user = l.users[l.user[p] - 1];
      out.push(makeAlert(table, impossibleTravel, params, {
        group: { 'target.usr.name': user },
        windowStart: l.ts[prev], windowEnd: l.ts[p] + 1,
        rows: [l.rows[prev], l.rows[p]],
        message: `${user} logged on ${Math.round(km)} km apart within ${Math.round(hours * 60)} min (${hours > 0 ? Math.round(km / hours) : '∞'} km/h)`,
        filter: `user.name:${q(user)} and outcome:success and ${GEO_POINT}:*`,
      }));
    }
    return out;
  },
};
