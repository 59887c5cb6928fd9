// Chunk bodies read, expanded and decoded in another worker (the ingest worker, idle while a case opens), so the
// engine worker only indexes them. A 1M-line auth.log reopen spent ~1 s of the engine's ~2.5 s busy in the
// body path (OPFS read, inflate of 32 -> 179 MB, the concatenation and each array's copy); the second core was
// mostly idle (bench/profile-reopen.ts, profile on disk). The other worker runs the same code (readBodyHere) on
// the same files through its own read-only handles (shared: several readers may hold them). Any failure there
// leaves the body to the engine's own read, which knows what to do with a body removed or rewritten meanwhile.
import { expandBody } from './bodyCompression.ts';
import { decodeChunkBody } from './chunkBody.ts';
import type { BodyBackend, BodyDir } from './chunkBodies.ts';
import { opfsBackend } from './opfsBodies.ts';
import type { StoredChunk } from './schema.ts';

/** Reads the body `name` of case `caseId` elsewhere; its typed arrays arrive as the local read gives them. */
export type RemoteBodyReader = (caseId: string, name: string) => Promise<StoredChunk>;

let remote: RemoteBodyReader | undefined;
let warm: (() => void) | undefined;

/**
 * The engine worker's wiring (engine.worker.ts); tests set a fake one or none. `start` starts the other worker
 * (CaseStore.open calls it): its script loads while the case's rows are read, not when the first body is asked.
 */
export function setRemoteBodyReader(reader: RemoteBodyReader | undefined, start?: () => void): void {
  remote = reader;
  warm = start;
}

/** What CaseStore.open gives each case's bodies (the other worker started). */
export function remoteBodyReader(): RemoteBodyReader | undefined {
  warm?.();
  return remote;
}

let opfs: Promise<BodyBackend | undefined> | undefined;
// the last case's folder: a reopen reads one case's bodies
let last: { caseId: string; backend: BodyBackend | undefined; dir: Promise<BodyDir> } | undefined;

/**
 * The reading side, in the other worker: the body as CaseBodies.read decodes it (key left as stored), from OPFS
 * (tests pass the in-memory backend).
 */
export async function readBodyHere(caseId: string, name: string, given?: BodyBackend): Promise<StoredChunk> {
  if (last?.caseId !== caseId || last.backend !== given) {
    const b = given ?? (await (opfs ??= opfsBackend()));
    if (b === undefined) throw new Error('no Origin Private File System in this worker');
    last = { caseId, backend: given, dir: b.dir(caseId) };
  }
  return decodeChunkBody(await expandBody(await (await last.dir).read(name)));
}
