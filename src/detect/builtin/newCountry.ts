// A successful logon for an account from a country outside that account's top-3 countries (its earlier
// successful logons, once it has a few). Needs GeoIP enrichment (init.host.loc.country_short).
import type { Alert } from '../types.ts';
import { makeAlert, q } from './alerts.ts';
import { MINUTE, num, type Detector } from './detector.ts';
import { COUNTRY, geoCoverage, newCountryLogons } from './geo.ts';
import { SUCCESS, logons } from './logons.ts';

const T0 = Date.UTC(2026, 2, 3, 8, 0);
const ok = (h: number, country: string, ip: string) => ({
  ts: T0 + h * 60 * MINUTE, type: 'AUTH', action: 'logon', outcome: 'success', 'target.usr.name': 'alice', 'init.host.ip': ip, [COUNTRY]: country,
});

export const newCountry: Detector = {
  id: 'builtin.new-country',
  title: 'Logon from a new country',
  description: 'A successful logon for an account from a country that is not among the account\'s usual (top) countries.',
  severity: 'medium',
  params: [
    { name: 'top', label: 'Usual countries', kind: 'number', default: 3, min: 1, max: 20, step: 1, unit: 'countries', description: 'how many of the account\'s most frequent countries count as usual' },
    { name: 'minHistory', label: 'History needed', kind: 'number', default: 3, min: 1, max: 1000, step: 1, unit: 'logons', description: 'earlier successful logons the account needs before a country can be new' },
  ],
  remediation: 'Confirm with the user whether they travel or use a VPN; if not, reset the credentials and end the sessions.',
  playbook: [
    'Compare with the user\'s usual countries and devices.',
    'Check for failed logons and threat-intel reputation of the source address.',
    'If unexplained: reset credentials, revoke sessions and tokens.',
  ],
  samples: [
    { title: 'three logons from DE then one from BR', events: [ok(0, 'DE', '192.0.2.1'), ok(1, 'DE', '192.0.2.1'), ok(2, 'DE', '192.0.2.1'), ok(3, 'BR', '198.51.100.9')], expect: { count: 1, groups: [{ 'target.usr.name': 'alice', [COUNTRY]: 'BR' }] } },
    { title: 'two logons of history: not enough', events: [ok(0, 'DE', '192.0.2.1'), ok(1, 'DE', '192.0.2.1'), ok(3, 'BR', '198.51.100.9')], expect: { count: 0 } },
  ],
  coverage: (table) => geoCoverage(table, COUNTRY),
  run(table, params) {
    const l = logons(table);
    const out: Alert[] = [];
    for (const { pos, country } of newCountryLogons(table, l, SUCCESS, num(params, 'top'), num(params, 'minHistory'))) {
      const user = l.users[l.user[pos] - 1];
      const ip = l.ip[pos] !== 0 ? l.ips[l.ip[pos] - 1] : undefined;
      out.push(makeAlert(table, newCountry, params, {
        group: { 'target.usr.name': user, [COUNTRY]: country },
        windowStart: l.ts[pos], windowEnd: l.ts[pos] + 1,
        rows: [l.rows[pos]],
        message: `Successful logon for ${user} from ${country}${ip !== undefined ? ` (${ip})` : ''}, not one of its usual countries`,
        filter: `user.name:${q(user)} and ${COUNTRY}:${q(country)} and outcome:success`,
      }));
    }
    return out;
  },
};
