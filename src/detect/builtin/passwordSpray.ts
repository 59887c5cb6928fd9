// Password spraying: one source address failing logons for many distinct accounts in a window (a few
// passwords tried against many users, under each account's lockout threshold). Default: >= 10 accounts in 30 min.
import { makeAlert, q, span } from './alerts.ts';
import { MINUTE, num, type Detector } from './detector.ts';
import { FAIL, groupPositions, keyedAlerts, logonCoverage, logons, LOGON_CLAUSE } from './logons.ts';

const T0 = Date.UTC(2026, 2, 3, 2, 0);
const fail = (min: number, user: string, ip = '198.51.100.77') => ({
  ts: T0 + min * MINUTE, type: 'AUTH', action: 'logon', outcome: 'failure', 'target.usr.name': user, 'init.host.ip': ip,
});

export const passwordSpray: Detector = {
  id: 'builtin.password-spray',
  title: 'Password spraying',
  description: 'One source address fails logons for many different accounts within a window.',
  severity: 'high',
  params: [
    { name: 'minUsers', label: 'Distinct accounts', kind: 'number', default: 10, min: 2, max: 10_000, step: 1, unit: 'accounts', description: 'distinct accounts with failed logons from one address' },
    { name: 'windowMinutes', label: 'Window', kind: 'number', default: 30, min: 1, max: 1440, step: 1, unit: 'minutes', description: 'the failures must fall within this window (from the first one)' },
  ],
  remediation: 'Block the source, then look for any account that logged on successfully from it and reset those passwords.',
  playbook: [
    'List the accounts tried: real ones (present in the directory) matter most.',
    'Search for successful logons from the source in and after the window.',
    'Block the address; check MFA coverage for the accounts tried.',
  ],
  samples: [
    { title: 'ten accounts in ten minutes', events: Array.from({ length: 10 }, (_, i) => fail(i, `user${i}`)), expect: { count: 1, groups: [{ 'init.host.ip': '198.51.100.77' }] } },
    { title: 'nine accounts, tried twice each', events: Array.from({ length: 18 }, (_, i) => fail(i, `user${i % 9}`)), expect: { count: 0 } },
  ],
  coverage: (table) => logonCoverage(table, ''),
  run(table, params) {
    const l = logons(table);
    const minUsers = num(params, 'minUsers'), width = num(params, 'windowMinutes') * MINUTE;
    // failures per account inside the sliding window, and how many accounts have any: typed, reused per address
    const counts = new Uint32Array(l.users.length + 1);
    let distinct = 0;
    const add = (p: number, d: 1 | -1) => {
      const u = l.user[p];
      if (u === 0) return;
      if (d === 1 && counts[u]++ === 0) distinct++;
      else if (d === -1 && --counts[u] === 0) distinct--;
    };
    const usersIn = (from: number, to: number, pos: Uint32Array) => {
      const seen = new Set<number>();
      for (let j = from; j < to; j++) if (l.user[pos[j]] !== 0) seen.add(l.user[pos[j]]);
      return seen;
    };
    const groups = groupPositions(l, l.ip, FAIL);
    // one address's alerts read only its own failures: a live poll re-runs the addresses it touched
    return keyedAlerts(l, l.ip, passwordSpray.id, params, groups.keys(), (ipId) => {
      const out = [];
      const pos = groups.get(ipId)!;
      counts.fill(0);
      distinct = 0;
      // episodes: a window that starts less than one window after the previous one ended continues it
      const found: { start: number; end: number; positions: number[]; users: Set<number> }[] = [];
      let k = -1;
      for (let i = 0; i < pos.length;) {
        while (k + 1 < pos.length && l.ts[pos[k + 1]] < l.ts[pos[i]] + width) add(pos[++k], 1);
        if (distinct >= minUsers) {
          const start = l.ts[pos[i]], last = found[found.length - 1];
          if (last !== undefined && start < last.end + width) {
            last.end = start + width;
            for (let j = i; j <= k; j++) last.positions.push(pos[j]);
            for (const u of usersIn(i, k + 1, pos)) last.users.add(u);
          } else found.push({ start, end: start + width, positions: Array.from(pos.subarray(i, k + 1)), users: usersIn(i, k + 1, pos) });
          for (let j = i; j <= k; j++) add(pos[j], -1);
          i = k + 1;
        } else {
          add(pos[i], -1);
          i++;
        }
      }
      const ip = l.ips[ipId - 1];
      for (const e of found) {
        const users = [...e.users].map((u) => l.users[u - 1]);
        out.push(makeAlert(table, passwordSpray, params, {
          group: { 'init.host.ip': ip },
          windowStart: e.start, windowEnd: e.end,
          rows: e.positions.map((p) => l.rows[p]),
          message: `${ip} failed logons for ${users.length} accounts (>= ${minUsers} within ${span(width)}: ${users.slice(0, 5).join(', ')}${users.length > 5 ? ', …' : ''})`,
          filter: `init.host.ip:${q(ip)} and outcome:failure and ${LOGON_CLAUSE}`,
        }));
      }
      return out;
    });
  },
};
