// The engine with chunk bodies outside IndexedDB (case schema 8; the in-memory body store stands in for OPFS):
// an ingest, reopen, queries, re-time, removing a file, a full disk and deleting the case give what the same
// engine gives with every chunk in IndexedDB, and the hand-over file is byte-identical either way.
import 'fake-indexeddb/auto';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { createEngine } from '../../../src/workers/engine.ts';
import { MemoryBackend, setBodyBackend } from '../../../src/workers/store/chunkBodies.ts';
import type { DroppedFile, EngineApi } from '../../../src/workers/api.ts';

afterAll(() => setBodyBackend(undefined));

/** 25,000 syslog lines (three chunks of up to 10,000), every 1,000th one garbage, and a small second file. */
function files(): DroppedFile[] {
  const lines: string[] = [];
  for (let i = 0; i < 25_000; i++) {
    lines.push(i % 1000 === 999 ? `%%% not a log line ${i}` : `Mar  3 14:${String(Math.floor(i / 600) % 60).padStart(2, '0')}:${String(i % 60).padStart(2, '0')} web01 sshd[${4000 + i}]: Failed password for root from 198.51.100.${i % 250} port 22 ssh2`);
  }
  const small = 'Mar  3 15:00:00 web02 CRON[1]: pam_unix(cron:session): session opened for user root by (uid=0)\n';
  const at = Date.UTC(2026, 0, 1);
  return [
    { path: 'big.log', file: new File([lines.join('\n') + '\n'], 'big.log', { lastModified: at }) },
    { path: 'small.log', file: new File([small], 'small.log', { lastModified: at }) },
  ];
}

async function total(engine: EngineApi, q = ''): Promise<number> {
  const r = await engine.query(q);
  if (!r.ok) throw new Error(r.error.message);
  return r.handle.total;
}

async function answers(engine: EngineApi): Promise<unknown[]> {
  const r = await engine.query('sshd');
  if (!r.ok) throw new Error(r.error.message);
  const page = await engine.page(r.handle.id, 0, 50, { field: 'ts', dir: 'desc' });
  const facets = await engine.facets(r.handle.id, ['src.ip', 'obs.host.name'], 5);
  await engine.release(r.handle.id);
  return [await total(engine), await total(engine, 'outcome:failure'), page, facets];
}

/** A case built the same way with or without bodies; returns what it answers and its hand-over chunk records. */
async function run(backend: MemoryBackend | undefined) {
  setBodyBackend(backend);
  const engine = createEngine();
  const info = await engine.createCase('bodies');
  const done = await engine.ingest(files(), {}, () => {});
  expect(done.files.map((f) => f.state)).toEqual(['done', 'done']);
  const fresh = await answers(engine);
  await engine.openCase(info.id); // a reopen reads the chunks back
  const reopened = await answers(engine);
  expect(reopened).toEqual(fresh);
  const exported = new TextDecoder().decode(await (await engine.exportCase(info.id)).blob.arrayBuffer());
  const chunkLines = exported.split('\n').filter((l) => l.startsWith('{"t":"chunk"'));
  return { engine, info, fresh, chunkLines, ledger: await engine.ledger() };
}

describe('the engine with chunk bodies', () => {
  it('answers, reopens and exports exactly as with every chunk in IndexedDB; removing a file and the case removes their bodies', async () => {
    const plain = await run(undefined);
    const backend = new MemoryBackend();
    const bodies = await run(backend);
    expect(bodies.fresh).toEqual(plain.fresh);
    expect(bodies.chunkLines).toEqual(plain.chunkLines);
    expect(bodies.chunkLines).toHaveLength(4);
    const dir = () => [...(backend.cases.get(bodies.info.id)?.keys() ?? [])];
    expect(dir()).toHaveLength(3); // the three big chunks; small.log's one-event chunk stayed in IndexedDB

    // hand-over: export -> import -> export is byte-identical with bodies on both sides
    const { engine } = bodies;
    const first = new Uint8Array(await (await engine.exportCase(bodies.info.id)).blob.arrayBuffer());
    const copy = await engine.importCase(new Blob([first]));
    expect(backend.cases.get(copy.id)?.size).toBe(3);
    const again = new Uint8Array(await (await engine.exportCase(copy.id)).blob.arrayBuffer());
    const body = (b: Uint8Array) => new TextDecoder().decode(b).split('\n').slice(2, -2);
    expect(body(again)).toEqual(body(first));
    await engine.deleteCase(copy.id);
    expect(backend.cases.has(copy.id)).toBe(false);

    // re-time rewrites every chunk of the file: new bodies, the old ones gone, the answers moved by the offset
    await engine.openCase(bodies.info.id);
    const big = bodies.ledger.find((f) => f.path === 'big.log')!;
    const before = dir();
    expect(await engine.reingestFile(big.id, { tzOffsetMinutes: 60 })).toMatchObject({ ok: true });
    expect(dir()).toHaveLength(3);
    expect(dir().filter((n) => before.includes(n))).toEqual([]);
    expect(await total(engine)).toBe(25_001);

    await engine.removeFile(big.id);
    expect(dir()).toEqual([]);
    expect(await total(engine)).toBe(1);
    await engine.deleteCase(bodies.info.id);
    expect(backend.cases.has(bodies.info.id)).toBe(false);
  });

  it('chunk files refused mid-ingest (OPFS in memory off the record): the rest goes to IndexedDB, nothing is lost', async () => {
    const backend = new MemoryBackend();
    setBodyBackend(backend);
    const engine = createEngine();
    const info = await engine.createCase('refused');
    let writes = 0;
    backend.failWrite = () => (++writes > 2 ? new DOMException('The quota has been exceeded.', 'QuotaExceededError') : undefined);
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const done = await engine.ingest(files(), {}, () => {});
    warn.mockRestore();
    backend.failWrite = undefined;
    expect(done.files.map((f) => [f.path, f.state, f.events])).toEqual([['big.log', 'done', 24_975], ['small.log', 'done', 1]]);
    expect(writes).toBe(3); // two bodies written, the third refused, none tried after it
    expect(backend.cases.get(info.id)?.size).toBe(2);
    expect(await total(engine)).toBe(25_001);
    await engine.openCase(info.id);
    expect(await total(engine)).toBe(25_001);
  });
});
