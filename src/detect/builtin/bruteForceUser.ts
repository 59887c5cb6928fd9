// Brute force per account: many failed logons for the same user in a short window (SSH, Windows 4625/4771/4776,
// web authentication). Default: >= 10 within 15 minutes.
import { runBruteForce } from './bruteForce.ts';
import { MINUTE, type Detector } from './detector.ts';
import { logonCoverage } from './logons.ts';

const T0 = Date.UTC(2026, 2, 3, 2, 0);
const fail = (i: number, user = 'root', ip = '203.0.113.45') => ({
  ts: T0 + i * MINUTE, type: 'AUTH', action: 'logon', outcome: 'failure', 'target.usr.name': user, 'init.host.ip': ip, 'app.name': 'sshd',
});

export const bruteForceUser: Detector = {
  id: 'builtin.bruteforce.user',
  title: 'Brute force against an account',
  description: 'Many failed logons for the same account within a short window, from any source (SSH, Windows logons, Kerberos pre-authentication, NTLM validation, web login).',
  severity: 'high',
  params: [
    { name: 'threshold', label: 'Failed logons', kind: 'number', default: 10, min: 2, max: 10_000, step: 1, unit: 'events', description: 'failed logons for one account that raise an alert' },
    { name: 'windowMinutes', label: 'Window', kind: 'number', default: 15, min: 1, max: 1440, step: 1, unit: 'minutes', description: 'the failures must fall within this window (from the first one)' },
  ],
  remediation: 'Lock or reset the targeted account if any attempt succeeded, enforce MFA and account lockout, and block the sources at the edge.',
  playbook: [
    'Check whether any logon for this account succeeded during or after the burst (see "Success after failed logons").',
    'List the source addresses of the failures and block the external ones.',
    'If the account is real and privileged, reset its password and review its sessions.',
    'Review lockout policy: Windows account lockout threshold, SSH MaxAuthTries and fail2ban.',
  ],
  samples: [
    { title: 'ten failures in ten minutes', events: Array.from({ length: 10 }, (_, i) => fail(i)), expect: { count: 1, groups: [{ 'target.usr.name': 'root' }] } },
    { title: 'nine failures: below the threshold', events: Array.from({ length: 9 }, (_, i) => fail(i)), expect: { count: 0 } },
    { title: 'ten failures spread over twenty minutes', events: Array.from({ length: 10 }, (_, i) => fail(i * 2)), expect: { count: 0 } },
  ],
  coverage: (table) => logonCoverage(table, ''),
  run(table, params) {
    return runBruteForce(bruteForceUser, table, params, 'user');
  },
};
