// Log files the end-to-end tests drop, written by the tests themselves so that `npm test` needs nothing
// outside the repository (the third-party corpus is for unit tests). Deterministic: same bytes every run.
import { mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** What the sshd fixture holds, for the tests' expectations. */
export const SSHD_2K = { name: 'sshd_2k.log', lines: 2000, failed: 520, failedFromAttacker: 286, attacker: '183.62.140.253' };

/**
 * A 2,000-line OpenSSH auth log on host LabSZ (year-less BSD syslog): 520 "Failed password" lines, 286 of them
 * from one address, amid accepted logins, PAM session lines and disconnects. Returns its folder and path.
 */
export function sshdFixture(): { dir: string; file: string } {
  const dir = join(tmpdir(), 'logdrop-e2e', 'sshd');
  mkdirSync(dir, { recursive: true });
  const others = ['112.95.230.3', '187.141.143.180', '5.36.59.76', '103.99.0.122', '202.100.179.208'];
  const users = ['root', 'admin', 'oracle', 'test', 'git', 'ubuntu'];
  const lines: string[] = [];
  let failedAttacker = 0, failedOther = 0;
  for (let i = 0; i < SSHD_2K.lines; i++) {
    const t = new Date(Date.UTC(2025, 11, 10, 6, 55, 46) + i * 37_000);
    const stamp = `Dec ${String(t.getUTCDate()).padStart(2, ' ')} ${t.toISOString().slice(11, 19)}`;
    const pid = 24200 + Math.floor(i / 3);
    const port = 40000 + ((i * 7919) % 20000);
    let msg: string;
    if (i % 7 === 0 && failedAttacker < SSHD_2K.failedFromAttacker) {
      msg = `Failed password for ${users[i % users.length]} from ${SSHD_2K.attacker} port ${port} ssh2`;
      failedAttacker++;
    } else if (i % 7 === 3 && failedOther < SSHD_2K.failed - SSHD_2K.failedFromAttacker) {
      msg = `Failed password for invalid user ${users[(i >> 1) % users.length]} from ${others[i % others.length]} port ${port} ssh2`;
      failedOther++;
    } else if (i % 7 === 1) {
      msg = `pam_unix(sshd:auth): authentication failure; logname= uid=0 euid=0 tty=ssh ruser= rhost=${others[i % others.length]}`;
    } else if (i % 7 === 2) {
      msg = `Received disconnect from ${others[(i >> 2) % others.length]}: 11: Bye Bye [preauth]`;
    } else if (i % 7 === 4) {
      msg = `Accepted password for fztu from 119.137.62.142 port ${port} ssh2`;
    } else if (i % 7 === 5) {
      msg = `pam_unix(sshd:session): session opened for user fztu by (uid=0)`;
    } else {
      msg = `Connection closed by ${others[(i >> 3) % others.length]} [preauth]`;
    }
    lines.push(`${stamp} LabSZ sshd[${pid}]: ${msg}`);
  }
  if (failedAttacker !== SSHD_2K.failedFromAttacker || failedOther !== SSHD_2K.failed - SSHD_2K.failedFromAttacker) {
    throw new Error(`sshd fixture: ${failedAttacker} + ${failedOther} failed lines, expected ${SSHD_2K.failedFromAttacker} + ${SSHD_2K.failed - SSHD_2K.failedFromAttacker}`);
  }
  const file = join(dir, SSHD_2K.name);
  writeFileSync(file, lines.join('\n') + '\n');
  return { dir, file };
}
