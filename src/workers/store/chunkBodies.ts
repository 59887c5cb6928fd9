// Where big chunks' bytes live when not in IndexedDB (case schema 8): one file per chunk in a folder per case.
// In the browser that is the Origin Private File System (opfsBodies.ts), which costs 2.5-3x less CPU per byte
// than an IndexedDB value both ways (docs/architecture.md, Storage). IndexedDB stays the commit point: a body is
// written, flushed and closed before the transaction that records it (the chunk's row becomes a ChunkRef), and a
// body no row names is an orphan, removed on open under the case's lock (caseBodies.ts).
// Where there is no OPFS (Node: tests, the CLI; the in-memory IndexedDB fallback) every chunk stays in IndexedDB.
import { storageMode } from './storageMode.ts';
import { opfsBackend } from './opfsBodies.ts';

/** One case's folder of chunk bodies. */
export interface BodyDir {
  /** Writes the bytes under `name` (a new name): written, flushed and closed when this resolves. */
  write(name: string, bytes: Uint8Array): Promise<void>;
  /** The bytes under `name`; rejects with a DOMException named NotFoundError when there is none. */
  read(name: string): Promise<ArrayBuffer>;
  /** Removes `name`; none is fine. */
  remove(name: string): Promise<void>;
  list(): Promise<string[]>;
}

export interface BodyBackend {
  /** 'opfs' or 'memory' (tests): said in the architecture figures and tests */
  readonly kind: string;
  dir(caseId: string): Promise<BodyDir>;
  /** Removes a case's whole folder (the case was deleted). */
  removeCase(caseId: string): Promise<void>;
}

let chosen: Promise<BodyBackend | undefined> | undefined;

/** Decided once per worker: OPFS where it passes its probe and cases are kept on disk, else none. */
export function bodyBackend(): Promise<BodyBackend | undefined> {
  chosen ??= (async () => {
    if ((await storageMode()) === 'memory') return undefined; // the chunk rows die with the tab: so must the bytes
    return opfsBackend();
  })();
  return chosen;
}

/** Tests: a backend (memoryBackend) or none for every case opened after this call. */
export function setBodyBackend(backend: BodyBackend | undefined): void {
  chosen = Promise.resolve(backend);
}

export function notFound(name: string): DOMException {
  return new DOMException(`no stored chunk body ${name}`, 'NotFoundError');
}

export function isNotFound(e: unknown): boolean {
  return typeof e === 'object' && e !== null && (e as { name?: unknown }).name === 'NotFoundError';
}

/**
 * Bodies in a Map (unit tests of the code around OPFS, which Node lacks). `failWrite` makes the next writes
 * throw (a full disk: QuotaExceededError), after writing part of the bytes as a real file system may;
 * `stallWrite` keeps the next writes pending until it settles (a file system that stops answering).
 */
export class MemoryBackend implements BodyBackend {
  readonly kind = 'memory';
  readonly cases = new Map<string, Map<string, Uint8Array>>();
  failWrite: (() => Error | undefined) | undefined;
  stallWrite: Promise<void> | undefined;

  async dir(caseId: string): Promise<BodyDir> {
    const files = (): Map<string, Uint8Array> => {
      let f = this.cases.get(caseId);
      if (f === undefined) this.cases.set(caseId, (f = new Map()));
      return f;
    };
    return {
      write: async (name, bytes) => {
        if (this.stallWrite !== undefined) await this.stallWrite;
        const fail = this.failWrite?.();
        if (fail !== undefined) {
          files().set(name, bytes.slice(0, bytes.byteLength >> 1)); // what the disk took before it was full
          throw fail;
        }
        files().set(name, bytes.slice());
      },
      read: async (name) => {
        const b = files().get(name);
        if (b === undefined) throw notFound(name);
        return b.slice().buffer;
      },
      remove: async (name) => { files().delete(name); },
      list: async () => [...files().keys()],
    };
  }

  async removeCase(caseId: string): Promise<void> {
    this.cases.delete(caseId);
  }
}
