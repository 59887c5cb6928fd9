// `logdrop follow` as a user runs it: a real process on real temporary files that the test appends to, rotates
// and truncates while it runs. Events and alerts must arrive on stdout within 5 s of the append (the issue's
// bound), every written line must come out exactly once, and Ctrl-C (SIGINT) must end it with a summary.
import { afterAll, describe, expect, it } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { appendFileSync, mkdirSync, mkdtempSync, renameSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const dir = mkdtempSync(join(tmpdir(), 'logdrop-follow-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let n = 0;
/** a new, unique sshd line (its pid numbers it) */
function line(msg = 'Failed password for root from 203.0.113.77 port 40022 ssh2'): string {
  n++;
  return `Dec 10 06:${String(10 + Math.floor(n / 60)).padStart(2, '0')}:${String(n % 60).padStart(2, '0')} web01 sshd[${1000 + n}]: ${msg}\n`;
}

class Run {
  out = '';
  err = '';
  readonly proc: ChildProcess;
  readonly exited: Promise<number | null>;
  constructor(args: string[]) {
    this.proc = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'follow', ...args], { cwd: process.cwd(), stdio: ['ignore', 'pipe', 'pipe'] });
    this.proc.stdout!.on('data', (d: Buffer) => { this.out += d.toString(); });
    this.proc.stderr!.on('data', (d: Buffer) => { this.err += d.toString(); });
    this.exited = new Promise((resolve) => this.proc.on('exit', (code) => resolve(code)));
  }
  lines(): Record<string, unknown>[] {
    return this.out.split('\n').filter((l) => l !== '').map((l) => JSON.parse(l) as Record<string, unknown>);
  }
  events(): Record<string, unknown>[] {
    return this.lines().filter((l) => l['rule.id'] === undefined);
  }
  /** polls the output until `ok`, at most `ms` (the bound under test), and says how long it took */
  async until(ok: () => boolean, ms: number, what: string): Promise<number> {
    const t0 = Date.now();
    while (!ok()) {
      if (Date.now() - t0 > ms) throw new Error(`${what}: not within ${ms} ms\nstdout:\n${this.out}\nstderr:\n${this.err}`);
      await new Promise((r) => setTimeout(r, 50));
    }
    return Date.now() - t0;
  }
}

describe('logdrop follow', () => {
  it('prints appended events and alerts as they happen, across rotation and truncation, each line once', async () => {
    const file = join(dir, 'auth.log');
    const written: string[] = [];
    const add = (path: string, text: string) => {
      appendFileSync(path, text);
      written.push(...text.trimEnd().split('\n'));
    };
    writeFileSync(file, '');
    add(file, line() + line());
    const run = new Run(['--interval', '0.5', file]);
    try {
      // start-up of tsx on a loaded machine is not what is measured
      await run.until(() => run.events().length === 2, 120_000, 'the two lines already in the file');

      add(file, line() + line() + line() + line());
      const ms = await run.until(() => run.lines().some((l) => l['rule.id'] === 'builtin.bruteforce.ip'), 5000, 'the brute-force alert');
      console.log(`follow: append -> brute-force alert on stdout in ${ms} ms`);
      expect(run.events()).toHaveLength(6);
      const alert = run.lines().find((l) => l['rule.id'] === 'builtin.bruteforce.ip')!;
      expect(alert).toMatchObject({ 'alert.change': 'new', 'init.host.ip': '203.0.113.77', count: 6 });

      // a partial line is held until its end is written
      const partial = line();
      appendFileSync(file, partial.slice(0, 25));
      await new Promise((r) => setTimeout(r, 1500));
      expect(run.events()).toHaveLength(6);
      appendFileSync(file, partial.slice(25));
      written.push(partial.trimEnd());
      await run.until(() => run.events().length === 7, 5000, 'the completed line');

      // rotation: renamed away, a new file under the name
      renameSync(file, join(dir, 'auth.log.1'));
      add(file, line('Accepted password for root from 203.0.113.77 port 40100 ssh2'));
      await run.until(() => run.events().length === 8, 5000, 'the first line of the rotated-in file');
      await run.until(() => run.lines().some((l) => l['rule.id'] === 'builtin.success-after-failures'), 5000, 'success after failures');
      add(file, line());
      await run.until(() => run.events().length === 9, 5000, 'a line appended after the rotation');

      // truncation: same file, emptied, written again
      truncateSync(file, 0);
      add(file, line('Connection closed by 198.51.100.4 port 50000 [preauth]'));
      await run.until(() => run.events().length === 10, 5000, 'the line after the truncation');
    } finally {
      run.proc.kill('SIGINT');
    }
    expect(await run.exited).toBe(0);
    const raws = run.events().map((e) => e.raw);
    expect(raws.sort()).toEqual([...written].sort());
    expect(run.err).toMatch(/rotated: auth\.log/);
    expect(run.err).toMatch(/truncated: auth\.log/);
    expect(run.err).toMatch(/stopped after \d+ polls: 10 events, 0 unparsed from 3 file rows; 3 alerts/);
  }, 240_000);

  it('--alerts-only prints alerts and no events; a folder picks up new files', async () => {
    const logs = join(dir, 'var-log');
    rmSync(logs, { recursive: true, force: true });
    mkdirSync(logs);
    writeFileSync(join(logs, 'syslog'), line('Connection closed by 198.51.100.4 port 50000 [preauth]'));
    const run = new Run(['--alerts-only', '--interval', '0.5', logs]);
    try {
      await run.until(() => /new: var-log\/syslog/.test(run.err), 120_000, 'the first file');
      let burst = '';
      for (let i = 0; i < 6; i++) burst += line('Failed password for invalid user admin from 192.0.2.200 port 5000 ssh2');
      writeFileSync(join(logs, 'auth.log'), burst);
      await run.until(() => run.lines().some((l) => l['init.host.ip'] === '192.0.2.200'), 5000, 'an alert from the new file');
    } finally {
      run.proc.kill('SIGINT');
    }
    expect(await run.exited).toBe(0);
    expect(run.lines().every((l) => typeof l['rule.id'] === 'string')).toBe(true);
    expect(run.err).toMatch(/new: var-log\/auth\.log/);
  }, 240_000);
});
