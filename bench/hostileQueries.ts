// The hostile-queries fixture of e2e/reliability-queries.spec.ts and of the benches that trace it (trace-tasks.ts,
// profile-workbench.ts): 20,000 sshd failures from distinct addresses, a 50,001-character `a…ab` line for the
// catastrophic regex, and user names with a zero-width space and a bidi override. One writer, so the spec and
// the benches read the same input.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

export const HOSTILE_LOG = '.bench/hostile-queries.log';

/** The i-th address of the fixture (and of the 12,000-address query). */
export const ipOf = (i: number) => `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`;

/** Writes the fixture at `path` (the benches' shared one by default); returns the path. */
export function writeHostileLog(path = HOSTILE_LOG): string {
  const lines: string[] = [];
  for (let i = 0; i < 20_000; i++) {
    const t = new Date(Date.UTC(2024, 9, 1) + i * 1000).toISOString().slice(11, 19);
    lines.push(`Oct  1 ${t} web-01 sshd[42]: Failed password for user${i % 300} from ${ipOf(i)} port 22 ssh2`);
  }
  lines.push(`Oct  2 00:00:00 web-01 app[7]: ${'a'.repeat(50_000)}b`);
  lines.push('Oct  2 00:00:01 web-01 sshd[42]: Failed password for ro\u200Bot from 10.9.9.9 port 22 ssh2');
  lines.push('Oct  2 00:00:02 web-01 sshd[42]: Failed password for ad\u202Emin from 10.9.9.8 port 22 ssh2');
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, lines.join('\n') + '\n');
  return path;
}
