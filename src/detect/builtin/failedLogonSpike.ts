// Spikes of failed logons per account: failures counted in fixed buckets (30 minutes by default, aligned to the
// epoch), each bucket compared with the account's preceding buckets (the rolling baseline, empty buckets count
// as 0) as a z-score. The standard deviation is floored at 1 so an account with a flat history still needs
// `threshold` more failures than usual. Baseline buckets start at the case's first logon; a bucket with fewer
// than 4 baseline buckets before it is not judged. Consecutive spiking buckets make one alert.
import type { Alert } from '../types.ts';
import { makeAlert, q, span } from './alerts.ts';
import { MINUTE, num, type Detector } from './detector.ts';
import { failuresBy, logonCoverage, logons, LOGON_CLAUSE } from './logons.ts';
import { lowerBound } from './windows.ts';

const MIN_BASELINE = 4;
const T0 = Date.UTC(2026, 2, 3, 0, 0);
const ev = (min: number, outcome = 'failure', user = 'alice') => ({
  ts: T0 + min * MINUTE, type: 'AUTH', action: 'logon', outcome, 'target.usr.name': user, 'init.host.ip': '10.0.0.5',
});
/** one failure every half hour for 5 hours, then `burst` failures in one bucket */
const history = (burst: number) => [
  ...Array.from({ length: 10 }, (_, i) => ev(i * 30 + 1)),
  ...Array.from({ length: burst }, (_, i) => ev(300 + i)),
];

export const failedLogonSpike: Detector = {
  id: 'builtin.failed-logon-spike',
  title: 'Spike of failed logons for an account',
  description: 'Failed logons for an account in one time bucket far above that account\'s own recent baseline (z-score).',
  severity: 'medium',
  params: [
    { name: 'threshold', label: 'Z-score', kind: 'number', default: 3, min: 0.5, max: 50, step: 0.5, unit: 'SD', description: 'standard deviations above the baseline mean' },
    { name: 'minFailures', label: 'Minimum failures', kind: 'number', default: 5, min: 1, max: 10_000, step: 1, unit: 'events', description: 'a bucket with fewer failures never alerts' },
    { name: 'bucketMinutes', label: 'Bucket', kind: 'number', default: 30, min: 5, max: 1440, step: 5, unit: 'minutes', description: 'length of a bucket' },
    { name: 'baselineBuckets', label: 'Baseline', kind: 'number', default: 48, min: 4, max: 2000, step: 1, unit: 'buckets', description: 'preceding buckets that form the baseline' },
  ],
  remediation: 'Find out why the account suddenly fails: an attack on it, or a stale password in a service or script.',
  playbook: [
    'Open the evidence: sources and logon types of the failures.',
    'One external source: treat as brute force. Many internal hosts: look for a service or mapped drive with an old password.',
    'Check for a success right after the spike.',
  ],
  samples: [
    { title: 'flat history then 8 failures in one bucket', events: history(8), expect: { count: 1, groups: [{ 'target.usr.name': 'alice' }] } },
    { title: 'flat history then 3 failures (under the minimum)', events: history(3), expect: { count: 0 } },
  ],
  coverage: (table) => logonCoverage(table, ''),
  run(table, params) {
    const l = logons(table);
    if (l.rows.length === 0) return [];
    const z = num(params, 'threshold'), minFailures = num(params, 'minFailures');
    const width = num(params, 'bucketMinutes') * MINUTE, base = num(params, 'baselineBuckets');
    const first = Math.floor(l.ts[0] / width);
    const out: Alert[] = [];
    // per account: its non-empty buckets in time order, with prefix sums of counts and squares for the baselines
    const ids: number[] = [], starts: number[] = [], sum: number[] = [0], sq: number[] = [0];
    for (const [userId, { pos, ts }] of failuresBy(l, l.user)) {
      ids.length = 0; starts.length = 0; sum.length = 1; sq.length = 1;
      for (let j = 0; j < pos.length; j++) {
        const b = Math.floor(ts[j] / width);
        if (ids.length === 0 || ids[ids.length - 1] !== b) { ids.push(b); starts.push(j); }
      }
      starts.push(pos.length);
      for (let i = 0; i < ids.length; i++) {
        const c = starts[i + 1] - starts[i];
        sum.push(sum[i] + c);
        sq.push(sq[i] + c * c);
      }
      let run: { start: number; end: number; from: number; to: number; maxZ: number } | undefined;
      const flush = () => {
        if (run === undefined) return;
        const user = l.users[userId - 1];
        const rows = Array.from(pos.subarray(run.from, run.to), (p) => l.rows[p]);
        out.push(makeAlert(table, failedLogonSpike, params, {
          group: { 'target.usr.name': user },
          windowStart: run.start * width, windowEnd: (run.end + 1) * width,
          rows,
          message: `${rows.length} failed logons for ${user} in ${span((run.end - run.start + 1) * width)} (z = ${run.maxZ.toFixed(1)} over its baseline)`,
          filter: `user.name:${q(user)} and outcome:failure and ${LOGON_CLAUSE}`,
        }));
        run = undefined;
      };
      for (let i = 0; i < ids.length; i++) {
        const b = ids[i], count = starts[i + 1] - starts[i];
        if (count < minFailures) continue;
        const from = Math.max(first, b - base);
        const nb = b - from;
        if (nb < MIN_BASELINE) continue;
        const lo = lowerBound(ids, from, 0, i); // first non-empty bucket inside the baseline
        const s1 = sum[i] - sum[lo], s2 = sq[i] - sq[lo];
        const mean = s1 / nb, sd = Math.max(1, Math.sqrt(Math.max(0, s2 / nb - mean * mean)));
        const score = (count - mean) / sd;
        if (score < z) continue;
        if (run !== undefined && run.end === b - 1) {
          run.end = b;
          run.to = starts[i + 1];
          run.maxZ = Math.max(run.maxZ, score);
        } else {
          flush();
          run = { start: b, end: b, from: starts[i], to: starts[i + 1], maxZ: score };
        }
      }
      flush();
    }
    return out;
  },
};
