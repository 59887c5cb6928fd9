// The browser's HasherFactory: hashes in a hash worker started by the ingest worker. A whole dropped file is
// read by the hash worker itself from its Blob (the reads of the ingest worker are neither copied nor posted:
// for EVTX, whose reads the parser keeps, the copy and post were a tenth of the ingest worker's time). Other
// bytes (archive members, decompressed output) are sent: a chunk the parser still reads is copied once and the
// copy transferred (update); a chunk the reader is done with is transferred as it is (take: text files, after
// the line splitter has decoded it).
import type { ByteHasher, HasherFactory } from './hashing.ts';
import { embeddedWorker } from '../embed.ts';

/** bytes: a piece of the file; blob: the whole file, read by the hash worker; end: the digest is wanted; cancel: it is not */
export interface HashRequest { id: number; bytes?: Uint8Array; blob?: Blob; end?: boolean; cancel?: boolean }
/** error: the Blob could not be read (the file changed or vanished on disk) */
export interface HashReply { id: number; hashed: number; hex?: string; error?: string }

/** bytes sent but not yet hashed above which the reader waits (the hash worker lags on a busy machine) */
const MAX_BEHIND = 32 * 1024 * 1024;

let worker: Worker | undefined;
let nextId = 1;
const listeners = new Map<number, (r: HashReply) => void>();

function hashWorker(): Worker {
  if (worker === undefined) {
    worker = embeddedWorker('hash', 'logdrop-hash')
      ?? new Worker(new URL('./hash.worker.ts', import.meta.url), { type: 'module', name: 'logdrop-hash' });
    worker.onmessage = (e: MessageEvent<HashReply>) => listeners.get(e.data.id)?.(e.data);
  }
  return worker;
}

export const workerHasher: HasherFactory = (whole?: Blob): ByteHasher => {
  const w = hashWorker();
  const id = nextId++;
  let sent = 0, hashed = 0;
  let caughtUp: (() => void) | undefined;
  let done: { resolve: (hex: string) => void; reject: (e: Error) => void } | undefined;
  listeners.set(id, (r) => {
    hashed = r.hashed;
    if (caughtUp !== undefined && sent - hashed <= MAX_BEHIND / 2) {
      caughtUp();
      caughtUp = undefined;
    }
    if (r.hex !== undefined || r.error !== undefined) {
      listeners.delete(id);
      if (r.hex !== undefined) done?.resolve(r.hex);
      else done?.reject(new Error(`the file could not be read again for its SHA-256 (${r.error})`));
    }
  });
  const send = (bytes: Uint8Array) => {
    sent += bytes.length;
    w.postMessage({ id, bytes } satisfies HashRequest, [bytes.buffer as ArrayBuffer]);
  };
  // started at once: the hash worker reads the file while the ingest worker parses it
  if (whole !== undefined) w.postMessage({ id, blob: whole } satisfies HashRequest);
  return {
    update(bytes) {
      if (whole === undefined) send(bytes.slice());
    },
    take(bytes) {
      if (whole !== undefined) return;
      // a view of part of a buffer is copied: transferring the buffer would take bytes it does not own
      send(bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength && bytes.buffer instanceof ArrayBuffer ? bytes : bytes.slice());
    },
    drain() {
      if (sent - hashed <= MAX_BEHIND) return Promise.resolve();
      return new Promise<void>((resolve) => { caughtUp = resolve; });
    },
    hex() {
      return new Promise<string>((resolve, reject) => {
        done = { resolve, reject };
        w.postMessage({ id, end: true } satisfies HashRequest);
      });
    },
    abandon() {
      listeners.delete(id);
      w.postMessage({ id, cancel: true } satisfies HashRequest);
    },
  };
};
