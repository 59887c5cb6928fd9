// Shared chunks (case schema 10, chunk/runs.ts): a case whose small members share chunk rows answers exactly as
// the same members stored one chunk each, and every per-file operation (remove, re-time, re-read, repair,
// duplicate replace, hand-over) treats each member alone: the shared row is unshared first (store/unshare.ts).
import 'fake-indexeddb/auto';
import { beforeAll, describe, expect, it } from 'vitest';
import { openDB } from 'idb';
import type { EngineApi, FileLedgerEntry } from '../../../src/workers/api.ts';
import { eventAt, type EventChunk } from '../../../src/workers/chunk/chunk.ts';
import { chunkBytes } from '../../../src/workers/chunk/measure.ts';
import { splitRuns } from '../../../src/workers/chunk/splitRuns.ts';
import { createEngine } from '../../../src/workers/engine.ts';
import { loadCaseIndex } from '../../../src/workers/query/loadIndex.ts';
import { CaseStore, type StoredTotals } from '../../../src/workers/store/caseStore.ts';
import { putCase } from '../../../src/workers/store/catalog.ts';
import { CASE_DB_PREFIX, CASE_VERSION, type ChunkMeta, type StoredChunk } from '../../../src/workers/store/schema.ts';
import { answers } from './caseAnswers.ts';
import { freshCaseId } from './fixtures.ts';
import { createOldCaseStores } from './oldCase.ts';
import { memberFile, readMembers, share, smallMembers, writeCase } from './sharedCase.ts';

const GROUP = 4;
let rows: FileLedgerEntry[] = [];
let chunks: EventChunk[] = [];
beforeAll(async () => {
  ({ rows, chunks } = await readMembers());
});

/** Two cases of the same members: one chunk each (`plain`), and shared chunks of GROUP members (`shared`). */
async function twoCases(label: string): Promise<{ plain: string; shared: string }> {
  const plain = freshCaseId(`${label}-plain`), shared = freshCaseId(`${label}-shared`);
  await writeCase(plain, rows, chunks);
  await writeCase(shared, rows, share(chunks, GROUP));
  return { plain, shared };
}

async function opened(id: string): Promise<EngineApi> {
  const engine = createEngine();
  await engine.openCase(id);
  return engine;
}

/** Per file: chunks, events, unparsed stored (bytes differ: a shared row's estimate is split by rows). */
async function stored(id: string): Promise<Map<number, Omit<StoredTotals, 'bytes'>>> {
  const store = await CaseStore.open(id);
  const by = await store.storedByFile();
  store.close();
  return new Map([...by].map(([f, { bytes: _b, ...t }]) => [f, t]));
}

async function rawRows(id: string): Promise<{ chunks: StoredChunk[]; metas: ChunkMeta[]; version: number }> {
  const db = await openDB(CASE_DB_PREFIX + id);
  const out = { chunks: (await db.getAll('chunks')) as StoredChunk[], metas: (await db.getAll('chunkMeta')) as ChunkMeta[], version: db.version };
  db.close();
  return out;
}

const ledgerOf = async (e: EngineApi) => (await e.ledger()).map(({ id, path, state, events, unparsed, parserId, firstTs, lastTs }) => ({ id, path, state, events, unparsed, parserId, firstTs, lastTs }));

describe('shared chunks (case schema 10)', () => {
  it('are members of real logs, several per shared chunk, with an unparsed member', () => {
    expect(rows.length).toBe(smallMembers().length);
    expect(chunks.map((c) => c.seq)).toEqual(rows.map(() => 0));
    expect(new Set(rows.map((r) => r.parserId)).size).toBeGreaterThanOrEqual(3);
    expect(rows.some((r) => r.unparsed > 0)).toBe(true);
    expect(share(chunks, GROUP).map((c) => c.runs?.length)).toEqual([4, 4, 4]);
  });

  it('split back into one chunk per run, every row reading exactly as before', () => {
    const parts = share(chunks, GROUP).flatMap(splitRuns);
    expect(parts.map((c) => [c.fileId, c.seq, c.count])).toEqual(chunks.map((c) => [c.fileId, c.seq, c.count]));
    parts.forEach((p, i) => {
      for (let r = 0; r < p.count; r++) expect({ ...eventAt(p, r) }).toEqual({ ...eventAt(chunks[i], r) });
    });
    const bad = share(chunks, GROUP)[0];
    expect(() => splitRuns({ ...bad, count: bad.count + 1 })).toThrow(/runs hold/);
  });

  it('are stored as one row and a meta row per member, counted and answered as one chunk per member', async () => {
    const { plain, shared } = await twoCases('store');
    const raw = await rawRows(shared);
    expect(raw.version).toBe(CASE_VERSION);
    expect(raw.chunks.map((c) => [c.key, c.runs?.length])).toEqual(share(chunks, GROUP).map((c) => [[c.fileId, c.seq], c.runs?.length]));
    expect(raw.metas.map((m) => [m.fileId, m.seq, m.count])).toEqual(chunks.map((c) => [c.fileId, 0, c.count]));
    expect(raw.metas.every((m) => m.shared !== undefined && m.shared[1] < 0)).toBe(true);
    expect(raw.metas.reduce((n, m) => n + m.bytes, 0)).toBe(share(chunks, GROUP).reduce((n, c) => n + chunkBytes(c), 0));
    expect(await stored(shared)).toEqual(await stored(plain));

    const [a, b] = [await opened(plain), await opened(shared)];
    expect(await answers(b)).toEqual(await answers(a));
    expect((await b.listCases()).find((c) => c.id === shared)?.events).toBe(rows.reduce((n, r) => n + r.events, 0));
  });

  it('index each row under its own file: surrounding events of the same file', async () => {
    const { plain, shared } = await twoCases('index');
    const [sa, sb] = [await CaseStore.open(plain), await CaseStore.open(shared)];
    const [qa, qb] = [await loadCaseIndex(sa, () => []), await loadCaseIndex(sb, () => [])];
    expect(qb.index.chunks.length).toBe(3);
    expect(qb.index.rowCount).toBe(qa.index.rowCount);
    for (let r = 0; r < qa.index.rowCount; r++) expect(qb.index.fileOf(r)).toBe(qa.index.chunkOf(r).fileId);
    sa.close();
    sb.close();
    const [a, b] = [await opened(plain), await opened(shared)];
    for (const row of [0, 5, 17, qa.index.rowCount - 1]) {
      const near = await b.surrounding(row, 3, true);
      expect(near).toEqual(await a.surrounding(row, 3, true));
      expect(new Set(near.map((e) => e.fields['col.file'])).size).toBe(1);
    }
  });

  it('remove one member of a shared chunk: the others stay, answers as without it', async () => {
    const { plain, shared } = await twoCases('remove');
    const middle = rows[5].id; // the second shared chunk's second member
    const [a, b] = [await opened(plain), await opened(shared)];
    await a.removeFile(middle);
    await b.removeFile(middle);
    expect(await ledgerOf(b)).toEqual(await ledgerOf(a));
    expect(await answers(b)).toEqual(await answers(a));
    const after = await stored(shared);
    expect(after.has(middle)).toBe(false);
    expect(after).toEqual(await stored(plain));
    const raw = await rawRows(shared);
    expect(raw.chunks.filter((c) => c.runs !== undefined).length).toBe(2); // only the middle member's row was unshared
    expect(raw.metas.length).toBe(rows.length - 1);
    // the reopened case answers as the session that removed it
    expect(await answers(await opened(shared))).toEqual(await answers(a));
  });

  it('remove several members at once: a shared chunk of removed members only goes whole, no other is rewritten', async () => {
    const { plain, shared } = await twoCases('removeMany');
    const gone = [...rows.slice(0, 4), rows[9]].map((r) => r.id); // the whole first shared chunk, one of the third
    for (const id of [plain, shared]) {
      const store = await CaseStore.open(id);
      await store.deleteFiles(gone);
      store.close();
    }
    const raw = await rawRows(shared);
    // the second shared chunk untouched; the third unshared (its 3 other members as their own rows)
    expect(raw.chunks.map((c) => [c.key, c.runs?.length])).toEqual([[[5, -1], 4], [[9, 0], undefined], [[11, 0], undefined], [[12, 0], undefined]]);
    expect(raw.metas.map((m) => m.fileId)).toEqual(rows.map((r) => r.id).filter((f) => !gone.includes(f)));
    expect(await stored(shared)).toEqual(await stored(plain));
    expect(await answers(await opened(shared))).toEqual(await answers(await opened(plain)));
  });

  it('re-time one member (a new zone) and read one again with another parser', async () => {
    const { plain, shared } = await twoCases('reread');
    const [a, b] = [await opened(plain), await opened(shared)];
    const retimed = rows.find((r) => r.parserId === 'syslog3164' || r.timeGuess.includes('zone'))!;
    for (const e of [a, b]) expect((await e.reingestFile(retimed.id, { tzOffsetMinutes: 180 })).ok).toBe(true);
    expect(await ledgerOf(b)).toEqual(await ledgerOf(a));
    expect(await answers(b, undefined, false)).toEqual(await answers(a, undefined, false));

    const i = 9, member = smallMembers()[i];
    for (const e of [a, b]) expect((await e.reingestFile(rows[i].id, { parserId: 'generic' }, memberFile(member))).ok).toBe(true);
    expect((await ledgerOf(b)).find((r) => r.id === rows[i].id)?.parserId).toBe('generic');
    expect(await ledgerOf(b)).toEqual(await ledgerOf(a));
    expect(await answers(b, undefined, false)).toEqual(await answers(a, undefined, false));
    expect(await stored(shared)).toEqual(await stored(plain));
  });

  it('a member left reading by a closed tab is repaired with its own stored count', async () => {
    const { plain, shared } = await twoCases('repair');
    for (const id of [plain, shared]) {
      const store = await CaseStore.open(id);
      await store.putFile({ ...rows[6], state: 'reading', events: 0 });
      store.close();
    }
    const [a, b] = [await opened(plain), await opened(shared)];
    const row = (await b.ledger()).find((r) => r.id === rows[6].id);
    expect(rows[6].unparsed).toBe(1);
    expect(row).toMatchObject({ state: 'incomplete', events: chunks[6].count, unparsed: 1 });
    expect(await ledgerOf(b)).toEqual(await ledgerOf(a));
  });

  it('a member opened again and replaced goes alone, its neighbours stay', async () => {
    const { plain, shared } = await twoCases('dup');
    const [a, b] = [await opened(plain), await opened(shared)];
    const member = smallMembers()[2];
    for (const e of [a, b]) await e.ingest([{ path: member.path, file: memberFile(member) }], {}, () => {}, async () => 'replace');
    expect((await b.ledger()).filter((r) => r.path === member.path).length).toBe(1);
    expect((await ledgerOf(b)).map(({ id: _id, ...r }) => r)).toEqual((await ledgerOf(a)).map(({ id: _id, ...r }) => r));
    expect(await answers(b, undefined, false)).toEqual(await answers(a, undefined, false));
  });

  it('hand over one ordinary chunk per member and come back with the same answers', async () => {
    const { plain, shared } = await twoCases('handover');
    const b = await opened(shared);
    const exported = await b.exportCase(shared);
    expect(exported.chunks).toBe(rows.length);
    const text = await exported.blob.text();
    expect(text).not.toContain('"runs"');
    const imported = createEngine();
    await imported.openCase((await imported.importCase(exported.blob)).id);
    expect(await answers(imported)).toEqual(await answers(await opened(plain)));
  });

  it('a reader that read a shared row before it was unshared skips the members\' own rows after it', async () => {
    const { shared } = await twoCases('reader');
    const [first] = share(chunks, GROUP);
    // as a reader in another tab sees it across two batches: the shared row, then its runs' own rows
    const db = await openDB(CASE_DB_PREFIX + shared);
    for (const part of splitRuns(first)) await db.put('chunks', { ...part, key: [part.fileId, part.seq] });
    db.close();
    const store = await CaseStore.open(shared);
    let events = 0;
    await store.forEachStoredChunk((c) => { events += c.count; }, 1);
    store.close();
    expect(events).toBe(chunks.reduce((n, c) => n + c.count, 0));
  });

  it('a schema-9 case opens at 10 unchanged', async () => {
    const plain = freshCaseId('schema9-ref'), old = freshCaseId('schema9');
    await writeCase(plain, rows, chunks);
    // the same rows, chunks and meta rows in a version-9 database, with the stores schema 9 had
    const from = await openDB(CASE_DB_PREFIX + plain);
    const [files, stored9, metas] = [await from.getAll('files'), await from.getAll('chunks'), await from.getAll('chunkMeta')];
    from.close();
    const db = await openDB(CASE_DB_PREFIX + old, 9, { upgrade: (d) => { createOldCaseStores(d, 9); d.createObjectStore('alertGroups'); } });
    for (const f of files) await db.put('files', f);
    for (const c of stored9) await db.put('chunks', c);
    for (const m of metas) await db.put('chunkMeta', m);
    db.close();
    await putCase({ id: old, name: old, createdMs: 1, events: 0, unparsed: 0, files: files.length, sourceBytes: 0 });
    const b = await opened(old);
    expect(await answers(b)).toEqual(await answers(await opened(plain)));
    expect((await rawRows(old)).version).toBe(10);
    expect((await rawRows(old)).chunks.length).toBe(rows.length);
  });
});
