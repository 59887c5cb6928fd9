// One demo file in the modern Debian/Ubuntu layout: rsyslog's RFC 3339 high-precision header
// ("2026-03-03T01:52:10.120331+00:00 web02 sshd[812]: ..."), the default of current distributions.
// The bastion web02 sees the same attacker as web01 try a short password spray just before the brute force
// on web01; everything else is routine. Self-contained (its own seed) so the main story is untouched.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { rng } from './rng.ts';

export const RFC3339_AUTH_LOG = 'var/log/web02/auth.log';

/** Writes the file under `out` and returns its line count. */
export function writeRfc3339AuthLog(out: string, day1: number, attacker: string): number {
  const rand = rng(20260303);
  const int = (lo: number, hi: number) => lo + Math.floor(rand() * (hi - lo + 1));
  const lines: [number, string][] = [];
  let pid = 800;
  const stamp = (ms: number) => `${new Date(ms).toISOString().slice(0, 23)}${String(int(0, 999)).padStart(3, '0')}+00:00`;
  const log = (ms: number, tag: string, msg: string) => lines.push([ms, `${stamp(ms)} web02 ${tag}[${pid++}]: ${msg}`]);

  for (let t = day1; t < day1 + 2 * 86_400_000; t += int(60_000, 300_000)) {
    const r = rand();
    if (r < 0.1) {
      log(t, 'sshd', `Accepted publickey for alice from 10.20.1.15 port ${int(40000, 65000)} ssh2: ED25519 SHA256:${Math.floor(rand() * 1e12).toString(36)}`);
      log(t + 8, 'sshd', 'pam_unix(sshd:session): session opened for user alice(uid=1000) by (uid=0)');
      log(t + int(60_000, 900_000), 'sshd', 'pam_unix(sshd:session): session closed for user alice');
    } else {
      log(t, 'CRON', 'pam_unix(cron:session): session opened for user root(uid=0) by (uid=0)');
      log(t + 900, 'CRON', 'pam_unix(cron:session): session closed for user root');
    }
  }
  // the spray: day 2, 01:50 to 02:05, a few common accounts, then the attacker moves on to web01
  const users = ['root', 'admin', 'ubuntu', 'deploy', 'git'];
  for (let i = 0, t = day1 + 86_400_000 + 110 * 60_000; i < 120; i++, t += int(3_000, 12_000)) {
    const user = users[i % users.length];
    const port = int(30000, 65000);
    if (user === 'admin' || user === 'git') log(t, 'sshd', `Invalid user ${user} from ${attacker} port ${port}`);
    const invalid = user === 'admin' || user === 'git' ? 'invalid user ' : '';
    log(t + 250, 'sshd', `Failed password for ${invalid}${user} from ${attacker} port ${port} ssh2`);
  }
  lines.sort((a, b) => a[0] - b[0]);
  writeFileSync(join(out, RFC3339_AUTH_LOG), lines.map((l) => l[1]).join('\n') + '\n');
  return lines.length;
}
