// Case schema 5 -> 7 (chunk format 4: message and ts.raw as spans of raw, chunk/rawSpans.ts). The demo bundle is
// written the way schema-5 code wrote it (packed chunks of format 3, in a version-5 database), opened by this code
// (upgraded in place: nothing converted), and every answer compared with the same bundle ingested as the ingest
// worker does it now (spans), during the ingest, after a reopen, after re-timing a file, and in the hand-over file.
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDB } from 'idb';
import type { EngineApi } from '../../../src/workers/api.ts';
import { packChunk, type WireChunk } from '../../../src/workers/chunk/packedDict.ts';
import { SPANS_FORMAT } from '../../../src/workers/chunk/rawSpans.ts';
import { createEngine } from '../../../src/workers/engine.ts';
import { inThreadRunner, type IngestRunner } from '../../../src/workers/ingest/runner.ts';
import { CASE_DB_PREFIX, CASE_VERSION } from '../../../src/workers/store/schema.ts';
import { sourceFromBytes } from '../../harness/ingest.ts';
import { freshCaseId } from './fixtures.ts';
import { writeOldCase } from './oldCase.ts';
import { answers as caseAnswers } from './caseAnswers.ts';

const DEMO = join(import.meta.dirname, '../../../public/demo');
// the demo bundle but its two largest files (more of the same parsers), to keep the test short
const manifest = { files: (JSON.parse(readFileSync(join(DEMO, 'manifest.json'), 'utf8')) as { files: { path: string; lastModified: number }[] }).files
  .filter((f) => f.path !== 'var/log/syslog' && f.path !== 'var/log/auth.log') };
const bytes = (path: string) => new Uint8Array(readFileSync(join(DEMO, path)));

/** The ingest worker's way of building chunks (bytes, spans), run in this thread. */
const spanRunner: IngestRunner = (files, options, hooks) => inThreadRunner(files, { ...options, textAsBytes: true, textSpans: true }, hooks);

/** The demo bundle in a version-5 database, as schema-5 code stored it (the ingest worker's packed chunks). */
const writeSchema5Case = (id: string): Promise<void> => writeOldCase(id, {
  version: 5, sources: manifest.files.map((f) => sourceFromBytes(`demo/${f.path}`, bytes(f.path), f.lastModified)), options: { textAsBytes: true }, stored: packChunk,
});

const QUERIES = [
  '', '"Failed password"', 'failed', 'message:"accepted"', 'message:/^session/', 'message:*', 'not message:*', 'ts.raw:*',
  'ts.raw:/^[A-Z][a-z]{2}/', 'init.host.ip:203.0.113.0/24', 'parser.name:unparsed', 'raw:"sshd"', 'sshd',
];

/** The upgrade tests' answers over the span queries, without the dashboard's alert series (see caseAnswers.ts). */
const answers = (engine: EngineApi): Promise<unknown[]> => caseAnswers(engine, QUERIES, false);

const chunkLines = async (engine: EngineApi, id: string) => (await (await engine.exportCase(id)).blob.text())
  .split('\n').filter((l) => l.startsWith('{"t":"chunk"'));

describe('case schema 7: message and ts.raw as spans of raw (chunk format 4)', () => {
  it('opens a schema-5 case with the same answers as the same files written with spans', async () => {
    const oldId = freshCaseId('schema5');
    await writeSchema5Case(oldId);
    const old = createEngine();
    const info = await old.openCase(oldId);
    expect(info.events).toBeGreaterThan(5_000);
    const oldAnswers = await answers(old);

    const writer = createEngine({ runIngest: spanRunner });
    const fresh = await writer.createCase('Written by schema 7');
    const files = manifest.files.map((f) => ({ path: `demo/${f.path}`, file: new File([bytes(f.path)], f.path.split('/').pop()!, { lastModified: f.lastModified }) }));
    await writer.ingest(files, {}, () => {});
    expect(await answers(writer)).toEqual(oldAnswers);
    const reader = createEngine();
    await reader.openCase(fresh.id);
    expect(await answers(reader)).toEqual(oldAnswers);

    // the hand-over file holds the chunks as format 3 wrote them: the same lines from both cases
    const [oldLines, newLines] = [await chunkLines(old, oldId), await chunkLines(reader, fresh.id)];
    expect(newLines.length).toBeGreaterThan(0);
    expect(newLines).toEqual(oldLines);

    // re-timing a file reads its chunks back (spans written out) and stores them again: same answers both ways
    const ledger = await reader.ledger();
    const target = ledger.find((r) => r.path.endsWith('auth.log.1'))!;
    const oldTarget = (await old.ledger()).find((r) => r.path === target.path)!;
    expect((await reader.reingestFile(target.id, { tzOffsetMinutes: 120 })).ok).toBe(true);
    expect((await old.reingestFile(oldTarget.id, { tzOffsetMinutes: 120 })).ok).toBe(true);
    expect(await answers(reader)).toEqual(await answers(old));

    // the upgrade left the old chunks as they were; the new case holds spans
    const rawOld = await openDB(CASE_DB_PREFIX + oldId);
    expect(rawOld.version).toBe(CASE_VERSION);
    const oldChunks = (await rawOld.getAll('chunks')) as WireChunk[];
    expect(oldChunks.every((c) => c.format !== SPANS_FORMAT && !('spans' in c.columns.message))).toBe(true);
    rawOld.close();
    const rawNew = await openDB(CASE_DB_PREFIX + fresh.id);
    const newChunks = (await rawNew.getAll('chunks')) as WireChunk[];
    expect(newChunks.some((c) => c.format === SPANS_FORMAT && 'spans' in c.columns.message)).toBe(true);
    rawNew.close();
  }, 120_000);
});
