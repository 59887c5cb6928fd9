// The engine as the worker exposes it, in Node with fake-indexeddb: cases, ingest into chunks, reopen,
// queries, an interrupted ingest, delete.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { createEngine } from '../../src/workers/engine.ts';
import type { DroppedFile, IngestProgress } from '../../src/workers/api.ts';
import { corpusPath, needsCorpus } from '../harness/corpus.ts';
import { CaseStore } from '../../src/workers/store/caseStore.ts';

function dropped(path: string, name: string): DroppedFile {
  return { path: name, file: new File([readFileSync(path)], name, { lastModified: Date.UTC(2026, 0, 1) }) };
}

const OPENSSH = corpusPath('loghub/OpenSSH/OpenSSH_2k.log');

describe('engine', () => {
  it('ingests several files into a case, counts per file, and reopens it from IndexedDB', needsCorpus, async () => {
    const engine = createEngine();
    const info = await engine.createCase('test case');
    const png = new File([Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 73, 72, 68, 82, 0, 1, 2, 3])], 'x.png');
    const progress: IngestProgress[] = [];
    const done = await engine.ingest(
      [{ path: 'x.png', file: png }, dropped(OPENSSH, 'ssh/OpenSSH_2k.log'), dropped(corpusPath('loghub/Linux/Linux_2k.log'), 'Linux_2k.log')],
      {}, (p) => progress.push(p),
    );
    expect(done.done).toBe(true);
    expect(done.files.map((f) => [f.path, f.state, f.parserId, f.events, f.unparsed])).toEqual([
      ['x.png', 'skipped', '', 0, 0],
      ['ssh/OpenSSH_2k.log', 'done', 'syslog3164', 2000, 0],
      ['Linux_2k.log', 'done', 'syslog3164', 2000, 0],
    ]);
    expect(new Set(done.files.map((f) => f.id)).size).toBe(3);
    expect(progress.at(-1)?.done).toBe(true);

    const all = await engine.query('');
    expect(all.ok && all.handle.total).toBe(4000);

    // a second engine (a reloaded tab) sees the same case and events
    const reopened = createEngine();
    const cases = await reopened.listCases();
    expect(cases.find((c) => c.id === info.id)).toMatchObject({ name: 'test case', events: 4000, files: 3 });
    await reopened.openCase(info.id);
    const again = await reopened.query('');
    expect(again.ok && again.handle.total).toBe(4000);
    if (!again.ok) return;
    const rows = await reopened.page(again.handle.id, 0, 3);
    expect(rows.map((r) => r.fields['col.line'])).toHaveLength(3);
    expect((await reopened.ledger()).map((f) => f.path)).toEqual(['x.png', 'ssh/OpenSSH_2k.log', 'Linux_2k.log']);

    await reopened.deleteCase(info.id);
    expect((await reopened.listCases()).find((c) => c.id === info.id)).toBeUndefined();
  });

  it('marks a file left half-read by a closed tab as incomplete on reopen', async () => {
    const engine = createEngine();
    const info = await engine.createCase('interrupted');
    const store = await CaseStore.open(info.id);
    await store.addFile({
      path: 'big.log', size: 100, sha256: '', parserId: 'syslog3164', confidence: 1, state: 'reading', bytesRead: 50,
      events: 10, unparsed: 0, meta: 0, tzOffsetMinutes: 0, timeGuess: '', issues: [],
    });
    store.close();
    const other = createEngine();
    await other.openCase(info.id);
    const [file] = await other.ledger();
    expect(file.state).toBe('incomplete');
    expect(file.message).toMatch(/interrupted/);
  });

  it('a late release of a query handle after its case went (deleted in another tab) is not an error', async () => {
    const engine = createEngine();
    const info = await engine.createCase('gone');
    const q = await engine.query('');
    if (!q.ok) throw new Error(q.error.message);
    await engine.deleteCase(info.id);
    // the page releases handles without waiting (void engine.release): a rejection there was a page error
    await expect(engine.release(q.handle.id)).resolves.toBeUndefined();
    await expect(createEngine().release(1)).resolves.toBeUndefined();
  });
});
