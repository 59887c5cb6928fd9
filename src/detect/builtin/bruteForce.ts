// Shared run of the two brute-force detectors: failed logons of one group (an account or a source address)
// in bursts of >= threshold within the window. One alert per group and episode (bursts in consecutive windows
// join: windows.ts episodes); the alert's window starts at the first failure and ends with the last window.
import type { Alert, EventTable } from '../types.ts';
import { makeAlert, q, span } from './alerts.ts';
import { MINUTE, num, type Detector, type Params } from './detector.ts';
import { failuresBy, keyedAlerts, logons, LOGON_CLAUSE } from './logons.ts';
import { episodes } from './windows.ts';

export function runBruteForce(detector: Detector, table: EventTable, params: Params, by: 'user' | 'ip'): Alert[] {
  const l = logons(table);
  const threshold = num(params, 'threshold'), width = num(params, 'windowMinutes') * MINUTE;
  const field = by === 'user' ? 'target.usr.name' : 'init.host.ip';
  const names = by === 'user' ? l.users : l.ips;
  const keyCol = by === 'user' ? l.user : l.ip;
  const failures = failuresBy(l, keyCol);
  // one key's alerts read only its own failures: a live poll re-runs the keys it touched
  return keyedAlerts(l, keyCol, detector.id, params, failures.keys(), (key) => {
    const out: Alert[] = [];
    const { pos: positions, ts: times } = failures.get(key)!;
    for (const [a, b, end] of episodes(times, threshold, width)) {
      const rows = Array.from(positions.subarray(a, b + 1), (p) => l.rows[p]);
      const value = names[key - 1];
      const others = new Set(Array.from(positions.subarray(a, b + 1), (p) => (by === 'user' ? l.ip[p] : l.user[p])).filter((id) => id !== 0));
      const otherNames = [...others].slice(0, 3).map((id) => (by === 'user' ? l.ips : l.users)[id - 1]);
      const more = others.size > 3 ? ` and ${others.size - 3} more` : '';
      const message = by === 'user'
        ? `${rows.length} failed logons for ${value} (>= ${threshold} within ${span(width)})${otherNames.length > 0 ? ` from ${otherNames.join(', ')}${more}` : ''}`
        : `${rows.length} failed logons from ${value} (>= ${threshold} within ${span(width)})${otherNames.length > 0 ? ` for ${otherNames.join(', ')}${more}` : ''}`;
      out.push(makeAlert(table, detector, params, {
        group: { [field]: value },
        windowStart: times[a], windowEnd: end, rows, message,
        filter: `${by === 'user' ? 'user.name' : 'init.host.ip'}:${q(value)} and outcome:failure and ${LOGON_CLAUSE}`,
      }));
    }
    return out;
  });
}
