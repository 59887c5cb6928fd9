// Success after failed logons: a successful logon from an address, or for an account, preceded by a burst of
// failures for the same key since its previous success: the classic sign that a guess worked.
// Defaults: >= 5 failures in the 30 minutes before the success. The window starts at the success, so the alert
// keeps its id (and status) when the thresholds move.
import type { Alert } from '../types.ts';
import { makeAlert, q, span, withParams } from './alerts.ts';
import { MINUTE, num, type Detector } from './detector.ts';
import { FAIL, SUCCESS, groupPositions, keyedAlerts, logonCoverage, logons, type Logons, LOGON_CLAUSE } from './logons.ts';
import { lowerBound } from './windows.ts';
import { appendAll } from '../../core/appendAll.ts';

const T0 = Date.UTC(2026, 2, 3, 2, 0);
const ev = (min: number, outcome: string, user = 'deploy', ip = '203.0.113.45') => ({
  ts: T0 + min * MINUTE, type: 'AUTH', action: 'logon', outcome, 'target.usr.name': user, 'init.host.ip': ip,
});

export const successAfterFailures: Detector = {
  id: 'builtin.success-after-failures',
  title: 'Success after failed logons',
  description: 'A successful logon from an address, or for an account, right after a burst of failed logons for the same address or account.',
  severity: 'critical',
  params: [
    { name: 'minFailures', label: 'Failures before', kind: 'number', default: 5, min: 1, max: 10_000, step: 1, unit: 'events', description: 'failed logons before the success (since the previous success)' },
    { name: 'windowMinutes', label: 'Look back', kind: 'number', default: 30, min: 1, max: 1440, step: 1, unit: 'minutes', description: 'how far before the success the failures count' },
    { name: 'by', label: 'Key', kind: 'choice', default: 'both', choices: ['both', 'ip', 'user'], description: 'match failures and success by source address, by account, or both' },
  ],
  remediation: 'Treat the account as compromised: disable it or reset its credentials, end its sessions, and review what it did after the logon.',
  playbook: [
    'Open the evidence: the failures and the successful logon, with source and account.',
    'Search everything the account and the address did after the success (sudo, new accounts, services, tasks).',
    'Disable the account or reset its password and keys; kill its sessions.',
    'Block the source address; look for the same address on other hosts.',
  ],
  samples: [
    { title: 'five failures then a success', events: [...Array.from({ length: 5 }, (_, i) => ev(i, 'failure')), ev(6, 'success')], params: { by: 'ip' }, expect: { count: 1, groups: [{ 'init.host.ip': '203.0.113.45' }] } },
    { title: 'four failures then a success', events: [...Array.from({ length: 4 }, (_, i) => ev(i, 'failure')), ev(6, 'success')], expect: { count: 0 } },
    { title: 'a success long after the failures', events: [...Array.from({ length: 5 }, (_, i) => ev(i, 'failure')), ev(45, 'success')], expect: { count: 0 } },
  ],
  coverage: (table) => logonCoverage(table, ''),
  run(table, params) {
    const l = logons(table);
    const by = params.by as string;
    const out: Alert[] = [];
    if (by !== 'user') appendAll(out, run(l, l.ip, l.ips, 'init.host.ip', table, params));
    if (by !== 'ip') appendAll(out, run(l, l.user, l.users, 'target.usr.name', table, params));
    return out;
  },
};

/**
 * Per logon arrays (their lineage) and key column, the alert each success gave with the last look-back: a
 * success's alert (its failures, message, evidence) does not depend on the threshold, so moving "Failures
 * before" re-uses the alerts built before (with the new parameters) instead of building 28,000 again at 1M.
 * Appended logons (a live poll) come after every held one, so they never change a held success's alert.
 */
const built = new WeakMap<object, Map<string, { width: number; byPos: Map<number, Alert> }>>();

function builtFor(l: Logons, field: string, width: number): Map<number, Alert> {
  let byField = built.get(l.lineage);
  if (byField === undefined) built.set(l.lineage, byField = new Map());
  let b = byField.get(field);
  if (b === undefined || b.width !== width) byField.set(field, b = { width, byPos: new Map() });
  return b.byPos;
}

function run(l: Logons, key: Uint32Array, names: string[], field: string, table: Parameters<Detector['run']>[0], params: Parameters<Detector['run']>[1]): Alert[] {
  const minFailures = num(params, 'minFailures'), width = num(params, 'windowMinutes') * MINUTE;
  const byPos = builtFor(l, field, width);
  // per key, its attempts in time order; failures since its last success kept in two reused arrays
  const failTs: number[] = [], failPos: number[] = [];
  const groups = groupPositions(l, key, 0);
  // one key's alerts read only its own attempts: a live poll re-runs the keys it touched
  return keyedAlerts(l, key, `${successAfterFailures.id}|${field}`, params, groups.keys(), (k) => {
    const out: Alert[] = [];
    const positions = groups.get(k)!;
    failTs.length = 0;
    failPos.length = 0;
    for (let j = 0; j < positions.length; j++) {
      const p = positions[j];
      if (l.kind[p] === FAIL) {
        failTs.push(l.ts[p]);
        failPos.push(p);
        continue;
      }
      if (l.kind[p] !== SUCCESS || failTs.length === 0) continue;
      const t = l.ts[p];
      const from = lowerBound(failTs, t - width);
      const n = failTs.length - from;
      const before = n >= minFailures ? byPos.get(p) : undefined;
      if (before !== undefined) {
        // the same success, failures and look-back: only the parameters differ (see `built`)
        const again = withParams(before, params);
        out.push(again);
        byPos.set(p, again);
      } else if (n >= minFailures) {
        const value = names[k - 1];
        const other = field === 'init.host.ip' ? (l.user[p] !== 0 ? ` as ${l.users[l.user[p] - 1]}` : '') : (l.ip[p] !== 0 ? ` from ${l.ips[l.ip[p] - 1]}` : '');
        const rows = [...failPos.slice(from).map((i) => l.rows[i]), l.rows[p]];
        const a = makeAlert(table, successAfterFailures, params, {
          group: { [field]: value },
          windowStart: t, windowEnd: t + 1,
          rows,
          message: `Successful logon ${field === 'init.host.ip' ? `from ${value}${other}` : `for ${value}${other}`} after ${n} failed logons in the previous ${span(width)}`,
          filter: `${field === 'init.host.ip' ? 'init.host.ip' : 'user.name'}:${q(value)} and outcome:(failure success) and ${LOGON_CLAUSE}`,
        });
        out.push(a);
        byPos.set(p, a);
      }
      // only failures since the previous success count for the next one
      failTs.length = 0;
      failPos.length = 0;
    }
    return out;
  });
}
