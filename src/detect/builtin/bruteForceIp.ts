// Brute force per source address: many failed logons from one IP in a short window, whatever the accounts.
// Default: >= 5 within 10 minutes.
import { runBruteForce } from './bruteForce.ts';
import { MINUTE, type Detector } from './detector.ts';
import { logonCoverage } from './logons.ts';

const T0 = Date.UTC(2026, 2, 3, 2, 0);
const fail = (i: number, user: string, ip = '203.0.113.45') => ({
  ts: T0 + i * MINUTE, type: 'AUTH', action: 'logon', outcome: 'failure', 'target.usr.name': user, 'init.host.ip': ip,
});

export const bruteForceIp: Detector = {
  id: 'builtin.bruteforce.ip',
  title: 'Brute force from one address',
  description: 'Many failed logons from the same source address within a short window, for any accounts.',
  severity: 'high',
  params: [
    { name: 'threshold', label: 'Failed logons', kind: 'number', default: 5, min: 2, max: 10_000, step: 1, unit: 'events', description: 'failed logons from one address that raise an alert' },
    { name: 'windowMinutes', label: 'Window', kind: 'number', default: 10, min: 1, max: 1440, step: 1, unit: 'minutes', description: 'the failures must fall within this window (from the first one)' },
  ],
  remediation: 'Block the address at the firewall or with fail2ban, and check that no logon from it succeeded.',
  playbook: [
    'Look up the address: internal or external, owner, reputation.',
    'Check for a successful logon from it (see "Success after failed logons").',
    'Block it at the perimeter; for an internal address, find the host and what runs there.',
  ],
  samples: [
    { title: 'five failures in four minutes', events: Array.from({ length: 5 }, (_, i) => fail(i, `user${i}`)), expect: { count: 1, groups: [{ 'init.host.ip': '203.0.113.45' }] } },
    { title: 'four failures', events: Array.from({ length: 4 }, (_, i) => fail(i, 'root')), expect: { count: 0 } },
  ],
  coverage: (table) => logonCoverage(table, ''),
  run(table, params) {
    return runBruteForce(bruteForceIp, table, params, 'ip');
  },
};
