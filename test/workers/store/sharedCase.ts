// Test helper for shared chunks (case schema 10, chunk/runs.ts): a case of many small members written the two
// ways: one ordinary chunk per member (as before), or the members' rows gathered into shared chunks (their
// events copied row by row into one ChunkBuilder: col.file and parser.name are per-row columns, so every row still
// says its file; runs set by hand, as the ingest side will set them). Same rows, same ids, same key order.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FileLedgerEntry } from '../../../src/workers/api.ts';
import { ChunkBuilder, eventAt, type EventChunk } from '../../../src/workers/chunk/chunk.ts';
import { unparsedIn } from '../../../src/workers/chunk/measure.ts';
import { sharedSeq, type ChunkRun } from '../../../src/workers/chunk/runs.ts';
import { ingestBundle } from '../../../src/workers/ingest/ingestBundle.ts';
import { putCase } from '../../../src/workers/store/catalog.ts';
import { CaseStore } from '../../../src/workers/store/caseStore.ts';
import { sourceFromBytes } from '../../harness/ingest.ts';

const DEMO = join(import.meta.dirname, '../../../public/demo');
export const LAST_MODIFIED = 1772582400000;
const lines = (path: string) => readFileSync(join(DEMO, path), 'utf8').split('\n').filter((l) => l !== '');

/** Small members of real logs: 2-4 lines each of auth, syslog and nginx logs, and one with a line its parser does not take. */
export function smallMembers(): { path: string; bytes: Uint8Array<ArrayBuffer> }[] {
  const out: { path: string; bytes: Uint8Array<ArrayBuffer> }[] = [];
  const take = (src: string, from: number, n: number, label: string) => {
    out.push({ path: `m${String(out.length).padStart(2, '0')}-${label}.log`, bytes: new TextEncoder().encode(lines(src).slice(from, from + n).join('\n') + '\n') });
  };
  for (let i = 0; i < 5; i++) take('var/log/auth.log.1', i * 7, 2 + (i % 3), 'auth');
  take('var/log/nginx/access.log', 0, 3, 'access');
  const auth = lines('var/log/auth.log.1');
  out.push({ path: `m${out.length}-mixed.log`, bytes: new TextEncoder().encode([auth[40], auth[41], '%%% not a syslog line', auth[42], auth[43]].join('\n') + '\n') });
  for (let i = 0; i < 3; i++) take('var/log/syslog', i * 5, 2 + i, 'syslog');
  take('var/log/nginx/access.log', 10, 2, 'access');
  take('var/log/web02/auth.log', 3, 4, 'auth');
  return out;
}

export const memberFile = (m: { path: string; bytes: Uint8Array<ArrayBuffer> }) => new File([m.bytes], m.path, { lastModified: LAST_MODIFIED });

/** The members read as the ingest reads them: ledger rows (ids 1..n) and one chunk per member. */
export async function readMembers(): Promise<{ rows: FileLedgerEntry[]; chunks: EventChunk[] }> {
  const rows = new Map<number, FileLedgerEntry>();
  const chunks: EventChunk[] = [];
  let nextId = 1;
  await ingestBundle(smallMembers().map((m) => sourceFromBytes(m.path, m.bytes, LAST_MODIFIED)), {}, {
    addFile: async (row) => { const id = nextId++; rows.set(id, { ...row, id }); return id; },
    updateFile: async (row) => { rows.set(row.id, { ...row }); },
    progress: () => {},
    chunk: async (c) => { chunks.push(c); },
  });
  return { rows: [...rows.values()], chunks };
}

/** `group` members' chunks at a time as one shared chunk (runs.ts), their rows copied in order. */
export function share(chunks: readonly EventChunk[], group: number): EventChunk[] {
  const out: EventChunk[] = [];
  for (let at = 0; at < chunks.length; at += group) {
    const part = chunks.slice(at, at + group);
    const count = part.reduce((n, c) => n + c.count, 0);
    const b = new ChunkBuilder(count);
    const runs: ChunkRun[] = part.map((c) => ({ fileId: c.fileId, seq: c.seq, count: c.count, unparsed: unparsedIn(c) }));
    for (const c of part) for (let r = 0; r < c.count; r++) b.add(eventAt(c, r));
    out.push({ ...b.build(runs[0].fileId, sharedSeq(runs[0])), runs });
  }
  return out;
}

/** A case holding the members, stored as given (ordinary or shared chunks), listed in the catalog. */
export async function writeCase(id: string, rows: readonly FileLedgerEntry[], chunks: readonly EventChunk[]): Promise<void> {
  const store = await CaseStore.open(id);
  await store.putFiles(rows);
  await store.putChunks(chunks);
  store.close();
  const events = rows.reduce((n, r) => n + r.events, 0), unparsed = rows.reduce((n, r) => n + r.unparsed, 0);
  await putCase({ id, name: id, createdMs: 1, events, unparsed, files: rows.length, sourceBytes: 0 });
}
