// `node --import tsx bench/members.ts [MEMBERS]` (needs a build): a zip of many small members (issue 9 item 11)
// through the CLI and through the app in headless Chromium, in the same run: the browser's time as a ratio of
// the CLI's (target: within 2x). Each member is a two-line auth.log, so the time is the per-member overhead.
// BENCH_THREADS=1 also prints the browser's CPU per process and thread (bench/threadCpu.ts).
// BENCH_BUILDS=dist-base,dist alternates builds within each run (one CLI run, then each build's app run), so a
// before/after ratio is measured under the same load: `npx vite build --outDir dist-base` on the older tree first.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadavg } from 'node:os';
import { strToU8, zipSync } from 'fflate';
import { BENCH_DIR } from './generate.ts';
import { ingestThroughUi, launch, longTasks, median, openApp, resetLongTasks, startServer } from './browser.ts';
import { childrenCpuMs, treeCpuMs } from './cpuTime.ts';
import { ThreadCpuSampler, threadCpuLines } from './threadCpu.ts';

const MEMBERS = Number(process.argv[2] ?? 1000);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const BUILDS = (process.env.BENCH_BUILDS ?? '').split(',').filter((b) => b !== '');

export function membersZip(members: number): string {
  mkdirSync(BENCH_DIR, { recursive: true });
  const path = join(BENCH_DIR, `members-${members}.zip`);
  if (existsSync(path)) return path;
  const files: Record<string, Uint8Array> = {};
  for (let i = 0; i < members; i++) {
    const host = `host-${String(i).padStart(5, '0')}`;
    files[`logs/${host}/auth.log`] = strToU8(
      `Oct  1 10:00:00 ${host} sshd[1]: Failed password for root from 10.0.0.1 port 22 ssh2\n`
      + `Oct  1 10:00:01 ${host} sshd[1]: Accepted password for admin from 10.0.0.2 port 22 ssh2\n`);
  }
  writeFileSync(path, zipSync(files, { level: 1 }));
  return path;
}

async function main(): Promise<void> {
  const zip = membersZip(MEMBERS);
  // no BENCH_BUILDS: the build vite preview serves by default (dist, or BENCH_OUT_DIR)
  const builds = BUILDS.length > 0 ? BUILDS : [undefined];
  const cli: number[] = [];
  // CPU time too: on the shared machine wall-clock time measures the other processes as much as ours
  const cliCpu: number[] = [];
  const app = new Map<string | undefined, { ms: number[]; cpu: number[]; longest: number[] }>(builds.map((b) => [b, { ms: [], cpu: [], longest: [] }]));
  for (let run = 0; run < RUNS; run++) {
    const t0 = Date.now();
    const c0 = childrenCpuMs();
    execFileSync(process.execPath, ['--import', 'tsx', join(import.meta.dirname, '../src/cli/main.ts'), 'normalize', '--no-geoip', zip], { stdio: ['ignore', 'ignore', 'ignore'] });
    cli.push(Date.now() - t0);
    const c1 = childrenCpuMs();
    if (c0 !== undefined && c1 !== undefined) cliCpu.push(c1 - c0);
    console.log(`run ${run + 1} CLI: ${cli.at(-1)} ms, CPU ${cliCpu.at(-1)} ms, load ${loadavg()[0].toFixed(1)}`);
    for (const build of builds) {
      if (build !== undefined) process.env.BENCH_OUT_DIR = build;
      const out = app.get(build)!;
      const server = await startServer();
      const browser = await launch();
      try {
        const page = await openApp(browser);
        await resetLongTasks(page);
        const skip = server.pid === undefined ? [] : [server.pid];
        const a0 = treeCpuMs(process.pid, skip);
        // BENCH_THREADS=1: which Chromium process and thread spent the browser's CPU time
        const threads = process.env.BENCH_THREADS === '1' ? new ThreadCpuSampler(process.pid, skip) : undefined;
        out.ms.push(await ingestThroughUi(page, zip));
        const a1 = treeCpuMs(process.pid, skip);
        if (threads !== undefined) console.log(`run ${run + 1} ${build ?? 'app'}, CPU per process / thread:\n  ${threadCpuLines(threads.stop()).join('\n  ')}`);
        if (a0 !== undefined && a1 !== undefined) out.cpu.push(a1 - a0);
        const status = await page.getByRole('status').textContent();
        if (status !== `${(MEMBERS * 2).toLocaleString('en-US')} events`) throw new Error(`status after ingest: "${status}"`);
        out.longest.push(Math.max(0, ...(await longTasks(page))));
        console.log(`run ${run + 1} ${build ?? 'app'}: ${out.ms.at(-1)} ms, CPU ${out.cpu.at(-1)} ms, load ${loadavg()[0].toFixed(1)}`);
      } finally {
        await browser.close();
        server.kill();
      }
    }
  }
  const c = median(cli);
  console.log(`${MEMBERS.toLocaleString('en-US')}-member zip, ${RUNS} runs (medians; each run: the CLI, then ${builds.map((b) => b ?? 'the app').join(', ')})`);
  console.log(`CLI normalize (Node, includes tsx start-up): ${c} ms  [${cli.join(', ')}]`);
  for (const [build, out] of app) {
    const a = median(out.ms);
    const name = build ?? 'app';
    console.log(`${name} drop -> searchable: ${a} ms  [${out.ms.join(', ')}]`);
    console.log(`${name} ratio app / CLI: ${(a / c).toFixed(2)}x (target <= 2x); longest main-thread task ${median(out.longest)} ms`);
    if (cliCpu.length > 0 && out.cpu.length > 0) {
      const cc = median(cliCpu), ac = median(out.cpu);
      console.log(`${name} CPU time (user + system): CLI ${cc} ms [${cliCpu.join(', ')}], browser (every Chromium process) ${ac} ms [${out.cpu.join(', ')}]: ratio ${(ac / cc).toFixed(2)}x`);
    }
  }
  console.log(`load average: ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);
}

// run as a script; imported (the profiler, `bench/profile-ingest.ts members:N`) only for membersZip
if (process.argv[1]?.endsWith('members.ts') === true) {
  main().catch((e: unknown) => {
    console.error(e);
    process.exitCode = 1;
  });
}
