// The ledger through the engine, in Node with fake-indexeddb: hashes of what was read, another parser for one
// file (kept File, archive member, after a reload), a new zone or year re-timing the stored events, exports.
import 'fake-indexeddb/auto';
import { beforeAll, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { createEngine } from '../../src/workers/engine.ts';
import type { EngineApi } from '../../src/workers/api.ts';
import { corpusPath, needsCorpus } from '../harness/corpus.ts';

// read when the tests run: collecting this file must not need the corpus
let OPENSSH = new Uint8Array(0);
let SHA = '';
beforeAll(() => {
  OPENSSH = new Uint8Array(readFileSync(corpusPath('loghub/OpenSSH/OpenSSH_2k.log')));
  SHA = createHash('sha256').update(OPENSSH).digest('hex');
});
const file = (bytes: Uint8Array<ArrayBuffer>, name: string) => new File([bytes], name, { lastModified: Date.UTC(2026, 0, 1) });

async function firstTimes(engine: EngineApi, n = 2): Promise<string[]> {
  const q = await engine.query('');
  if (!q.ok) throw new Error(q.error.message);
  const rows = await engine.page(q.handle.id, 0, n, { field: 'col.line', dir: 'asc' });
  return rows.map((r) => new Date(Number(r.fields.ts)).toISOString());
}

async function total(engine: EngineApi, text: string): Promise<number> {
  const q = await engine.query(text);
  return q.ok ? q.handle.total : -1;
}

describe('ledger', needsCorpus, () => {
  it('hashes plain files and gzip members (their decompressed bytes), and lists the parsers', async () => {
    const engine = createEngine();
    await engine.createCase('hashes');
    const done = await engine.ingest([
      { path: 'ssh.log', file: file(OPENSSH, 'ssh.log') },
      { path: 'ssh.log.gz', file: file(new Uint8Array(gzipSync(OPENSSH)), 'ssh.log.gz') },
      { path: 'empty.log', file: file(new Uint8Array(0), 'empty.log') },
    ], {}, () => {});
    expect(done.files.map((f) => [f.path, f.sha256])).toEqual([
      ['ssh.log', SHA], ['ssh.log.gz/ssh.log', SHA], ['empty.log', createHash('sha256').digest('hex')],
    ]);
    const parsers = await engine.parsers();
    expect(parsers.map((p) => p.id)).toContain('syslog3164');
    expect(parsers.every((p) => p.title !== '')).toBe(true);
  });

  it('re-ingests one file with another parser in place, and an archive member from its archive', async () => {
    const engine = createEngine();
    await engine.createCase('override');
    const done = await engine.ingest([
      { path: 'ssh.log', file: file(OPENSSH, 'ssh.log') },
      { path: 'old.log.gz', file: file(new Uint8Array(gzipSync(OPENSSH)), 'old.log.gz') },
    ], {}, () => {});
    const [plain, member] = done.files;
    expect(await total(engine, 'parser.name:syslog3164')).toBe(4000);

    const r = await engine.reingestFile(plain.id, { parserId: 'generic' });
    expect(r.ok).toBe(true);
    const ledger = await engine.ledger();
    expect(ledger.map((f) => [f.id, f.path, f.parserId, f.confidence, f.events, f.sha256])).toEqual([
      [plain.id, 'ssh.log', 'generic', 1, 2000, SHA],
      [member.id, 'old.log.gz/old.log', 'syslog3164', member.confidence, 2000, SHA],
    ]);
    expect(await total(engine, '')).toBe(4000);
    expect(await total(engine, 'parser.name:generic')).toBe(2000);
    if (r.ok) expect(r.info).toMatchObject({ events: 4000, files: 2 });

    expect((await engine.reingestFile(member.id, { parserId: 'generic' })).ok).toBe(true);
    expect(await total(engine, 'parser.name:generic')).toBe(4000);
    expect((await engine.ledger()).map((f) => f.id)).toEqual([plain.id, member.id]);
  });

  it('after a reload asks for the file again, then reads the one picked', async () => {
    const engine = createEngine();
    const info = await engine.createCase('reload');
    const [row] = (await engine.ingest([{ path: 'logs/ssh.log', file: file(OPENSSH, 'ssh.log') }], {}, () => {})).files;

    const reloaded = createEngine();
    await reloaded.openCase(info.id);
    const asked = await reloaded.reingestFile(row.id, { parserId: 'generic' });
    expect(asked).toMatchObject({ ok: false, needsFile: true });
    if (!asked.ok) expect(asked.message).toMatch(/drop it again/);

    const wrong = await reloaded.reingestFile(row.id, { parserId: 'generic' }, file(OPENSSH, 'other.log'));
    expect(wrong.ok).toBe(false);

    const edited = new Uint8Array(OPENSSH);
    edited[0] = 0x4e; // 'Dec' -> 'Nec': the picked file is not the one first read
    const again = await reloaded.reingestFile(row.id, { parserId: 'generic' }, file(edited, 'ssh.log'));
    expect(again.ok && again.file).toMatchObject({ path: 'logs/ssh.log', parserId: 'generic', events: 2000 });
    expect(again.ok && again.file.message).toMatch(/SHA-256 was/);
  });

  it('re-times stored events for a new zone and year without reading the file', async () => {
    const engine = createEngine();
    const info = await engine.createCase('zones');
    const [row] = (await engine.ingest([{ path: 'ssh.log', file: file(OPENSSH, 'ssh.log') }], {}, () => {})).files;
    expect(await firstTimes(engine)).toEqual(['2025-12-10T06:55:46.000Z', '2025-12-10T06:55:46.000Z']);
    expect(row.timeGuess).toBe('year,zone');

    // a reloaded tab holds no File: re-timing does not need one
    const reloaded = createEngine();
    await reloaded.openCase(info.id);
    const r = await reloaded.reingestFile(row.id, { tzOffsetMinutes: 120 });
    expect(r.ok && r.file).toMatchObject({ tzOffsetMinutes: 120, firstTs: Date.parse('2025-12-10T04:55:46Z'), events: 2000 });
    expect(await firstTimes(reloaded)).toEqual(['2025-12-10T04:55:46.000Z', '2025-12-10T04:55:46.000Z']);

    const y = await reloaded.reingestFile(row.id, { forcedYear: 2015 });
    expect(y.ok && y.file).toMatchObject({ tzOffsetMinutes: 120, forcedYear: 2015, firstTs: Date.parse('2015-12-10T04:55:46Z') });
    expect(await firstTimes(reloaded, 1)).toEqual(['2015-12-10T04:55:46.000Z']);
    // the time index was rebuilt: a range query sees the new times
    expect(await total(reloaded, 'ts < "2016-01-01"')).toBe(2000);

    const back = await reloaded.reingestFile(row.id, { tzOffsetMinutes: 0 });
    expect(back.ok && back.file.firstTs).toBe(Date.parse('2015-12-10T06:55:46Z'));
  });

  it('exports the ledger as CSV and JSON', async () => {
    const engine = createEngine();
    await engine.createCase('export');
    await engine.ingest([{ path: 'ssh.log', file: file(OPENSSH, 'ssh.log') }], {}, () => {});
    const csv = await (await engine.exportLedger('csv')).text();
    const [header, row] = csv.split('\r\n');
    expect(header.split(',').slice(0, 3)).toEqual(['path', 'size_bytes', 'sha256']);
    expect(row.startsWith(`ssh.log,${OPENSSH.length},${SHA},syslog3164,`)).toBe(true);
    const json = JSON.parse(await (await engine.exportLedger('json')).text()) as { case: string; files: { sha256: string }[] };
    expect(json.case).toBe('export');
    expect(json.files.map((f) => f.sha256)).toEqual([SHA]);
  });
});

describe('ledger: parser and year together', needsCorpus, () => {
  it('a year set with another parser can be changed again by re-timing', async () => {
    const engine = createEngine();
    await engine.createCase('year then parser');
    const [row] = (await engine.ingest([{ path: 'ssh.log', file: file(OPENSSH, 'ssh.log') }], {}, () => {})).files;
    const first = await engine.reingestFile(row.id, { parserId: 'generic', forcedYear: 2015 });
    expect(first.ok && first.file).toMatchObject({ parserId: 'generic', forcedYear: 2015 });
    const times = async () => (await engine.ledger())[0].firstTs;
    const y2015 = await times();
    expect(new Date(y2015 ?? NaN).getUTCFullYear()).toBe(2015);
    await engine.reingestFile(row.id, { forcedYear: 2016 });
    expect(new Date((await times()) ?? NaN).getUTCFullYear()).toBe(2016);
  });
});
