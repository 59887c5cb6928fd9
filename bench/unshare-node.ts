// `node --import tsx bench/unshare-node.ts [MEMBERS]`: what unsharing costs (case schema 10, store/unshare.ts).
// MEMBERS two-line members stored one chunk each (plain) or 32 to a shared chunk (shared), in fake-indexeddb;
// then every member removed one by one (deleteFile: the first removal in a shared chunk unshares it), or with
// BENCH_AT_ONCE=1 in one deleteFiles call (shared rows of removed members only are deleted whole). Prints,
// per round (plain and shared alternated), the CPU of the writes and of the removals, and the CPU of splitting a
// 32-member chunk (chunk/splitRuns.ts, the part of unsharing that is not IndexedDB). fake-indexeddb is not the
// browser's IndexedDB: read the ratios of request counts and the split's CPU, not the absolute times.
import 'fake-indexeddb/auto';
import { cpuUsage } from 'node:process';
import { ChunkBuilder, eventAt, type EventChunk } from '../src/workers/chunk/chunk.ts';
import { sharedSeq, type ChunkRun } from '../src/workers/chunk/runs.ts';
import { splitRuns } from '../src/workers/chunk/splitRuns.ts';
import { CaseStore } from '../src/workers/store/caseStore.ts';
import type { FileLedgerEntry } from '../src/workers/api.ts';

const MEMBERS = Number(process.argv[2] ?? 2000);
const ROUNDS = Number(process.env.BENCH_RUNS ?? 3);
const GROUP = 32;
/** BENCH_AT_ONCE=1: every member removed in one deleteFiles call (an archive replaced) instead of one by one */
const ALL_AT_ONCE = process.env.BENCH_AT_ONCE === '1';

function member(fileId: number): EventChunk {
  const b = new ChunkBuilder(2);
  const host = `host-${fileId}`;
  b.add({ ts: 1_700_000_000_000, raw: `Oct  1 10:00:00 ${host} sshd[1]: Failed password for root from 10.0.0.1 port 22 ssh2`, message: 'Failed password for root from 10.0.0.1 port 22 ssh2', 'col.line': 1, 'col.offset': 0, 'parser.name': 'syslog3164', 'col.file': `logs/${host}/auth.log`, 'obs.host.name': host });
  b.add({ ts: 1_700_000_001_000, raw: `Oct  1 10:00:01 ${host} sshd[1]: Accepted password for admin from 10.0.0.2 port 22 ssh2`, message: 'Accepted password for admin from 10.0.0.2 port 22 ssh2', 'col.line': 2, 'col.offset': 84, 'parser.name': 'syslog3164', 'col.file': `logs/${host}/auth.log`, 'obs.host.name': host });
  return b.build(fileId, 0);
}

/** The members' rows, read back, in one shared chunk with their runs (as the ingest side makes it). */
function shared(chunks: readonly EventChunk[]): EventChunk {
  const b = new ChunkBuilder(chunks.reduce((n, c) => n + c.count, 0));
  const runs: ChunkRun[] = chunks.map((c) => ({ fileId: c.fileId, seq: 0, count: c.count, unparsed: 0 }));
  for (const c of chunks) for (let r = 0; r < c.count; r++) b.add(eventAt(c, r));
  return { ...b.build(runs[0].fileId, sharedSeq(runs[0])), runs };
}

const cpuMs = (): number => { const u = cpuUsage(); return (u.user + u.system) / 1000; };
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function round(kind: 'plain' | 'shared', n: number): Promise<{ write: number; remove: number }> {
  const store = await CaseStore.open(`unshare-${kind}-${n}-${Math.random()}`);
  const rows: FileLedgerEntry[] = [];
  const chunks: EventChunk[] = [];
  for (let f = 1; f <= MEMBERS; f++) {
    rows.push({ id: f, path: `logs/host-${f}/auth.log`, size: 170, sha256: '', parserId: 'syslog3164', confidence: 1, state: 'done', bytesRead: 170, events: 2, unparsed: 0, meta: 0, tzOffsetMinutes: 0, timeGuess: '', issues: [] });
    chunks.push(member(f));
  }
  const stored: EventChunk[] = [];
  if (kind === 'plain') stored.push(...chunks);
  else for (let at = 0; at < chunks.length; at += GROUP) stored.push(shared(chunks.slice(at, at + GROUP)));
  const c0 = cpuMs();
  await store.putFiles(rows);
  for (let at = 0; at < stored.length; at += 16) await store.putChunks(stored.slice(at, at + 16));
  const c1 = cpuMs();
  if (ALL_AT_ONCE) await store.deleteFiles(rows.map((r) => r.id));
  else for (let f = 1; f <= MEMBERS; f++) await store.deleteFile(f);
  const c2 = cpuMs();
  if ((await store.chunkCount()) !== 0) throw new Error('chunks left after removing every member');
  store.close();
  return { write: c1 - c0, remove: c2 - c1 };
}

async function main(): Promise<void> {
  const out = { plain: { write: [] as number[], remove: [] as number[] }, shared: { write: [] as number[], remove: [] as number[] } };
  for (let r = 0; r < ROUNDS; r++) {
    for (const kind of ['plain', 'shared'] as const) {
      const t = await round(kind, r);
      out[kind].write.push(t.write);
      out[kind].remove.push(t.remove);
      console.log(`round ${r + 1} ${kind}: write ${t.write.toFixed(0)} ms CPU, remove every member ${t.remove.toFixed(0)} ms CPU`);
    }
  }
  const one = shared(Array.from({ length: GROUP }, (_x, i) => member(i + 1)));
  const splits: number[] = [];
  for (let r = 0; r < 5; r++) {
    const c0 = cpuMs();
    for (let i = 0; i < 200; i++) splitRuns(one);
    splits.push((cpuMs() - c0) / 200);
  }
  console.log(`${MEMBERS} two-line members, ${ROUNDS} rounds (medians, CPU of this process):`);
  for (const kind of ['plain', 'shared'] as const) console.log(`  ${kind}: write ${median(out[kind].write).toFixed(0)} ms, remove every member ${ALL_AT_ONCE ? 'at once' : 'one by one'} ${median(out[kind].remove).toFixed(0)} ms`);
  console.log(`  remove ratio shared / plain: ${(median(out.shared.remove) / median(out.plain.remove)).toFixed(2)}x`);
  console.log(`  splitRuns of one ${GROUP}-member shared chunk: ${median(splits).toFixed(3)} ms CPU`);
}

void main();
