// Live follow benchmark in Node (issue 16): the CPU cost of following an idle folder of 50 files (each poll
// lists the folder and stats every file; nothing is read when size and time did not change), and the time of a
// poll that finds one appended line per file (read, parse, chunk). Through the CLI's file system adapter and
// the real Follower; the store is memory (the CLI's). CPU time from process.cpuUsage (this thread and the GC):
// on a loaded machine it is closer to what an idle laptop pays than the wall time.
// Run: node --import tsx bench/follow-node.ts [files] [polls]
import { appendFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Follower } from '../src/workers/live/follower.ts';
import { NodeFollowFs } from '../src/cli/followFs.ts';

const FILES = Number(process.argv[2] ?? 50);
const POLLS = Number(process.argv[3] ?? 200);
const INTERVAL_MS = 2000;

const dir = mkdtempSync(join(tmpdir(), 'logdrop-follow-bench-'));
const line = (f: number, i: number) => `Dec 10 06:${String(i % 60).padStart(2, '0')}:00 host${f} sshd[${i}]: Failed password for root from 203.0.113.${f} port ${40000 + i} ssh2\n`;
for (let f = 0; f < FILES; f++) writeFileSync(join(dir, `app${f}.log`), Array.from({ length: 1000 }, (_, i) => line(f, i)).join(''));

let events = 0;
let nextId = 1;
const follower = new Follower(new NodeFollowFs([dir]), {
  addFile: async () => nextId++,
  updateFile: async () => {},
  chunk: async (c) => { events += c.count; },
});

const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

let c0 = cpuMs(), t0 = performance.now();
await follower.poll();
console.log(`first poll: ${FILES} files, ${events} events read in ${Math.round(performance.now() - t0)} ms wall, ${Math.round(cpuMs() - c0)} ms CPU`);

const idleCpu: number[] = [], idleWall: number[] = [];
for (let i = 0; i < POLLS; i++) {
  c0 = cpuMs();
  t0 = performance.now();
  await follower.poll();
  idleWall.push(performance.now() - t0);
  idleCpu.push(cpuMs() - c0);
}
const perPoll = idleCpu.reduce((a, b) => a + b, 0) / POLLS;
console.log(`idle poll of ${FILES} files: median ${median(idleWall).toFixed(2)} ms wall, mean ${perPoll.toFixed(2)} ms CPU`
  + ` -> ${((perPoll / INTERVAL_MS) * 100).toFixed(3)}% of one core at one poll every ${INTERVAL_MS / 1000} s`);

const appendCpu: number[] = [], appendWall: number[] = [];
for (let i = 0; i < 20; i++) {
  for (let f = 0; f < FILES; f++) appendFileSync(join(dir, `app${f}.log`), line(f, 1000 + i));
  const before = events;
  c0 = cpuMs();
  t0 = performance.now();
  await follower.poll();
  appendWall.push(performance.now() - t0);
  appendCpu.push(cpuMs() - c0);
  if (events - before !== FILES) throw new Error(`expected ${FILES} new events, got ${events - before}`);
}
console.log(`poll with one new line in each of ${FILES} files: median ${median(appendWall).toFixed(1)} ms wall, ${median(appendCpu).toFixed(1)} ms CPU`);
rmSync(dir, { recursive: true, force: true });
