// Chunk bodies read in another worker (store/remoteBodies.ts; the ingest worker in the browser, here the same
// function behind a structured clone with the arrays transferred, as postMessage does): a reopen reads every body
// through it and answers exactly as reading them in the engine does; a reader that fails hands the open's bodies
// back to the engine's own read.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { createEngine } from '../../../src/workers/engine.ts';
import { MemoryBackend, setBodyBackend } from '../../../src/workers/store/chunkBodies.ts';
import { readBodyHere, setRemoteBodyReader } from '../../../src/workers/store/remoteBodies.ts';
import { wireBuffers, type WireChunk } from '../../../src/workers/chunk/packedDict.ts';
import type { DroppedFile, EngineApi } from '../../../src/workers/api.ts';
import type { StoredChunk } from '../../../src/workers/store/schema.ts';

afterEach(() => {
  setRemoteBodyReader(undefined);
  setBodyBackend(undefined);
});

/** 22,000 syslog lines (three chunks, each big enough for a body), every 1,000th one garbage. */
function files(): DroppedFile[] {
  const lines: string[] = [];
  for (let i = 0; i < 22_000; i++) {
    lines.push(i % 1000 === 999 ? `%%% not a log line ${i}` : `Mar  3 14:${String(Math.floor(i / 600) % 60).padStart(2, '0')}:${String(i % 60).padStart(2, '0')} web01 sshd[${4000 + i}]: Failed password for user${i % 37} from 198.51.100.${i % 250} port ${1024 + i} ssh2`);
  }
  return [{ path: 'big.log', file: new File([lines.join('\n') + '\n'], 'big.log', { lastModified: Date.UTC(2026, 0, 1) }) }];
}

async function answers(engine: EngineApi): Promise<unknown[]> {
  const r = await engine.query('sshd');
  if (!r.ok) throw new Error(r.error.message);
  const page = await engine.page(r.handle.id, 0, 50, { field: 'ts', dir: 'desc' });
  const facets = await engine.facets(r.handle.id, ['src.ip', 'user.name', 'src.port'], 5);
  await engine.release(r.handle.id);
  const failed = await engine.query('outcome:failure AND user.name:user3');
  if (!failed.ok) throw new Error(failed.error.message);
  return [r.handle.total, failed.handle.total, page, facets, await engine.ledger()];
}

/** The other worker's read as the engine receives it: decoded there, then cloned with its arrays transferred. */
function remoteOf(backend: MemoryBackend, calls: string[], failFirst = false) {
  return async (caseId: string, name: string): Promise<StoredChunk> => {
    calls.push(name);
    if (failFirst && calls.length === 1) throw new Error('the other worker failed');
    const chunk = await readBodyHere(caseId, name, backend);
    return structuredClone(chunk, { transfer: wireBuffers(chunk as unknown as WireChunk) });
  };
}

describe('chunk bodies read in another worker', () => {
  it('a reopen reads every body through it and answers as the engine reading them itself', async () => {
    const backend = new MemoryBackend();
    setBodyBackend(backend);
    const engine = createEngine();
    const info = await engine.createCase('remote');
    await engine.ingest(files(), {}, () => {});
    const fresh = await answers(engine);
    const bodies = [...(backend.cases.get(info.id)?.keys() ?? [])];
    expect(bodies).toHaveLength(3);

    await engine.openCase(info.id); // read here
    const local = await answers(engine);
    expect(local).toEqual(fresh);

    const calls: string[] = [];
    setRemoteBodyReader(remoteOf(backend, calls));
    await engine.openCase(info.id);
    expect(calls.sort()).toEqual([...bodies].sort());
    expect(await answers(engine)).toEqual(fresh);
  });

  it('after a failure there, the open reads its bodies itself, with the same answers', async () => {
    const backend = new MemoryBackend();
    setBodyBackend(backend);
    const engine = createEngine();
    const info = await engine.createCase('remote fails');
    await engine.ingest(files(), {}, () => {});
    const fresh = await answers(engine);
    const calls: string[] = [];
    setRemoteBodyReader(remoteOf(backend, calls, true));
    await engine.openCase(info.id);
    expect(await answers(engine)).toEqual(fresh);
    // a batch's bodies are requested at once: the later ones were asked before the first failed
    expect(calls).toHaveLength(3);
    await engine.openCase(info.id); // a new open tries the other worker again
    expect(calls).toHaveLength(6);
    expect(await answers(engine)).toEqual(fresh);
  });
});
