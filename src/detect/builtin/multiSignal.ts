// Multi-signal correlation for one source address: failed logons, then a successful logon from it that is in
// a new country for the account, and (once threat intelligence has enriched the case: ti.score) a reputation
// score >= minScore. Together they are critical. Needs GeoIP; the threat-intel part applies when ti.score exists.
import type { Alert } from '../types.ts';
import { dictColumn } from '../columns.ts';
import { makeAlert, q, span } from './alerts.ts';
import { MINUTE, num, type Detector } from './detector.ts';
import { COUNTRY, TI_SCORE, geoCoverage, newCountryLogons, textOf } from './geo.ts';
import { SUCCESS, failuresBy, logons, LOGON_CLAUSE } from './logons.ts';
import { lowerBound } from './windows.ts';

const T0 = Date.UTC(2026, 2, 3, 8, 0);
const ev = (min: number, outcome: string, country: string, ip: string, score?: number) => ({
  ts: T0 + min * MINUTE, type: 'AUTH', action: 'logon', outcome, 'target.usr.name': 'alice', 'init.host.ip': ip, [COUNTRY]: country,
  ...(score === undefined ? {} : { [TI_SCORE]: String(score) }),
});
const usual = [ev(0, 'success', 'DE', '192.0.2.1'), ev(10, 'success', 'DE', '192.0.2.1'), ev(20, 'success', 'DE', '192.0.2.1')];
const attack = (score?: number) => [...Array.from({ length: 5 }, (_, i) => ev(100 + i, 'failure', 'RU', '203.0.113.9', score)), ev(110, 'success', 'RU', '203.0.113.9', score)];

export const multiSignal: Detector = {
  id: 'builtin.multi-signal',
  title: 'Failed logons, new country and bad reputation from one address',
  description: 'One source address with failed logons followed by a successful logon from a country new for the account, and (when threat intelligence is enabled) a bad reputation score.',
  severity: 'critical',
  params: [
    { name: 'minFailures', label: 'Failures before', kind: 'number', default: 5, min: 1, max: 10_000, step: 1, unit: 'events', description: 'failed logons from the address before the logon' },
    { name: 'windowMinutes', label: 'Look back', kind: 'number', default: 60, min: 1, max: 1440, step: 1, unit: 'minutes', description: 'how far before the logon the failures count' },
    { name: 'minScore', label: 'Threat score', kind: 'number', default: 50, min: 0, max: 100, step: 5, unit: 'score', description: 'ti.score from which the address counts as malicious (when the case has ti.score)' },
  ],
  remediation: 'Treat as a confirmed compromise: disable the account, revoke its sessions, block the address, and scope what it did.',
  playbook: [
    'Disable the account and revoke sessions and tokens now.',
    'Block the address everywhere; search for it on every host of the case.',
    'Scope the activity of the account after the logon; preserve evidence.',
  ],
  samples: [
    { title: 'failures then a logon from a new country, score 80', events: [...usual, ...attack(80)], expect: { count: 1, groups: [{ 'init.host.ip': '203.0.113.9' }] } },
    { title: 'same, but score 20', events: [...usual, ...attack(20)], expect: { count: 0 } },
    { title: 'no threat intelligence in the case: two signals suffice', events: [...usual, ...attack()], expect: { count: 1 } },
  ],
  coverage(table) {
    const geo = geoCoverage(table, COUNTRY);
    if (geo.state !== 'active') return geo;
    return dictColumn(table, TI_SCORE) === undefined && table.column(TI_SCORE) === undefined
      ? { state: 'active', reason: `${geo.reason}; threat intelligence not in the case (ti.score): failures + new country only` }
      : { state: 'active', reason: `${geo.reason}; with ti.score` };
  },
  run(table, params) {
    const l = logons(table);
    const hasTi = table.column(TI_SCORE) !== undefined;
    const minFailures = num(params, 'minFailures'), width = num(params, 'windowMinutes') * MINUTE, minScore = num(params, 'minScore');
    const failures = failuresBy(l, l.ip);
    const out: Alert[] = [];
    for (const { pos, country } of newCountryLogons(table, l, SUCCESS, 3, 3)) {
      const ipId = l.ip[pos];
      const f = failures.get(ipId);
      if (ipId === 0 || f === undefined) continue;
      const from = lowerBound(f.ts, l.ts[pos] - width), to = lowerBound(f.ts, l.ts[pos] + 1);
      if (to - from < minFailures) continue;
      const rows = [...Array.from(f.pos.subarray(from, to), (p) => l.rows[p]), l.rows[pos]];
      let score = NaN;
      if (hasTi) {
        for (const r of rows) {
          const s = Number(textOf(table, TI_SCORE, r));
          if (Number.isFinite(s) && !(s <= score)) score = s;
        }
        if (!(score >= minScore)) continue;
      }
      const ip = l.ips[ipId - 1], user = l.users[l.user[pos] - 1];
      out.push(makeAlert(table, multiSignal, params, {
        group: { 'init.host.ip': ip },
        windowStart: l.ts[pos], windowEnd: l.ts[pos] + 1, rows,
        message: `${ip}: ${to - from} failed logons in ${span(width)}, then a logon as ${user} from ${country} (new for the account)${hasTi ? `, threat score ${score}` : ''}`,
        filter: `init.host.ip:${q(ip)} and outcome:(failure success) and ${LOGON_CLAUSE}`,
      }));
    }
    return out;
  },
};
