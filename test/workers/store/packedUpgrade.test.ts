// Case schema 3 -> 4 (packed dictionary columns, chunk/packedDict.ts). The demo bundle is written the way
// schema-3 code wrote it (the builder's chunks with their dictionary arrays, put as they are, in a version-3
// database), opened by this code (upgraded in place), and every answer compared with the same bundle
// ingested by this code (chunks stored packed) and read back in a fresh engine.
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDB } from 'idb';
import type { EventChunk } from '../../../src/workers/chunk/chunk.ts';
import { unpackChunk } from '../../../src/workers/chunk/packedDict.ts';
import { createEngine } from '../../../src/workers/engine.ts';
import { CASE_DB_PREFIX, CASE_VERSION } from '../../../src/workers/store/schema.ts';
import { sourceFromBytes } from '../../harness/ingest.ts';
import { freshCaseId } from './fixtures.ts';
import { writeOldCase } from './oldCase.ts';
import { answers } from './caseAnswers.ts';

const DEMO = join(import.meta.dirname, '../../../public/demo');
// the demo bundle but its two largest files (syslog, auth.log: more of the same parsers), to keep the test short
const manifest = { files: (JSON.parse(readFileSync(join(DEMO, 'manifest.json'), 'utf8')) as { files: { path: string; lastModified: number }[] }).files
  .filter((f) => f.path !== 'var/log/syslog' && f.path !== 'var/log/auth.log') };
const bytes = (path: string) => new Uint8Array(readFileSync(join(DEMO, path)));

/** The demo bundle in a version-3 database, as schema-3 code stored it: the chunk object as built, plus its key. */
const writeSchema3Case = (id: string): Promise<void> => writeOldCase(id, {
  version: 3, sources: manifest.files.map((f) => sourceFromBytes(`demo/${f.path}`, bytes(f.path), f.lastModified)), options: {}, stored: unpackChunk,
});

describe('case schema 4: packed dictionary columns', () => {
  it('opens a schema-3 case (array dictionaries) with the same answers as the same files written packed', async () => {
    const oldId = freshCaseId('schema3');
    await writeSchema3Case(oldId);
    const old = createEngine();
    const info = await old.openCase(oldId);
    expect(info.events).toBeGreaterThan(5_000);
    const oldAnswers = await answers(old);

    const writer = createEngine();
    const fresh = await writer.createCase('Written by schema 4');
    const files = manifest.files.map((f) => ({ path: `demo/${f.path}`, file: new File([bytes(f.path)], f.path.split('/').pop()!, { lastModified: f.lastModified }) }));
    await writer.ingest(files, {}, () => {});
    const whileIngested = await answers(writer);
    const reader = createEngine();
    await reader.openCase(fresh.id);
    const reopened = await answers(reader);

    expect(whileIngested).toEqual(oldAnswers);
    expect(reopened).toEqual(oldAnswers);

    // the upgrade left the old chunks as they were; the new case holds packed ones
    const rawOld = await openDB(CASE_DB_PREFIX + oldId);
    expect(rawOld.version).toBe(CASE_VERSION);
    const oldChunk = (await rawOld.getAll('chunks', undefined, 1))[0] as EventChunk;
    expect(Array.isArray((oldChunk.columns['parser.name'] as { dict?: unknown }).dict)).toBe(true);
    rawOld.close();
    const rawNew = await openDB(CASE_DB_PREFIX + fresh.id);
    const newChunk = (await rawNew.getAll('chunks', undefined, 1))[0] as unknown as { columns: Record<string, { dict?: unknown; dictText?: unknown; caseIds?: unknown; ids: unknown }> };
    expect(newChunk.columns['parser.name'].dict).toBeUndefined();
    // schema 6: the ingest's dictionary columns hold case ids, narrowed, their values in the case's dict store
    expect(newChunk.columns['parser.name'].caseIds).toBe(true);
    expect(newChunk.columns['parser.name'].dictText).toBeUndefined();
    expect(newChunk.columns['parser.name'].ids).toBeInstanceOf(Uint8Array);
    expect((await rawNew.getAllKeys('dict')).length).toBeGreaterThan(10);
    // schema 5: the text columns as bytes (chunk/packedText.ts); the old case's chunks keep their strings
    expect((newChunk.columns.raw as { textBytes?: unknown }).textBytes).toBeInstanceOf(Uint8Array);
    expect(typeof (oldChunk.columns.raw as { text?: unknown }).text).toBe('string');
    rawNew.close();
  }, 120_000);
});
