// `node --import tsx bench/profile-query.ts` (needs a build): the main thread's long tasks while the hostile
// queries of e2e/reliability-queries.spec.ts are typed and run (issue 9: no main-thread task over 50 ms),
// each with the functions and trace events inside it, so a long task is traced to its cause.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadavg } from 'node:os';
import { BENCH_DIR } from './generate.ts';
import { idle, ingestThroughUi, launch, openApp, startServer } from './browser.ts';
import { longTasks, type TraceEvent } from './trace.ts';

const ipOf = (i: number) => `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`;

function hostileLog(): string {
  mkdirSync(BENCH_DIR, { recursive: true });
  const lines: string[] = [];
  for (let i = 0; i < 20_000; i++) lines.push(`Oct  1 10:00:00 web-01 sshd[42]: Failed password for user${i % 300} from ${ipOf(i)} port 22 ssh2`);
  lines.push(`Oct  2 00:00:00 web-01 app[7]: ${'a'.repeat(50_000)}b`);
  const path = join(BENCH_DIR, 'hostile-queries.log');
  writeFileSync(path, lines.join('\n') + '\n');
  return path;
}

const QUERIES: [string, string][] = [
  ['catastrophic regex', 'message:/(a+)+$/'],
  ['anchored regex', 'message:/^a+b$/'],
  ['( x 1500', '('.repeat(1500) + 'sshd' + ')'.repeat(1500)],
  ['12,000-IP list', `init.host.ip:(${Array.from({ length: 12_000 }, (_, k) => ipOf(k)).join(' ')})`],
];

async function main(): Promise<void> {
  const server = await startServer();
  const browser = await launch();
  try {
    const page = await openApp(browser);
    await ingestThroughUi(page, hostileLog());
    for (const [name, q] of QUERIES) {
      const box = page.getByRole('searchbox', { name: 'Search' });
      await box.fill(q);
      await browser.startTracing(page, { categories: ['disabled-by-default-v8.cpu_profiler', 'devtools.timeline', 'toplevel'] });
      await box.press('Enter');
      await idle(page);
      const trace = JSON.parse((await browser.stopTracing()).toString()) as { traceEvents: TraceEvent[] };
      console.log(`\n== ${name} (${q.length} characters), load ${loadavg()[0].toFixed(1)}`);
      longTasks(trace.traceEvents, 25);
    }
  } finally {
    await browser.close();
    server.kill();
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
