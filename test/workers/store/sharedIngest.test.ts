// Integration (store side + ingest side merged): a zip of many two-line members ingested through the engine with
// the ingest worker's options (bytes, spans, case ids, shared chunks) answers as the same zip read one chunk
// per member, after a reopen, a removed member, a re-timed member, and a hand-over round trip.
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { zipSync } from 'fflate';
import { openDB } from 'idb';
import { createEngine } from '../../../src/workers/engine.ts';
import type { EngineApi } from '../../../src/workers/api.ts';
import { ingestBundle } from '../../../src/workers/ingest/ingestBundle.ts';
import { toSource, type IngestRunner } from '../../../src/workers/ingest/runner.ts';
import { CASE_DB_PREFIX } from '../../../src/workers/store/schema.ts';
import { answers } from './caseAnswers.ts';

const auth = readFileSync(join(import.meta.dirname, '../../../public/demo/var/log/auth.log.1'), 'utf8').split('\n').filter((l) => l !== '');
const members: Record<string, Uint8Array> = {};
for (let i = 0; i < 150; i++) members[`logs/m${i}.log`] = new TextEncoder().encode(`${auth[(2 * i) % auth.length]}\n${i % 7 === 0 ? '%%% junk' : auth[(2 * i + 1) % auth.length]}\n`);
const zip = new File([zipSync(members as Record<string, Uint8Array<ArrayBuffer>>)], 'many.zip', { lastModified: 1772582400000 });

const runner = (share: boolean): IngestRunner => (files, options, hooks) => {
  const extra = { textAsBytes: true, textSpans: true, shareSmallChunks: share };
  return ingestBundle(files.map(toSource), { ...options, ...extra } as Parameters<typeof ingestBundle>[1], hooks);
};

async function ingested(share: boolean): Promise<{ engine: EngineApi; id: string }> {
  const engine = createEngine({ runIngest: runner(share) });
  const { id } = await engine.createCase(share ? 'shared' : 'plain');
  await engine.ingest([{ path: 'many.zip', file: zip }], {}, () => {});
  return { engine, id };
}

describe('a zip of small members, shared through the engine', () => {
  it('answers as one chunk per member through every per-file operation', async () => {
    const [a, b] = [await ingested(false), await ingested(true)];
    const db = await openDB(CASE_DB_PREFIX + b.id);
    const rows = await db.getAll('chunks');
    const metas = await db.getAll('chunkMeta');
    db.close();
    expect(rows.length).toBeLessThan(10);
    expect(metas.length).toBe(150);
    expect(await answers(b.engine)).toEqual(await answers(a.engine));
    const ledger = async (e: EngineApi) => (await e.ledger()).map(({ id: _i, ...r }) => r);
    expect(await ledger(b.engine)).toEqual(await ledger(a.engine));
    const reopened = createEngine();
    await reopened.openCase(b.id);
    expect(await answers(reopened)).toEqual(await answers(a.engine));
    const id = async (e: EngineApi, path: string) => (await e.ledger()).find((r) => r.path === path)!.id;
    for (const x of [a, b]) await x.engine.removeFile(await id(x.engine, 'many.zip/logs/m40.log'));
    for (const x of [a, b]) expect((await x.engine.reingestFile(await id(x.engine, 'many.zip/logs/m77.log'), { tzOffsetMinutes: 60 })).ok).toBe(true);
    expect(await answers(b.engine, undefined, false)).toEqual(await answers(a.engine, undefined, false));
    const exported = await b.engine.exportCase(b.id);
    expect(exported.chunks).toBe(149);
    const imported = createEngine();
    await imported.openCase((await imported.importCase(exported.blob)).id);
    expect(await answers(imported, undefined, false)).toEqual(await answers(a.engine, undefined, false));
  });
});
