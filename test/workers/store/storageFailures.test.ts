// When storage fails: the disk fills up mid-ingest (putChunk throws QuotaExceededError after N chunks),
// or the tab is closed mid-ingest. Either way the case stays consistent: what is stored is searchable,
// counted the same in the ledger, the catalog and the index, and the file can be removed cleanly.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { readFileSync } from 'node:fs';
import { createEngine } from '../../../src/workers/engine.ts';
import type { DroppedFile, EngineApi } from '../../../src/workers/api.ts';
import { CaseStore } from '../../../src/workers/store/caseStore.ts';
import { corpusPath, needsCorpus } from '../../harness/corpus.ts';
import { ledgerRow, makeChunk } from './fixtures.ts';

/** 25,000 syslog lines, every 1,000th one garbage (an unparsed record): three chunks of 10,000. */
function bigLog(): DroppedFile {
  const lines: string[] = [];
  for (let i = 0; i < 25_000; i++) {
    lines.push(i % 1000 === 999 ? `%%% not a log line ${i}` : `Mar  3 14:${String(Math.floor(i / 600) % 60).padStart(2, '0')}:${String(i % 60).padStart(2, '0')} web01 sshd[${4000 + i}]: Failed password for root from 198.51.100.${i % 250} port 22 ssh2`);
  }
  return { path: 'big.log', file: new File([lines.join('\n') + '\n'], 'big.log', { lastModified: Date.UTC(2026, 0, 1) }) };
}

function corpusFile(rel: string, name: string): DroppedFile {
  return { path: name, file: new File([readFileSync(corpusPath(rel))], name, { lastModified: Date.UTC(2026, 0, 1) }) };
}

/** putChunk succeeds `n` times, then the disk is full. */
function quotaAfter(n: number): void {
  const real = CaseStore.prototype.putChunk;
  let calls = 0;
  vi.spyOn(CaseStore.prototype, 'putChunk').mockImplementation(function (this: CaseStore, chunk) {
    if (++calls > n) return Promise.reject(new DOMException('The quota has been exceeded.', 'QuotaExceededError'));
    return real.call(this, chunk);
  });
}

async function total(engine: EngineApi, q = ''): Promise<number> {
  const r = await engine.query(q);
  if (!r.ok) throw new Error(r.error.message);
  return r.handle.total;
}

afterEach(() => { vi.restoreAllMocks(); });

describe('storage full mid-ingest', () => {
  it('stops that file cleanly, cancels the rest, and keeps counts equal to what is stored', needsCorpus, async () => {
    const engine = createEngine();
    const info = await engine.createCase('full disk');
    quotaAfter(2);
    const done = await engine.ingest([bigLog(), corpusFile('loghub/OpenSSH/OpenSSH_2k.log', 'ssh.log'), corpusFile('loghub/Linux/Linux_2k.log', 'linux.log')], {}, () => {});
    vi.restoreAllMocks();

    expect(done.files.map((f) => [f.path, f.state, f.events])).toEqual([
      ['big.log', 'incomplete', 20_000],
      ['ssh.log', 'cancelled', 0],
      ['linux.log', 'cancelled', 0],
    ]);
    const [big, ssh] = done.files;
    expect(big.message).toBe("Storage is full: 20,000 of this file's events were stored. Free disk space or delete an old case, then remove and re-ingest this file.");
    expect(big.unparsed).toBe(20);
    expect(ssh.message).toMatch(/^Not read: storage filled up while reading big\.log/);

    // ledger (stored), index and catalog agree
    expect((await engine.ledger()).map((f) => [f.path, f.state, f.events])).toEqual(done.files.map((f) => [f.path, f.state, f.events]));
    expect(await total(engine)).toBe(20_000);
    expect(await total(engine, 'parser.name:unparsed')).toBe(20);
    expect((await engine.listCases()).find((c) => c.id === info.id)).toMatchObject({ events: 20_000, unparsed: 20, files: 3 });

    // the case stays usable: reopened it is the same, and the file can be removed and read again
    const reopened = createEngine();
    await reopened.openCase(info.id);
    expect(await total(reopened)).toBe(20_000);
    const after = await reopened.removeFile(big.id);
    expect(after).toMatchObject({ events: 0, files: 2, storedBytes: 0 });
    expect(await total(reopened)).toBe(0);
    await reopened.ingest([bigLog()], {}, () => {});
    expect(await total(reopened)).toBe(25_000);
  });

  it('says what failed when the write error is not the quota', needsCorpus, async () => {
    const engine = createEngine();
    await engine.createCase('broken disk');
    vi.spyOn(CaseStore.prototype, 'putChunk').mockRejectedValue(new Error('disk on fire'));
    const done = await engine.ingest([corpusFile('loghub/OpenSSH/OpenSSH_2k.log', 'ssh.log')], {}, () => {});
    expect(done.files[0]).toMatchObject({ state: 'incomplete', events: 0 });
    expect(done.files[0].message).toMatch(/^Storage failed \(disk on fire\): 0 of this file's events were stored\./);
  });
});

describe('interrupted ingest', () => {
  it('keeps the stored part searchable and counted after a reload, and removeFile cleans it', async () => {
    const engine = createEngine();
    const info = await engine.createCase('interrupted');
    const store = await CaseStore.open(info.id);
    // what a tab closed mid-file leaves: a 'reading' row whose counts were never written, and two chunks
    const fileId = await store.addFile(ledgerRow('half.log', { state: 'reading', events: 0, bytesRead: 50 }));
    await store.putChunk(makeChunk(fileId, 0, 300, 100));
    await store.putChunk(makeChunk(fileId, 1, 300, 100));
    store.close();

    const other = createEngine();
    const opened = await other.openCase(info.id);
    expect(opened).toMatchObject({ events: 600, unparsed: 6, files: 1 });
    const [file] = await other.ledger();
    expect(file).toMatchObject({ state: 'incomplete', events: 600, unparsed: 6 });
    expect(file.message).toMatch(/^Reading was interrupted \(tab closed or reloaded\) after [\d.]+ (bytes|KiB|MiB): 600 of this file's events were stored/);
    expect(await total(other)).toBe(600);
    expect((await other.listCases()).find((c) => c.id === info.id)).toMatchObject({ events: 600 });

    const after = await other.removeFile(file.id);
    expect(after).toMatchObject({ events: 0, unparsed: 0, files: 0, storedBytes: 0 });
    expect(await other.ledger()).toEqual([]);
    expect(await total(other)).toBe(0);
    const check = await CaseStore.open(info.id);
    expect((await check.storedByFile()).size).toBe(0);
    check.close();
  });
});
